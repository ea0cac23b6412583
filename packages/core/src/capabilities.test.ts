import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_STATUSES,
  CAPABILITY_ACTIONS,
  type CapabilityAction,
  capabilityFor,
  restrictedActions,
  type Standing,
  standingRestrictions,
} from './capabilities.js';
import { MERCHANT_STATUSES } from './merchant-status.js';

/**
 * The expected matrix, written out action by action so a change to the data in capabilities.ts has to be
 * made here too. Columns: ACTIVE, GENERAL_FROZEN, SAFE_FROZEN (store only), DISABLED, DELETED.
 * Y = allowed, n = refused, - = not a status of that subject.
 */
const EXPECTED: Record<CapabilityAction, string> = {
  //                    A  G  S  Di De
  login: /*            */ 'Y Y Y Y n',
  'api.use': /*        */ 'Y Y Y Y n',
  'account.manage': /* */ 'Y Y Y Y n',
  purchase: /*         */ 'Y Y n n n',
  'order.process': /*  */ 'Y Y n n n',
  'listing.edit': /*   */ 'Y n n n n',
  'listing.publish': /**/ 'Y n n n n',
  'coupon.manage': /*  */ 'Y n n n n',
  'store.profile': /*  */ 'Y n n n n',
  'team.manage': /*    */ 'Y Y n n n',
  'funds.settle': /*   */ 'Y Y n n n',
  'review.write': /*   */ 'Y n n n n',
  'review.reply': /*   */ 'Y n n n n',
  'conversation.start': 'Y n n n n',
  'conversation.reply': 'Y Y Y Y n',
  'support.contact': /**/ 'Y Y Y Y n',
  'violation.respond': 'Y Y Y Y n',
  'platform.operate': /**/ 'Y n n n n',
};
const COLUMN = { ACTIVE: 0, GENERAL_FROZEN: 1, SAFE_FROZEN: 2, DISABLED: 3, DELETED: 4 } as const;

function expected(action: CapabilityAction, status: keyof typeof COLUMN): boolean {
  return EXPECTED[action].split(' ')[COLUMN[status]] === 'Y';
}

describe('capabilityFor — a store’s staff (account ACTIVE), every store status × action', () => {
  const rows = MERCHANT_STATUSES.flatMap((status) =>
    CAPABILITY_ACTIONS.map((action) => [status, action, expected(action, status)] as const),
  );
  it.each(rows)('store %s, %s → %s', (status, action, allowed) => {
    const result = capabilityFor({ account: 'ACTIVE', store: status }, action);
    expect(result.allowed).toBe(allowed);
    if (!result.allowed) expect(result.refusedBy.subject).toBe('STORE');
  });
});

describe('capabilityFor — an account’s own status (no store), every status × action', () => {
  const rows = ACCOUNT_STATUSES.flatMap((status) =>
    CAPABILITY_ACTIONS.map((action) => {
      // A disabled account cannot sign in at all (unlike a disabled store's staff, who browse read-only).
      const allowed = status === 'DISABLED' ? false : expected(action, status);
      return [status, action, allowed] as const;
    }),
  );
  it.each(rows)('account %s, %s → %s', (status, action, allowed) => {
    const result = capabilityFor({ account: status, store: null }, action);
    expect(result.allowed).toBe(allowed);
    if (!result.allowed) expect(result.refusedBy.subject).toBe('ACCOUNT');
  });
});

describe('capabilityFor — the sanction that refuses', () => {
  it.each([
    [{ account: 'GENERAL_FROZEN', store: null }, 'review.write', 'ACCOUNT', 'GENERAL_FREEZE'],
    [{ account: 'ACTIVE', store: 'GENERAL_FROZEN' }, 'listing.publish', 'STORE', 'GENERAL_FREEZE'],
    [{ account: 'ACTIVE', store: 'SAFE_FROZEN' }, 'order.process', 'STORE', 'SAFE_FREEZE'],
    [{ account: 'ACTIVE', store: 'DISABLED' }, 'listing.edit', 'STORE', 'DISABLED'],
    [{ account: 'ACTIVE', store: 'DELETED' }, 'login', 'STORE', 'DELETION'],
    [{ account: 'DELETED', store: null }, 'login', 'ACCOUNT', 'DELETION'],
    [{ account: 'DISABLED', store: null }, 'api.use', 'ACCOUNT', 'DISABLED'],
    // The account's own status is looked at first.
    [{ account: 'DELETED', store: 'SAFE_FROZEN' }, 'login', 'ACCOUNT', 'DELETION'],
    [{ account: 'GENERAL_FROZEN', store: 'SAFE_FROZEN' }, 'listing.edit', 'ACCOUNT', 'GENERAL_FREEZE'],
    // … but what the account allows the store may still refuse.
    [{ account: 'GENERAL_FROZEN', store: 'SAFE_FROZEN' }, 'order.process', 'STORE', 'SAFE_FREEZE'],
  ] as const)('%o %s → refused by %s %s', (standing, action, subject, kind) => {
    expect(capabilityFor(standing as Standing, action)).toEqual({
      allowed: false,
      refusedBy: { subject, kind },
    });
  });

  it('a general-frozen shopper can still buy and reply, but not review or start a conversation', () => {
    const s: Standing = { account: 'GENERAL_FROZEN', store: null };
    expect(capabilityFor(s, 'purchase').allowed).toBe(true);
    expect(capabilityFor(s, 'conversation.reply').allowed).toBe(true);
    expect(capabilityFor(s, 'review.write').allowed).toBe(false);
    expect(capabilityFor(s, 'conversation.start').allowed).toBe(false);
  });

  it('a general-frozen store can still process orders but not publish', () => {
    const s: Standing = { account: 'ACTIVE', store: 'GENERAL_FROZEN' };
    expect(capabilityFor(s, 'order.process').allowed).toBe(true);
    expect(capabilityFor(s, 'listing.publish').allowed).toBe(false);
  });
});

describe('restrictedActions / standingRestrictions', () => {
  it('nothing is restricted in good standing', () => {
    expect(restrictedActions({ account: 'ACTIVE', store: null })).toEqual([]);
    expect(restrictedActions({ account: 'ACTIVE', store: 'ACTIVE' })).toEqual([]);
    expect(standingRestrictions({ account: 'ACTIVE', store: 'ACTIVE' })).toEqual([]);
  });

  it('a general freeze restricts exactly the posting actions', () => {
    expect(restrictedActions({ account: 'GENERAL_FROZEN', store: null })).toEqual([
      'listing.edit',
      'listing.publish',
      'coupon.manage',
      'store.profile',
      'review.write',
      'review.reply',
      'conversation.start',
      'platform.operate',
    ]);
  });

  it('lists the stronger sanction first', () => {
    expect(standingRestrictions({ account: 'GENERAL_FROZEN', store: 'SAFE_FROZEN' })).toEqual([
      { subject: 'STORE', kind: 'SAFE_FREEZE' },
      { subject: 'ACCOUNT', kind: 'GENERAL_FREEZE' },
    ]);
    expect(standingRestrictions({ account: 'ACTIVE', store: 'GENERAL_FROZEN' })).toEqual([
      { subject: 'STORE', kind: 'GENERAL_FREEZE' },
    ]);
  });
});

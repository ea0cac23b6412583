import { describe, expect, it } from 'vitest';
import {
  balancesFromEntries,
  checkSettlement,
  commissionSplit,
  isLedgerBucket,
  isLedgerEntryKind,
  type LedgerBucket,
  merchantCanBeSettled,
  fundsMovementsNeedOrderPending,
  orderFundsMovements,
} from './merchant-funds.js';
import { MERCHANT_STATUSES } from './merchant-status.js';
import { money } from './money.js';
import { ORDER_STATUSES } from './order-status.js';

const usd = (minor: number) => money(minor, 'USD');

describe('commissionSplit', () => {
  it.each([
    // gross, bps, commission, net
    [10_000, 0, 0, 10_000],
    [10_000, 500, 500, 9_500],
    [10_000, 10_000, 10_000, 0],
    [1_999, 250, 50, 1_949], // 49.975 → 50
    [50, 1_000, 5, 45],
    [25, 1_000, 2, 23], // 2.5 → 2 (ties to even)
    [35, 1_000, 4, 31], // 3.5 → 4 (ties to even)
    [0, 1_500, 0, 0],
    [1, 4_999, 0, 1],
  ])('%i at %i bp → commission %i, net %i', (gross, bps, commission, net) => {
    const split = commissionSplit(usd(gross), bps);
    expect(split).toEqual({ gross: usd(gross), commission: usd(commission), net: usd(net) });
    expect(split.commission.minor + split.net.minor).toBe(gross);
  });

  it.each([-1, 10_001, 1.5, Number.NaN])('refuses %s basis points', (bps) => {
    expect(() => commissionSplit(usd(100), bps)).toThrow(RangeError);
  });

  it('refuses a negative paid amount', () => {
    expect(() => commissionSplit(usd(-1), 0)).toThrow(RangeError);
  });
});

describe('orderFundsMovements', () => {
  const facts = (gross: number, bps: number, orderPending: number) => ({
    gross: usd(gross),
    commissionBps: bps,
    orderPending: usd(orderPending),
  });

  it.each([
    ['AWAITING_SHIPMENT', facts(4_800, 0, 0), [['ORDER_PAID', 'PENDING', 4_800]]],
    ['AWAITING_SHIPMENT', facts(4_800, 1_000, 0), [['ORDER_PAID', 'PENDING', 4_320]]],
    ['AWAITING_SHIPMENT', facts(4_800, 10_000, 0), []],
    ['FAILED', facts(4_800, 0, 4_800), [['ORDER_REFUNDED', 'PENDING', -4_800]]],
    // The reversal is what the order holds, even if the commission changed since it was paid.
    ['FAILED', facts(4_800, 2_000, 4_320), [['ORDER_REFUNDED', 'PENDING', -4_320]]],
    ['FAILED', facts(4_800, 0, 0), []],
    [
      'COMPLETED',
      facts(11_000, 500, 10_450),
      [
        ['ORDER_COMPLETED', 'PENDING', -10_450],
        ['ORDER_COMPLETED', 'AVAILABLE', 10_450],
      ],
    ],
    ['COMPLETED', facts(11_000, 0, 0), []],
    ['SHIPPED', facts(4_800, 0, 4_800), []],
    ['CLOSED', facts(4_800, 0, 0), []],
    ['AWAITING_PAYMENT', facts(4_800, 0, 0), []],
  ] as const)('→ %s %o', (to, f, expected) => {
    const movements = orderFundsMovements(to, f).map((m) => [m.kind, m.bucket, m.amount.minor]);
    expect(movements).toEqual(expected);
  });

  it('covers every order status', () => {
    for (const status of ORDER_STATUSES) {
      expect(() => orderFundsMovements(status, facts(100, 0, 100))).not.toThrow();
    }
  });

  it("depends on the order's PENDING sum only where fundsMovementsNeedOrderPending says so", () => {
    for (const status of ORDER_STATUSES) {
      const results = [0, 1, 4_320, 4_800].map((pending) =>
        JSON.stringify(orderFundsMovements(status, facts(4_800, 1_000, pending))),
      );
      const varies = new Set(results).size > 1;
      expect(varies, status).toBe(fundsMovementsNeedOrderPending(status));
    }
  });

  it('a paid order that completes moves exactly its net from pending to available', () => {
    const paid = orderFundsMovements('AWAITING_SHIPMENT', facts(1_999, 250, 0));
    const pending = paid.reduce((s, m) => s + m.amount.minor, 0);
    const done = orderFundsMovements('COMPLETED', facts(1_999, 250, pending));
    const balances = balancesFromEntries([...paid, ...done], 'USD');
    expect(balances).toEqual({ pending: usd(0), available: usd(1_949), frozen: usd(0) });
  });
});

describe('balancesFromEntries', () => {
  const entry = (bucket: LedgerBucket, minor: number) => ({ bucket, amount: usd(minor) });

  it.each([
    [[], [0, 0, 0]],
    [[entry('PENDING', 500)], [500, 0, 0]],
    [
      [entry('PENDING', 500), entry('PENDING', -500), entry('AVAILABLE', 500)],
      [0, 500, 0],
    ],
    [
      [entry('AVAILABLE', 900), entry('AVAILABLE', -400), entry('FROZEN', 30)],
      [0, 500, 30],
    ],
    [
      [entry('PENDING', 100), entry('FROZEN', -100), entry('FROZEN', 100)],
      [100, 0, 0],
    ],
  ] as const)('%o → pending/available/frozen %o', (entries, [pending, available, frozen]) => {
    expect(balancesFromEntries(entries, 'USD')).toEqual({
      pending: usd(pending),
      available: usd(available),
      frozen: usd(frozen),
    });
  });

  it('refuses entries of another currency', () => {
    expect(() => balancesFromEntries([{ bucket: 'PENDING', amount: money(1, 'TWD') }], 'USD')).toThrow();
  });
});

describe('merchantCanBeSettled', () => {
  it.each([
    ['ACTIVE', true],
    ['GENERAL_FROZEN', true],
    ['DISABLED', true],
    ['SAFE_FROZEN', false],
    ['DELETED', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(merchantCanBeSettled(status)).toBe(expected);
  });

  it('decides for every status', () => {
    for (const status of MERCHANT_STATUSES) expect(typeof merchantCanBeSettled(status)).toBe('boolean');
  });
});

describe('checkSettlement', () => {
  it.each([
    // status, available, requested → paid out or error code
    ['ACTIVE', 5_000, null, 5_000],
    ['ACTIVE', 5_000, '', 5_000],
    ['ACTIVE', 5_000, '  ', 5_000],
    ['ACTIVE', 5_000, '20.5', 2_050],
    ['ACTIVE', 5_000, '50', 5_000],
    ['ACTIVE', 5_000, '50.00', 5_000],
    ['GENERAL_FROZEN', 5_000, '1', 100],
    ['DISABLED', 5_000, null, 5_000],
    ['ACTIVE', 5_000, '50.01', 'AMOUNT_EXCEEDS_AVAILABLE'],
    ['ACTIVE', 5_000, '0', 'AMOUNT_NOT_POSITIVE'],
    ['ACTIVE', 5_000, '0.00', 'AMOUNT_NOT_POSITIVE'],
    ['ACTIVE', 5_000, '-1', 'AMOUNT_NOT_POSITIVE'],
    ['ACTIVE', 5_000, '1.234', 'INVALID_AMOUNT'],
    ['ACTIVE', 5_000, '1,000', 'INVALID_AMOUNT'],
    ['ACTIVE', 5_000, 'ten', 'INVALID_AMOUNT'],
    ['ACTIVE', 0, null, 'NOTHING_AVAILABLE'],
    ['ACTIVE', 0, '1', 'NOTHING_AVAILABLE'],
    ['ACTIVE', -100, null, 'NOTHING_AVAILABLE'],
    ['SAFE_FROZEN', 5_000, null, 'MERCHANT_NOT_SETTLEABLE'],
    ['DELETED', 5_000, '1', 'MERCHANT_NOT_SETTLEABLE'],
  ] as const)('%s with %i available, asked %o → %s', (merchantStatus, available, requested, expected) => {
    const result = checkSettlement({ merchantStatus, available: usd(available), requested });
    if (typeof expected === 'number') expect(result).toEqual({ ok: true, value: usd(expected) });
    else expect(result.ok ? null : result.error.code).toBe(expected);
  });
});

describe('guards', () => {
  it('recognises buckets and kinds', () => {
    expect(isLedgerBucket('PENDING')).toBe(true);
    expect(isLedgerBucket('pending')).toBe(false);
    expect(isLedgerEntryKind('PAYOUT')).toBe(true);
    expect(isLedgerEntryKind('REFUND')).toBe(false);
  });
});

import { assertNever } from './assert-never.js';
import type { MerchantStatus } from './merchant-status.js';

/**
 * Capabilities: what an account may do given its standing (DESIGN.md "Penalties", seed 001).
 *
 * The standing of a signed-in account is its own sanction status and, for merchant staff, the status of
 * its store. An action is allowed only when both tables below allow it. The API checks this in one place
 * (packages/api/src/modules/capabilities); the SPAs show the refused actions in a banner.
 */

/** Every action the platform restricts by standing. Role checks (who may call what at all) are separate. */
export const CAPABILITY_ACTIONS = [
  /** Sign in and keep a session. */
  'login',
  /** Call the API with a session or bearer token. */
  'api.use',
  /** The account's own settings: profile, password, addresses, language, sign out. */
  'account.manage',
  /** Cart, checkout, pay, cancel or confirm one's own orders. */
  'purchase',
  /** Process the store's orders: ship, deliver consulting reports, approve or decline cancellations. */
  'order.process',
  /** Create, change or delete listings (products, variants, images). */
  'listing.edit',
  /** Publish or unpublish listings. */
  'listing.publish',
  /** Create, change or cancel the store's coupons and activities (time-limited discounts). */
  'coupon.manage',
  /** Change the store's public profile (name, description, logo, shipping policy). */
  'store.profile',
  /** Manage the store's team (invitations, staff accounts). */
  'team.manage',
  /** Ask for settlement or payout of the store's funds. */
  'funds.settle',
  /** Write a review (credit evaluation) of a completed order. */
  'review.write',
  /** Reply publicly to a review of the store. */
  'review.reply',
  /** Start a new in-site conversation. */
  'conversation.start',
  /** Reply within an existing in-site conversation. */
  'conversation.reply',
  /** Send the contact form (payment or order problems) to customer service. */
  'support.contact',
  /** Mark one's own warning as corrected (ask staff to confirm). */
  'violation.respond',
  /** Platform operations by customer service and admins (penalties, help center, accounts …). */
  'platform.operate',
] as const;
export type CapabilityAction = (typeof CAPABILITY_ACTIONS)[number];

export function isCapabilityAction(value: unknown): value is CapabilityAction {
  return typeof value === 'string' && (CAPABILITY_ACTIONS as readonly string[]).includes(value);
}

/** A user account's own status (`user_account.status`). A user's general freeze is stored here. */
export const ACCOUNT_STATUSES = ['ACTIVE', 'GENERAL_FROZEN', 'DISABLED', 'DELETED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export function isAccountStatus(value: unknown): value is AccountStatus {
  return typeof value === 'string' && (ACCOUNT_STATUSES as readonly string[]).includes(value);
}

/** What an account's standing is made of. `store` is null for accounts that work for no store. */
export interface Standing {
  account: AccountStatus;
  store: MerchantStatus | null;
}

export const ACTIVE_STANDING: Standing = { account: 'ACTIVE', store: null };

/** The kind of sanction behind a status (what the banner names). */
export const RESTRICTION_KINDS = ['GENERAL_FREEZE', 'SAFE_FREEZE', 'DISABLED', 'DELETION'] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

/** Whose status refuses: the account's own or its store's. */
export type RestrictionSubject = 'ACCOUNT' | 'STORE';

export interface Restriction {
  subject: RestrictionSubject;
  kind: RestrictionKind;
}

export type Capability = { allowed: true } | { allowed: false; refusedBy: Restriction };

/** Everything a signed-in account may do under a general freeze (seed: "other functions are used normally"). */
const GENERAL_FREEZE_ALLOWED = [
  'login',
  'api.use',
  'account.manage',
  'purchase',
  'order.process',
  'team.manage',
  'funds.settle',
  'conversation.reply',
  'support.contact',
  'violation.respond',
] as const satisfies readonly CapabilityAction[];

/** Read-only: sign in, browse, own settings, answer the platform; no change to the store. */
const READ_ONLY_ALLOWED = [
  'login',
  'api.use',
  'account.manage',
  'conversation.reply',
  'support.contact',
  'violation.respond',
] as const satisfies readonly CapabilityAction[];

/**
 * The matrix for the account's own status (data). A general freeze allows browsing, buying, paying and order
 * processing and replies within existing conversations; it refuses posting, public replies, publishing or
 * editing listings, reviews and new conversations. A disabled or deleted account cannot sign in at all.
 */
export const ACCOUNT_CAPABILITIES: Readonly<Record<AccountStatus, readonly CapabilityAction[]>> = {
  ACTIVE: CAPABILITY_ACTIONS,
  GENERAL_FROZEN: GENERAL_FREEZE_ALLOWED,
  DISABLED: [],
  DELETED: [],
};

/**
 * The matrix for the store's status (merchant staff only). A safe freeze leaves the staff the management center
 * read-only: every change is refused, order processing included. A store disabled by the platform is read-only
 * too; a deleted store's staff cannot sign in.
 */
export const STORE_CAPABILITIES: Readonly<Record<MerchantStatus, readonly CapabilityAction[]>> = {
  ACTIVE: CAPABILITY_ACTIONS,
  GENERAL_FROZEN: GENERAL_FREEZE_ALLOWED,
  SAFE_FROZEN: READ_ONLY_ALLOWED,
  DISABLED: READ_ONLY_ALLOWED,
  DELETED: [],
};

export function accountRestrictionKind(status: AccountStatus): RestrictionKind | null {
  switch (status) {
    case 'ACTIVE':
      return null;
    case 'GENERAL_FROZEN':
      return 'GENERAL_FREEZE';
    case 'DISABLED':
      return 'DISABLED';
    case 'DELETED':
      return 'DELETION';
    default:
      return assertNever(status, 'account status');
  }
}

export function storeRestrictionKind(status: MerchantStatus): RestrictionKind | null {
  switch (status) {
    case 'ACTIVE':
      return null;
    case 'GENERAL_FROZEN':
      return 'GENERAL_FREEZE';
    case 'SAFE_FROZEN':
      return 'SAFE_FREEZE';
    case 'DISABLED':
      return 'DISABLED';
    case 'DELETED':
      return 'DELETION';
    default:
      return assertNever(status, 'merchant status');
  }
}

/**
 * Whether the standing allows the action; if not, which sanction refuses it. The account's own status is
 * looked at first (a deleted account is refused as deleted even if its store is only frozen).
 */
export function capabilityFor(standing: Standing, action: CapabilityAction): Capability {
  if (!ACCOUNT_CAPABILITIES[standing.account].includes(action)) {
    const kind = accountRestrictionKind(standing.account) ?? 'DISABLED';
    return { allowed: false, refusedBy: { subject: 'ACCOUNT', kind } };
  }
  if (standing.store !== null && !STORE_CAPABILITIES[standing.store].includes(action)) {
    const kind = storeRestrictionKind(standing.store) ?? 'DISABLED';
    return { allowed: false, refusedBy: { subject: 'STORE', kind } };
  }
  return { allowed: true };
}

/** The actions the standing refuses (for banners and disabled buttons), in CAPABILITY_ACTIONS order. */
export function restrictedActions(standing: Standing): CapabilityAction[] {
  return CAPABILITY_ACTIONS.filter((action) => !capabilityFor(standing, action).allowed);
}

/**
 * The sanctions in force for a standing, the stronger first (account before store when equally strong).
 * Empty for an account in good standing.
 */
export function standingRestrictions(standing: Standing): Restriction[] {
  const out: Restriction[] = [];
  const account = accountRestrictionKind(standing.account);
  if (account) out.push({ subject: 'ACCOUNT', kind: account });
  const store = standing.store === null ? null : storeRestrictionKind(standing.store);
  if (store) out.push({ subject: 'STORE', kind: store });
  return out.sort((a, b) => RESTRICTION_KINDS.indexOf(b.kind) - RESTRICTION_KINDS.indexOf(a.kind));
}

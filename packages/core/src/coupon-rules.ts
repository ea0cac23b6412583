import { allocateProportionally } from './allocation.js';
import type { CurrencyCode } from './currency.js';
import { compare, type Money, money, percentageOf, sum } from './money.js';
import { err, ok, type Result } from './result.js';

export const COUPON_KINDS = ['PERCENTAGE', 'FIXED_AMOUNT'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

/** What the rules need to know about a coupon and how much it has been used (counted by the caller). */
export type CouponFacts = {
  readonly active: boolean;
  readonly kind: CouponKind;
  /** Basis points for PERCENTAGE (1000 = 10 %), minor units of `currency` for FIXED_AMOUNT. */
  readonly value: number;
  readonly currency: CurrencyCode;
  /** Minimum eligible subtotal in minor units of `currency`. */
  readonly minSpendMinor: number;
  /** Only this merchant's lines are eligible; null = platform-wide. */
  readonly merchantId: string | null;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly usageLimit: number | null;
  readonly usedCount: number;
  readonly perShopperLimit: number | null;
  readonly usedByShopper: number;
};

/** One merchant's part of a checkout: the coupon applies to, and is allocated over, these. */
export type CouponGroup = { readonly merchantId: string; readonly subtotal: Money };

export type CouponErrorCode =
  | 'COUPON_NOT_FOUND'
  | 'COUPON_NOT_STARTED'
  | 'COUPON_EXPIRED'
  | 'COUPON_USAGE_LIMIT_REACHED'
  | 'COUPON_ALREADY_USED'
  | 'COUPON_NOT_APPLICABLE'
  | 'COUPON_MIN_SPEND_NOT_MET';

export type CouponError = {
  readonly code: CouponErrorCode;
  readonly message: string;
  /** For COUPON_MIN_SPEND_NOT_MET: the minimum eligible subtotal. */
  readonly minSpend?: Money;
};

export type CouponApplication = {
  /** Subtotal of the lines the coupon applies to. */
  readonly eligibleSubtotal: Money;
  /** Never more than `eligibleSubtotal`. */
  readonly discount: Money;
  /** The discount per group (same order as the input), adding up to `discount` exactly. */
  readonly allocation: readonly Money[];
};

const fail = (code: CouponErrorCode, message: string, minSpend?: Money): Result<never, CouponError> =>
  err(minSpend ? { code, message, minSpend } : { code, message });

/**
 * Whether a coupon applies to a checkout now, and how much it takes off. Checks run in the order a
 * shopper can act on: does the code exist and run now, is any use left, does it cover these
 * merchants, is enough spent. An inactive coupon is reported as not found.
 */
export function evaluateCoupon(
  coupon: CouponFacts,
  groups: readonly CouponGroup[],
  now: Date,
): Result<CouponApplication, CouponError> {
  if (!coupon.active) return fail('COUPON_NOT_FOUND', 'No coupon has this code.');
  if (coupon.startsAt && now < coupon.startsAt)
    return fail('COUPON_NOT_STARTED', 'This coupon is not valid yet.');
  if (coupon.endsAt && now >= coupon.endsAt) return fail('COUPON_EXPIRED', 'This coupon has expired.');
  if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit)
    return fail('COUPON_USAGE_LIMIT_REACHED', 'This coupon has been used up.');
  if (coupon.perShopperLimit !== null && coupon.usedByShopper >= coupon.perShopperLimit)
    return fail('COUPON_ALREADY_USED', 'You have already used this coupon.');

  const currency = coupon.currency;
  const eligible = groups.map(
    (g) =>
      g.subtotal.currency === currency && (coupon.merchantId === null || g.merchantId === coupon.merchantId),
  );
  if (!eligible.some(Boolean))
    return fail('COUPON_NOT_APPLICABLE', 'This coupon does not apply to the items in this checkout.');

  const eligibleSubtotal = sum(
    groups.filter((_, i) => eligible[i]).map((g) => g.subtotal),
    currency,
  );
  const minSpend = money(coupon.minSpendMinor, currency);
  if (compare(eligibleSubtotal, minSpend) < 0)
    return fail('COUPON_MIN_SPEND_NOT_MET', 'Spend more to use this coupon.', minSpend);

  const raw =
    coupon.kind === 'PERCENTAGE'
      ? percentageOf(eligibleSubtotal, coupon.value)
      : money(coupon.value, currency);
  const discount = compare(raw, eligibleSubtotal) > 0 ? eligibleSubtotal : raw;
  const weights = groups.map((g, i) => (eligible[i] ? g.subtotal : money(0, currency)));
  return ok({ eligibleSubtotal, discount, allocation: allocateProportionally(discount, weights) });
}

import type { CouponKind } from './coupon-rules.js';
import { compare, type Money, money, percentageOf, subtract } from './money.js';

/** How an activity (a time-limited store discount) lowers each unit's price. */
export const ACTIVITY_DISCOUNT_KINDS = ['PERCENTAGE', 'FIXED_AMOUNT'] as const;
export type ActivityDiscountKind = (typeof ACTIVITY_DISCOUNT_KINDS)[number];

export const ACTIVITY_STATUSES = ['ACTIVE', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** What the staff list shows: SCHEDULED before it starts, RUNNING in [startsAt, endsAt), then ENDED. */
export const ACTIVITY_STATES = ['SCHEDULED', 'RUNNING', 'ENDED', 'CANCELLED'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export type ActivityFacts = {
  readonly id: string;
  readonly status: ActivityStatus;
  readonly kind: ActivityDiscountKind;
  /** Basis points for PERCENTAGE (1000 = 10 %), minor units off each unit for FIXED_AMOUNT. */
  readonly value: number;
  readonly startsAt: Date;
  /** Exclusive: at `endsAt` the activity has ended. */
  readonly endsAt: Date;
};

export function activityState(
  a: Pick<ActivityFacts, 'status' | 'startsAt' | 'endsAt'>,
  now: Date,
): ActivityState {
  if (a.status === 'CANCELLED') return 'CANCELLED';
  if (now < a.startsAt) return 'SCHEDULED';
  if (now >= a.endsAt) return 'ENDED';
  return 'RUNNING';
}

export function isActivityRunning(
  a: Pick<ActivityFacts, 'status' | 'startsAt' | 'endsAt'>,
  now: Date,
): boolean {
  return activityState(a, now) === 'RUNNING';
}

/**
 * The unit price during an activity. The one rounding rule: a percentage discount is
 * `percentageOf(unit, bp)` (banker's rounding of the amount taken off, once per unit), so every unit
 * of a line costs the same and a line total is always unit × quantity. A fixed amount never takes
 * the price below zero.
 */
export function discountedUnitPrice(unit: Money, a: Pick<ActivityFacts, 'kind' | 'value'>): Money {
  const off = a.kind === 'PERCENTAGE' ? percentageOf(unit, a.value) : money(a.value, unit.currency);
  return compare(off, unit) >= 0 ? money(0, unit.currency) : subtract(unit, off);
}

export type ActivityPrice<A extends ActivityFacts = ActivityFacts> = {
  /** The price the shopper pays now. */
  readonly price: Money;
  /** The price without the activity, or null when no activity lowers it. */
  readonly compareAtPrice: Money | null;
  readonly activity: A | null;
};

/**
 * Overlapping activities are allowed; for each variant the lowest price wins (ties: the activity
 * created first, i.e. the smallest id), so a shopper always gets the best running offer and one
 * activity never stacks on another. An activity that does not lower the price is ignored.
 */
export function bestActivityPrice<A extends ActivityFacts>(
  unit: Money,
  activities: readonly A[],
  now: Date,
): ActivityPrice<A> {
  let best: { price: Money; activity: A } | null = null;
  const ordered = [...activities].sort((x, y) => Number(x.id) - Number(y.id) || x.id.localeCompare(y.id));
  for (const a of ordered) {
    if (!isActivityRunning(a, now)) continue;
    const price = discountedUnitPrice(unit, a);
    if (compare(price, unit) >= 0) continue;
    if (!best || compare(price, best.price) < 0) best = { price, activity: a };
  }
  return best
    ? { price: best.price, compareAtPrice: unit, activity: best.activity }
    : { price: unit, compareAtPrice: null, activity: null };
}

/** What the staff list shows for a coupon, checked in this order. */
export const COUPON_STATES = ['DEACTIVATED', 'EXPIRED', 'EXHAUSTED', 'SCHEDULED', 'ACTIVE'] as const;
export type CouponState = (typeof COUPON_STATES)[number];

export type CouponStateFacts = {
  readonly active: boolean;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly usageLimit: number | null;
  readonly usedCount: number;
};

export function couponState(c: CouponStateFacts, now: Date): CouponState {
  if (!c.active) return 'DEACTIVATED';
  if (c.endsAt && now >= c.endsAt) return 'EXPIRED';
  if (c.usageLimit !== null && c.usedCount >= c.usageLimit) return 'EXHAUSTED';
  if (c.startsAt && now < c.startsAt) return 'SCHEDULED';
  return 'ACTIVE';
}

export type PromotionField =
  | 'code'
  | 'value'
  | 'minSpend'
  | 'startsAt'
  | 'endsAt'
  | 'usageLimit'
  | 'perShopperLimit'
  | 'nameEn'
  | 'nameZh'
  | 'descriptionEn'
  | 'descriptionZh';

export type PromotionErrorCode =
  | 'INVALID_CODE'
  | 'INVALID_VALUE'
  | 'INVALID_MIN_SPEND'
  | 'INVALID_DATES'
  | 'INVALID_LIMIT'
  | 'INVALID_NAME'
  | 'INVALID_DESCRIPTION';

export type PromotionFieldError = {
  readonly code: PromotionErrorCode;
  readonly field: PromotionField;
  readonly message: string;
};

export const COUPON_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,39}$/;
export const MAX_PROMOTION_NAME = 120;
export const MAX_COUPON_DESCRIPTION = 200;
/** 1 % to 100 % in basis points. */
export const MIN_PERCENT_BP = 100;
export const MAX_PERCENT_BP = 10_000;
export const MAX_LIMIT = 1_000_000;

export type DiscountDraft = { readonly kind: CouponKind; readonly value: number };

/** Value of a coupon or activity: a whole percentage-in-basis-points 1–100 %, or a positive amount. */
export function checkDiscountValue(d: DiscountDraft, maxFixedMinor: number): PromotionFieldError | null {
  if (!Number.isSafeInteger(d.value))
    return { code: 'INVALID_VALUE', field: 'value', message: 'Enter a whole number.' };
  if (d.kind === 'PERCENTAGE' && (d.value < MIN_PERCENT_BP || d.value > MAX_PERCENT_BP))
    return { code: 'INVALID_VALUE', field: 'value', message: 'A percentage is from 1% to 100%.' };
  if (d.kind === 'FIXED_AMOUNT' && (d.value <= 0 || d.value > maxFixedMinor))
    return {
      code: 'INVALID_VALUE',
      field: 'value',
      message: 'An amount is more than 0 and at most 1,000,000.',
    };
  return null;
}

/** Starts and ends (either may be open for a coupon): the end must come after the start. */
export function checkPeriod(startsAt: Date | null, endsAt: Date | null): PromotionFieldError | null {
  if (startsAt && Number.isNaN(startsAt.getTime()))
    return { code: 'INVALID_DATES', field: 'startsAt', message: 'Enter a valid start time.' };
  if (endsAt && Number.isNaN(endsAt.getTime()))
    return { code: 'INVALID_DATES', field: 'endsAt', message: 'Enter a valid end time.' };
  if (startsAt && endsAt && endsAt <= startsAt)
    return { code: 'INVALID_DATES', field: 'endsAt', message: 'The end must be after the start.' };
  return null;
}

export function checkLimit(
  field: 'usageLimit' | 'perShopperLimit',
  value: number | null,
): PromotionFieldError | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT)
    return { code: 'INVALID_LIMIT', field, message: 'A limit is a whole number of at least 1.' };
  return null;
}

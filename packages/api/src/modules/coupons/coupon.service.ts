import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CouponFacts, CurrencyCode } from '@marketplace/core';
import { CouponRedemptionEntity } from './coupon-redemption.entity.js';
import { CouponEntity } from './coupon.entity.js';

/** Codes are stored upper-cased; shoppers may type them in any case and with stray spaces. */
export function normalizeCouponCode(code: string | null | undefined): string | null {
  const trimmed = code?.trim().toUpperCase() ?? '';
  return trimmed === '' ? null : trimmed;
}

export interface CouponWithFacts {
  coupon: CouponEntity;
  facts: CouponFacts;
}

/**
 * A coupon and its usage as the core rules need them. With `lock`, the coupon row is locked for
 * the rest of the transaction, so the usage counted here cannot change before the redemption is
 * written: two shoppers racing for the last use (or one shopper submitting twice) are serialised.
 */
export async function findCoupon(
  em: EntityManager,
  code: string,
  userId: number,
  lock: boolean,
): Promise<CouponWithFacts | null> {
  const coupon = await em.findOne(
    CouponEntity,
    { code },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!coupon) return null;
  const usedByShopper = await em.count(CouponRedemptionEntity, {
    coupon,
    user: userId,
    releasedAt: null,
  });
  return {
    coupon,
    facts: {
      active: coupon.active,
      kind: coupon.kind,
      value: coupon.value,
      currency: coupon.currency as CurrencyCode,
      minSpendMinor: coupon.minSpendMinor,
      merchantId: coupon.merchant ? String(coupon.merchant.id) : null,
      startsAt: coupon.startsAt,
      endsAt: coupon.endsAt,
      usageLimit: coupon.usageLimit,
      usedCount: coupon.usedCount,
      perShopperLimit: coupon.perShopperLimit,
      usedByShopper,
    },
  };
}

/** Records one use; the caller holds the coupon's row lock (see `findCoupon`). */
export async function redeemCoupon(
  em: EntityManager,
  coupon: CouponEntity,
  userId: number,
  checkoutId: number,
): Promise<void> {
  em.create(CouponRedemptionEntity, { coupon, user: userId, checkout: checkoutId });
  await em.flush();
  await em.execute('update coupon set used_count = used_count + 1 where id = ?', [coupon.id]);
}

/** Gives a checkout's coupon use back (idempotent): the shopper may use it again, and so may others. */
export async function releaseCouponOf(em: EntityManager, checkoutId: number): Promise<boolean> {
  const released = await em.execute<{ coupon_id: number }[]>(
    `update coupon_redemption set released_at = now()
     where checkout_id = ? and released_at is null returning coupon_id`,
    [checkoutId],
  );
  for (const row of released) {
    await em.execute('update coupon set used_count = greatest(used_count - 1, 0) where id = ?', [
      row.coupon_id,
    ]);
  }
  return released.length > 0;
}

import type { Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { CouponEntity } from '../coupons/coupon.entity.js';

export type PaymentMethod = 'PAYPAL' | 'UNIONPAY_CARD';

/**
 * One submission of a shopper: the merchant orders it created are paid together in one payment.
 * The client's idempotency key is unique per shopper, so a retried submit finds this row again.
 */
@Entity({ tableName: 'checkout' })
@Unique({ properties: ['user', 'idempotencyKey'] })
export class CheckoutEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => UserEntity, { deleteRule: 'restrict' })
  user!: UserEntity;

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;

  @Property({ type: 'string', length: 20 })
  paymentMethod!: PaymentMethod;

  @ManyToOne(() => CouponEntity, { nullable: true, deleteRule: 'set null' })
  coupon: CouponEntity | null = null;

  /** The code as applied, kept even if the coupon is later removed. */
  @Property({ type: 'string', length: 40, nullable: true })
  couponCode: string | null = null;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'integer' })
  subtotalMinor!: number;

  @Property({ type: 'integer' })
  discountMinor!: number;

  @Property({ type: 'integer' })
  shippingFeeMinor!: number;

  @Property({ type: 'integer' })
  totalMinor!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

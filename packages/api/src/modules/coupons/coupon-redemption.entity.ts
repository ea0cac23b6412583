import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { CheckoutEntity } from '../checkout/checkout.entity.js';
import { CouponEntity } from './coupon.entity.js';

/**
 * One use of a coupon by a shopper's checkout, written in the submit transaction. A released use
 * (every order that carried the coupon closed) no longer counts against the limits.
 */
@Entity({ tableName: 'coupon_redemption' })
@Index({ properties: ['coupon', 'user'] })
export class CouponRedemptionEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => CouponEntity, { deleteRule: 'cascade' })
  coupon!: CouponEntity;

  @ManyToOne(() => UserEntity, { deleteRule: 'cascade' })
  user!: UserEntity;

  @ManyToOne(() => CheckoutEntity, { unique: true, deleteRule: 'cascade' })
  checkout!: CheckoutEntity;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  releasedAt: Date | null = null;
}

import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A coupon code a shopper tried that no coupon has (checkout preview or submit): the coupon-guessing
 * throttle counts these per shopper and per client address (coupon-throttle.ts). Written apart from the
 * refused checkout.
 */
@Entity({ tableName: 'coupon_attempt' })
@Index({ properties: ['userId', 'createdAt'] })
@Index({ properties: ['ip', 'createdAt'] })
export class CouponAttemptEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  userId!: number;

  /** The client address the attempt came from. */
  @Property({ type: 'string', length: 64 })
  ip!: string;

  /** The code as normalised (upper-cased, trimmed), cut to 64 characters. */
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

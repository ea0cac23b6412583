import type { Opt } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MerchantEntity } from '../catalog/merchant.entity.js';

export type CouponKind = 'PERCENTAGE' | 'FIXED_AMOUNT';

/** Platform-wide when merchant is null, otherwise valid only for that merchant's lines. */
@Entity({ tableName: 'coupon' })
@Check({ name: 'coupon_value_positive', expression: 'value > 0' })
export class CouponEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Stored upper-cased. */
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @ManyToOne(() => MerchantEntity, { nullable: true, deleteRule: 'cascade' })
  merchant: MerchantEntity | null = null;

  @Property({ type: 'string', length: 20 })
  kind!: CouponKind;

  /** Basis points for PERCENTAGE (1000 = 10%), minor units for FIXED_AMOUNT. */
  @Property({ type: 'integer' })
  value!: number;

  @Property({ type: 'integer', default: 0 })
  minSpendMinor: Opt<number> = 0;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'datetime', nullable: true })
  startsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  endsAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  usageLimit: number | null = null;

  @Property({ type: 'integer', nullable: true })
  perShopperLimit: number | null = null;

  @Property({ type: 'integer', default: 0 })
  usedCount: Opt<number> = 0;

  @Property({ type: 'string', length: 200, default: '' })
  descriptionEn: Opt<string> = '';

  @Property({ type: 'string', length: 200, default: '' })
  descriptionZh: Opt<string> = '';

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}

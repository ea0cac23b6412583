import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ActivityDiscountKind, ActivityStatus } from '@marketplace/core';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { ProductEntity } from '../catalog/product.entity.js';

/**
 * A time-limited discount of one store: every unit of the covered products costs less while it
 * runs (`starts_at` ≤ now < `ends_at`, not cancelled). `all_products` covers the whole store;
 * otherwise the products listed in `activity_product`.
 */
@Entity({ tableName: 'activity' })
@Index({ properties: ['merchant', 'endsAt'] })
@Check({ name: 'activity_value_positive', expression: 'value > 0' })
@Check({ name: 'activity_period', expression: 'ends_at > starts_at' })
export class ActivityEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => MerchantEntity, { deleteRule: 'cascade' })
  merchant!: MerchantEntity;

  @Property({ type: 'string', length: 120 })
  nameEn!: string;

  @Property({ type: 'string', length: 120 })
  nameZh!: string;

  @Property({ type: 'string', length: 20 })
  kind!: ActivityDiscountKind;

  /** Basis points for PERCENTAGE (1000 = 10%), minor units off each unit for FIXED_AMOUNT. */
  @Property({ type: 'integer' })
  value!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'string', length: 20, default: 'ACTIVE' })
  status: Opt<ActivityStatus> = 'ACTIVE';

  @Property({ type: 'boolean', default: true })
  allProducts: Opt<boolean> = true;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** A product an activity covers when it does not cover the whole store. */
@Entity({ tableName: 'activity_product' })
export class ActivityProductEntity {
  @ManyToOne(() => ActivityEntity, { primary: true, deleteRule: 'cascade' })
  activity!: ActivityEntity;

  @Index()
  @ManyToOne(() => ProductEntity, { primary: true, deleteRule: 'cascade' })
  product!: ProductEntity;
}

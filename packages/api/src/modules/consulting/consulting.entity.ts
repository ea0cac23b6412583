import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { OrderEntity } from '../orders/order.entity.js';

/** The order key of a paid service order, stored only as its SHA-256 (the key itself is shown once and emailed). */
@Entity({ tableName: 'order_key' })
export class OrderKeyEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => OrderEntity, { unique: true, deleteRule: 'cascade' })
  order!: OrderEntity;

  /** Hex SHA-256 of the key. */
  @Property({ type: 'string', length: 64 })
  keyHash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** The merchant's consultation report of a service order; delivering it completes the order. */
@Entity({ tableName: 'consultation_report' })
export class ConsultationReportEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => OrderEntity, { unique: true, deleteRule: 'cascade' })
  order!: OrderEntity;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  deliveredBy: UserEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  deliveredAt: Opt<Date> = new Date();
}

/** A wrong order key, remembered for rate limiting per client address and per order number. */
@Entity({ tableName: 'order_key_failure' })
@Index({ properties: ['ip', 'createdAt'] })
@Index({ properties: ['orderNumber', 'createdAt'] })
export class OrderKeyFailureEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64 })
  ip!: string;

  /** As typed (it may not exist). */
  @Property({ type: 'string', length: 40 })
  orderNumber!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

import type { MerchantStatus } from '@marketplace/core';
import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { OrderEntity } from '../orders/order.entity.js';
import { PaymentRefundEntity } from '../payments/payment.entity.js';

/** What a safe freeze did, as `freezeMerchant` reported it (ids are database ids). */
export interface SafeFreezeEffectsRecord {
  productIds: number[];
  activityIds: number[];
  couponIds: number[];
  closedOrderIds: number[];
  failedOrderIds: number[];
  refundIds: number[];
  frozenFromPendingMinor: number;
  frozenFromAvailableMinor: number;
  currency: string;
}

/**
 * One safe freeze of a store (DESIGN "Penalties"): who froze it, why, what it did and when it was
 * lifted. The merchant's status is the fast source of truth; this is the history behind it.
 */
@Entity({ tableName: 'safe_freeze' })
@Index({ properties: ['merchant', 'frozenAt'] })
export class SafeFreezeEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => MerchantEntity, { deleteRule: 'restrict' })
  merchant!: MerchantEntity;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  /** The store's status before the freeze (ACTIVE or GENERAL_FROZEN), restored when it is lifted. */
  @Property({ type: 'string', length: 20 })
  previousStatus!: MerchantStatus;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  frozenBy: UserEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  frozenAt: Opt<Date> = new Date();

  @Property({ type: 'json' })
  effects!: SafeFreezeEffectsRecord;

  @Property({ type: 'datetime', nullable: true })
  liftedAt: Date | null = null;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  liftedBy: UserEntity | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  liftReason: string | null = null;
}

export type ClaimStatus = 'OPEN' | 'CLOSED';
export type ClaimOutcome = 'COMPENSATED' | 'REJECTED' | 'WITHDRAWN';

/** A claim the platform files for users harmed by a store's serious violation (DESIGN "Penalties"). */
@Entity({ tableName: 'claim' })
@Index({ properties: ['merchant', 'status'] })
@Index({ properties: ['status', 'createdAt'] })
export class ClaimEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => MerchantEntity, { deleteRule: 'restrict' })
  merchant!: MerchantEntity;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text', default: '' })
  evidence: Opt<string> = '';

  /** Links to the evidence files (uploaded media or external documents). */
  @Property({ type: 'json' })
  attachments!: string[];

  @Property({ type: 'string', length: 10, default: 'OPEN' })
  status: Opt<ClaimStatus> = 'OPEN';

  @Property({ type: 'string', length: 20, nullable: true })
  outcome: ClaimOutcome | null = null;

  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  filedBy: UserEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  decidedBy: UserEntity | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;
}

/** An order the claim is about. */
@Entity({ tableName: 'claim_order' })
@Unique({ properties: ['claim', 'order'] })
export class ClaimOrderEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => ClaimEntity, { deleteRule: 'cascade' })
  claim!: ClaimEntity;

  @Index()
  @ManyToOne(() => OrderEntity, { deleteRule: 'restrict' })
  order!: OrderEntity;
}

/** A user the claim is filed for. */
@Entity({ tableName: 'claim_user' })
@Unique({ properties: ['claim', 'user'] })
export class ClaimUserEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => ClaimEntity, { deleteRule: 'cascade' })
  claim!: ClaimEntity;

  @Index()
  @ManyToOne(() => UserEntity, { deleteRule: 'restrict' })
  user!: UserEntity;
}

/** Money a decided claim paid back to an order's shopper: a gateway refund out of the store's frozen funds. */
@Entity({ tableName: 'claim_compensation' })
export class ClaimCompensationEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => ClaimEntity, { deleteRule: 'restrict' })
  claim!: ClaimEntity;

  @Index()
  @ManyToOne(() => OrderEntity, { deleteRule: 'restrict' })
  order!: OrderEntity;

  @Index()
  @ManyToOne(() => PaymentRefundEntity, { deleteRule: 'restrict' })
  refund!: PaymentRefundEntity;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

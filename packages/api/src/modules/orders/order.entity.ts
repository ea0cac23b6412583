import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { OrderEvent, OrderKind, OrderStatus } from '@marketplace/core';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { ProductVariantEntity } from '../catalog/product-variant.entity.js';
import { CheckoutEntity, type PaymentMethod } from '../checkout/checkout.entity.js';

/** One merchant's part of a checkout. `order` is a reserved word, hence `customer_order`. */
@Entity({ tableName: 'customer_order' })
// Keyset pages (issue 8): every list a user pages through walks one of these in (sort key, id) order.
@Index({ properties: ['user', 'createdAt', 'id'] })
@Index({ properties: ['user', 'status', 'createdAt', 'id'] })
@Index({ properties: ['merchant', 'paidAt'] })
@Index({ properties: ['merchant', 'createdAt', 'id'] })
@Index({ properties: ['merchant', 'status', 'createdAt', 'id'] })
@Index({ properties: ['merchant', 'totalMinor', 'id'] })
@Index({ properties: ['status', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['totalMinor', 'id'] })
@Check({
  name: 'customer_order_amounts_valid',
  expression: 'discount_minor >= 0 and discount_minor <= subtotal_minor and shipping_fee_minor >= 0',
})
export class OrderEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Human-readable, e.g. MP-20261122-0001234. Trigram-indexed for the staff order search. */
  @Index({
    name: 'customer_order_number_trgm',
    expression:
      'create index "customer_order_number_trgm" on "customer_order" using gin ("number" gin_trgm_ops)',
  })
  @Property({ type: 'string', length: 40, unique: true })
  number!: string;

  @Index()
  @ManyToOne(() => CheckoutEntity, { deleteRule: 'restrict' })
  checkout!: CheckoutEntity;

  @ManyToOne(() => UserEntity, { deleteRule: 'restrict' })
  user!: UserEntity;

  @ManyToOne(() => MerchantEntity, { deleteRule: 'restrict' })
  merchant!: MerchantEntity;

  @Property({ type: 'string', length: 20 })
  status!: OrderStatus;

  @Property({ type: 'string', length: 10 })
  kind!: OrderKind;

  @Property({ type: 'string', length: 20 })
  paymentMethod!: PaymentMethod;

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

  @Property({ type: 'string', length: 40, nullable: true })
  couponCode: string | null = null;

  // Shipping address snapshot (orders with goods), as validated by core `checkAddress`.
  @Property({ type: 'string', length: 120, nullable: true })
  shipRecipientName: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  shipPhone: string | null = null;

  /** ISO 3166-1 alpha-2 code (GraphQL `countryCode`). */
  @Property({ type: 'string', length: 2, nullable: true })
  shipCountry: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  shipRegion: string | null = null;

  @Property({ type: 'string', length: 120, nullable: true })
  shipCity: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  shipPostalCode: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  shipLine1: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  shipLine2: string | null = null;

  // Contact snapshot (orders with services).
  @Property({ type: 'string', length: 120, nullable: true })
  contactName: string | null = null;

  @Property({ type: 'string', length: 320, nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  contactNotes: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Index()
  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  shippedAt: Date | null = null;

  // Shipment (goods), as the merchant's staff gave it at `shipOrders`.
  @Property({ type: 'string', length: 60, nullable: true })
  shippingCarrier: string | null = null;

  @Property({ type: 'string', length: 60, nullable: true })
  trackingNumber: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}

/** A line as it was bought: title, SKU and price are copied, so later catalogue edits do not change it. */
@Entity({ tableName: 'order_line' })
@Check({ name: 'order_line_quantity_positive', expression: 'quantity > 0' })
export class OrderLineEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => OrderEntity, { deleteRule: 'cascade' })
  order!: OrderEntity;

  @ManyToOne(() => ProductVariantEntity, { nullable: true, deleteRule: 'set null' })
  variant: ProductVariantEntity | null = null;

  @Property({ type: 'string', length: 10 })
  kind!: OrderKind;

  @Property({ type: 'string', length: 120 })
  productHandle!: string;

  @Property({ type: 'string', length: 300 })
  productTitleEn!: string;

  @Property({ type: 'string', length: 300 })
  productTitleZh!: string;

  @Property({ type: 'string', length: 200 })
  variantTitleEn!: string;

  @Property({ type: 'string', length: 200 })
  variantTitleZh!: string;

  @Property({ type: 'string', length: 64 })
  sku!: string;

  @Property({ type: 'integer' })
  unitPriceMinor!: number;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  lineTotalMinor!: number;

  /** Units taken from stock at submit (0 for variants without stock counting); given back on close. */
  @Property({ type: 'integer' })
  reservedQuantity!: number;
}

export type OrderActorKind = 'SHOPPER' | 'MERCHANT' | 'STAFF' | 'SYSTEM';

/** Append-only status timeline: creation (from = null) and every transition. */
@Entity({ tableName: 'order_history' })
export class OrderHistoryEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => OrderEntity, { deleteRule: 'cascade' })
  order!: OrderEntity;

  @Property({ type: 'string', length: 20, nullable: true })
  fromStatus: OrderStatus | null = null;

  @Property({ type: 'string', length: 20 })
  toStatus!: OrderStatus;

  /** The core event that caused it; null for creation. */
  @Property({ type: 'string', length: 20, nullable: true })
  event: OrderEvent | null = null;

  @Property({ type: 'string', length: 10 })
  actorKind!: OrderActorKind;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  actorUser: UserEntity | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

export type CancellationRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** A shopper's request to cancel a paid order before shipment; staff or the merchant decide later. */
@Entity({ tableName: 'order_cancellation_request' })
export class OrderCancellationRequestEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => OrderEntity, { unique: true, deleteRule: 'cascade' })
  order!: OrderEntity;

  @ManyToOne(() => UserEntity, { deleteRule: 'cascade' })
  requestedBy!: UserEntity;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'string', length: 10, default: 'PENDING' })
  status: Opt<CancellationRequestStatus> = 'PENDING';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  /** Customer service or merchant staff who approved or declined it. */
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  decidedBy: UserEntity | null = null;

  /** Why it was declined (shown to the shopper). */
  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;
}

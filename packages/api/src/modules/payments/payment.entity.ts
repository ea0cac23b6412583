import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { PaymentFailureCode, PaymentMethod, PaymentStatus } from '@marketplace/core';
import { UserEntity } from '../accounts/user.entity.js';
import { CheckoutEntity } from '../checkout/checkout.entity.js';
import { OrderEntity } from '../orders/order.entity.js';

/**
 * One attempt to pay a checkout (all its orders). The card number and CVC never reach the platform:
 * only the gateway's single-use token (kept until the charge is known), brand, last four and expiry.
 */
@Entity({ tableName: 'payment' })
@Unique({ properties: ['user', 'idempotencyKey'] })
@Index({ properties: ['status', 'updatedAt'] })
// A shopper's payment history, newest first: the keyset `(created_at, id) < (…)` is an index condition.
@Index({ properties: ['user', 'createdAt', 'id'] })
// At most one captured and at most one in-flight attempt per checkout, whatever the code does.
@Unique({
  name: 'payment_one_capture_per_checkout',
  expression: `create unique index "payment_one_capture_per_checkout" on "payment" ("checkout_id") where "status" in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')`,
})
@Unique({
  name: 'payment_one_in_flight_per_checkout',
  expression: `create unique index "payment_one_in_flight_per_checkout" on "payment" ("checkout_id") where "status" in ('PENDING', 'REQUIRES_ACTION')`,
})
@Check({
  name: 'payment_amounts_valid',
  expression: 'amount_minor > 0 and refunded_minor >= 0 and refunded_minor <= amount_minor',
})
export class PaymentEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Shown on vouchers and sent to the gateway as the invoice id, e.g. PAY-7K2M9QX4RD. */
  @Property({ type: 'string', length: 24, unique: true })
  reference!: string;

  @Index()
  @ManyToOne(() => CheckoutEntity, { deleteRule: 'restrict' })
  checkout!: CheckoutEntity;

  @ManyToOne(() => UserEntity, { deleteRule: 'restrict' })
  user!: UserEntity;

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;

  @Property({ type: 'string', length: 20 })
  method!: PaymentMethod;

  @Property({ type: 'string', length: 20 })
  status!: PaymentStatus;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'integer' })
  amountMinor!: number;

  /** Confirmed refunds; never more than the amount (checked here and under the checkout lock). */
  @Property({ type: 'integer', default: 0 })
  refundedMinor: Opt<number> = 0;

  /** PayPal order id. */
  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  gatewayOrderId: string | null = null;

  /** PayPal capture id, or the card acquirer's charge id. */
  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  gatewayPaymentId: string | null = null;

  /** Where the shopper approves a PayPal payment. */
  @Property({ type: 'string', length: 2000, nullable: true })
  approvalUrl: string | null = null;

  /** The card field's single-use token, until the gateway has answered the charge. */
  @Property({ type: 'string', length: 200, nullable: true })
  cardToken: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  challengeId: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  phoneHint: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  cardBrand: string | null = null;

  @Property({ type: 'string', length: 4, nullable: true })
  cardLast4: string | null = null;

  @Property({ type: 'smallint', nullable: true })
  cardExpMonth: number | null = null;

  @Property({ type: 'smallint', nullable: true })
  cardExpYear: number | null = null;

  @Property({ type: 'string', length: 320, nullable: true })
  payerEmail: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  payerId: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  failureCode: PaymentFailureCode | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  failureMessage: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  succeededAt: Date | null = null;

  /** When it failed or was cancelled. */
  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;
}

export type RefundStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/** Money given back from a capture: one order's share, or a whole payment nobody could use. */
@Entity({ tableName: 'payment_refund' })
@Check({ name: 'payment_refund_amount_positive', expression: 'amount_minor > 0' })
export class PaymentRefundEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Sent to the gateway (custom id / idempotency key), e.g. RF-3H8Q2M7XKA. */
  @Property({ type: 'string', length: 24, unique: true })
  reference!: string;

  @Index()
  @ManyToOne(() => PaymentEntity, { deleteRule: 'restrict' })
  payment!: PaymentEntity;

  /** The order failed with this refund; null when the whole payment went back (e.g. its orders had closed). */
  @Index()
  @ManyToOne(() => OrderEntity, { nullable: true, deleteRule: 'restrict' })
  order: OrderEntity | null = null;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'string', length: 10 })
  status!: RefundStatus;

  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  gatewayRefundId: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  requestedBy: UserEntity | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  failureCode: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  failureMessage: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;
}

/** Each gateway webhook event once: a repeated delivery finds its id here and changes nothing. */
@Entity({ tableName: 'payment_webhook_event' })
@Unique({ properties: ['provider', 'eventId'] })
export class PaymentWebhookEventEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 20 })
  provider!: 'PAYPAL';

  @Property({ type: 'string', length: 100 })
  eventId!: string;

  @Property({ type: 'string', length: 80 })
  eventType!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  resourceId: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  receivedAt: Opt<Date> = new Date();
}

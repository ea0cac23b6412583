import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { enqueue } from '../../jobs/job-queue.js';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { CheckoutEntity } from '../checkout/checkout.entity.js';
import { type IssuedOrderKey, issueOrderKeys } from '../consulting/order-keys.js';
import { OrderEntity, OrderLineEntity } from '../orders/order.entity.js';
import { applyOrderEvent, type OrderActor } from '../orders/order-transitions.js';
import type { PaymentDetails } from './gateway/gateway.port.js';
import { PaymentEntity, PaymentRefundEntity } from './payment.entity.js';
import {
  type OrderSummary,
  type Recipient,
  sendMerchantNewOrder,
  sendOrderConfirmation,
  sendOrderKey,
} from './payment-emails.js';
import { newReference } from './references.js';

export const EXECUTE_REFUND = 'payments.execute-refund';

export function applyDetails(payment: PaymentEntity, details: PaymentDetails | undefined): void {
  if (!details) return;
  if (details.cardBrand) payment.cardBrand = details.cardBrand;
  if (details.cardLast4) payment.cardLast4 = details.cardLast4;
  if (details.cardExpMonth) payment.cardExpMonth = details.cardExpMonth;
  if (details.cardExpYear) payment.cardExpYear = details.cardExpYear;
  if (details.payerEmail) payment.payerEmail = details.payerEmail;
  if (details.payerId) payment.payerId = details.payerId;
}

/** Order summaries (merchant, lines) for emails. */
export async function summarize(em: EntityManager, orders: OrderEntity[]): Promise<OrderSummary[]> {
  if (orders.length === 0) return [];
  const ids = orders.map((o) => o.id);
  const lines = await em.find(OrderLineEntity, { order: { $in: ids } }, { orderBy: { id: 'asc' } });
  const merchants = await em.find(MerchantEntity, { id: { $in: orders.map((o) => o.merchant.id) } });
  return orders.map((order) => ({
    order,
    merchant: merchants.find((m) => m.id === order.merchant.id)!,
    lines: lines.filter((l) => l.order.id === order.id),
  }));
}

export const recipientOf = (u: UserEntity): Recipient => ({
  email: u.email,
  locale: u.locale,
  name: u.displayName,
});

/**
 * Records a capture, in the transaction that holds the checkout lock: the payment succeeds, every
 * order still awaiting payment becomes AWAITING_SHIPMENT (core PAY), service orders get their order
 * keys, and the confirmation, key and merchant emails go to the outbox — all or nothing. Money that
 * no longer has an order to pay (an order closed while the shopper was paying) is refunded by a job.
 */
export async function settleCapture(
  em: EntityManager,
  config: Config,
  payment: PaymentEntity,
  capture: { gatewayPaymentId: string; amountMinor: number; details?: PaymentDetails },
  actor: OrderActor,
): Promise<IssuedOrderKey[]> {
  const now = new Date();
  payment.status = 'SUCCEEDED';
  payment.gatewayPaymentId = capture.gatewayPaymentId;
  payment.succeededAt = now;
  payment.updatedAt = now;
  payment.cardToken = null;
  payment.failureCode = null;
  payment.failureMessage = null;
  applyDetails(payment, capture.details);
  await em.flush();

  const checkout = await em.findOneOrFail(CheckoutEntity, { id: payment.checkout.id });
  const orders = await em.find(
    OrderEntity,
    { checkout: checkout.id, status: 'AWAITING_PAYMENT' },
    { orderBy: { id: 'asc' }, refresh: true },
  );
  const paid: OrderEntity[] = [];
  for (const order of orders) {
    const result = await applyOrderEvent(em, config, order.id, 'PAY', actor, `payment ${payment.reference}`);
    if (!result.ok) continue;
    result.value.paymentMethod = payment.method;
    paid.push(result.value);
  }
  checkout.paymentMethod = payment.method;
  const keys = await issueOrderKeys(em, paid);

  const covered = paid.reduce((sum, o) => sum + o.totalMinor, 0);
  const leftover = payment.amountMinor - covered;
  if (leftover > 0) {
    const refund = em.create(PaymentRefundEntity, {
      reference: newReference('RF'),
      payment,
      order: null,
      amountMinor: leftover,
      currency: payment.currency,
      status: 'PENDING',
      reason: 'orders closed before the payment completed',
    });
    await em.flush();
    await enqueue(em, EXECUTE_REFUND, { refundId: refund.id }, { jobKey: `${EXECUTE_REFUND}:${refund.id}` });
  }

  const shopper = await em.findOneOrFail(UserEntity, { id: payment.user.id });
  const summaries = await summarize(em, paid);
  if (summaries.length > 0) {
    await sendOrderConfirmation(em, config, recipientOf(shopper), payment, summaries);
  }
  for (const { order, key } of keys) {
    const summary = summaries.find((s) => s.order.id === order.id)!;
    await sendOrderKey(em, config, recipientOf(shopper), summary, key);
  }
  await notifyMerchants(em, summaries);
  await em.flush();
  return keys;
}

async function notifyMerchants(em: EntityManager, summaries: OrderSummary[]): Promise<void> {
  if (summaries.length === 0) return;
  const staff = await em.find(
    UserEntity,
    { role: 'MERCHANT_STAFF', merchant: { $in: summaries.map((s) => s.merchant.id) }, status: 'ACTIVE' },
    { orderBy: { id: 'asc' } },
  );
  for (const summary of summaries) {
    for (const user of staff.filter((u) => u.merchant?.id === summary.merchant.id)) {
      await sendMerchantNewOrder(em, recipientOf(user), summary);
    }
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { WriteBatch } from '../../db/write-batch.js';
import { enqueue } from '../../jobs/job-queue.js';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { CheckoutEntity } from '../checkout/checkout.entity.js';
import { type IssuedOrderKey, issueOrderKeysIn } from '../consulting/order-keys.js';
import { type OutgoingEmail, queueEmailsIn } from '../email/email.service.js';
import { OrderEntity, OrderLineEntity } from '../orders/order.entity.js';
import { type OrderActor, payCheckoutOrdersIn } from '../orders/order-transitions.js';
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
import { collectEmails } from './email-layout.js';
import { executePrepared } from '../../db/lean-query.js';

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

export const recipientOf = (u: UserEntity): Recipient => ({
  email: u.email,
  locale: u.locale,
  name: u.displayName,
});

/** What a capture reads once the checkout lock is held: the orders it pays and what its e-mails say. */
export interface CaptureFacts {
  /** The checkout's orders awaiting payment, in id order. */
  orders: OrderEntity[];
  shopper: UserEntity;
  lines: OrderLineEntity[];
  merchants: MerchantEntity[];
  /** The active staff of those orders' stores (they hear of the new order). */
  staff: UserEntity[];
}

/**
 * Records a capture, in the transaction that holds the checkout lock: the payment succeeds, every
 * order still awaiting payment becomes AWAITING_SHIPMENT (core PAY), service orders get their order
 * keys, and the confirmation, key and merchant emails go to the outbox — all or nothing. Two
 * statements: one read (captureFacts) and ONE write for everything (db/write-batch.ts), whose rows
 * come back into the identity map. Money that no longer has an order to pay (an order closed while
 * the shopper was paying) is refunded by a job.
 */
export async function settleCapture(
  em: EntityManager,
  config: Config,
  payment: PaymentEntity,
  capture: { gatewayPaymentId: string; amountMinor: number; details?: PaymentDetails },
  actor: OrderActor,
): Promise<IssuedOrderKey[]> {
  const now = new Date();
  const facts = await captureFacts(em, payment.checkout.id, payment.user.id);
  // The captured payment, in memory first: the e-mails describe it, and the write below stores
  // exactly these values.
  payment.status = 'SUCCEEDED';
  payment.gatewayPaymentId = capture.gatewayPaymentId;
  payment.succeededAt = now;
  payment.updatedAt = now;
  payment.cardToken = null;
  payment.failureCode = null;
  payment.failureMessage = null;
  applyDetails(payment, capture.details);
  const batch = new WriteBatch();
  const paymentPart = batch.add(
    `update payment set status = ?, gateway_payment_id = ?, succeeded_at = ?, updated_at = ?, card_token = ?,
            failure_code = ?, failure_message = ?, card_brand = ?, card_last4 = ?, card_exp_month = ?,
            card_exp_year = ?, payer_email = ?, payer_id = ?
      where id = ? returning *`,
    [
      payment.status,
      payment.gatewayPaymentId,
      payment.succeededAt,
      payment.updatedAt,
      payment.cardToken,
      payment.failureCode,
      payment.failureMessage,
      payment.cardBrand,
      payment.cardLast4,
      payment.cardExpMonth,
      payment.cardExpYear,
      payment.payerEmail,
      payment.payerId,
      payment.id,
    ],
  );
  const checkoutPart = batch.add('update checkout set payment_method = ? where id = ? returning *', [
    payment.method,
    payment.checkout.id,
  ]);
  const { changed, ordersPart } = payCheckoutOrdersIn(batch, config, facts.orders, {
    actor,
    reason: `payment ${payment.reference}`,
    method: payment.method,
    at: now,
  });
  const paid = changed.map((c) => c.order);
  const keys = issueOrderKeysIn(batch, paid);
  if (paid.length > 0) queueEmailsIn(batch, await captureEmails(em, config, payment, facts, paid, keys));

  const written = await batch.run<{
    payment: Record<string, unknown>;
    checkout: Record<string, unknown>;
    orders: Record<string, unknown>[] | null;
  }>(em, {
    payment: `(select to_json(x) from ${paymentPart} x)`,
    checkout: `(select to_json(x) from ${checkoutPart} x)`,
    orders: ordersPart ? `(select json_agg(x order by x.id) from ${ordersPart} x)` : 'null::json',
  });
  // The rows as written become the managed entities' state: nothing is left for a later flush.
  em.map(PaymentEntity, written.payment);
  em.map(CheckoutEntity, written.checkout);
  for (const row of written.orders ?? []) em.map(OrderEntity, row);

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
  return keys;
}

/** The confirmation to the shopper, an order key e-mail per service order, a new-order note to each store's staff. */
async function captureEmails(
  em: EntityManager,
  config: Config,
  payment: PaymentEntity,
  facts: CaptureFacts,
  paid: OrderEntity[],
  keys: IssuedOrderKey[],
): Promise<OutgoingEmail[]> {
  const summaries: OrderSummary[] = paid.map((order) => ({
    order,
    merchant: facts.merchants.find((m) => m.id === order.merchant.id)!,
    lines: facts.lines.filter((l) => l.order.id === order.id),
  }));
  const shopper = recipientOf(facts.shopper);
  return collectEmails(em, async () => {
    await sendOrderConfirmation(em, config, shopper, payment, summaries);
    for (const { order, key } of keys) {
      await sendOrderKey(em, config, shopper, summaries.find((s) => s.order.id === order.id)!, key);
    }
    for (const summary of summaries) {
      for (const user of facts.staff.filter((u) => u.merchant?.id === summary.merchant.id)) {
        await sendMerchantNewOrder(em, recipientOf(user), summary);
      }
    }
  });
}

type Json = Record<string, unknown>;

/**
 * The orders a capture pays (the checkout's orders awaiting payment, locked in id order) and what
 * its e-mails need — the shopper, those orders' lines and stores, the stores' active staff — in ONE
 * statement, by a caller that holds the checkout lock.
 */
export async function captureFacts(
  em: EntityManager,
  checkoutId: number,
  shopperId: number,
): Promise<CaptureFacts> {
  const [row] = await executePrepared<{
    orders: Json[] | null;
    shopper: Json;
    lines: Json[] | null;
    merchants: Json[] | null;
    staff: Json[] | null;
  }>(
    em,
    'capture_facts',
    `with o as (select o.* from customer_order o
                 where o.checkout_id = ? and o.status = 'AWAITING_PAYMENT' order by o.id for update)
     select (select json_agg(o order by o.id) from o) as orders,
       (select to_json(u) from user_account u where u.id = ?) as shopper,
       (select json_agg(l order by l.id) from order_line l where l.order_id in (select id from o)) as lines,
       (select json_agg(m) from merchant m where m.id in (select merchant_id from o)) as merchants,
       (select json_agg(u order by u.id) from user_account u
         where u.role = 'MERCHANT_STAFF' and u.merchant_id in (select merchant_id from o) and u.status = 'ACTIVE') as staff`,
    [checkoutId, shopperId],
  );
  if (!row?.shopper) throw new Error(`shopper ${shopperId} not found`);
  return {
    orders: (row.orders ?? []).map((o) => em.map(OrderEntity, o)),
    shopper: em.map(UserEntity, row.shopper),
    lines: (row.lines ?? []).map((l) => em.map(OrderLineEntity, l)),
    merchants: (row.merchants ?? []).map((m) => em.map(MerchantEntity, m)),
    staff: (row.staff ?? []).map((u) => em.map(UserEntity, u)),
  };
}

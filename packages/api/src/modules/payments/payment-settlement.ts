import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { enqueue } from '../../jobs/job-queue.js';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { CheckoutEntity } from '../checkout/checkout.entity.js';
import { type IssuedOrderKey, issueOrderKeys } from '../consulting/order-keys.js';
import { OrderEntity, OrderLineEntity } from '../orders/order.entity.js';
import { applyOrderEventToCheckout, type OrderActor } from '../orders/order-transitions.js';
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
import { withEmailBatch } from './email-layout.js';

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

  // The caller holds the checkout lock (loaded with it, so this is the identity map's row).
  const checkout = await em.findOneOrFail(CheckoutEntity, { id: payment.checkout.id });
  checkout.paymentMethod = payment.method;
  // Every order still awaiting payment is paid in one pass (the payment's changes flush with them).
  const paid = await applyOrderEventToCheckout(
    em,
    config,
    checkout.id,
    'AWAITING_PAYMENT',
    'PAY',
    actor,
    `payment ${payment.reference}`,
    (order) => {
      order.paymentMethod = payment.method;
    },
  );
  if (paid.length === 0) await em.flush();
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

  if (paid.length > 0) {
    // What the emails need, in one statement; every email goes to the outbox in one insert and
    // their deliveries are scheduled in one statement.
    const facts = await emailFacts(em, payment.user.id, paid);
    await withEmailBatch(em, async () => {
      const { shopper, summaries } = facts;
      await sendOrderConfirmation(em, config, recipientOf(shopper), payment, summaries);
      for (const { order, key } of keys) {
        const summary = summaries.find((s) => s.order.id === order.id)!;
        await sendOrderKey(em, config, recipientOf(shopper), summary, key);
      }
      for (const summary of summaries) {
        for (const user of facts.staff.filter((u) => u.merchant?.id === summary.merchant.id)) {
          await sendMerchantNewOrder(em, recipientOf(user), summary);
        }
      }
    });
  }
  await em.flush();
  return keys;
}

type Json = Record<string, unknown>;

/**
 * The shopper, the paid orders' lines and merchants, and the merchants' active staff, read in ONE
 * statement (as JSON, mapped to entities): what the capture's emails say and whom they go to.
 */
async function emailFacts(
  em: EntityManager,
  shopperId: number,
  orders: OrderEntity[],
): Promise<{ shopper: UserEntity; summaries: OrderSummary[]; staff: UserEntity[] }> {
  const orderIds = orders.map((o) => o.id);
  const merchantIds = [...new Set(orders.map((o) => o.merchant.id))];
  const [row] = await em.execute<
    { shopper: Json; lines: Json[] | null; merchants: Json[] | null; staff: Json[] | null }[]
  >(
    `select (select to_json(u) from user_account u where u.id = ?) as shopper,
       (select json_agg(l order by l.id) from order_line l where l.order_id in (?)) as lines,
       (select json_agg(m) from merchant m where m.id in (?)) as merchants,
       (select json_agg(u order by u.id) from user_account u
         where u.role = 'MERCHANT_STAFF' and u.merchant_id in (?) and u.status = 'ACTIVE') as staff`,
    [shopperId, orderIds, merchantIds, merchantIds],
  );
  if (!row?.shopper) throw new Error(`shopper ${shopperId} not found`);
  const lines = (row.lines ?? []).map((l) => em.map(OrderLineEntity, l));
  const merchants = (row.merchants ?? []).map((m) => em.map(MerchantEntity, m));
  return {
    shopper: em.map(UserEntity, row.shopper),
    summaries: orders.map((order) => ({
      order,
      merchant: merchants.find((m) => m.id === order.merchant.id)!,
      lines: lines.filter((l) => l.order.id === order.id),
    })),
    staff: (row.staff ?? []).map((u) => em.map(UserEntity, u)),
  };
}

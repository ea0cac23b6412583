import type { EntityManager } from '@mikro-orm/postgresql';
import { statusAfterRefunds } from '@marketplace/core';
import type { Config } from '../../config.js';
import { enqueue } from '../../jobs/job-queue.js';
import { UserEntity } from '../accounts/user.entity.js';
import { OrderCancellationRequestEntity, OrderEntity } from '../orders/order.entity.js';
import { applyOrderEvent, type OrderActor, SYSTEM_ACTOR } from '../orders/order-transitions.js';
import type { PaymentGateways } from './gateway/gateway.port.js';
import { lockCheckout } from './payment-engine.js';
import { PaymentEntity, PaymentRefundEntity } from './payment.entity.js';
import { sendRefundIssued } from './payment-emails.js';
import { EXECUTE_REFUND, recipientOf } from './payment-settlement.js';

export type RefundProblemCode = 'REFUND_REFUSED' | 'GATEWAY_UNAVAILABLE' | 'INVALID_TRANSITION';

export interface RefundStep {
  refund: PaymentRefundEntity;
  problem: { code: RefundProblemCode; message: string } | null;
}

async function actorOf(em: EntityManager, refund: PaymentRefundEntity): Promise<OrderActor> {
  if (!refund.requestedBy) return SYSTEM_ACTOR;
  const user = await em.findOne(UserEntity, { id: refund.requestedBy.id });
  if (!user) return SYSTEM_ACTOR;
  return { kind: user.role === 'MERCHANT_STAFF' ? 'MERCHANT' : 'STAFF', userId: user.id };
}

/**
 * Sends a recorded refund to the gateway, holding the checkout lock, and records the answer.
 * Safe to repeat: the refund's reference is the gateway's idempotency key.
 */
export async function executeRefund(
  em: EntityManager,
  config: Config,
  gateways: PaymentGateways,
  refundId: number,
): Promise<RefundStep> {
  const found = await em.findOneOrFail(PaymentRefundEntity, { id: refundId }, { populate: ['payment'] });
  await lockCheckout(em, found.payment.checkout.id);
  const refund = await em.findOneOrFail(PaymentRefundEntity, { id: refundId }, { refresh: true });
  const payment = await em.findOneOrFail(PaymentEntity, { id: refund.payment.id }, { refresh: true });
  if (refund.status !== 'PENDING') return { refund, problem: null };
  if (refund.order) {
    const order = await em.findOneOrFail(OrderEntity, { id: refund.order.id }, { refresh: true });
    // A safe freeze fails paid orders first (SAFE_FREEZE) and refunds them afterwards: that refund
    // is owed as long as no other refund of the order has gone through.
    const owedAfterFreeze =
      order.status === 'FAILED' &&
      (await em.count(PaymentRefundEntity, { order: order.id, status: 'SUCCEEDED' })) === 0;
    if (order.status !== 'AWAITING_SHIPMENT' && !owedAfterFreeze) {
      await failRefund(em, refund, 'ORDER_MOVED_ON', `the order is ${order.status}`);
      return {
        refund,
        problem: { code: 'INVALID_TRANSITION', message: `The order is ${order.status} now.` },
      };
    }
  }
  const outcome = await gateways[payment.method].refund({
    gatewayPaymentId: payment.gatewayPaymentId!,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    reference: refund.reference,
    note: refund.reason ?? undefined,
  });
  switch (outcome.kind) {
    case 'REFUNDED':
      await completeRefund(em, config, refund, outcome.gatewayRefundId);
      return { refund, problem: null };
    case 'REFUSED':
      await failRefund(em, refund, outcome.code, outcome.message);
      return {
        refund,
        problem: {
          code: 'REFUND_REFUSED',
          message: 'The payment service refused the refund; nothing was refunded.',
        },
      };
    case 'UNAVAILABLE':
      await enqueue(
        em,
        EXECUTE_REFUND,
        { refundId: refund.id },
        { runAt: new Date(Date.now() + 60_000), jobKey: `${EXECUTE_REFUND}:${refund.id}` },
      );
      return {
        refund,
        problem: {
          code: 'GATEWAY_UNAVAILABLE',
          message: 'The payment service did not answer; the refund will be retried automatically.',
        },
      };
  }
}

async function failRefund(em: EntityManager, refund: PaymentRefundEntity, code: string, message: string) {
  refund.status = 'FAILED';
  refund.failureCode = code.slice(0, 40);
  refund.failureMessage = message.slice(0, 500);
  refund.completedAt = new Date();
  await em.flush();
}

/**
 * The gateway confirmed the refund (its answer or its webhook, whichever comes first): the payment
 * records it, the order fails (core FAIL_WITH_REFUND: stock and coupon use go back), the shopper's
 * request is approved and the shopper is told — once.
 */
export async function completeRefund(
  em: EntityManager,
  config: Config,
  refund: PaymentRefundEntity,
  gatewayRefundId: string,
): Promise<void> {
  if (refund.status === 'SUCCEEDED') return;
  const payment = await em.findOneOrFail(PaymentEntity, { id: refund.payment.id }, { refresh: true });
  const now = new Date();
  refund.status = 'SUCCEEDED';
  refund.gatewayRefundId = gatewayRefundId;
  refund.completedAt = now;
  refund.failureCode = null;
  refund.failureMessage = null;
  // The database refuses a total above the capture (check constraint), whatever happened before.
  payment.refundedMinor += refund.amountMinor;
  payment.status = statusAfterRefunds(payment.amountMinor, payment.refundedMinor);
  payment.updatedAt = now;
  await em.flush();

  let orderNumber: string | null = null;
  if (refund.order) {
    const actor = await actorOf(em, refund);
    const reason = refund.reason ?? 'cancelled with a full refund';
    const result = await applyOrderEvent(em, config, refund.order.id, 'FAIL_WITH_REFUND', actor, reason);
    if (result.ok) orderNumber = result.value.number;
    else orderNumber = (await em.findOneOrFail(OrderEntity, { id: refund.order.id })).number;
    const request = await em.findOne(OrderCancellationRequestEntity, { order: refund.order.id });
    if (request && request.status === 'PENDING') {
      request.status = 'APPROVED';
      request.decidedAt = now;
      request.decidedBy = refund.requestedBy;
    }
  }
  const shopper = await em.findOneOrFail(UserEntity, { id: payment.user.id });
  await sendRefundIssued(em, config, recipientOf(shopper), {
    orderNumber,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    payment,
  });
  await em.flush();
}

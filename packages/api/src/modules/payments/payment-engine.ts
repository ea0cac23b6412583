import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Locale, type PaymentFailureCode, isPaymentInFlight } from '@marketplace/core';
import type { Config } from '../../config.js';
import { enqueue } from '../../jobs/job-queue.js';
import { CheckoutEntity } from '../checkout/checkout.entity.js';
import type { IssuedOrderKey } from '../consulting/order-keys.js';
import { OrderEntity } from '../orders/order.entity.js';
import type { OrderActor } from '../orders/order-transitions.js';
import type { GatewayRef, PaymentGateways, PaymentOutcome } from './gateway/gateway.port.js';
import { PaymentEntity } from './payment.entity.js';
import { applyDetails, settleCapture } from './payment-settlement.js';
import { executePrepared } from '../../db/lean-query.js';

export const RECONCILE_PAYMENT = 'payments.reconcile';

/** Why a payment step did not end in a paid checkout; each mutation exposes the codes it can return. */
export type PaymentProblemCode =
  | 'CARD_DECLINED'
  | 'INSUFFICIENT_FUNDS'
  | 'CARD_EXPIRED'
  | 'INVALID_CARD_TOKEN'
  | 'CHALLENGE_FAILED'
  | 'INCORRECT_CODE'
  | 'PAYMENT_DECLINED'
  | 'NOT_APPROVED'
  | 'APPROVAL_EXPIRED'
  | 'NOT_PAYABLE'
  | 'PAYMENT_CANCELLED'
  | 'GATEWAY_UNAVAILABLE';

export interface PaymentProblem {
  code: PaymentProblemCode;
  message: string;
}

export const PROBLEM_MESSAGES: Record<PaymentProblemCode, string> = {
  CARD_DECLINED: 'Your card was declined. Try another card or pay with PayPal.',
  INSUFFICIENT_FUNDS: 'Your card has insufficient funds. Try another card or pay with PayPal.',
  CARD_EXPIRED: 'Your card has expired. Try another card.',
  INVALID_CARD_TOKEN: 'The card details are no longer valid. Enter your card again.',
  CHALLENGE_FAILED: 'The verification code could not be confirmed. Start the payment again.',
  INCORRECT_CODE: 'The verification code is incorrect.',
  PAYMENT_DECLINED: 'The payment was declined. Try again or choose another way to pay.',
  NOT_APPROVED: 'The payment has not been approved on PayPal yet.',
  APPROVAL_EXPIRED: 'The PayPal approval expired. Start the payment again.',
  NOT_PAYABLE: 'These orders can no longer be paid (they were closed).',
  PAYMENT_CANCELLED: 'This payment was cancelled. Start a new payment.',
  GATEWAY_UNAVAILABLE:
    'The payment service did not answer. You have not been charged twice: we will confirm the outcome shortly.',
};

const FAILURE_PROBLEMS: Record<PaymentFailureCode, PaymentProblemCode> = {
  CARD_DECLINED: 'CARD_DECLINED',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  CARD_EXPIRED: 'CARD_EXPIRED',
  INVALID_CARD_TOKEN: 'INVALID_CARD_TOKEN',
  CHALLENGE_FAILED: 'CHALLENGE_FAILED',
  PAYER_CANCELLED: 'PAYMENT_CANCELLED',
  APPROVAL_EXPIRED: 'APPROVAL_EXPIRED',
  ORDERS_NOT_PAYABLE: 'NOT_PAYABLE',
  SUPERSEDED: 'PAYMENT_CANCELLED',
  GATEWAY_REFUSED: 'PAYMENT_DECLINED',
};

export const problem = (code: PaymentProblemCode, message?: string): PaymentProblem => ({
  code,
  message: message ?? PROBLEM_MESSAGES[code],
});

export const problemOfFailure = (code: PaymentFailureCode | null): PaymentProblem =>
  problem(code ? FAILURE_PROBLEMS[code] : 'PAYMENT_DECLINED');

export interface StepResult {
  keys: IssuedOrderKey[];
  problem: PaymentProblem | null;
}

/** Shared by every use case that moves a payment: one transaction, the checkout row locked. */
export interface EngineContext {
  em: EntityManager;
  config: Config;
  gateways: PaymentGateways;
  actor: OrderActor;
}

/**
 * Locks the checkout row for the rest of the transaction. Every change to a checkout's payments
 * and orders takes this lock first (applyOrderEvent does too), so a capture, a timeout and a
 * second click are serialised, and gateway writes of one checkout never overlap.
 */
export async function lockCheckout(em: EntityManager, checkoutId: number): Promise<CheckoutEntity | null> {
  // One statement: `select … for update` returns the row as it is once locked.
  return em.findOne(
    CheckoutEntity,
    { id: checkoutId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
}

/**
 * `lockCheckout` and a fresh read of one of its payments in ONE statement. Both rows are locked
 * (the checkout first, as everywhere), so when the statement had to wait for a twin request's
 * lock PostgreSQL re-reads them and returns the payment as that request left it — a row of a
 * table that is not locked would come from before the wait.
 */
export async function lockCheckoutAndPayment(
  em: EntityManager,
  checkoutId: number,
  paymentId: number,
): Promise<{ checkout: CheckoutEntity; payment: PaymentEntity } | null> {
  const [row] = await executePrepared<{
    checkout: Record<string, unknown>;
    payment: Record<string, unknown>;
  }>(
    em,
    'lock_checkout_payment',
    `select to_json(c) as checkout, to_json(p) as payment
       from checkout c join payment p on p.checkout_id = c.id
      where c.id = ? and p.id = ?
        for update of c, p`,
    [checkoutId, paymentId],
  );
  if (!row) return null;
  return { checkout: em.map(CheckoutEntity, row.checkout), payment: em.map(PaymentEntity, row.payment) };
}

export const refOf = (p: PaymentEntity): GatewayRef => ({
  gatewayOrderId: p.gatewayOrderId,
  gatewayPaymentId: p.gatewayPaymentId,
  challengeId: p.challengeId,
});

/** Created, but the gateway has not answered the first call yet (or its answer was lost). */
export const awaitsStart = (p: PaymentEntity) =>
  p.status === 'PENDING' && p.gatewayOrderId === null && p.gatewayPaymentId === null;

export async function openOrders(em: EntityManager, checkoutId: number): Promise<OrderEntity[]> {
  return em.find(
    OrderEntity,
    { checkout: checkoutId, status: 'AWAITING_PAYMENT' },
    { orderBy: { id: 'asc' }, refresh: true },
  );
}

function end(
  payment: PaymentEntity,
  status: 'FAILED' | 'CANCELLED',
  code: PaymentFailureCode,
  message: string,
) {
  const now = new Date();
  payment.status = status;
  payment.failureCode = code;
  payment.failureMessage = message.slice(0, 500);
  payment.endedAt = now;
  payment.updatedAt = now;
  payment.cardToken = null;
}

/** Cancels an in-flight payment that must not be captured any more (nothing was captured). */
export async function cancelPayment(
  em: EntityManager,
  payment: PaymentEntity,
  code: PaymentFailureCode,
  message: string,
) {
  end(payment, 'CANCELLED', code, message);
  await em.flush();
}

/** Writes what the gateway said, in the checkout lock's transaction. */
export async function recordOutcome(
  ctx: EngineContext,
  payment: PaymentEntity,
  outcome: PaymentOutcome,
): Promise<StepResult> {
  const { em, config } = ctx;
  const none: StepResult = { keys: [], problem: null };
  const now = new Date();
  switch (outcome.kind) {
    case 'REDIRECT':
      payment.status = 'REQUIRES_ACTION';
      payment.gatewayOrderId = outcome.gatewayOrderId;
      payment.approvalUrl = outcome.url;
      payment.updatedAt = now;
      await em.flush();
      return none;
    case 'APPROVED':
      applyDetails(payment, outcome.details);
      payment.gatewayOrderId = outcome.gatewayOrderId;
      payment.updatedAt = now;
      await em.flush();
      return none;
    case 'CODE_CHALLENGE':
      payment.status = 'REQUIRES_ACTION';
      payment.gatewayPaymentId = outcome.gatewayPaymentId;
      payment.challengeId = outcome.challengeId || null;
      payment.phoneHint = outcome.phoneHint?.slice(0, 40) ?? null;
      payment.cardToken = null;
      payment.updatedAt = now;
      applyDetails(payment, outcome.details);
      await em.flush();
      return none;
    case 'WRONG_CODE': {
      const left = outcome.attemptsRemaining;
      const suffix = left === null ? '' : ` ${left} attempt${left === 1 ? '' : 's'} left.`;
      return { keys: [], problem: problem('INCORRECT_CODE', `${PROBLEM_MESSAGES.INCORRECT_CODE}${suffix}`) };
    }
    case 'SUCCEEDED': {
      const keys = await settleCapture(em, config, payment, outcome, ctx.actor);
      return { keys, problem: null };
    }
    case 'FAILED':
      if (outcome.gatewayPaymentId) payment.gatewayPaymentId = outcome.gatewayPaymentId;
      applyDetails(payment, outcome.details);
      end(payment, 'FAILED', outcome.code, outcome.message);
      await em.flush();
      return { keys: [], problem: problemOfFailure(outcome.code) };
    case 'EXPIRED':
      end(payment, 'CANCELLED', 'APPROVAL_EXPIRED', outcome.message);
      await em.flush();
      return { keys: [], problem: problem('APPROVAL_EXPIRED') };
    case 'UNAVAILABLE':
      // Outcome unknown: nothing changes; the reconciliation job asks again shortly.
      await scheduleReconciliation(em, payment, 60);
      return { keys: [], problem: problem('GATEWAY_UNAVAILABLE') };
  }
}

export async function scheduleReconciliation(em: EntityManager, payment: PaymentEntity, inSeconds: number) {
  await enqueue(
    em,
    RECONCILE_PAYMENT,
    { paymentId: payment.id },
    { runAt: new Date(Date.now() + inSeconds * 1000), jobKey: `${RECONCILE_PAYMENT}:${payment.id}` },
  );
}

/** The first gateway call of an attempt (PayPal: create order; card: charge). Idempotent per attempt. */
export async function startPayment(
  ctx: EngineContext,
  payment: PaymentEntity,
  request: { locale: Locale; description: string; returnUrl?: string; cancelUrl?: string },
): Promise<StepResult> {
  const outcome = await ctx.gateways[payment.method].start({
    requestKey: `${payment.reference}-start`,
    reference: payment.reference,
    checkoutReference: `checkout-${payment.checkout.id}`,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    description: request.description,
    locale: request.locale,
    cardToken: payment.cardToken,
    returnUrl: request.returnUrl,
    cancelUrl: request.cancelUrl,
  });
  const result = await recordOutcome(ctx, payment, outcome);
  if (outcome.kind === 'REDIRECT') {
    // If the shopper never comes back from PayPal, reconciliation captures an approved order.
    await scheduleReconciliation(ctx.em, payment, 10 * 60);
  }
  return result;
}

/**
 * Captures an approved PayPal order, or confirms a card charge with its SMS code — only while every
 * order it pays can still be paid; otherwise the attempt is cancelled and nothing is captured.
 */
export async function completePayment(
  ctx: EngineContext,
  payment: PaymentEntity,
  request: { code?: string; attempt: string },
): Promise<StepResult> {
  if ((await openOrders(ctx.em, payment.checkout.id)).length === 0) {
    await cancelPayment(ctx.em, payment, 'ORDERS_NOT_PAYABLE', 'the orders were closed before payment');
    return { keys: [], problem: problem('NOT_PAYABLE') };
  }
  const outcome = await ctx.gateways[payment.method].complete(refOf(payment), {
    requestKey: `${payment.reference}-${request.attempt}`,
    code: request.code,
  });
  if (outcome.kind === 'REDIRECT') return { keys: [], problem: problem('NOT_APPROVED') };
  if (outcome.kind === 'APPROVED') return { keys: [], problem: problem('GATEWAY_UNAVAILABLE') };
  return recordOutcome(ctx, payment, outcome);
}

/**
 * Brings an in-flight attempt up to date with the gateway (the job, webhooks, the payment timeout,
 * a second attempt). `captureApproved`: capture a PayPal order the shopper approved but never came
 * back from (the job does; a shopper switching to card does not — that attempt is cancelled).
 */
export async function reconcileLocked(
  ctx: EngineContext,
  payment: PaymentEntity,
  opts: { captureApproved: boolean; locale: Locale; description: string },
): Promise<StepResult> {
  if (!isPaymentInFlight(payment.status)) return { keys: [], problem: null };
  if (awaitsStart(payment)) {
    // The first call's answer was lost (timeout, crash): asking again with the same key is safe.
    return startPayment(ctx, payment, { locale: opts.locale, description: opts.description });
  }
  const outcome = await ctx.gateways[payment.method].lookup(refOf(payment));
  switch (outcome.kind) {
    case 'APPROVED':
      applyDetails(payment, outcome.details);
      if (opts.captureApproved) return completePayment(ctx, payment, { attempt: 'capture' });
      return { keys: [], problem: null };
    case 'REDIRECT':
    case 'CODE_CHALLENGE':
      // Still waiting for the shopper; nothing may be captured once the orders are closed.
      if ((await openOrders(ctx.em, payment.checkout.id)).length === 0) {
        await cancelPayment(ctx.em, payment, 'ORDERS_NOT_PAYABLE', 'the orders were closed before payment');
        return { keys: [], problem: problem('NOT_PAYABLE') };
      }
      return { keys: [], problem: null };
    case 'WRONG_CODE':
      return { keys: [], problem: null };
    default:
      return recordOutcome(ctx, payment, outcome);
  }
}

/** In-flight attempts of a checkout (at most one, by a unique index). */
export function inFlightPayments(em: EntityManager, checkoutId: number): Promise<PaymentEntity[]> {
  return em.find(
    PaymentEntity,
    { checkout: checkoutId, status: { $in: ['PENDING', 'REQUIRES_ACTION'] } },
    { refresh: true },
  );
}

/** What the gateway descriptor and PayPal's order description say: the order numbers. */
export async function describeCheckout(
  em: EntityManager,
  checkoutId: number,
  locale: Locale,
): Promise<string> {
  const orders = await em.find(OrderEntity, { checkout: checkoutId }, { orderBy: { id: 'asc' } });
  return describeOrders(orders, locale);
}

/** `describeCheckout` from the checkout's orders already read (in id order). */
export function describeOrders(orders: Pick<OrderEntity, 'number'>[], locale: Locale): string {
  const numbers = orders.map((o) => o.number).join(', ');
  return locale === 'zh-TW' ? `好物市集訂單 ${numbers}` : `Marketplace order ${numbers}`;
}

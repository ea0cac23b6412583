import { err, ok, type Result } from './result.js';

/** How a checkout is paid. */
export const PAYMENT_METHODS = ['PAYPAL', 'UNIONPAY_CARD'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * One payment attempt's life: PENDING (created, the gateway not answered yet) → REQUIRES_ACTION
 * (the shopper must approve at PayPal or enter an SMS code) → SUCCEEDED (captured) | FAILED |
 * CANCELLED; a captured payment is then PARTIALLY_REFUNDED or REFUNDED.
 */
export const PAYMENT_STATUSES = [
  'PENDING',
  'REQUIRES_ACTION',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Why a payment attempt failed or was refused by the gateway (stored on the attempt). */
export const PAYMENT_FAILURE_CODES = [
  'CARD_DECLINED',
  'INSUFFICIENT_FUNDS',
  'CARD_EXPIRED',
  'INVALID_CARD_TOKEN',
  'CHALLENGE_FAILED',
  'PAYER_CANCELLED',
  'APPROVAL_EXPIRED',
  'ORDERS_NOT_PAYABLE',
  'SUPERSEDED',
  'GATEWAY_REFUSED',
] as const;
export type PaymentFailureCode = (typeof PAYMENT_FAILURE_CODES)[number];

const NEXT: { readonly [S in PaymentStatus]: readonly PaymentStatus[] } = {
  PENDING: ['REQUIRES_ACTION', 'SUCCEEDED', 'FAILED', 'CANCELLED'],
  REQUIRES_ACTION: ['SUCCEEDED', 'FAILED', 'CANCELLED'],
  SUCCEEDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  FAILED: [],
  CANCELLED: [],
  REFUNDED: [],
};

/** Whether a payment may move from one status to another (the same status is always a no-op). */
export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** Started and not finished: at most one of these per checkout. */
export function isPaymentInFlight(status: PaymentStatus): boolean {
  return status === 'PENDING' || status === 'REQUIRES_ACTION';
}

/** Money was captured (whether or not some of it went back since). */
export function isPaymentCaptured(status: PaymentStatus): boolean {
  return status === 'SUCCEEDED' || status === 'PARTIALLY_REFUNDED' || status === 'REFUNDED';
}

export type RefundError =
  | { code: 'NOT_POSITIVE' }
  | { code: 'NOT_CAPTURED' }
  | { code: 'EXCEEDS_CAPTURE'; refundable: number };

/**
 * Checks a refund of `amount` minor units against a capture: positive, and together with the
 * refunds already made or under way never more than what was captured. Returns the payment's
 * status once the refund is through.
 */
export function checkRefund(facts: {
  status: PaymentStatus;
  captured: number;
  /** Refunds already made plus those not yet confirmed by the gateway. */
  refunded: number;
  amount: number;
}): Result<{ refundedAfter: number; statusAfter: PaymentStatus }, RefundError> {
  const { status, captured, refunded, amount } = facts;
  if (!Number.isSafeInteger(amount) || amount <= 0) return err({ code: 'NOT_POSITIVE' });
  if (!isPaymentCaptured(status)) return err({ code: 'NOT_CAPTURED' });
  const refundable = Math.max(0, captured - refunded);
  if (amount > refundable) return err({ code: 'EXCEEDS_CAPTURE', refundable });
  const refundedAfter = refunded + amount;
  return ok({ refundedAfter, statusAfter: statusAfterRefunds(captured, refundedAfter) });
}

/** The status of a captured payment given how much of it has been refunded. */
export function statusAfterRefunds(captured: number, refunded: number): PaymentStatus {
  if (refunded <= 0) return 'SUCCEEDED';
  return refunded >= captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

/** A card as receipts show it: never more than the last four digits. */
export function maskCard(last4: string): string {
  const digits = last4.replace(/\D/g, '').slice(-4);
  return `•••• ${digits}`;
}

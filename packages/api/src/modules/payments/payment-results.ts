import { userError } from '../../graphql/errors.js';
import type { CheckoutEntity } from '../checkout/checkout.entity.js';
import type { IssuedOrderKey } from '../consulting/order-keys.js';
import type { PaymentEntity } from './payment.entity.js';
import {
  type PaymentProblemCode,
  PROBLEM_MESSAGES,
  problemOfFailure,
  type StepResult,
} from './payment-engine.js';

/** Every code a payment mutation can answer with (each mutation's enum lists its own subset). */
export type PaymentErrorCode =
  | PaymentProblemCode
  | 'CHECKOUT_NOT_FOUND'
  | 'PAYMENT_NOT_FOUND'
  | 'ALREADY_PAID'
  | 'PAYMENT_IN_PROGRESS'
  | 'INVALID_IDEMPOTENCY_KEY'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_RETURN_URL'
  | 'INVALID_CODE';

export interface PaymentStepResult {
  payment: PaymentEntity | null;
  checkout: CheckoutEntity | null;
  keys: IssuedOrderKey[];
  userErrors: { code: PaymentErrorCode; message: string; field: string[] | null }[];
}

export const refuse = (
  code: PaymentErrorCode,
  message: string,
  field: string[] | null = null,
): PaymentStepResult => ({
  payment: null,
  checkout: null,
  keys: [],
  userErrors: [userError(code, message, field)],
});

/** A step's answer: the attempt, its checkout, the order keys it issued and what went wrong. */
export function stepResult(
  payment: PaymentEntity,
  checkout: CheckoutEntity | null,
  step: StepResult,
): PaymentStepResult {
  return {
    payment,
    checkout,
    keys: step.keys,
    userErrors: step.problem ? [userError(step.problem.code, step.problem.message)] : [],
  };
}

/** What a repeated request (same key) says about its attempt now. */
export function replayProblem(payment: PaymentEntity): StepResult {
  const ended = payment.status === 'FAILED' || payment.status === 'CANCELLED';
  return { keys: [], problem: ended ? problemOfFailure(payment.failureCode) : null };
}

export function checkoutNotFound(): PaymentStepResult {
  return refuse('CHECKOUT_NOT_FOUND', 'You have no checkout with this ID.', ['input', 'checkoutId']);
}

export function paymentNotFound(field: string[]): PaymentStepResult {
  return refuse('PAYMENT_NOT_FOUND', 'You have no payment with this reference.', field);
}

export function alreadyPaid(
  payment: PaymentEntity,
  checkout: CheckoutEntity | null,
  keys: IssuedOrderKey[] = [],
): PaymentStepResult {
  return {
    payment,
    checkout,
    keys,
    userErrors: [userError('ALREADY_PAID', 'This checkout has already been paid.')],
  };
}

/** Another attempt's outcome is not known yet (its gateway call has not answered). */
export function inProgress(payment: PaymentEntity, checkout: CheckoutEntity | null): PaymentStepResult {
  return {
    payment,
    checkout,
    keys: [],
    userErrors: [userError('PAYMENT_IN_PROGRESS', PROBLEM_MESSAGES.GATEWAY_UNAVAILABLE)],
  };
}

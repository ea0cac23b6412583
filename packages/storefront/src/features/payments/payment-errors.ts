import type { TFunction } from '../../lib/i18n/translator.js';
import type {
  CancelPayPalPaymentErrorCode,
  CompletePayPalPaymentErrorCode,
  ConfirmCardPaymentErrorCode,
  PayOrderErrorCode,
  ResendCardPaymentCodeErrorCode,
} from '../../gql/graphql.js';

/** Every code a payment mutation can answer with. */
export type PaymentErrorCode =
  | PayOrderErrorCode
  | CompletePayPalPaymentErrorCode
  | CancelPayPalPaymentErrorCode
  | ConfirmCardPaymentErrorCode
  | ResendCardPaymentCodeErrorCode;

export const PAYMENT_ERROR_CODES = [
  'CHECKOUT_NOT_FOUND',
  'PAYMENT_NOT_FOUND',
  'ALREADY_PAID',
  'NOT_PAYABLE',
  'PAYMENT_IN_PROGRESS',
  'INVALID_IDEMPOTENCY_KEY',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_RETURN_URL',
  'INVALID_CODE',
  'INCORRECT_CODE',
  'CARD_DECLINED',
  'INSUFFICIENT_FUNDS',
  'CARD_EXPIRED',
  'INVALID_CARD_TOKEN',
  'CHALLENGE_FAILED',
  'PAYMENT_DECLINED',
  'NOT_APPROVED',
  'APPROVAL_EXPIRED',
  'PAYMENT_CANCELLED',
  'GATEWAY_UNAVAILABLE',
] as const satisfies readonly PaymentErrorCode[];
type KnownCode = (typeof PAYMENT_ERROR_CODES)[number];

// A code added to the API without a message here fails to compile (after codegen).
const everyCodeHasAMessage: [Exclude<PaymentErrorCode, KnownCode>] extends [never] ? true : never = true;
void everyCodeHasAMessage;

const isKnown = (code: string): code is KnownCode =>
  (PAYMENT_ERROR_CODES as readonly string[]).includes(code);

/** The shopper-facing explanation of a payment refusal, in the UI language. */
export function paymentErrorMessage(t: TFunction, code: string): string {
  return isKnown(code) ? t(`payments.errors.${code}`) : t('payments.errors.unknown');
}

/** Refusals about the one-time code itself: shown next to the code field, the challenge goes on. */
export function isCodeFieldError(code: string): boolean {
  return code === 'INCORRECT_CODE' || code === 'INVALID_CODE';
}

/** Why the hosted card field gave no token (`code` from the field, or our own `timeout`/`not_ready`). */
export function cardFieldErrorMessage(t: TFunction, code: string): string {
  switch (code) {
    case 'validation_error':
      return t('payments.errors.cardInvalid');
    case 'not_ready':
      return t('payments.errors.cardFieldNotReady');
    default:
      return t('payments.errors.cardField');
  }
}

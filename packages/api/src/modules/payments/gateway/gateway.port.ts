import type { Locale, PaymentFailureCode, PaymentMethod } from '@marketplace/core';

/**
 * The payment gateway port: what the payments service needs from a payment provider, in the
 * platform's terms. Adapters (PayPal Orders v2, the card acquirer) translate to their APIs; their
 * base URLs and credentials are configuration, so the sandbox and the real providers are the same code.
 *
 * Every write carries a request key the provider de-duplicates on (PayPal-Request-Id,
 * Idempotency-Key): repeating a call after a timeout or a crash never charges twice.
 */
export interface PaymentGateway {
  readonly method: PaymentMethod;
  /** PayPal: creates an order for the shopper to approve. Card: charges the card field's token. */
  start(request: StartPayment): Promise<PaymentOutcome>;
  /** PayPal: captures the approved order. Card: confirms the charge with the SMS code. */
  complete(ref: GatewayRef, request: { requestKey: string; code?: string }): Promise<PaymentOutcome>;
  /** What the provider knows about the payment now (reconciliation, webhooks). */
  lookup(ref: GatewayRef): Promise<PaymentOutcome>;
  /** Gives back part or all of a capture. */
  refund(request: RefundRequest): Promise<RefundOutcome>;
  /** Card: sends a new SMS code for a charge awaiting one. */
  resendChallenge?(ref: GatewayRef): Promise<PaymentOutcome>;
}

export interface StartPayment {
  /** Idempotency key of the provider call: one per payment attempt. */
  requestKey: string;
  /** The attempt's reference (PayPal invoice id, card charge reference). */
  reference: string;
  /** The checkout it pays (PayPal custom id). */
  checkoutReference: string;
  amountMinor: number;
  currency: string;
  description: string;
  locale: Locale;
  /** Card: the hosted card field's single-use token. */
  cardToken?: string | null;
  /** PayPal: where the approval page sends the shopper back. */
  returnUrl?: string;
  cancelUrl?: string;
}

/** The provider's ids of a payment attempt. */
export interface GatewayRef {
  gatewayOrderId: string | null;
  gatewayPaymentId: string | null;
  challengeId: string | null;
}

/** What the platform stores about how it was paid (never a card number). */
export interface PaymentDetails {
  cardBrand?: string;
  cardLast4?: string;
  cardExpMonth?: number;
  cardExpYear?: number;
  payerEmail?: string;
  payerId?: string;
}

export type PaymentOutcome =
  /** PayPal order created, waiting for the shopper's approval on `url`. */
  | { kind: 'REDIRECT'; gatewayOrderId: string; url: string }
  /** PayPal order approved by the shopper, not captured yet. */
  | { kind: 'APPROVED'; gatewayOrderId: string; details: PaymentDetails }
  /** Card charge waiting for the SMS one-time code. */
  | {
      kind: 'CODE_CHALLENGE';
      gatewayPaymentId: string;
      challengeId: string;
      phoneHint: string | null;
      details: PaymentDetails;
    }
  /** A wrong SMS code; the charge still waits for the right one. */
  | { kind: 'WRONG_CODE'; attemptsRemaining: number | null; message: string }
  /** Money captured. */
  | {
      kind: 'SUCCEEDED';
      gatewayPaymentId: string;
      amountMinor: number;
      currency: string;
      details: PaymentDetails;
    }
  /** Definitely not paid. */
  | {
      kind: 'FAILED';
      code: PaymentFailureCode;
      message: string;
      gatewayPaymentId?: string;
      details?: PaymentDetails;
    }
  /** The provider no longer knows it (a PayPal order that expired unapproved): nothing was paid. */
  | { kind: 'EXPIRED'; message: string }
  /** Timeout, network error or provider error: the outcome is unknown; ask again later. */
  | { kind: 'UNAVAILABLE'; message: string };

export interface RefundRequest {
  gatewayPaymentId: string;
  amountMinor: number;
  currency: string;
  /** Idempotency key and our reference of the refund. */
  reference: string;
  note?: string;
}

export type RefundOutcome =
  | { kind: 'REFUNDED'; gatewayRefundId: string; amountMinor: number }
  /** The provider refused (e.g. more than what is left of the capture): nothing moved. */
  | { kind: 'REFUSED'; code: string; message: string }
  | { kind: 'UNAVAILABLE'; message: string };

/** The adapters by method. */
export type PaymentGateways = Record<PaymentMethod, PaymentGateway> & {
  verifyPayPalWebhook(headers: Record<string, string | undefined>, rawBody: string): Promise<WebhookVerdict>;
};

export type WebhookVerdict = 'VALID' | 'INVALID' | 'UNAVAILABLE';

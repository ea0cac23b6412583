import type { PaymentFailureCode } from '@marketplace/core';
import type { PaymentsConfig } from '../../../config.js';
import { type HttpResult, isTransient, obj, requestJson, str } from './http.js';
import type {
  GatewayRef,
  PaymentDetails,
  PaymentGateway,
  PaymentOutcome,
  RefundOutcome,
  RefundRequest,
  StartPayment,
} from './gateway.port.js';

const FAILURE_CODES: Record<string, PaymentFailureCode> = {
  card_declined: 'CARD_DECLINED',
  insufficient_funds: 'INSUFFICIENT_FUNDS',
  expired_card: 'CARD_EXPIRED',
  authentication_failed: 'CHALLENGE_FAILED',
  challenge_expired: 'CHALLENGE_FAILED',
};

/** Token problems: the shopper has to enter the card again. */
const TOKEN_ERRORS = new Set(['token_already_used', 'token_expired', 'resource_missing']);

const errorOf = (result: HttpResult) => obj('body' in result ? result.body.error : undefined);

function describe(result: HttpResult): string {
  if (result.status === 0) return `card acquirer unreachable: ${'error' in result ? result.error : ''}`;
  const e = errorOf(result);
  return `card acquirer ${result.status} ${str(e.code) ?? ''}: ${str(e.message) ?? ''}`.trim();
}

/**
 * The card acquirer (UnionPay cards): charges a single-use token from its hosted card field,
 * confirms the SMS one-time code, refunds. Authenticated with the secret key; every write has an
 * Idempotency-Key.
 */
export class CardAdapter implements PaymentGateway {
  readonly method = 'UNIONPAY_CARD' as const;

  constructor(
    private readonly config: PaymentsConfig['card'],
    private readonly timeoutMs: number,
  ) {}

  private call(method: 'GET' | 'POST', path: string, opts: { body?: unknown; idempotencyKey?: string } = {}) {
    const headers: Record<string, string> = { authorization: `Bearer ${this.config.secretKey}` };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    return requestJson(`${this.config.apiUrl}/card/v1${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      timeoutMs: this.timeoutMs,
    });
  }

  async start(request: StartPayment): Promise<PaymentOutcome> {
    if (!request.cardToken) return { kind: 'FAILED', code: 'INVALID_CARD_TOKEN', message: 'no card token' };
    const result = await this.call('POST', '/charges', {
      idempotencyKey: request.requestKey,
      body: {
        token: request.cardToken,
        amount: request.amountMinor,
        currency: request.currency,
        reference: request.reference,
        description: request.description.slice(0, 1000),
      },
    });
    if (result.ok) return chargeOutcome(result.body);
    if (isTransient(result)) return { kind: 'UNAVAILABLE', message: describe(result) };
    const e = errorOf(result);
    const charge = obj(e.charge);
    if (str(charge.id)) return chargeOutcome(charge);
    const code = str(e.code) ?? '';
    if (TOKEN_ERRORS.has(code) || str(e.param) === 'token') {
      return { kind: 'FAILED', code: 'INVALID_CARD_TOKEN', message: describe(result) };
    }
    if (FAILURE_CODES[code]) return { kind: 'FAILED', code: FAILURE_CODES[code], message: describe(result) };
    // A wrong secret key or a malformed request: our configuration or our bug, not the shopper's card.
    if (result.status === 401) return { kind: 'UNAVAILABLE', message: describe(result) };
    return { kind: 'FAILED', code: 'GATEWAY_REFUSED', message: describe(result) };
  }

  async complete(ref: GatewayRef, request: { requestKey: string; code?: string }): Promise<PaymentOutcome> {
    if (!ref.gatewayPaymentId) return { kind: 'UNAVAILABLE', message: 'no card charge to confirm' };
    const result = await this.call('POST', `/charges/${encodeURIComponent(ref.gatewayPaymentId)}/confirm`, {
      idempotencyKey: request.requestKey,
      body: { code: request.code ?? '', ...(ref.challengeId ? { challenge_id: ref.challengeId } : {}) },
    });
    if (result.ok) return chargeOutcome(result.body);
    if (isTransient(result)) return { kind: 'UNAVAILABLE', message: describe(result) };
    const e = errorOf(result);
    const code = str(e.code);
    if (code === 'incorrect_code') {
      const left = typeof e.attempts_remaining === 'number' ? e.attempts_remaining : null;
      return { kind: 'WRONG_CODE', attemptsRemaining: left, message: str(e.message) ?? 'Incorrect code.' };
    }
    const charge = obj(e.charge);
    if (str(charge.id)) return chargeOutcome(charge);
    // E.g. no longer awaiting a code: the charge itself says how it ended.
    return this.lookup(ref);
  }

  async lookup(ref: GatewayRef): Promise<PaymentOutcome> {
    if (!ref.gatewayPaymentId) return { kind: 'UNAVAILABLE', message: 'no card charge id yet' };
    const result = await this.call('GET', `/charges/${encodeURIComponent(ref.gatewayPaymentId)}`);
    if (result.ok) return chargeOutcome(result.body);
    if (result.status === 404) return { kind: 'EXPIRED', message: describe(result) };
    return { kind: 'UNAVAILABLE', message: describe(result) };
  }

  async resendChallenge(ref: GatewayRef): Promise<PaymentOutcome> {
    if (!ref.gatewayPaymentId) return { kind: 'UNAVAILABLE', message: 'no card charge' };
    const result = await this.call(
      'POST',
      `/charges/${encodeURIComponent(ref.gatewayPaymentId)}/resend_code`,
      { body: {} },
    );
    if (result.ok) return chargeOutcome(result.body);
    if (isTransient(result)) return { kind: 'UNAVAILABLE', message: describe(result) };
    const e = errorOf(result);
    if (str(e.code) === 'too_many_codes')
      return { kind: 'WRONG_CODE', attemptsRemaining: null, message: str(e.message) ?? '' };
    return this.lookup(ref);
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    const result = await this.call(
      'POST',
      `/charges/${encodeURIComponent(request.gatewayPaymentId)}/refunds`,
      {
        idempotencyKey: request.reference,
        body: {
          amount: request.amountMinor,
          ...(request.note ? { reason: request.note.slice(0, 255) } : {}),
        },
      },
    );
    if (!result.ok) {
      if (isTransient(result) || result.status === 401)
        return { kind: 'UNAVAILABLE', message: describe(result) };
      return { kind: 'REFUSED', code: str(errorOf(result).code) ?? 'refused', message: describe(result) };
    }
    const id = str(result.body.id);
    if (!id) return { kind: 'UNAVAILABLE', message: 'card refund without an id' };
    const amount = typeof result.body.amount === 'number' ? result.body.amount : request.amountMinor;
    return str(result.body.status) === 'succeeded'
      ? { kind: 'REFUNDED', gatewayRefundId: id, amountMinor: amount }
      : { kind: 'UNAVAILABLE', message: `card refund ${id} is ${String(result.body.status)}` };
  }
}

function cardDetails(charge: Record<string, unknown>): PaymentDetails {
  const card = obj(charge.card);
  const details: PaymentDetails = {};
  const brand = str(card.brand);
  const last4 = str(card.last4);
  if (brand) details.cardBrand = brand.slice(0, 20);
  if (last4 && /^[0-9]{4}$/.test(last4)) details.cardLast4 = last4;
  if (typeof card.expMonth === 'number') details.cardExpMonth = card.expMonth;
  if (typeof card.expYear === 'number') details.cardExpYear = card.expYear;
  return details;
}

function chargeOutcome(charge: Record<string, unknown>): PaymentOutcome {
  const id = str(charge.id);
  if (!id) return { kind: 'UNAVAILABLE', message: 'card charge without an id' };
  const details = cardDetails(charge);
  switch (str(charge.status)) {
    case 'succeeded':
      return {
        kind: 'SUCCEEDED',
        gatewayPaymentId: id,
        amountMinor: typeof charge.amount === 'number' ? charge.amount : 0,
        currency: (str(charge.currency) ?? '').toUpperCase(),
        details,
      };
    case 'requires_action': {
      const next = obj(charge.next_action);
      return {
        kind: 'CODE_CHALLENGE',
        gatewayPaymentId: id,
        challengeId: str(next.challenge_id) ?? '',
        phoneHint: str(next.phone_hint) ?? null,
        details,
      };
    }
    case 'failed': {
      const failure = str(charge.failure_code) ?? '';
      return {
        kind: 'FAILED',
        code: FAILURE_CODES[failure] ?? 'CARD_DECLINED',
        message: str(charge.failure_message) ?? 'The card payment failed.',
        gatewayPaymentId: id,
        details,
      };
    }
    default:
      return { kind: 'UNAVAILABLE', message: `card charge status ${String(charge.status)}` };
  }
}

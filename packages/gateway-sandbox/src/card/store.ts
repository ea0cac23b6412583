import type { Logger } from '../logger.js';
import type { ResolvedOptions } from '../options.js';
import { IdempotencyStore } from '../util/idempotency.js';
import { numericCode, prefixedId } from '../util/ids.js';
import { displayAmount } from '../util/money.js';
import { type Clock, isoTime } from '../util/time.js';
import {
  type CardInput,
  type CardScenario,
  FAILURE_MESSAGES,
  FIELD_ERROR_MESSAGES,
  scenarioFor,
  TEST_PHONE,
  TEST_PHONE_HINT,
  validateCard,
} from './cards.js';

type Json = Record<string, unknown>;

/** An error of the card API: `{ error: { type, code, message, param?, … } }`. */
export class CardApiError extends Error {
  constructor(
    readonly status: number,
    readonly type:
      | 'invalid_request_error'
      | 'authentication_error'
      | 'card_error'
      | 'idempotency_error'
      | 'api_error',
    readonly code: string,
    message: string,
    readonly extra: Json = {},
  ) {
    super(message);
  }

  toBody(): { error: Json } {
    return { error: { type: this.type, code: this.code, message: this.message, ...this.extra } };
  }
}

export interface CardSummary {
  brand: 'UNIONPAY';
  last4: string;
  expMonth: number;
  expYear: number;
}

/** A single-use token. The card number and CVC are not kept: only what the outcome needs. */
interface TokenRecord {
  id: string;
  scenario: CardScenario;
  card: CardSummary;
  createdAt: number;
  expiresAt: number;
  usedAt: number | undefined;
  chargeId: string | undefined;
}

interface Challenge {
  id: string;
  code: string;
  attemptsLeft: number;
  expiresAt: number;
  sends: number;
}

export interface ChargeRecord {
  id: string;
  status: 'succeeded' | 'requires_action' | 'failed';
  amount: number;
  amountRefunded: number;
  currency: string;
  reference: string | undefined;
  description: string | undefined;
  card: CardSummary;
  scenario: CardScenario;
  failureCode: string | undefined;
  challenge: Challenge | undefined;
  refundIds: string[];
  createdAt: number;
  updatedAt: number;
}

export interface CardRefundRecord {
  id: string;
  chargeId: string;
  amount: number;
  currency: string;
  reason: string | undefined;
  createdAt: number;
}

export interface SmsMessage {
  id: string;
  to: string;
  text: string;
  code: string;
  charge_id: string;
  challenge_id: string;
  created_at: string;
}

const MAX_CODE_SENDS = 5;

export class CardStore {
  readonly tokens = new Map<string, TokenRecord>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly refunds = new Map<string, CardRefundRecord>();
  readonly idempotency = new IdempotencyStore();
  /** The sandbox's SMS inbox, newest last. */
  readonly sms: SmsMessage[] = [];

  constructor(
    private readonly opts: ResolvedOptions,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  reset(): void {
    this.tokens.clear();
    this.charges.clear();
    this.refunds.clear();
    this.idempotency.clear();
    this.sms.length = 0;
  }

  // ── Tokens ─────────────────────────────────────────────────────────────────────────────

  tokenize(input: CardInput): Json {
    const problem = validateCard(input, new Date(this.clock.now()));
    if (problem) {
      throw new CardApiError(402, 'card_error', problem.code, FIELD_ERROR_MESSAGES[problem.code], {
        param: problem.param,
      });
    }
    const number = input.number.replace(/[\s-]/g, '');
    const now = this.clock.now();
    const token: TokenRecord = {
      id: prefixedId('tok'),
      scenario: scenarioFor(number),
      card: { brand: 'UNIONPAY', last4: number.slice(-4), expMonth: input.expMonth, expYear: input.expYear },
      createdAt: now,
      expiresAt: now + this.opts.card.tokenTtlSeconds * 1000,
      usedAt: undefined,
      chargeId: undefined,
    };
    this.tokens.set(token.id, token);
    this.logger.info({ last4: token.card.last4 }, 'card tokenized');
    return {
      id: token.id,
      object: 'token',
      card: token.card,
      used: false,
      created_at: isoTime(token.createdAt),
      expires_at: isoTime(token.expiresAt),
    };
  }

  // ── Charges ────────────────────────────────────────────────────────────────────────────

  createCharge(params: {
    token: string;
    amount: number;
    currency: string;
    reference?: string | undefined;
    description?: string | undefined;
  }): ChargeRecord {
    const token = this.tokens.get(params.token);
    if (!token) {
      throw new CardApiError(400, 'invalid_request_error', 'resource_missing', 'No such token.', {
        param: 'token',
      });
    }
    if (token.usedAt !== undefined) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'token_already_used',
        'This card token has already been used. Tokens are single-use: collect the card again.',
        { param: 'token' },
      );
    }
    const now = this.clock.now();
    if (now >= token.expiresAt) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'token_expired',
        'This card token has expired. Collect the card again.',
        { param: 'token' },
      );
    }
    token.usedAt = now;
    const charge: ChargeRecord = {
      id: prefixedId('ch'),
      status: 'succeeded',
      amount: params.amount,
      amountRefunded: 0,
      currency: params.currency,
      reference: params.reference,
      description: params.description,
      card: token.card,
      scenario: token.scenario,
      failureCode: undefined,
      challenge: undefined,
      refundIds: [],
      createdAt: now,
      updatedAt: now,
    };
    token.chargeId = charge.id;
    switch (token.scenario) {
      case 'success':
        break;
      case 'challenge':
        charge.status = 'requires_action';
        charge.challenge = {
          id: prefixedId('chl'),
          code: '',
          attemptsLeft: this.opts.card.maxCodeAttempts,
          expiresAt: 0,
          sends: 0,
        };
        this.sendCode(charge);
        break;
      default:
        charge.status = 'failed';
        charge.failureCode = token.scenario;
    }
    this.charges.set(charge.id, charge);
    this.logger.info(
      {
        chargeId: charge.id,
        status: charge.status,
        failureCode: charge.failureCode,
        amount: charge.amount,
        currency: charge.currency,
      },
      'card charge',
    );
    return charge;
  }

  getCharge(id: string): ChargeRecord {
    const charge = this.charges.get(id);
    if (!charge)
      throw new CardApiError(404, 'invalid_request_error', 'resource_missing', `No such charge: '${id}'.`);
    return charge;
  }

  private sendCode(charge: ChargeRecord): void {
    const challenge = charge.challenge!;
    const now = this.clock.now();
    challenge.code = numericCode(6);
    challenge.expiresAt = now + this.opts.card.challengeTtlSeconds * 1000;
    challenge.sends++;
    const minutes = Math.round(this.opts.card.challengeTtlSeconds / 60);
    this.sms.push({
      id: prefixedId('sms'),
      to: TEST_PHONE,
      code: challenge.code,
      text: `[UnionPay] Your verification code is ${challenge.code} for a payment of ${displayAmount(charge.amount, charge.currency)} to ${this.opts.paypal.merchantName}. Valid for ${minutes} minutes. Do not share it.`,
      charge_id: charge.id,
      challenge_id: challenge.id,
      created_at: isoTime(now),
    });
  }

  resendCode(id: string): ChargeRecord {
    const charge = this.getCharge(id);
    if (charge.status !== 'requires_action' || !charge.challenge) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'charge_not_awaiting_confirmation',
        `This charge is ${charge.status}; it does not await a verification code.`,
      );
    }
    if (charge.challenge.sends >= MAX_CODE_SENDS) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'too_many_codes',
        'Too many verification codes were sent for this charge.',
      );
    }
    this.sendCode(charge);
    charge.updatedAt = this.clock.now();
    return charge;
  }

  /** Confirms a charge awaiting the SMS one-time code. */
  confirm(id: string, code: string, challengeId: string | undefined): ChargeRecord {
    const charge = this.getCharge(id);
    const challenge = charge.challenge;
    if (challenge && challengeId !== undefined && challengeId !== challenge.id) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'parameter_invalid',
        'Unknown challenge_id for this charge.',
        {
          param: 'challenge_id',
        },
      );
    }
    // A retried confirmation with the right code after success answers the same.
    if (charge.status === 'succeeded' && challenge && code === challenge.code) return charge;
    if (charge.status !== 'requires_action' || !challenge) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'charge_not_awaiting_confirmation',
        `This charge is ${charge.status}; it does not await a verification code.`,
      );
    }
    const now = this.clock.now();
    if (now >= challenge.expiresAt) {
      this.fail(charge, 'challenge_expired');
      throw new CardApiError(402, 'card_error', 'challenge_expired', FAILURE_MESSAGES.challenge_expired!, {
        charge: this.chargeJson(charge),
      });
    }
    if (code === challenge.code) {
      charge.status = 'succeeded';
      charge.updatedAt = now;
      this.logger.info({ chargeId: charge.id, status: charge.status }, 'card charge confirmed');
      return charge;
    }
    challenge.attemptsLeft--;
    charge.updatedAt = now;
    if (challenge.attemptsLeft <= 0) {
      this.fail(charge, 'authentication_failed');
      throw new CardApiError(
        402,
        'card_error',
        'authentication_failed',
        FAILURE_MESSAGES.authentication_failed!,
        {
          charge: this.chargeJson(charge),
        },
      );
    }
    throw new CardApiError(
      402,
      'card_error',
      'incorrect_code',
      `The verification code is incorrect. ${challenge.attemptsLeft} attempt${challenge.attemptsLeft === 1 ? '' : 's'} left.`,
      { attempts_remaining: challenge.attemptsLeft, charge: this.chargeJson(charge) },
    );
  }

  private fail(charge: ChargeRecord, failureCode: string): void {
    charge.status = 'failed';
    charge.failureCode = failureCode;
    charge.updatedAt = this.clock.now();
    this.logger.info({ chargeId: charge.id, status: charge.status, failureCode }, 'card charge failed');
  }

  // ── Refunds ────────────────────────────────────────────────────────────────────────────

  refund(
    chargeId: string,
    params: { amount?: number | undefined; reason?: string | undefined },
  ): CardRefundRecord {
    const charge = this.getCharge(chargeId);
    if (charge.status !== 'succeeded') {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'charge_not_refundable',
        `This charge is ${charge.status}; only succeeded charges can be refunded.`,
      );
    }
    const remaining = charge.amount - charge.amountRefunded;
    if (remaining <= 0) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'charge_already_refunded',
        `Charge ${charge.id} has already been refunded.`,
      );
    }
    const amount = params.amount ?? remaining;
    if (amount > remaining) {
      throw new CardApiError(
        400,
        'invalid_request_error',
        'amount_too_large',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`,
        { param: 'amount' },
      );
    }
    const refund: CardRefundRecord = {
      id: prefixedId('re'),
      chargeId: charge.id,
      amount,
      currency: charge.currency,
      reason: params.reason,
      createdAt: this.clock.now(),
    };
    this.refunds.set(refund.id, refund);
    charge.amountRefunded += amount;
    charge.refundIds.push(refund.id);
    charge.updatedAt = refund.createdAt;
    this.logger.info({ chargeId: charge.id, refundId: refund.id, amount }, 'card refund');
    return refund;
  }

  getRefund(id: string): CardRefundRecord {
    const refund = this.refunds.get(id);
    if (!refund)
      throw new CardApiError(404, 'invalid_request_error', 'resource_missing', `No such refund: '${id}'.`);
    return refund;
  }

  // ── Representations ───────────────────────────────────────────────────────────────────

  refundJson(refund: CardRefundRecord): Json {
    const json: Json = {
      id: refund.id,
      object: 'refund',
      charge: refund.chargeId,
      amount: refund.amount,
      currency: refund.currency,
      status: 'succeeded',
    };
    if (refund.reason !== undefined) json.reason = refund.reason;
    json.created_at = isoTime(refund.createdAt);
    return json;
  }

  chargeJson(charge: ChargeRecord): Json {
    const json: Json = {
      id: charge.id,
      object: 'charge',
      status: charge.status,
      amount: charge.amount,
      amount_refunded: charge.amountRefunded,
      refunded: charge.amountRefunded > 0 && charge.amountRefunded >= charge.amount,
      currency: charge.currency,
      reference: charge.reference ?? null,
      description: charge.description ?? null,
      card: charge.card,
    };
    if (charge.failureCode) {
      json.failure_code = charge.failureCode;
      json.failure_message = FAILURE_MESSAGES[charge.failureCode] ?? 'The payment failed.';
    }
    if (charge.status === 'requires_action' && charge.challenge) {
      json.next_action = {
        type: 'sms_code',
        challenge_id: charge.challenge.id,
        phone_hint: TEST_PHONE_HINT,
        expires_at: isoTime(charge.challenge.expiresAt),
        attempts_remaining: charge.challenge.attemptsLeft,
      };
    }
    json.refunds = charge.refundIds.map((id) => this.refundJson(this.refunds.get(id)!));
    json.created_at = isoTime(charge.createdAt);
    json.updated_at = isoTime(charge.updatedAt);
    return json;
  }

  /** Inspection view for /sandbox/state. Token ids are shortened: they are bearer credentials. */
  snapshot() {
    return {
      tokens: [...this.tokens.values()].map((t) => ({
        id: `${t.id.slice(0, 8)}…`,
        card: t.card,
        used: t.usedAt !== undefined,
        charge_id: t.chargeId ?? null,
        expires_at: isoTime(t.expiresAt),
      })),
      charges: [...this.charges.values()].map((c) => this.chargeJson(c)),
      refunds: [...this.refunds.values()].map((r) => this.refundJson(r)),
    };
  }
}

import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isPaymentCaptured, isPaymentInFlight } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { requireViewer } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import type { CheckoutEntity } from '../checkout/checkout.entity.js';
import { paymentGateways } from './gateway/gateways.js';
import { PaymentEntity } from './payment.entity.js';
import {
  cancelPayment,
  completePayment,
  type EngineContext,
  lockCheckout,
  problem,
  reconcileLocked,
  recordOutcome,
  refOf,
  type StepResult,
} from './payment-engine.js';
import {
  alreadyPaid,
  checkoutNotFound,
  type PaymentStepResult,
  paymentNotFound,
  refuse,
  stepResult,
} from './payment-results.js';

const PAYPAL_TOKEN = /^[A-Za-z0-9-]{5,64}$/;
const SMS_CODE = /^[0-9]{4,8}$/;
const NONE: StepResult = { keys: [], problem: null };

/**
 * What follows `payOrder`: the shopper back from PayPal (return or cancel URL), and the SMS code of
 * a UnionPay card. Each step holds the checkout lock, so repeats and races capture once.
 */
export class PaymentReturnsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  private engine(em: EntityManager, viewer: Viewer): EngineContext {
    return {
      em,
      config: this.config,
      gateways: paymentGateways(this.config.payments),
      actor: { kind: 'SHOPPER', userId: viewer.userId },
    };
  }

  /** After the PayPal approval page sent the shopper to the return URL: capture, once. */
  completePayPalPayment(input: { checkoutId: string; token: string; payerId?: string | null }) {
    return this.withPayPalAttempt(input, async (ctx, payment, checkout) => {
      if (isPaymentCaptured(payment.status)) return stepResult(payment, checkout, NONE);
      if (payment.status !== 'REQUIRES_ACTION') {
        return stepResult(payment, checkout, { keys: [], problem: problem('PAYMENT_CANCELLED') });
      }
      return stepResult(payment, checkout, await completePayment(ctx, payment, { attempt: 'capture' }));
    });
  }

  /** The shopper left the PayPal page through "cancel": the attempt ends, the orders await payment. */
  cancelPayPalPayment(input: { checkoutId: string; token: string }) {
    return this.withPayPalAttempt(input, async (ctx, payment, checkout, viewer) => {
      // Approved and captured after all (another tab, a webhook)? Then it stays paid.
      await reconcileLocked(ctx, payment, { captureApproved: false, locale: viewer.locale, description: '' });
      if (isPaymentCaptured(payment.status)) return alreadyPaid(payment, checkout);
      if (isPaymentInFlight(payment.status)) {
        await cancelPayment(ctx.em, payment, 'PAYER_CANCELLED', 'cancelled on the PayPal page');
      }
      return stepResult(payment, checkout, NONE);
    });
  }

  private async withPayPalAttempt(
    input: { checkoutId: string; token: string },
    step: (
      ctx: EngineContext,
      payment: PaymentEntity,
      checkout: CheckoutEntity,
      viewer: Viewer,
    ) => Promise<PaymentStepResult>,
  ): Promise<PaymentStepResult> {
    const viewer = requireViewer(this.viewer);
    const checkoutId = fromGlobalId(input.checkoutId, 'Checkout');
    if (checkoutId === null) return checkoutNotFound();
    if (!PAYPAL_TOKEN.test(input.token ?? '')) return paymentNotFound(['input', 'token']);
    return inTransaction(this.em, async (tx) => {
      const checkout = await lockCheckout(tx, checkoutId);
      if (!checkout || checkout.user.id !== viewer.userId) throw new Refusal(checkoutNotFound());
      const payment = await tx.findOne(
        PaymentEntity,
        { checkout: checkoutId, gatewayOrderId: input.token, method: 'PAYPAL' },
        { refresh: true },
      );
      if (!payment) throw new Refusal(paymentNotFound(['input', 'token']));
      return step(this.engine(tx, viewer), payment, checkout, viewer);
    });
  }

  /** The SMS one-time code of a UnionPay card payment. */
  async confirmCardPayment(input: { paymentId: string; code: string }) {
    const code = (input.code ?? '').trim();
    if (!SMS_CODE.test(code)) {
      requireViewer(this.viewer);
      return refuse('INVALID_CODE', 'Enter the verification code from the text message (4–8 digits).', [
        'input',
        'code',
      ]);
    }
    return this.withOwnCardPayment(input.paymentId, (ctx, payment) => {
      // The same code sent twice is one request to the acquirer.
      const attempt = `confirm-${createHash('sha256').update(code).digest('hex').slice(0, 16)}`;
      return completePayment(ctx, payment, { code, attempt });
    });
  }

  /** Sends a new SMS code for a card payment waiting for one. */
  async resendCardPaymentCode(input: { paymentId: string }) {
    return this.withOwnCardPayment(input.paymentId, async (ctx, payment) => {
      const gateway = ctx.gateways[payment.method];
      if (!gateway.resendChallenge) return NONE;
      const outcome = await gateway.resendChallenge(refOf(payment));
      if (outcome.kind === 'WRONG_CODE')
        return { keys: [], problem: problem('CHALLENGE_FAILED', outcome.message) };
      return recordOutcome(ctx, payment, outcome);
    });
  }

  private async withOwnCardPayment(
    paymentGlobalId: string,
    step: (ctx: EngineContext, payment: PaymentEntity) => Promise<StepResult>,
  ): Promise<PaymentStepResult> {
    const viewer = requireViewer(this.viewer);
    const id = fromGlobalId(paymentGlobalId, 'Payment');
    if (id === null) return paymentNotFound(['input', 'paymentId']);
    const owned = await this.em.findOne(PaymentEntity, { id, user: viewer.userId });
    if (!owned) return paymentNotFound(['input', 'paymentId']);
    return inTransaction(this.em, async (tx) => {
      const checkout = await lockCheckout(tx, owned.checkout.id);
      const payment = await tx.findOneOrFail(PaymentEntity, { id }, { refresh: true });
      if (isPaymentCaptured(payment.status)) return stepResult(payment, checkout, NONE);
      if (payment.method !== 'UNIONPAY_CARD' || payment.status !== 'REQUIRES_ACTION') {
        return stepResult(payment, checkout, { keys: [], problem: problem('PAYMENT_CANCELLED') });
      }
      return stepResult(payment, checkout, await step(this.engine(tx, viewer), payment));
    });
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { isPaymentCaptured, type PaymentMethod, type PaymentStatus } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { requireViewer } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { isIdempotencyKey } from '../checkout/checkout-input.js';
import { paymentGateways } from './gateway/gateways.js';
import { OrderEntity } from '../orders/order.entity.js';
import { PaymentEntity } from './payment.entity.js';
import {
  awaitsStart,
  cancelPayment,
  describeCheckout,
  describeOrders,
  type EngineContext,
  lockCheckout,
  lockCheckoutAndPayment,
  PROBLEM_MESSAGES,
  reconcileLocked,
  startPayment,
} from './payment-engine.js';
import {
  alreadyPaid,
  checkoutNotFound,
  inProgress,
  type PaymentStepResult,
  refuse,
  replayProblem,
  stepResult,
} from './payment-results.js';
import { newReference } from './references.js';
import { executePrepared } from '../../db/lean-query.js';

export type { PaymentErrorCode, PaymentStepResult } from './payment-results.js';

export interface PayOrderInput {
  checkoutId: string;
  method: PaymentMethod;
  cardToken?: string | null;
  returnUrl?: string | null;
  cancelUrl?: string | null;
  idempotencyKey: string;
}

const CARD_TOKEN = /^[A-Za-z0-9_]{4,200}$/;
const CAPTURED: PaymentStatus[] = ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'];
const IN_FLIGHT: PaymentStatus[] = ['PENDING', 'REQUIRES_ACTION'];
const NONE = { keys: [], problem: null };

/** `payOrder`: starting to pay a checkout with PayPal (→ redirect) or a UnionPay card (→ paid or SMS code). */
export class PaymentsService {
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

  /**
   * Starts paying every open order of the checkout (or answers the attempt already under way):
   * idempotent by key, and a second click with another key gets the same in-flight attempt.
   */
  async payOrder(input: PayOrderInput): Promise<PaymentStepResult> {
    const viewer = requireViewer(this.viewer);
    const key = input.idempotencyKey ?? '';
    if (!isIdempotencyKey(key)) {
      return refuse('INVALID_IDEMPOTENCY_KEY', 'The idempotency key must be 8–100 letters, digits, - or _.', [
        'input',
        'idempotencyKey',
      ]);
    }
    if (input.method === 'UNIONPAY_CARD' && !CARD_TOKEN.test(input.cardToken ?? '')) {
      return refuse('INVALID_CARD_TOKEN', 'Enter your card in the card field first.', ['input', 'cardToken']);
    }
    const checkoutId = fromGlobalId(input.checkoutId, 'Checkout');
    if (checkoutId === null) return checkoutNotFound();
    const returnUrl = this.redirectUrl(input.returnUrl, 'return', input.checkoutId);
    const cancelUrl = this.redirectUrl(input.cancelUrl, 'cancel', input.checkoutId);
    if (returnUrl === null || cancelUrl === null) {
      return refuse('INVALID_RETURN_URL', 'Return and cancel URLs must be pages of the storefront.', [
        'input',
        returnUrl === null ? 'returnUrl' : 'cancelUrl',
      ]);
    }

    // The attempt is committed before the gateway hears of it, so a crash leaves a trace to reconcile.
    let description = '';
    const first = await inTransaction(this.em, (tx) =>
      this.prepareAttempt(tx, viewer, checkoutId, input, key, (d) => {
        description = d;
      }),
    );
    if (!first.payment || !awaitsStart(first.payment)) return first;

    // The first gateway call, holding the checkout lock: a twin request waits, then finds the answer.
    return inTransaction(this.em, async (tx) => {
      const locked = await lockCheckoutAndPayment(tx, checkoutId, first.payment!.id);
      if (!locked) throw new Error(`payment ${first.payment!.id} of checkout ${checkoutId} vanished`);
      const { checkout, payment } = locked;
      if (!awaitsStart(payment)) return stepResult(payment, checkout, NONE);
      const step = await startPayment(this.engine(tx, viewer), payment, {
        locale: viewer.locale,
        // The checkout's order numbers, read by prepareAttempt (a checkout's orders never change).
        description: description || (await describeCheckout(tx, checkoutId, viewer.locale)),
        returnUrl,
        cancelUrl,
      });
      return stepResult(payment, checkout, step);
    });
  }

  /** Finds or records the attempt, under the checkout lock. The gateway is only asked to reconcile here. */
  private async prepareAttempt(
    tx: EntityManager,
    viewer: Viewer,
    checkoutId: number,
    input: PayOrderInput,
    key: string,
    describe: (description: string) => void,
  ): Promise<PaymentStepResult> {
    const checkout = await lockCheckout(tx, checkoutId);
    if (!checkout || checkout.user.id !== viewer.userId) throw new Refusal(checkoutNotFound());
    // One read once the lock is held: the payment with this key, the checkout's captured or in-flight
    // payments, and every order of the checkout (their numbers describe the payment).
    const read = await attemptFacts(tx, viewer.userId, key, checkoutId, {
      reference: newReference('PAY'),
      method: input.method,
      cardToken: input.method === 'UNIONPAY_CARD' ? input.cardToken! : null,
    });
    if (read.inserted) {
      // Nothing stood in the way: the attempt was recorded by the same statement.
      describe(describeOrders(read.orders, viewer.locale));
      return { payment: read.inserted, checkout, keys: [], userErrors: [] };
    }
    const { payments } = read;
    const byKey = payments.find((p) => p.user.id === viewer.userId && p.idempotencyKey === key);
    if (byKey) {
      if (byKey.checkout.id !== checkoutId || byKey.method !== input.method) {
        throw new Refusal(
          refuse('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another payment.', [
            'input',
            'idempotencyKey',
          ]),
        );
      }
      return stepResult(byKey, checkout, replayProblem(byKey));
    }
    const ofCheckout = payments.filter((p) => p.checkout.id === checkoutId);
    const captured = ofCheckout.find((p) => CAPTURED.includes(p.status));
    if (captured) throw new Refusal(alreadyPaid(captured, checkout));

    let all: OrderEntity[] | null = read.orders;
    for (const current of ofCheckout.filter((p) => IN_FLIGHT.includes(p.status))) {
      // Reconciling may pay or close orders: read them again afterwards.
      all = null;
      // A second click (another key): the attempt under way is the answer.
      if (current.method === input.method && current.status === 'REQUIRES_ACTION') {
        return stepResult(current, checkout, NONE);
      }
      // Bring it up to date first: it may have been captured, or its first call never answered.
      const step = await reconcileLocked(this.engine(tx, viewer), current, {
        captureApproved: false,
        locale: viewer.locale,
        description: await describeCheckout(tx, checkoutId, viewer.locale),
      });
      if (current.status === 'PENDING') return inProgress(current, checkout);
      if (current.method === input.method) return stepResult(current, checkout, step);
      if (isPaymentCaptured(current.status)) return alreadyPaid(current, checkout, step.keys);
      // Switching methods: only once the other attempt is known not to have taken money.
      if (step.problem?.code === 'GATEWAY_UNAVAILABLE') return inProgress(current, checkout);
      if (current.status === 'REQUIRES_ACTION') {
        await cancelPayment(tx, current, 'SUPERSEDED', `replaced by a ${input.method} payment`);
      }
    }

    all ??= await tx.find(OrderEntity, { checkout: checkoutId }, { orderBy: { id: 'asc' }, refresh: true });
    describe(describeOrders(all, viewer.locale));
    const orders = all.filter((o) => o.status === 'AWAITING_PAYMENT');
    if (orders.length === 0) {
      throw new Refusal(refuse('NOT_PAYABLE', PROBLEM_MESSAGES.NOT_PAYABLE, ['input', 'checkoutId']));
    }
    const payment = tx.create(PaymentEntity, {
      reference: newReference('PAY'),
      checkout,
      user: viewer.userId,
      idempotencyKey: key,
      method: input.method,
      status: 'PENDING',
      currency: orders[0]!.currency,
      amountMinor: orders.reduce((sum, o) => sum + o.totalMinor, 0),
      cardToken: input.method === 'UNIONPAY_CARD' ? input.cardToken! : null,
    });
    await tx.flush();
    return { payment, checkout, keys: [], userErrors: [] };
  }

  /** The storefront's own pages only: no open redirects through PayPal. */
  private redirectUrl(
    given: string | null | undefined,
    kind: 'return' | 'cancel',
    checkoutId: string,
  ): string | null {
    const fallback = `${this.config.storefrontUrl}/checkout/paypal/${kind}?checkoutId=${encodeURIComponent(checkoutId)}`;
    if (!given) return fallback;
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      return null;
    }
    if (given.length > 1000 || !/^https?:$/.test(url.protocol)) return null;
    const storefront = new URL(this.config.storefrontUrl).origin;
    const local = this.config.nodeEnv !== 'production' && ['localhost', '127.0.0.1'].includes(url.hostname);
    return url.origin === storefront || local ? url.toString() : null;
  }
}

/**
 * What starting an attempt needs, in ONE statement once the checkout lock is held: the shopper's
 * payment with this idempotency key, the checkout's captured or in-flight payments and every order
 * of the checkout (in id order) — and, when there is no such payment and some order awaits payment,
 * the new attempt itself, inserted for the open orders' total (the common case: a first click).
 * Otherwise nothing is inserted and the caller decides (a replay, a second click, a switch).
 */
async function attemptFacts(
  tx: EntityManager,
  userId: number,
  key: string,
  checkoutId: number,
  attempt: { reference: string; method: PaymentMethod; cardToken: string | null },
): Promise<{ payments: PaymentEntity[]; orders: OrderEntity[]; inserted: PaymentEntity | null }> {
  const [row] = await executePrepared<{
    payments: Record<string, unknown>[] | null;
    orders: Record<string, unknown>[] | null;
    inserted: Record<string, unknown> | null;
  }>(
    tx,
    'attempt_facts',
    `with pay as (select p.* from payment p
                   where (p.user_id = ? and p.idempotency_key = ?)
                      or (p.checkout_id = ? and p.status in (?))),
          ord as (select o.* from customer_order o where o.checkout_id = ?),
          open as (select (array_agg(currency order by id))[1] as currency, sum(total_minor)::int as amount
                     from ord where status = 'AWAITING_PAYMENT' having count(*) > 0),
          ins as (insert into payment (reference, checkout_id, user_id, idempotency_key, method, status,
                                       currency, amount_minor, card_token)
                  select ?, ?, ?, ?, ?, 'PENDING', open.currency, open.amount, ?
                    from open where not exists (select 1 from pay)
                  returning *)
     select (select json_agg(p order by p.id) from pay p) as payments,
            (select json_agg(o order by o.id) from ord o) as orders,
            (select to_json(i) from ins i) as inserted`,
    [
      userId,
      key,
      checkoutId,
      [...CAPTURED, ...IN_FLIGHT],
      checkoutId,
      attempt.reference,
      checkoutId,
      userId,
      key,
      attempt.method,
      attempt.cardToken,
    ],
  );
  return {
    payments: (row?.payments ?? []).map((p) => tx.map(PaymentEntity, p)),
    orders: (row?.orders ?? []).map((o) => tx.map(OrderEntity, o)),
    inserted: row?.inserted ? tx.map(PaymentEntity, row.inserted) : null,
  };
}

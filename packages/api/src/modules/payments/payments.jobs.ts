import type { EntityManager } from '@mikro-orm/postgresql';
import { isPaymentInFlight } from '@marketplace/core';
import type { Config } from '../../config.js';
import { enqueue, type JobDeps, type JobHandler } from '../../jobs/job-queue.js';
import type { Logger } from '../../logger.js';
import { UserEntity } from '../accounts/user.entity.js';
import { CLOSE_UNPAID_ORDER, closeUnpaidOrder } from '../orders/orders.jobs.js';
import { SYSTEM_ACTOR } from '../orders/order-transitions.js';
import { paymentGateways } from './gateway/gateways.js';
import { PaymentEntity, PaymentRefundEntity } from './payment.entity.js';
import {
  describeCheckout,
  inFlightPayments,
  lockCheckout,
  RECONCILE_PAYMENT,
  reconcileLocked,
} from './payment-engine.js';
import { EXECUTE_REFUND } from './payment-settlement.js';
import { executeRefund } from './refund-engine.js';

export { EXECUTE_REFUND, RECONCILE_PAYMENT };
export const RECONCILE_PENDING_PAYMENTS = 'payments:reconcile-pending';

const idOf = (payload: unknown, key: string): number | null => {
  const id = (payload as Record<string, unknown> | null)?.[key];
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
};

/**
 * Settles one attempt the shopper or the process left unfinished, from what the gateway says:
 * captured → paid (the crash between capture and commit); a PayPal order approved but never
 * returned from → captured now; expired or declined → ended. Unknown (gateway down) → next run.
 */
export async function reconcilePayment(em: EntityManager, config: Config, paymentId: number): Promise<void> {
  const found = await em.findOne(PaymentEntity, { id: paymentId });
  if (!found || !isPaymentInFlight(found.status)) return;
  const user = await em.findOneOrFail(UserEntity, { id: found.user.id });
  await em.transactional(async (tx) => {
    await lockCheckout(tx, found.checkout.id);
    const payment = await tx.findOneOrFail(PaymentEntity, { id: paymentId }, { refresh: true });
    await reconcileLocked(
      { em: tx, config, gateways: paymentGateways(config.payments), actor: SYSTEM_ACTOR },
      payment,
      {
        captureApproved: true,
        locale: user.locale,
        description: await describeCheckout(tx, found.checkout.id, user.locale),
      },
    );
  });
}

export const reconcilePaymentJob: JobHandler = async (payload, { em, config }) => {
  const id = idOf(payload, 'paymentId');
  if (id !== null) await reconcilePayment(em, config, id);
};

export const executeRefundJob: JobHandler = async (payload, { em, config }) => {
  const id = idOf(payload, 'refundId');
  if (id === null) return;
  await em.transactional((tx) => executeRefund(tx, config, paymentGateways(config.payments), id));
};

async function each(logger: Logger, what: string, ids: number[], work: (id: number) => Promise<unknown>) {
  for (const id of ids) {
    try {
      await work(id);
    } catch (error) {
      logger.error({ err: error, [what]: id }, `${what} reconciliation failed`);
    }
  }
}

/** Every minute: attempts and refunds that stayed unfinished for more than a minute. */
export const reconcilePendingPayments: JobHandler = async (_payload, { em, config, logger }) => {
  const before = new Date(Date.now() - 60_000);
  const payments = await em.find(
    PaymentEntity,
    { status: { $in: ['PENDING', 'REQUIRES_ACTION'] }, updatedAt: { $lt: before } },
    { orderBy: { updatedAt: 'asc' }, limit: 50, fields: ['id'] },
  );
  await each(
    logger,
    'paymentId',
    payments.map((p) => p.id),
    (id) => reconcilePayment(em.fork(), config, id),
  );
  const refunds = await em.find(
    PaymentRefundEntity,
    { status: 'PENDING', createdAt: { $lt: before } },
    { orderBy: { createdAt: 'asc' }, limit: 50, fields: ['id'] },
  );
  const gateways = paymentGateways(config.payments);
  await each(
    logger,
    'refundId',
    refunds.map((r) => r.id),
    (id) => em.fork().transactional((tx) => executeRefund(tx, config, gateways, id)),
  );
};

/**
 * The payment timeout, payments first: an attempt under way is settled before the orders may close,
 * so a checkout whose capture went through is never closed. While the gateway cannot say, the
 * timeout waits.
 */
export const closeUnpaidOrderAfterPayments: JobHandler = async (
  payload,
  deps: JobDeps & { em: EntityManager },
) => {
  const orderId = idOf(payload, 'orderId');
  if (orderId === null) return closeUnpaidOrder(payload, deps);
  const [row] = await deps.em.execute<{ checkout_id: number }[]>(
    'select checkout_id from customer_order where id = ?',
    [orderId],
  );
  if (!row) return;
  for (const p of await inFlightPayments(deps.em.fork(), row.checkout_id)) {
    await reconcilePayment(deps.em.fork(), deps.config, p.id);
  }
  const unknown = (await inFlightPayments(deps.em.fork(), row.checkout_id)).filter(
    (p) => p.status === 'PENDING',
  );
  if (unknown.length > 0) {
    deps.logger.warn(
      { orderId, paymentId: unknown[0]!.id },
      'payment outcome unknown: order timeout postponed',
    );
    await enqueue(
      deps.em.fork(),
      CLOSE_UNPAID_ORDER,
      { orderId },
      { runAt: new Date(Date.now() + 2 * 60_000), jobKey: `${CLOSE_UNPAID_ORDER}:${orderId}` },
    );
    return;
  }
  await closeUnpaidOrder(payload, deps);
  // Attempts still waiting for the shopper (PayPal page, SMS code) end with the orders.
  for (const p of await inFlightPayments(deps.em.fork(), row.checkout_id)) {
    await reconcilePayment(deps.em.fork(), deps.config, p.id);
  }
};

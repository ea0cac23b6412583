import type { JobHandler } from '../../jobs/job-queue.js';
import {
  applyOrderEvent,
  AUTO_CONFIRM_ORDER,
  CLOSE_UNPAID_ORDER,
  SYSTEM_ACTOR,
} from './order-transitions.js';
import type { OrderEvent } from '@marketplace/core';

function orderIdOf(payload: unknown): number | null {
  const id = (payload as { orderId?: unknown } | null)?.orderId;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * A job that applies one event to an order if the order still allows it. An order that moved on
 * meanwhile (paid, cancelled, confirmed) is left alone: the job then has nothing to do.
 */
function orderEventJob(task: string, event: OrderEvent, reason: string): JobHandler {
  return async (payload, { em, config, logger }) => {
    const orderId = orderIdOf(payload);
    if (orderId === null) {
      logger.warn({ task, payload }, 'order job without a valid orderId');
      return;
    }
    const exists = await em.getConnection().execute('select 1 from customer_order where id = ?', [orderId]);
    if (exists.length === 0) return;
    const result = await em.transactional((tx) =>
      applyOrderEvent(tx, config, orderId, event, SYSTEM_ACTOR, reason),
    );
    if (result.ok) logger.info({ task, orderId, status: result.value.status }, 'order updated by job');
  };
}

/** Closes an order that is still unpaid when its payment window ends, releasing stock and coupon. */
export const closeUnpaidOrder = orderEventJob(CLOSE_UNPAID_ORDER, 'TIMEOUT', 'payment timeout');

/** Completes a shipped order the shopper has not confirmed within the configured days. */
export const autoConfirmOrder = orderEventJob(
  AUTO_CONFIRM_ORDER,
  'AUTO_CONFIRM',
  'receipt confirmed automatically',
);

export { AUTO_CONFIRM_ORDER, CLOSE_UNPAID_ORDER };

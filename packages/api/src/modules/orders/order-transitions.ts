import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertNever,
  err,
  ok,
  type OrderEvent,
  type OrderStatus,
  type OrderTransitionError,
  type Result,
  transition,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { enqueue } from '../../jobs/job-queue.js';
import { releaseCouponOf } from '../coupons/coupon.service.js';
import { recordOrderFunds, recordOrdersFunds } from '../funds/funds-ledger.js';
import { emitOrderWebhookEvent, emitOrderWebhookEvents } from '../webhooks/webhook-events.js';
import { type OrderActorKind, OrderEntity, OrderHistoryEntity, OrderLineEntity } from './order.entity.js';

export const CLOSE_UNPAID_ORDER = 'orders.close-unpaid';
export const AUTO_CONFIRM_ORDER = 'orders.auto-confirm';

const closeUnpaidKey = (orderId: number) => `${CLOSE_UNPAID_ORDER}:${orderId}`;
const autoConfirmKey = (orderId: number) => `${AUTO_CONFIRM_ORDER}:${orderId}`;

export interface OrderActor {
  kind: OrderActorKind;
  userId: number | null;
}

export const SYSTEM_ACTOR: OrderActor = { kind: 'SYSTEM', userId: null };

/**
 * The only way an order changes status. Locks the order row (so concurrent requests change it once),
 * asks core `transition()`, writes the new status and a history entry, and performs what the new
 * status implies, all in the caller's transaction. A refused transition changes nothing.
 */
export async function applyOrderEvent(
  em: EntityManager,
  config: Config,
  orderId: number,
  event: OrderEvent,
  actor: OrderActor,
  reason: string | null,
): Promise<Result<OrderEntity, OrderTransitionError>> {
  // Lock order: the checkout first, then the order. Transitions of sibling orders are serialised,
  // so the last of them to close sees the others closed and releases the shared coupon.
  const [row] = await em.execute<{ checkout_id: number }[]>(
    'select checkout_id from customer_order where id = ?',
    [orderId],
  );
  if (!row) throw new Error(`order ${orderId} not found`);
  await em.execute('select id from checkout where id = ? for update', [row.checkout_id]);
  const order = await em.findOneOrFail(
    OrderEntity,
    { id: orderId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  const result = transition({ status: order.status, kind: order.kind }, event);
  if (!result.ok) return err(result.error);
  const { from, to } = result.value;
  const now = new Date();
  recordTransition(em, order, from, to, event, actor, reason);
  await em.flush();
  await afterTransition(em, config, order, to, now);
  await recordOrderFunds(em, config, order, to);
  await emitOrderWebhookEvent(em, order, from, to);
  await em.flush();
  return ok(order);
}

/**
 * `applyOrderEvent` for every order of one checkout that is in `status`, in one pass — for the
 * caller that holds the checkout's lock already (payments: settleCapture). The orders are locked in
 * one statement (id order), their new statuses and history entries written in one flush, and the
 * payment timeouts of paid orders removed in one statement; funds and webhook events follow per
 * order as in `applyOrderEvent`. `prepare` may change the orders before that flush. Returns the
 * orders that changed (a refused transition changes nothing).
 */
export async function applyOrderEventToCheckout(
  em: EntityManager,
  config: Config,
  checkoutId: number,
  status: OrderStatus,
  event: OrderEvent,
  actor: OrderActor,
  reason: string | null,
  prepare: (order: OrderEntity) => void = () => undefined,
): Promise<OrderEntity[]> {
  const orders = await em.find(
    OrderEntity,
    { checkout: checkoutId, status },
    { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  const now = new Date();
  const changed: { order: OrderEntity; from: OrderStatus; to: OrderStatus }[] = [];
  for (const order of orders) {
    const result = transition({ status: order.status, kind: order.kind }, event);
    if (!result.ok) continue;
    const { from, to } = result.value;
    recordTransition(em, order, from, to, event, actor, reason);
    // What being paid implies (afterTransition), written with the status: paid at, timeout removed below.
    if (to === 'AWAITING_SHIPMENT') order.paidAt = now;
    prepare(order);
    changed.push({ order, from, to });
  }
  if (changed.length === 0) return [];
  await em.flush();
  const paid = changed.filter((c) => c.to === 'AWAITING_SHIPMENT').map((c) => closeUnpaidKey(c.order.id));
  if (paid.length > 0) {
    await em.execute('select graphile_worker.remove_job(k) from unnest(?::text[]) as k', [
      `{${paid.map((k) => `"${k}"`).join(',')}}`,
    ]);
  }
  for (const c of changed) {
    if (c.to !== 'AWAITING_SHIPMENT') await afterTransition(em, config, c.order, c.to, now);
  }
  // Ledger movements and webhook events of every changed order: one read, one flush, one statement.
  await recordOrdersFunds(em, config, changed);
  await em.flush();
  await emitOrderWebhookEvents(em, changed);
  return changed.map((c) => c.order);
}

async function afterTransition(
  em: EntityManager,
  config: Config,
  order: OrderEntity,
  to: OrderStatus,
  now: Date,
): Promise<void> {
  switch (to) {
    case 'AWAITING_PAYMENT':
      return;
    case 'AWAITING_SHIPMENT':
      order.paidAt = now;
      await em.execute('select graphile_worker.remove_job(?)', [closeUnpaidKey(order.id)]);
      return;
    case 'SHIPPED': {
      order.shippedAt = now;
      const runAt = new Date(now.getTime() + config.autoConfirmDays * 86_400_000);
      await enqueue(
        em,
        AUTO_CONFIRM_ORDER,
        { orderId: order.id },
        { runAt, jobKey: autoConfirmKey(order.id) },
      );
      return;
    }
    case 'COMPLETED':
      order.completedAt = now;
      await em.execute('select graphile_worker.remove_job(?)', [autoConfirmKey(order.id)]);
      return;
    case 'CLOSED':
      order.closedAt = now;
      // Coupon before stock: the same lock order as submit, so a close and a submit cannot deadlock.
      await releaseCouponIfUnused(em, order);
      await releaseStock(em, order);
      await em.execute('select graphile_worker.remove_job(?)', [closeUnpaidKey(order.id)]);
      return;
    case 'FAILED':
      // Paid, cancelled before shipment and refunded (payments): the goods never left, so the
      // stock comes back with the coupon use.
      await releaseCouponIfUnused(em, order);
      await releaseStock(em, order);
      return;
    default:
      return assertNever(to, 'order status');
  }
}

/** Gives back the units the order reserved at submit (stock-counted variants only). */
async function releaseStock(em: EntityManager, order: OrderEntity): Promise<void> {
  const lines = await em.find(
    OrderLineEntity,
    { order, reservedQuantity: { $gt: 0 }, variant: { $ne: null } },
    { orderBy: { variant: 'asc' } },
  );
  for (const line of lines) {
    await em.execute('update product_variant set stock = stock + ? where id = ? and stock is not null', [
      line.reservedQuantity,
      line.variant!.id,
    ]);
  }
}

/**
 * A checkout's coupon use is given back once every order that carries part of its discount has
 * ended without a sale (closed or failed): a cancelled order of a two-merchant checkout leaves the
 * coupon with the other order.
 */
async function releaseCouponIfUnused(em: EntityManager, order: OrderEntity): Promise<void> {
  if (!order.couponCode) return;
  const [open] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from customer_order
     where checkout_id = ? and coupon_code is not null and status not in ('CLOSED', 'FAILED')`,
    [order.checkout.id],
  );
  if (open?.n === 0) await releaseCouponOf(em, order.checkout.id);
}

/** The new status and its history entry, for the caller's flush. */
function recordTransition(
  em: EntityManager,
  order: OrderEntity,
  from: OrderStatus,
  to: OrderStatus,
  event: OrderEvent,
  actor: OrderActor,
  reason: string | null,
): void {
  order.status = to;
  em.create(OrderHistoryEntity, {
    order,
    fromStatus: from,
    toStatus: to,
    event,
    actorKind: actor.kind,
    actorUser: actor.userId,
    reason,
  });
}

import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertNever,
  err,
  ok,
  type OrderEvent,
  type OrderStatus,
  type OrderTransitionError,
  type PaymentMethod,
  type Result,
  transition,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { jsonRows, type WriteBatch } from '../../db/write-batch.js';
import { enqueue } from '../../jobs/job-queue.js';
import { releaseCouponOf } from '../coupons/coupon.service.js';
import { orderMovementRows, recordLedgerRowsIn, recordOrderFunds } from '../funds/funds-ledger.js';
import {
  emitOrderWebhookEvent,
  emitWebhookEventsIn,
  orderWebhookInputs,
} from '../webhooks/webhook-events.js';
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
 * What paying a checkout does to its orders, as parts of the capture's single write (db/write-batch.ts)
 * — for the caller that holds the checkout's lock and read the orders awaiting payment under it
 * (payments: settleCapture). For each order core `transition()` allows PAY on: the new status, paid
 * at and payment method, a history entry, the payment timeout removed, the ledger movements and the
 * order.* webhook event — what `applyOrderEvent` does one statement at a time. The orders' new rows
 * come back from the batch under the returned name. Returns the orders that change.
 */
export function payCheckoutOrdersIn(
  batch: WriteBatch,
  config: Config,
  orders: OrderEntity[],
  pay: { actor: OrderActor; reason: string; method: PaymentMethod; at: Date },
): { changed: { order: OrderEntity; from: OrderStatus; to: OrderStatus }[]; ordersPart: string | null } {
  const changed: { order: OrderEntity; from: OrderStatus; to: OrderStatus }[] = [];
  for (const order of orders) {
    const result = transition({ status: order.status, kind: order.kind }, 'PAY');
    if (result.ok) changed.push({ order, ...result.value });
  }
  if (changed.length === 0) return { changed, ordersPart: null };
  const at = pay.at.toISOString();
  const ordersPart = batch.add(
    `update customer_order o
        set status = x.status, paid_at = coalesce(x.paid_at, o.paid_at), payment_method = x.payment_method
       from jsonb_to_recordset(?::jsonb) as x(id int, status text, paid_at timestamptz, payment_method text)
      where o.id = x.id
      returning o.*`,
    [
      jsonRows(
        changed.map(({ order, to }) => ({
          id: order.id,
          status: to,
          paid_at: to === 'AWAITING_SHIPMENT' ? at : null,
          payment_method: pay.method,
        })),
      ),
    ],
  );
  batch.add(
    `insert into order_history (order_id, from_status, to_status, event, actor_kind, actor_user_id, reason, created_at)
     select x.order_id, x.from_status, x.to_status, 'PAY', ?, ?, ?, ?
       from rows from (jsonb_to_recordset(?::jsonb) as (order_id int, from_status text, to_status text))
         with ordinality as x (order_id, from_status, to_status, n)
      order by x.n`,
    [
      pay.actor.kind,
      pay.actor.userId,
      pay.reason,
      at,
      jsonRows(
        changed.map(({ order, from, to }) => ({ order_id: order.id, from_status: from, to_status: to })),
      ),
    ],
  );
  const paid = changed.filter((c) => c.to === 'AWAITING_SHIPMENT').map((c) => closeUnpaidKey(c.order.id));
  if (paid.length > 0) {
    batch.add(
      'select graphile_worker.remove_job(k) from unnest(?::text[]) as k',
      [`{${paid.map((k) => `"${k}"`).join(',')}}`],
      { mustRun: true },
    );
  }
  // Nothing is read for the ledger: paying books each order's net from its gross alone.
  recordLedgerRowsIn(
    batch,
    changed.flatMap(({ order, to }) => orderMovementRows(config, order, to, 0)),
  );
  emitWebhookEventsIn(batch, orderWebhookInputs(changed));
  return { changed, ordersPart };
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

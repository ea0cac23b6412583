import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CurrencyCode, type OrderStatus, toDecimalString } from '@marketplace/core';
import { jsonRows, WriteBatch } from '../../db/write-batch.js';
import { enqueue } from '../../jobs/job-queue.js';
import { toGlobalId } from '../../graphql/relay.js';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import type { ProductEntity } from '../catalog/product.entity.js';
import type { OrderEntity } from '../orders/order.entity.js';

/** Every event a subscription can receive (wire names). See README.md for the payloads. */
export const WEBHOOK_EVENT_TYPES = [
  'order.paid',
  'order.shipped',
  'order.completed',
  'order.failed',
  'order.closed',
  'merchant.frozen',
  'product.updated',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const DELIVER_WEBHOOK = 'webhooks.deliver';
export const deliveryJobKey = (deliveryId: number) => `${DELIVER_WEBHOOK}:${deliveryId}`;

export interface WebhookEventInput {
  type: WebhookEventType;
  /** The store the event is about (its subscriptions and the platform's receive it); null: platform only. */
  merchantId: number | null;
  payload: Record<string, unknown>;
}

/** `evt_` + 24 random hex characters: the id receivers deduplicate on (the same on every retry and replay). */
export function newEventId(): string {
  return `evt_${randomBytes(12).toString('hex')}`;
}

/**
 * Records an event and one delivery (with its job) per active subscription that wants it — the
 * store's own subscriptions and the platform-wide ones — all in the caller's transaction: if the
 * change rolls back, no event exists and nothing is sent.
 */
export async function emitWebhookEvent(em: EntityManager, input: WebhookEventInput): Promise<string> {
  const publicId = newEventId();
  const [event] = await em.execute<{ id: number }[]>(
    `insert into webhook_event (public_id, type, merchant_id, payload) values (?, ?, ?, ?::jsonb) returning id`,
    [publicId, input.type, input.merchantId, JSON.stringify(input.payload)],
  );
  const deliveries = await em.execute<{ id: number }[]>(
    `insert into webhook_delivery (subscription_id, event_id, attempts)
     select s.id, ?, '[]'::jsonb from webhook_subscription s
     where s.active and s.events @> jsonb_build_array(?::text) and (s.merchant_id is null or s.merchant_id = ?)
     order by s.id returning id`,
    [event!.id, input.type, input.merchantId],
  );
  for (const d of deliveries) {
    await enqueue(
      em,
      DELIVER_WEBHOOK,
      { deliveryId: d.id },
      { jobKey: deliveryJobKey(d.id), maxAttempts: 3 },
    );
  }
  return publicId;
}

const ORDER_EVENT_BY_STATUS: Partial<Record<OrderStatus, WebhookEventType>> = {
  AWAITING_SHIPMENT: 'order.paid',
  SHIPPED: 'order.shipped',
  COMPLETED: 'order.completed',
  FAILED: 'order.failed',
  CLOSED: 'order.closed',
};

/**
 * `emitWebhookEvent` for several events in ONE statement: the events, one delivery per active
 * subscription that wants each, and a delivery job per delivery.
 */
export async function emitWebhookEvents(em: EntityManager, inputs: WebhookEventInput[]): Promise<string[]> {
  const batch = new WriteBatch();
  const ids = emitWebhookEventsIn(batch, inputs);
  await batch.run(em);
  return ids;
}

/**
 * `emitWebhookEvents` as parts of a larger write (db/write-batch.ts): the events, a delivery per
 * matching active subscription, and a job per delivery. Returns the events' public ids.
 */
export function emitWebhookEventsIn(batch: WriteBatch, inputs: WebhookEventInput[]): string[] {
  if (inputs.length === 0) return [];
  const events = inputs.map((input) => ({ public_id: newEventId(), ...input }));
  const ev = batch.add(
    `insert into webhook_event (public_id, type, merchant_id, payload)
     select x.public_id, x.type, x.merchant_id, x.payload
     from rows from (jsonb_to_recordset(?::jsonb) as (public_id text, type text, merchant_id int, payload jsonb))
       with ordinality as x (public_id, type, merchant_id, payload, n)
     order by x.n
     returning id, type, merchant_id`,
    [
      jsonRows(
        events.map((e) => ({
          public_id: e.public_id,
          type: e.type,
          merchant_id: e.merchantId,
          payload: e.payload,
        })),
      ),
    ],
  );
  const deliveries = batch.add(
    `insert into webhook_delivery (subscription_id, event_id, attempts)
     select s.id, ev.id, '[]'::jsonb from ${ev} ev join webhook_subscription s
       on s.active and s.events @> jsonb_build_array(ev.type) and (s.merchant_id is null or s.merchant_id = ev.merchant_id)
     order by ev.id, s.id
     returning id`,
  );
  batch.add(
    `select graphile_worker.add_job(?, json_build_object('deliveryId', d.id), job_key => ? || d.id, max_attempts => 3)
     from ${deliveries} d order by d.id`,
    [DELIVER_WEBHOOK, `${DELIVER_WEBHOOK}:`],
    { mustRun: true },
  );
  return events.map((e) => e.public_id);
}

/** The order.* events of orders that have just changed status (those statuses that have one). */
export function orderWebhookInputs(
  changes: { order: OrderEntity; from: OrderStatus; to: OrderStatus }[],
): WebhookEventInput[] {
  const inputs: WebhookEventInput[] = [];
  for (const { order, from, to } of changes) {
    const type = ORDER_EVENT_BY_STATUS[to];
    if (type)
      inputs.push({ type, merchantId: order.merchant.id, payload: orderEventPayload(order, from, to) });
  }
  return inputs;
}

function orderEventPayload(order: OrderEntity, from: OrderStatus, to: OrderStatus): Record<string, unknown> {
  const currency = order.currency as CurrencyCode;
  return {
    order: {
      id: toGlobalId('Order', order.id),
      number: order.number,
      status: to,
      previousStatus: from,
      kind: order.kind,
      merchantId: toGlobalId('Merchant', order.merchant.id),
      total: { amount: toDecimalString({ minor: order.totalMinor, currency }), currencyCode: currency },
      createdAt: order.createdAt.toISOString(),
    },
  };
}

/** The order.* event of an order that has just reached `to` (called by `applyOrderEvent`). */
export async function emitOrderWebhookEvent(
  em: EntityManager,
  order: OrderEntity,
  from: OrderStatus,
  to: OrderStatus,
): Promise<void> {
  const type = ORDER_EVENT_BY_STATUS[to];
  if (!type) return;
  await emitWebhookEvent(em, {
    type,
    merchantId: order.merchant.id,
    payload: orderEventPayload(order, from, to),
  });
}

/** The signature header value: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export function signWebhookBody(secret: string, timestamp: number, rawBody: string): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/**
 * What a receiver does (reference implementation, used by the tests): parse the header, recompute the
 * HMAC over the raw body, compare in constant time, reject timestamps older than `toleranceSeconds`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  rawBody: string,
  opts: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const parts = Object.fromEntries(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || typeof parts.v1 !== 'string') return false;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `product.updated` for a product its store changed (after the change is flushed). */
export async function emitProductUpdated(
  em: EntityManager,
  product: ProductEntity,
  change: string,
): Promise<void> {
  await emitWebhookEvent(em, {
    type: 'product.updated',
    merchantId: product.merchant.id,
    payload: {
      change,
      product: {
        id: toGlobalId('Product', product.id),
        handle: product.handle,
        status: product.status,
        kind: product.kind,
        titleEn: product.titleEn,
        titleZh: product.titleZh,
        merchantId: toGlobalId('Merchant', product.merchant.id),
        updatedAt: product.updatedAt.toISOString(),
      },
    },
  });
}

/** `merchant.frozen` when the platform safe-freezes a store. */
export async function emitMerchantFrozen(
  em: EntityManager,
  merchant: MerchantEntity,
  reason: string,
  effects: { closedOrderIds: number[]; failedOrderIds: number[] },
): Promise<void> {
  await emitWebhookEvent(em, {
    type: 'merchant.frozen',
    merchantId: merchant.id,
    payload: {
      merchant: { id: toGlobalId('Merchant', merchant.id), handle: merchant.handle, status: merchant.status },
      reason,
      closedOrderIds: effects.closedOrderIds.map((id) => toGlobalId('Order', id)),
      failedOrderIds: effects.failedOrderIds.map((id) => toGlobalId('Order', id)),
    },
  });
}

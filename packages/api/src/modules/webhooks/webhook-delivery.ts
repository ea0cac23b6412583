import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { JobHandler } from '../../jobs/job-queue.js';
import { enqueue } from '../../jobs/job-queue.js';
import { DELIVER_WEBHOOK, deliveryJobKey, signWebhookBody } from './webhook-events.js';
import { postWebhook } from './webhook-target.js';
import type { WebhookAttemptRecord } from './webhook.entity.js';

const Payload = z.object({ deliveryId: z.number().int().positive() });

interface DeliveryRow {
  id: number;
  state: string;
  attempt_count: number;
  url: string;
  secret: string;
  active: boolean;
  public_id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** The JSON body of every delivery of an event (identical on retries and replays). */
export function webhookBody(row: Pick<DeliveryRow, 'public_id' | 'type' | 'payload' | 'created_at'>): string {
  return JSON.stringify({
    id: row.public_id,
    type: row.type,
    createdAt: new Date(row.created_at).toISOString(),
    data: row.payload,
  });
}

/** Delay before retry n (n ≥ 1): base × 2^(n−1). */
export function retryDelayMs(baseMs: number, retry: number): number {
  return baseMs * 2 ** (retry - 1);
}

/**
 * One attempt of one delivery: POST the signed body, record status code and duration, then
 * SUCCEEDED on 2xx, otherwise another job at the backoff time, or FAILED after the last attempt.
 * HTTP failures never throw (graphile-worker's own retries only cover database trouble).
 */
export const deliverWebhook: JobHandler = async (raw, { em, config, logger }) => {
  const { deliveryId } = Payload.parse(raw);
  const [row] = await em.execute<DeliveryRow[]>(
    `select d.id, d.state, d.attempt_count, s.url, s.secret, s.active, e.public_id, e.type, e.payload, e.created_at
     from webhook_delivery d
     join webhook_subscription s on s.id = d.subscription_id
     join webhook_event e on e.id = d.event_id
     where d.id = ?`,
    [deliveryId],
  );
  if (row?.state !== 'PENDING') return;
  if (!row.active) {
    // Disabled meanwhile: the delivery ends here (replay it once the subscription is enabled again).
    await em.execute(
      `update webhook_delivery set state = 'FAILED', next_attempt_at = null, updated_at = now() where id = ? and state = 'PENDING'`,
      [deliveryId],
    );
    return;
  }

  const body = webhookBody(row);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    // SSRF guard: the socket's own lookup refuses non-public addresses (webhook-target.ts).
    statusCode = await postWebhook(row.url, {
      allowPrivate: config.webhooks.allowPrivateNetworks,
      timeoutMs: config.webhooks.timeoutMs,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Marketplace-Webhooks/1',
        'x-marketplace-event-id': row.public_id,
        'x-marketplace-event-type': row.type,
        'x-marketplace-timestamp': String(timestamp),
        'x-marketplace-signature': signWebhookBody(row.secret, timestamp, body),
      },
      body,
    });
  } catch (e) {
    error = e instanceof Error ? (e.name === 'TimeoutError' ? 'timeout' : e.message) : String(e);
  }
  const durationMs = Date.now() - started;
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  await recordAttempt(em, deliveryId, { statusCode, durationMs, error, ok }, config.webhooks);
  logger.debug({ deliveryId, statusCode, durationMs, error }, 'webhook attempt');
};

async function recordAttempt(
  em: EntityManager,
  deliveryId: number,
  result: { statusCode: number | null; durationMs: number; error: string | null; ok: boolean },
  settings: { maxAttempts: number; retryBaseMs: number },
): Promise<void> {
  await em.transactional(async (tx) => {
    const [d] = await tx.execute<
      { state: string; attempt_count: number; attempts: WebhookAttemptRecord[] }[]
    >('select state, attempt_count, attempts from webhook_delivery where id = ? for update', [deliveryId]);
    if (d?.state !== 'PENDING') return;
    const attempt = d.attempt_count + 1;
    const record: WebhookAttemptRecord = {
      attempt,
      at: new Date().toISOString(),
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
    };
    const attempts = [...d.attempts, record];
    let state = 'PENDING';
    let next: Date | null = null;
    if (result.ok) state = 'SUCCEEDED';
    else if (attempt >= settings.maxAttempts) state = 'FAILED';
    else next = new Date(Date.now() + retryDelayMs(settings.retryBaseMs, attempt));
    await tx.execute(
      `update webhook_delivery set state = ?, attempt_count = ?, attempts = ?::jsonb, next_attempt_at = ?, updated_at = now()
       where id = ?`,
      [state, attempt, JSON.stringify(attempts), next?.toISOString() ?? null, deliveryId],
    );
    if (next) {
      await enqueue(
        tx,
        DELIVER_WEBHOOK,
        { deliveryId },
        { runAt: next, jobKey: deliveryJobKey(deliveryId), maxAttempts: 3 },
      );
    }
  });
}

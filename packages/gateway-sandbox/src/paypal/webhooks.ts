import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { ResolvedOptions } from '../options.js';
import { crc32 } from '../util/crc32.js';
import { prefixedId, webhookEventId } from '../util/ids.js';
import { type Clock, isoTime, paypalTime } from '../util/time.js';

/** The value of PAYPAL-AUTH-ALGO on sandbox deliveries (PayPal itself uses SHA256withRSA). */
export const AUTH_ALGO = 'HMACSHA256';
/** Path of the "certificate" named in PAYPAL-CERT-URL (a description of the scheme; there is no RSA key). */
export const CERT_PATH = '/v1/notifications/certs/CERT-SANDBOX-HMAC-SHA256';

export const EVENT_TYPES: Record<string, string> = {
  'CHECKOUT.ORDER.APPROVED': 'An order has been approved by buyer.',
  'PAYMENT.CAPTURE.COMPLETED': 'A payment capture completes.',
  'PAYMENT.CAPTURE.REFUNDED': 'A merchant refunds a payment capture.',
};

export interface WebhookEndpoint {
  id: string;
  url: string;
  /** Subscribed event types; `*` = all. */
  eventTypes: string[];
  source: 'config' | 'runtime';
  createdAt: number;
}

export interface WebhookEvent {
  id: string;
  event_version: '1.0';
  create_time: string;
  resource_type: string;
  resource_version: '2.0';
  event_type: string;
  summary: string;
  resource: unknown;
  links: { href: string; rel: string; method: string }[];
}

export interface DeliveryAttempt {
  attempt: number;
  transmission_id: string;
  time: string;
  status_code?: number;
  error?: string;
  duration_ms: number;
}

export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  webhook_id: string;
  url: string;
  /** An extra copy sent on purpose (duplicateRate). */
  duplicate: boolean;
  /** Sent again through redeliver/resend. */
  redelivery: boolean;
  status: 'held' | 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: DeliveryAttempt[];
  next_attempt_at?: string;
}

export interface SignatureInput {
  transmissionId: string;
  transmissionTime: string;
  webhookId: string;
  /** The raw request body exactly as delivered. */
  body: string;
}

/** `<transmission_id>|<transmission_time>|<webhook_id>|<crc32 of the body, decimal>` — PayPal's signed string. */
export function signatureBase(input: SignatureInput): string {
  return `${input.transmissionId}|${input.transmissionTime}|${input.webhookId}|${crc32(input.body)}`;
}

/** Base64 HMAC-SHA256 of {@link signatureBase} with the sandbox's webhook secret. */
export function sign(secretKey: string, input: SignatureInput): string {
  return createHmac('sha256', secretKey).update(signatureBase(input)).digest('base64');
}

export interface DispatcherSettings {
  duplicateRate: number;
  reorderWindowMs: number;
}

/**
 * Sends PayPal webhook events to the subscribed endpoints: signed, retried with exponential
 * backoff on non-2xx answers and timeouts, optionally duplicated and reordered, and recorded.
 */
export class WebhookDispatcher {
  readonly endpoints = new Map<string, WebhookEndpoint>();
  readonly events = new Map<string, { event: WebhookEvent; body: string }>();
  readonly deliveries: Delivery[] = [];
  settings: DispatcherSettings;
  private held: Delivery[] = [];
  private paused = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  /** Incremented by reset(): work started before it is dropped when it resumes. */
  private generation = 0;

  constructor(
    private readonly opts: ResolvedOptions,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly baseUrl: () => string,
  ) {
    this.settings = {
      duplicateRate: opts.webhooks.duplicateRate,
      reorderWindowMs: opts.webhooks.reorderWindowMs,
    };
    this.addConfigured();
  }

  private addConfigured(): void {
    for (const { id, url } of this.opts.webhookEndpoints) {
      this.endpoints.set(id, { id, url, eventTypes: ['*'], source: 'config', createdAt: this.clock.now() });
    }
  }

  register(url: string, eventTypes: string[] = ['*'], id?: string): WebhookEndpoint {
    const endpoint: WebhookEndpoint = {
      id: id ?? webhookEventId().slice(3, 20),
      url,
      eventTypes,
      source: 'runtime',
      createdAt: this.clock.now(),
    };
    this.endpoints.set(endpoint.id, endpoint);
    return endpoint;
  }

  unregister(id: string): boolean {
    return this.endpoints.delete(id);
  }

  certUrl(): string {
    return `${this.baseUrl()}${CERT_PATH}`;
  }

  /** Checks a verify-webhook-signature request the way PayPal does, with the sandbox's scheme. */
  verify(input: {
    auth_algo: string;
    cert_url: string;
    transmission_id: string;
    transmission_sig: string;
    transmission_time: string;
    webhook_id: string;
    webhook_event: unknown;
  }): boolean {
    if (input.auth_algo !== AUTH_ALGO) return false;
    let certPath: string;
    try {
      certPath = new URL(input.cert_url, this.baseUrl()).pathname;
    } catch {
      return false;
    }
    if (certPath !== CERT_PATH) return false;
    const expected = Buffer.from(
      sign(this.opts.webhookSecret, {
        transmissionId: input.transmission_id,
        transmissionTime: input.transmission_time,
        webhookId: input.webhook_id,
        body: JSON.stringify(input.webhook_event),
      }),
    );
    const given = Buffer.from(input.transmission_sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  emit(eventType: string, resourceType: string, resource: unknown, summary: string): WebhookEvent {
    const id = webhookEventId();
    const base = this.baseUrl();
    const event: WebhookEvent = {
      id,
      event_version: '1.0',
      create_time: paypalTime(this.clock.now()),
      resource_type: resourceType,
      resource_version: '2.0',
      event_type: eventType,
      summary,
      resource,
      links: [
        { href: `${base}/v1/notifications/webhooks-events/${id}`, rel: 'self', method: 'GET' },
        { href: `${base}/v1/notifications/webhooks-events/${id}/resend`, rel: 'resend', method: 'POST' },
      ],
    };
    this.events.set(id, { event, body: JSON.stringify(event) });
    this.logger.info({ eventId: id, eventType }, 'webhook event');
    for (const endpoint of this.endpoints.values()) {
      if (!endpoint.eventTypes.includes('*') && !endpoint.eventTypes.includes(eventType)) continue;
      this.enqueue(this.newDelivery(event, endpoint, false, false));
      if (this.settings.duplicateRate > 0 && this.opts.random() < this.settings.duplicateRate) {
        this.enqueue(this.newDelivery(event, endpoint, true, false));
      }
    }
    return event;
  }

  /** Sends an event again to its endpoints (all subscribed ones, or those listed). */
  redeliver(eventId: string, webhookIds?: string[]): Delivery[] | undefined {
    const stored = this.events.get(eventId);
    if (!stored) return undefined;
    const out: Delivery[] = [];
    for (const endpoint of this.endpoints.values()) {
      if (webhookIds ? !webhookIds.includes(endpoint.id) : false) continue;
      if (
        !webhookIds &&
        !endpoint.eventTypes.includes('*') &&
        !endpoint.eventTypes.includes(stored.event.event_type)
      ) {
        continue;
      }
      const delivery = this.newDelivery(stored.event, endpoint, false, true);
      out.push(delivery);
      this.enqueue(delivery);
    }
    return out;
  }

  /** Holds new deliveries until {@link resume}. */
  pause(): void {
    this.paused = true;
  }

  /** Releases held deliveries, oldest first or newest first. */
  resume(order: 'fifo' | 'reverse' = 'fifo'): number {
    this.paused = false;
    return this.flush(order);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Resolves once no delivery is waiting to be sent or retried (held ones of a pause aside). */
  idle(): Promise<void> {
    if (this.busy() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  reset(): void {
    this.cancelAll();
    this.generation++;
    this.deliveries.length = 0;
    this.events.clear();
    this.held = [];
    this.paused = false;
    this.settings = {
      duplicateRate: this.opts.webhooks.duplicateRate,
      reorderWindowMs: this.opts.webhooks.reorderWindowMs,
    };
    this.endpoints.clear();
    this.addConfigured();
    this.notifyIdle();
  }

  stop(): void {
    this.stopped = true;
    this.cancelAll();
    for (const d of this.deliveries)
      if (d.status === 'pending' || d.status === 'held') d.status = 'cancelled';
    this.notifyIdle();
  }

  snapshot() {
    return {
      webhooks: [...this.endpoints.values()].map((e) => ({
        id: e.id,
        url: e.url,
        event_types: e.eventTypes,
        source: e.source,
      })),
      paused: this.paused,
      settings: this.settings,
      events: [...this.events.values()].map(({ event }) => ({
        id: event.id,
        event_type: event.event_type,
        create_time: event.create_time,
        summary: event.summary,
      })),
      deliveries: this.deliveries,
    };
  }

  // ── internals ────────────────────────────────────────────────────────────────────────

  private newDelivery(
    event: WebhookEvent,
    endpoint: WebhookEndpoint,
    duplicate: boolean,
    redelivery: boolean,
  ) {
    const delivery: Delivery = {
      id: prefixedId('dlv'),
      event_id: event.id,
      event_type: event.event_type,
      webhook_id: endpoint.id,
      url: endpoint.url,
      duplicate,
      redelivery,
      status: 'held',
      attempts: [],
    };
    this.deliveries.push(delivery);
    return delivery;
  }

  private enqueue(delivery: Delivery): void {
    if (this.stopped) {
      delivery.status = 'cancelled';
      return;
    }
    if (this.paused || this.settings.reorderWindowMs > 0) {
      this.held.push(delivery);
      if (!this.paused && !this.flushTimer) {
        this.flushTimer = setTimeout(() => {
          this.flushTimer = undefined;
          this.flush('reverse');
        }, this.settings.reorderWindowMs);
      }
      return;
    }
    delivery.status = 'pending';
    void this.attempt(delivery, this.generation);
  }

  private flush(order: 'fifo' | 'reverse'): number {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    const batch = order === 'reverse' ? this.held.reverse() : this.held;
    this.held = [];
    for (const d of batch) d.status = 'pending';
    const generation = this.generation;
    // One after the other, so the receiver sees them in exactly this order.
    void (async () => {
      for (const d of batch) {
        if (generation !== this.generation || this.stopped) return;
        await this.attempt(d, generation);
      }
    })();
    return batch.length;
  }

  private async attempt(delivery: Delivery, generation: number): Promise<void> {
    const stored = this.events.get(delivery.event_id);
    if (!stored || this.stopped || generation !== this.generation) return;
    const number = delivery.attempts.length + 1;
    const transmissionId = randomUUID();
    const transmissionTime = isoTime(this.clock.now());
    const signature = sign(this.opts.webhookSecret, {
      transmissionId,
      transmissionTime,
      webhookId: delivery.webhook_id,
      body: stored.body,
    });
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(new Error('timeout')), this.opts.webhooks.timeoutMs);
    const started = performance.now();
    const attempt: DeliveryAttempt = {
      attempt: number,
      transmission_id: transmissionId,
      time: transmissionTime,
      duration_ms: 0,
    };
    delivery.next_attempt_at = undefined;
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'PayPal/AUHD-214.0-58391624',
          'paypal-transmission-id': transmissionId,
          'paypal-transmission-time': transmissionTime,
          'paypal-transmission-sig': signature,
          'paypal-cert-url': this.certUrl(),
          'paypal-auth-algo': AUTH_ALGO,
        },
        body: stored.body,
      });
      attempt.status_code = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (error) {
      attempt.error = controller.signal.aborted
        ? this.stopped || generation !== this.generation
          ? 'cancelled'
          : `timeout after ${this.opts.webhooks.timeoutMs} ms`
        : error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
    attempt.duration_ms = Math.round(performance.now() - started);
    if (generation !== this.generation) return;
    delivery.attempts.push(attempt);
    const ok = attempt.status_code !== undefined && attempt.status_code >= 200 && attempt.status_code < 300;
    const log = {
      deliveryId: delivery.id,
      eventId: delivery.event_id,
      attempt: number,
      status: attempt.status_code,
    };
    if (ok) {
      delivery.status = 'delivered';
      this.logger.info(log, 'webhook delivered');
    } else if (this.stopped) {
      delivery.status = 'cancelled';
    } else if (number >= this.opts.webhooks.maxAttempts) {
      delivery.status = 'failed';
      this.logger.warn({ ...log, error: attempt.error }, 'webhook delivery failed, no attempts left');
    } else {
      const { baseDelayMs, maxDelayMs } = this.opts.webhooks;
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (number - 1));
      delivery.next_attempt_at = isoTime(this.clock.now() + delay);
      this.logger.info(
        { ...log, error: attempt.error, retryInMs: delay },
        'webhook delivery failed, will retry',
      );
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(delivery, generation);
      }, delay);
      this.timers.add(timer);
      return;
    }
    this.notifyIdle();
  }

  private busy(): number {
    return this.deliveries.filter((d) => d.status === 'pending' || (d.status === 'held' && !this.paused))
      .length;
  }

  private notifyIdle(): void {
    if (this.busy() > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private cancelAll(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.controllers) c.abort(new Error('cancelled'));
    this.controllers.clear();
  }
}

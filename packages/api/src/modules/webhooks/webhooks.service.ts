import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { enqueue } from '../../jobs/job-queue.js';
import { requireRole } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { requireCapability } from '../capabilities/capabilities.service.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import {
  DELIVER_WEBHOOK,
  deliveryJobKey,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from './webhook-events.js';
import { webhookTargetProblem } from './webhook-target.js';
import {
  WebhookDeliveryEntity,
  type WebhookDeliveryState,
  WebhookSubscriptionEntity,
} from './webhook.entity.js';

export type WebhookErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_URL'
  | 'INVALID_EVENTS'
  | 'INVALID_DESCRIPTION'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'NOT_REPLAYABLE'
  | 'ACCOUNT_RESTRICTED';

export interface WebhookUserError {
  code: WebhookErrorCode;
  message: string;
  field: string[] | null;
}

export interface SubscriptionResult {
  subscription: WebhookSubscriptionEntity | null;
  secret?: string | null;
  userErrors: WebhookUserError[];
}

export interface DeliveryResult {
  delivery: WebhookDeliveryEntity | null;
  userErrors: WebhookUserError[];
}

export interface WebhookSubscriptionDraft {
  url?: string | null;
  events?: string[] | null;
  description?: string | null;
  active?: boolean | null;
}

export interface WebhookDeliveriesFilter {
  state?: WebhookDeliveryState | null;
  eventType?: string | null;
}

/** At most this many subscriptions per owner (a store, or the platform). */
export const MAX_SUBSCRIPTIONS = 20;
const MAX_URL_LENGTH = 2000;
const MAX_DESCRIPTION = 500;

const refused = (errors: WebhookUserError[]) => {
  throw new Refusal({ subscription: null, delivery: null, userErrors: errors });
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** URL rules: absolute https; plain http only to loopback and only where the config allows it. */
export function checkWebhookUrl(url: string, allowHttp: boolean): WebhookUserError | null {
  const bad = (message: string) => userError('INVALID_URL' as const, message, ['input', 'url']);
  if (url.length > MAX_URL_LENGTH) return bad(`At most ${MAX_URL_LENGTH} characters.`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return bad('Enter an absolute URL, e.g. https://example.com/hooks.');
  }
  if (parsed.username || parsed.password) return bad('The URL must not contain credentials.');
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && allowHttp && LOOPBACK.has(parsed.hostname)) return null;
  return bad(
    allowHttp ? 'Use https:// (http:// only for localhost while developing).' : 'Use an https:// URL.',
  );
}

export function checkWebhookEvents(events: string[]): WebhookUserError | null {
  if (events.length === 0)
    return userError('INVALID_EVENTS', 'Choose at least one event.', ['input', 'events']);
  const unknown = events.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (unknown.length > 0)
    return userError('INVALID_EVENTS', `Unknown event: ${unknown.join(', ')}.`, ['input', 'events']);
  return null;
}

/**
 * Webhook subscriptions and their delivery log. Owners: merchant staff own their store's
 * subscriptions (that store's events only); admins own the platform's (every store's events).
 * Someone else's subscription is answered as if it did not exist.
 */
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  /** The owner scope of the viewer: a store id, or null for the platform (admins). */
  private owner(): { viewer: Viewer; merchantId: number | null } {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF', 'ADMIN');
    if (viewer.role === 'MERCHANT_STAFF') {
      if (viewer.merchantId == null) throw new Error('merchant staff without a store');
      return { viewer, merchantId: viewer.merchantId };
    }
    return { viewer, merchantId: null };
  }

  private async ownSubscription(
    em: EntityManager,
    merchantId: number | null,
    globalId: string,
    lock = false,
  ): Promise<WebhookSubscriptionEntity | null> {
    const id = fromGlobalId(globalId, 'WebhookSubscription');
    if (id === null) return null;
    return em.findOne(
      WebhookSubscriptionEntity,
      { id, merchant: merchantId },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
  }

  private checkDraft(draft: WebhookSubscriptionDraft, creating: boolean): WebhookUserError[] {
    const errors: WebhookUserError[] = [];
    if (creating || draft.url != null) {
      const e = checkWebhookUrl((draft.url ?? '').trim(), this.config.webhooks.allowHttp);
      if (e) errors.push(e);
    }
    if (creating || draft.events != null) {
      const e = checkWebhookEvents(draft.events ?? []);
      if (e) errors.push(e);
    }
    if ((draft.description ?? '').length > MAX_DESCRIPTION)
      errors.push(
        userError('INVALID_DESCRIPTION', `At most ${MAX_DESCRIPTION} characters.`, ['input', 'description']),
      );
    return errors;
  }

  /** The syntactic checks, then (SSRF guard) where the URL's host resolves to, outside any transaction. */
  private async checkDraftTarget(
    draft: WebhookSubscriptionDraft,
    creating: boolean,
  ): Promise<WebhookUserError[]> {
    const errors = this.checkDraft(draft, creating);
    if (errors.some((e) => e.code === 'INVALID_URL') || draft.url == null) return errors;
    const problem = await webhookTargetProblem(draft.url.trim(), this.config.webhooks.allowPrivateNetworks);
    return problem ? [userError('INVALID_URL', problem, ['input', 'url']), ...errors] : errors;
  }

  async create(draft: WebhookSubscriptionDraft): Promise<SubscriptionResult> {
    const { viewer, merchantId } = this.owner();
    const errors = await this.checkDraftTarget(draft, true);
    return inTransaction(this.em, async (tx) => {
      await requireCapability(tx, viewer, 'store.profile');
      if (errors.length > 0) refused(errors);
      // Serialise creations of one owner so the limit holds under concurrency.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [
        `webhook-owner:${merchantId ?? 'platform'}`,
      ]);
      const count = await tx.count(WebhookSubscriptionEntity, { merchant: merchantId });
      if (count >= MAX_SUBSCRIPTIONS)
        refused([
          userError('TOO_MANY_SUBSCRIPTIONS', `At most ${MAX_SUBSCRIPTIONS} subscriptions.`, [
            'input',
            'url',
          ]),
        ]);
      const secret = `whsec_${randomBytes(24).toString('hex')}`;
      const subscription = tx.create(WebhookSubscriptionEntity, {
        merchant: merchantId === null ? null : tx.getReference(MerchantEntity, merchantId),
        url: (draft.url ?? '').trim(),
        events: [...new Set(draft.events ?? [])].sort(),
        description: (draft.description ?? '').trim(),
        secret,
        active: draft.active ?? true,
        createdBy: tx.getReference(UserEntity, viewer.userId),
      });
      await tx.flush();
      return { subscription, secret, userErrors: [] };
    });
  }

  async update(input: WebhookSubscriptionDraft & { subscriptionId: string }): Promise<SubscriptionResult> {
    const { viewer, merchantId } = this.owner();
    const errors = await this.checkDraftTarget(input, false);
    return inTransaction(this.em, async (tx) => {
      const subscription = await this.ownSubscription(tx, merchantId, input.subscriptionId, true);
      if (!subscription)
        refused([
          userError('NOT_FOUND', 'No webhook subscription with this ID.', ['input', 'subscriptionId']),
        ]);
      await requireCapability(tx, viewer, 'store.profile');
      if (errors.length > 0) refused(errors);
      const s = subscription!;
      if (input.url != null) s.url = input.url.trim();
      if (input.events != null) s.events = [...new Set(input.events)].sort();
      if (input.description != null) s.description = input.description.trim();
      if (input.active != null) s.active = input.active;
      s.updatedAt = new Date();
      await tx.flush();
      return { subscription: s, userErrors: [] };
    });
  }

  /** Deletes a subscription with its delivery log; pending deliveries are dropped. */
  async delete(subscriptionId: string): Promise<SubscriptionResult & { deletedId: string | null }> {
    const { viewer, merchantId } = this.owner();
    return inTransaction(this.em, async (tx) => {
      const subscription = await this.ownSubscription(tx, merchantId, subscriptionId, true);
      if (!subscription)
        refused([
          userError('NOT_FOUND', 'No webhook subscription with this ID.', ['input', 'subscriptionId']),
        ]);
      await requireCapability(tx, viewer, 'store.profile');
      const pending = await tx.execute<{ id: number }[]>(
        `select id from webhook_delivery where subscription_id = ? and state = 'PENDING'`,
        [subscription!.id],
      );
      for (const d of pending)
        await tx.execute('select graphile_worker.remove_job(?)', [deliveryJobKey(d.id)]);
      await tx.execute('delete from webhook_subscription where id = ?', [subscription!.id]);
      return { subscription: null, deletedId: subscriptionId, userErrors: [] };
    });
  }

  /** Sends an event to the subscription again as a new delivery (same event id, fresh attempts). */
  async replay(deliveryId: string): Promise<DeliveryResult> {
    const { viewer, merchantId } = this.owner();
    return inTransaction(this.em, async (tx) => {
      const id = fromGlobalId(deliveryId, 'WebhookDelivery');
      const original =
        id === null
          ? null
          : await tx.findOne(
              WebhookDeliveryEntity,
              { id, subscription: { merchant: merchantId } },
              { populate: ['subscription', 'event'] },
            );
      if (!original)
        return refused([
          userError('NOT_FOUND', 'No webhook delivery with this ID.', ['deliveryId']),
        ]) as never;
      await requireCapability(tx, viewer, 'store.profile');
      if (!original.subscription.active)
        refused([
          userError('NOT_REPLAYABLE', 'The subscription is disabled: enable it first.', ['deliveryId']),
        ]);
      if (original.state === 'PENDING')
        refused([userError('NOT_REPLAYABLE', 'This delivery is still being attempted.', ['deliveryId'])]);
      const delivery = tx.create(WebhookDeliveryEntity, {
        subscription: original.subscription,
        event: original.event,
        replayOf: original,
      });
      await tx.flush();
      await enqueue(
        tx,
        DELIVER_WEBHOOK,
        { deliveryId: delivery.id },
        { jobKey: deliveryJobKey(delivery.id), maxAttempts: 3 },
      );
      return { delivery, userErrors: [] };
    });
  }

  async subscriptions(args: {
    first: number;
    after?: string | null;
  }): Promise<ConnectionShape<WebhookSubscriptionEntity>> {
    const { merchantId } = this.owner();
    const first = Math.min(Math.max(args.first, 1), 100);
    const cursor = args.after ? decodeCursor(args.after) : null;
    const afterId = cursor && typeof cursor[0] === 'number' ? cursor[0] : null;
    const rows = await this.em.find(
      WebhookSubscriptionEntity,
      { merchant: merchantId, ...(afterId !== null ? { id: { $gt: afterId } } : {}) },
      { orderBy: { id: 'asc' }, limit: first + 1 },
    );
    return toConnection(rows, first, {
      hasPrevious: afterId !== null,
      cursorOf: (r) => encodeCursor([r.id]),
      map: (r) => r,
      count: () => this.em.count(WebhookSubscriptionEntity, { merchant: merchantId }),
    });
  }

  /** For `node(id:)`: null (never an error) for viewers who own no webhooks or objects outside their scope. */
  private canOwn(): boolean {
    const v = this.viewer;
    return !!v && (v.role === 'ADMIN' || (v.role === 'MERCHANT_STAFF' && v.merchantId !== null));
  }

  async subscriptionForNode(id: string): Promise<WebhookSubscriptionEntity | null> {
    return this.canOwn() ? this.subscription(id) : null;
  }

  async deliveryForNode(globalId: string): Promise<WebhookDeliveryEntity | null> {
    if (!this.canOwn()) return null;
    const { merchantId } = this.owner();
    const id = fromGlobalId(globalId, 'WebhookDelivery');
    if (id === null) return null;
    return this.em.findOne(
      WebhookDeliveryEntity,
      { id, subscription: { merchant: merchantId } },
      { populate: ['event'] },
    );
  }

  async subscription(id: string): Promise<WebhookSubscriptionEntity | null> {
    const { merchantId } = this.owner();
    return this.ownSubscription(this.em, merchantId, id);
  }

  /** The delivery log of one of the viewer's subscriptions, newest first; null when not theirs. */
  async deliveries(args: {
    subscriptionId: string;
    first: number;
    after?: string | null;
    filter?: WebhookDeliveriesFilter | null;
  }): Promise<ConnectionShape<WebhookDeliveryEntity> | null> {
    const { merchantId } = this.owner();
    const subscription = await this.ownSubscription(this.em, merchantId, args.subscriptionId);
    if (!subscription) return null;
    const first = Math.min(Math.max(args.first, 1), 100);
    const cursor = args.after ? decodeCursor(args.after) : null;
    const beforeId = cursor && typeof cursor[0] === 'number' ? cursor[0] : null;
    const where = {
      subscription,
      ...(args.filter?.state ? { state: args.filter.state } : {}),
      ...(args.filter?.eventType ? { event: { type: args.filter.eventType } } : {}),
    };
    const rows = await this.em.find(
      WebhookDeliveryEntity,
      { ...where, ...(beforeId !== null ? { id: { $lt: beforeId } } : {}) },
      { orderBy: { id: 'desc' }, limit: first + 1, populate: ['event'] },
    );
    return toConnection(rows, first, {
      hasPrevious: beforeId !== null,
      cursorOf: (r) => encodeCursor([r.id]),
      map: (r) => r,
      count: () => this.em.count(WebhookDeliveryEntity, where),
    });
  }
}

export type { WebhookEventType };

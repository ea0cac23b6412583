import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { connectionTypes, Node, toGlobalId } from '../../graphql/relay.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType as WireType } from './webhook-events.js';
import type { WebhookErrorCode as Code } from './webhooks.service.js';
import type {
  WebhookAttemptRecord,
  WebhookDeliveryEntity,
  WebhookDeliveryState as State,
  WebhookSubscriptionEntity,
} from './webhook.entity.js';

/** GraphQL enum name ↔ wire name (`ORDER_PAID` ↔ `order.paid`). */
export const toEnumName = (wire: string) => wire.replace('.', '_').toUpperCase();
export const toWireName = (name: string) => name.toLowerCase().replace('_', '.');

const EVENT_DESCRIPTIONS: Record<WireType, string> = {
  'order.paid': 'An order was paid (now AWAITING_SHIPMENT). Wire name `order.paid`.',
  'order.shipped':
    'An order was shipped, or a service order delivered its report. Wire name `order.shipped`.',
  'order.completed':
    'An order was completed (confirmed by the shopper or automatically). Wire name `order.completed`.',
  'order.failed': 'A paid order failed (cancelled before shipment and refunded). Wire name `order.failed`.',
  'order.closed':
    'An unpaid order was closed (timeout, cancellation or store freeze). Wire name `order.closed`.',
  'merchant.frozen': 'A store was safe-frozen by the platform. Wire name `merchant.frozen`.',
  'product.updated':
    'A product was changed by its store (fields, variants, images, publication). Wire name `product.updated`.',
};

export const WebhookEventType = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((t) => [toEnumName(t), toEnumName(t)]),
);
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description:
    'An event a webhook subscription can receive; the delivered `type` is the wire name (e.g. `order.paid`).',
  valuesConfig: Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((t) => [toEnumName(t), { description: EVENT_DESCRIPTIONS[t] }]),
  ),
});

export const WebhookDeliveryState = { PENDING: 'PENDING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED' } as const;
registerEnumType(WebhookDeliveryState, {
  name: 'WebhookDeliveryState',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not yet answered with 2xx; another attempt is scheduled (`nextAttemptAt`).' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt failed; replay it to try again.' },
  },
});

const ERROR_DESCRIPTIONS: Record<Code, string> = {
  NOT_FOUND: 'No such subscription or delivery in your scope.',
  INVALID_URL: 'The URL is not an absolute https URL (http only to localhost in development).',
  INVALID_EVENTS: 'No event, or an unknown event, was chosen.',
  INVALID_DESCRIPTION: 'The description is too long.',
  TOO_MANY_SUBSCRIPTIONS: 'The store (or the platform) already has the maximum number of subscriptions.',
  NOT_REPLAYABLE: 'The delivery is still being attempted, or its subscription is disabled.',
  ACCOUNT_RESTRICTED: 'Your account or store standing does not allow this now (see viewer.standing).',
};
export const WebhookErrorCode = Object.fromEntries(Object.keys(ERROR_DESCRIPTIONS).map((c) => [c, c]));
registerEnumType(WebhookErrorCode, {
  name: 'WebhookErrorCode',
  description: 'Why a webhook mutation refused.',
  valuesConfig: Object.fromEntries(
    Object.entries(ERROR_DESCRIPTIONS).map(([c, d]) => [c, { description: d }]),
  ),
});

@ObjectType('WebhookUserError', {
  implements: BaseUserError,
  description: 'A refusal of a webhook mutation.',
})
export class WebhookUserError extends BaseUserError {
  @Field(() => WebhookErrorCode, { description: 'Machine-readable reason.' })
  code!: Code;
}

@ObjectType('WebhookSubscription', {
  implements: Node,
  description:
    'An endpoint that receives signed POSTs for the chosen events: a store’s (its merchant staff; that store’s events) or the platform’s (admins; every store’s events).',
})
export class WebhookSubscription extends Node {
  @Field({ description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'The events sent to this endpoint.' })
  events!: string[];

  @Field({ description: 'A note for the owner.' })
  description!: string;

  @Field({ description: 'False when disabled: no new deliveries are made.' })
  active!: boolean;

  @Field({ description: 'True for a platform-wide subscription (every store’s events).' })
  platformWide!: boolean;

  @Field({ description: 'The last four characters of the signing secret (the secret itself is shown once).' })
  secretHint!: string;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last changed.' })
  updatedAt!: Date;

  row!: WebhookSubscriptionEntity;

  static from(row: WebhookSubscriptionEntity): WebhookSubscription {
    return Object.assign(new WebhookSubscription(), {
      id: toGlobalId('WebhookSubscription', row.id),
      url: row.url,
      events: row.events.map(toEnumName),
      description: row.description,
      active: row.active,
      platformWide: row.merchant === null,
      secretHint: row.secret.slice(-4),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      row,
    });
  }
}

export const { Connection: WebhookSubscriptionConnection, Edge: WebhookSubscriptionEdge } = connectionTypes(
  WebhookSubscription,
  'WebhookSubscription',
);

@ObjectType('WebhookAttempt', { description: 'One try of a webhook delivery.' })
export class WebhookAttempt {
  @Field(() => Int, { description: '1 for the first try.' })
  attempt!: number;

  @Field(() => Date, { description: 'When the try ended.' })
  at!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'The endpoint’s HTTP status; null on a network error or timeout.',
  })
  statusCode!: number | null;

  @Field(() => Int, { description: 'How long the request took, in milliseconds.' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'The network error (e.g. `timeout`), if any.' })
  error!: string | null;

  static from(r: WebhookAttemptRecord): WebhookAttempt {
    return Object.assign(new WebhookAttempt(), { ...r, at: new Date(r.at) });
  }
}

@ObjectType('WebhookDelivery', {
  implements: Node,
  description: 'One event sent to one subscription, with its attempts.',
})
export class WebhookDelivery extends Node {
  @Field({
    description: 'The event id (`evt_…`): the same on every retry and replay; receivers deduplicate on it.',
  })
  eventId!: string;

  @Field(() => WebhookEventType, { description: 'The event type.' })
  eventType!: string;

  @Field(() => Date, { description: 'When the event happened.' })
  eventCreatedAt!: Date;

  @Field(() => WebhookDeliveryState, { description: 'Where the delivery stands.' })
  state!: State;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attemptCount!: number;

  @Field(() => [WebhookAttempt], { description: 'Every attempt, oldest first.' })
  attempts!: WebhookAttempt[];

  @Field(() => Int, { nullable: true, description: 'The status code of the last attempt.' })
  lastStatusCode!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the next retry runs (PENDING after a failed attempt).',
  })
  nextAttemptAt!: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The delivery this one replays, if it is a manual replay.',
  })
  replayOfId!: string | null;

  @Field(() => String, { description: 'The JSON body sent (identical on every attempt).' })
  body!: string;

  @Field(() => Date, { description: 'When the delivery was created.' })
  createdAt!: Date;

  static from(row: WebhookDeliveryEntity, body: string): WebhookDelivery {
    const attempts = (row.attempts ?? []).map(WebhookAttempt.from);
    return Object.assign(new WebhookDelivery(), {
      id: toGlobalId('WebhookDelivery', row.id),
      eventId: row.event.publicId,
      eventType: toEnumName(row.event.type),
      eventCreatedAt: row.event.createdAt,
      state: row.state,
      attemptCount: row.attemptCount,
      attempts,
      lastStatusCode: attempts.at(-1)?.statusCode ?? null,
      nextAttemptAt: row.state === 'PENDING' ? row.nextAttemptAt : null,
      replayOfId: row.replayOf ? toGlobalId('WebhookDelivery', row.replayOf.id) : null,
      body,
      createdAt: row.createdAt,
    });
  }
}

export const { Connection: WebhookDeliveryConnection, Edge: WebhookDeliveryEdge } = connectionTypes(
  WebhookDelivery,
  'WebhookDelivery',
);

@InputType('WebhookDeliveriesFilter', { description: 'Narrows `webhookDeliveries`.' })
export class WebhookDeliveriesFilter {
  @Field(() => WebhookDeliveryState, { nullable: true, description: 'Only deliveries in this state.' })
  state?: State | null;

  @Field(() => WebhookEventType, { nullable: true, description: 'Only deliveries of this event type.' })
  eventType?: string | null;
}

@InputType('CreateWebhookSubscriptionInput', { description: 'A new webhook endpoint.' })
export class CreateWebhookSubscriptionInput {
  @Field({ description: 'An absolute https URL (http://localhost allowed in development).' })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'At least one event.' })
  events!: string[];

  @Field(() => String, { nullable: true, description: 'A note, at most 500 characters.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Start disabled when false (default true).' })
  active?: boolean | null;
}

@InputType('UpdateWebhookSubscriptionInput', {
  description: 'Changes to a webhook subscription (omitted fields stay).',
})
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID, { description: 'The subscription.' })
  subscriptionId!: string;

  @Field(() => String, { nullable: true, description: 'A new URL.' })
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The new set of events (at least one).' })
  events?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A new note.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Enable (true) or disable (false).' })
  active?: boolean | null;
}

@InputType('DeleteWebhookSubscriptionInput', { description: 'Which subscription to delete.' })
export class DeleteWebhookSubscriptionInput {
  @Field(() => ID, { description: 'The subscription.' })
  subscriptionId!: string;
}

@InputType('ReplayWebhookDeliveryInput', { description: 'Which delivery to send again.' })
export class ReplayWebhookDeliveryInput {
  @Field(() => ID, { description: 'A SUCCEEDED or FAILED delivery.' })
  deliveryId!: string;
}

@ObjectType('CreateWebhookSubscriptionPayload', { description: 'Result of `createWebhookSubscription`.' })
export class CreateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, {
    nullable: true,
    description: 'The new subscription (null if refused).',
  })
  subscription!: WebhookSubscription | null;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret (`whsec_…`). Shown only here, once: store it now.',
  })
  secret!: string | null;

  @Field(() => [WebhookUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: WebhookUserError[];
}

@ObjectType('UpdateWebhookSubscriptionPayload', { description: 'Result of `updateWebhookSubscription`.' })
export class UpdateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { nullable: true, description: 'The subscription after the change.' })
  subscription!: WebhookSubscription | null;

  @Field(() => [WebhookUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: WebhookUserError[];
}

@ObjectType('DeleteWebhookSubscriptionPayload', { description: 'Result of `deleteWebhookSubscription`.' })
export class DeleteWebhookSubscriptionPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted subscription (null if refused).' })
  deletedSubscriptionId!: string | null;

  @Field(() => [WebhookUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: WebhookUserError[];
}

@ObjectType('ReplayWebhookDeliveryPayload', { description: 'Result of `replayWebhookDelivery`.' })
export class ReplayWebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The new delivery (same event id).' })
  delivery!: WebhookDelivery | null;

  @Field(() => [WebhookUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: WebhookUserError[];
}

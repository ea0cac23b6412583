import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';

export type WebhookDeliveryState = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/** One recorded try of a delivery (kept on the delivery, newest last). */
export interface WebhookAttemptRecord {
  attempt: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/**
 * An endpoint subscribed to events: a store's (merchant staff; only that store's events) or the
 * platform's (`merchant` null, admins; every store's events). `secret` is the HMAC shared secret:
 * it must be readable to sign, so it is stored as is and only ever returned by the create mutation.
 */
@Entity({ tableName: 'webhook_subscription' })
export class WebhookSubscriptionEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** The owning store; null for a platform-wide subscription (admins). */
  @Index()
  @ManyToOne(() => MerchantEntity, { nullable: true, deleteRule: 'cascade' })
  merchant: MerchantEntity | null = null;

  @Property({ type: 'text' })
  url!: string;

  /** Event type names (`order.paid` …). */
  @Property({ type: 'json' })
  events!: string[];

  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Property({ type: 'string', length: 100 })
  secret!: string;

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  createdBy: UserEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Opt<Date> = new Date();
}

/** Something that happened, once; `publicId` is the event id receivers deduplicate on. */
@Entity({ tableName: 'webhook_event' })
export class WebhookEventEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 40, unique: true })
  publicId!: string;

  @Property({ type: 'string', length: 40 })
  type!: string;

  /** The store the event is about; null for none. */
  @Index()
  @ManyToOne(() => MerchantEntity, { nullable: true, deleteRule: 'cascade' })
  merchant: MerchantEntity | null = null;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** One event to one subscription: its state, attempts and next retry. A replay is a new delivery. */
@Entity({ tableName: 'webhook_delivery' })
@Index({ properties: ['subscription', 'id'] })
export class WebhookDeliveryEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => WebhookSubscriptionEntity, { deleteRule: 'cascade' })
  subscription!: WebhookSubscriptionEntity;

  @Index()
  @ManyToOne(() => WebhookEventEntity, { deleteRule: 'cascade' })
  event!: WebhookEventEntity;

  @Property({ type: 'string', length: 20, default: 'PENDING' })
  state: Opt<WebhookDeliveryState> = 'PENDING';

  @Property({ type: 'integer', default: 0 })
  attemptCount: Opt<number> = 0;

  @Property({ type: 'json' })
  attempts: Opt<WebhookAttemptRecord[]> = [];

  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = null;

  /** The delivery this one replays (manual replay), if any. */
  @ManyToOne(() => WebhookDeliveryEntity, { nullable: true, deleteRule: 'set null' })
  replayOf: WebhookDeliveryEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Opt<Date> = new Date();
}

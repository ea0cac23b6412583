import { type Opt, PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { ContactRequestEntity } from '../help/contact-request.entity.js';
import { OrderEntity } from '../orders/order.entity.js';

/**
 * Who a conversation is between:
 * - CUSTOMER_SERVICE: one user (usually a shopper) and the platform (customer service);
 * - MERCHANT_SUPPORT: a store (all its staff) and the platform;
 * - ORDER: a shopper and a store, about one of the shopper's orders of that store.
 */
export type ConversationKind = 'CUSTOMER_SERVICE' | 'MERCHANT_SUPPORT' | 'ORDER';
/** The party a message comes from (a conversation has two of them). */
export type ConversationSide = 'USER' | 'MERCHANT' | 'PLATFORM';
/** USER: written by a person; SYSTEM / PENALTY_NOTICE: a notice written by the platform in both languages. */
export type MessageKind = 'USER' | 'SYSTEM' | 'PENALTY_NOTICE';

/** An in-site conversation ("station letter" thread). Its two parties follow from `kind`. */
@Entity({ tableName: 'conversation' })
@Index({ properties: ['lastMessageAt', 'id'] })
@Unique({ properties: ['threadKey'] })
export class ConversationEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 20 })
  kind!: ConversationKind;

  /** Plain text, as written (or the English subject of a system notice). */
  @Property({ type: 'string', length: 200 })
  subject!: string;

  /** The Traditional Chinese subject of a system notice; null for conversations people started. */
  @Property({ type: 'string', length: 200, nullable: true })
  subjectZhTw: string | null = null;

  /** The user party (CUSTOMER_SERVICE, ORDER). */
  @Index()
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'cascade' })
  user: UserEntity | null = null;

  /** The store party (MERCHANT_SUPPORT, ORDER). */
  @Index()
  @ManyToOne(() => MerchantEntity, { nullable: true, deleteRule: 'cascade' })
  merchant: MerchantEntity | null = null;

  /** The order it is about, if any. */
  @Index()
  @ManyToOne(() => OrderEntity, { nullable: true, deleteRule: 'set null' })
  order: OrderEntity | null = null;

  /** Who started it; null for system notices. */
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  startedBy: UserEntity | null = null;

  /** The help center contact request that opened it (signed-in sender). */
  @ManyToOne(() => ContactRequestEntity, { nullable: true, deleteRule: 'set null' })
  contactRequest: ContactRequestEntity | null = null;

  /** A caller-chosen key (e.g. `violation:12`) under which system notices reuse one conversation. */
  @Property({ type: 'string', length: 120, nullable: true })
  threadKey: string | null = null;

  @Property({ type: 'integer', default: 0 })
  messageCount: Opt<number> = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastMessageAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** One message of a conversation. Messages are never edited. */
@Entity({ tableName: 'conversation_message' })
@Index({ properties: ['conversation', 'id'] })
export class ConversationMessageEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => ConversationEntity, { deleteRule: 'cascade' })
  conversation!: ConversationEntity;

  @Property({ type: 'string', length: 20, default: 'USER' })
  kind: Opt<MessageKind> = 'USER';

  /** The party that sent it. */
  @Property({ type: 'string', length: 10 })
  senderSide!: ConversationSide;

  /** The person who wrote it; null for system notices. */
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  sender: UserEntity | null = null;

  /** Plain text (English text of a system notice). */
  @Property({ type: 'text' })
  body!: string;

  /** Traditional Chinese text of a system notice; null for messages people wrote. */
  @Property({ type: 'text', nullable: true })
  bodyZhTw: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** How far one person has read a conversation (per-participant read marker). */
@Entity({ tableName: 'conversation_read' })
export class ConversationReadEntity {
  [PrimaryKeyProp]?: ['conversation', 'user'];

  @ManyToOne(() => ConversationEntity, { primary: true, deleteRule: 'cascade' })
  conversation!: ConversationEntity;

  @Index()
  @ManyToOne(() => UserEntity, { primary: true, deleteRule: 'cascade' })
  user!: UserEntity;

  /** The id of the last message this person has seen; later messages of the other party are unread. */
  @Property({ type: 'integer', default: 0 })
  lastReadMessageId: Opt<number> = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  readAt: Opt<Date> = new Date();
}

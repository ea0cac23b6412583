import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Locale } from '@marketplace/core';
import { UserEntity } from '../accounts/user.entity.js';

export type ContactTopic = 'ORDER' | 'PAYMENT' | 'OTHER';
export type ContactRequestStatus = 'OPEN' | 'CLOSED';

/** A message to customer service sent with the help center's contact form (by a guest or a shopper). */
@Entity({ tableName: 'contact_request' })
@Index({ properties: ['ip', 'createdAt'] })
@Index({ properties: ['status', 'createdAt'] })
export class ContactRequestEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 320 })
  email!: string;

  /** As the sender typed it; not checked against orders (a guest may not have an account). */
  @Property({ type: 'string', length: 40, nullable: true })
  orderNumber: string | null = null;

  @Property({ type: 'string', length: 10 })
  topic!: ContactTopic;

  @Property({ type: 'text' })
  message!: string;

  /** Language of the sender, for the reply. */
  @Property({ type: 'string', length: 10 })
  locale!: Locale;

  /** The signed-in sender, if any. */
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  user: UserEntity | null = null;

  /** Client address, kept for the per-address rate limit and abuse handling. */
  @Property({ type: 'string', length: 64 })
  ip!: string;

  @Property({ type: 'string', length: 10, default: 'OPEN' })
  status: Opt<ContactRequestStatus> = 'OPEN';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  /** When customer service marked it handled (status CLOSED). */
  @Property({ type: 'datetime', nullable: true })
  resolvedAt: Date | null = null;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  resolvedBy: UserEntity | null = null;

  /** Internal note of whoever handled it (never sent to the sender). */
  @Property({ type: 'text', nullable: true })
  resolutionNote: string | null = null;
}

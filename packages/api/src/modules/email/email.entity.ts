import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Locale } from '@marketplace/core';

export type EmailStatus = 'PENDING' | 'SENT' | 'FAILED';

/**
 * The outbox: every email is first a row written in the transaction of the event that causes it,
 * then delivered by a job (SMTP when configured; otherwise the row itself is the development mailbox).
 */
@Entity({ tableName: 'email_message' })
@Index({ properties: ['to', 'createdAt'] })
export class EmailMessageEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 320 })
  to!: string;

  @Property({ type: 'string', length: 10 })
  locale!: Locale;

  /** Which template produced it, e.g. `accounts.verify-email`. */
  @Property({ type: 'string', length: 80 })
  template!: string;

  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  html: string | null = null;

  @Property({ type: 'string', length: 10, default: 'PENDING' })
  status: Opt<EmailStatus> = 'PENDING';

  /** `smtp` or `dev-mailbox` once delivered. */
  @Property({ type: 'string', length: 20, nullable: true })
  transport: string | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;
}

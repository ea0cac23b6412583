import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';

/**
 * One line of the audit log: who did what to which subject, with the state before and after, the
 * reason and the request it came from. Append-only: the code never updates or deletes an entry and a
 * database trigger refuses it too.
 */
@Entity({
  tableName: 'audit_log_entry',
  triggers: [
    {
      name: 'audit_log_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'statement',
      body: `raise exception 'audit log entries are append-only'`,
    },
  ],
})
@Index({ properties: ['subjectType', 'subjectId', 'createdAt'] })
@Index({ properties: ['action', 'createdAt'] })
@Index({ properties: ['createdAt'] })
export class AuditLogEntryEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** The staff member (or user) who acted; null for the platform itself (a job, an automatic rule). */
  @Index()
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'restrict' })
  actor: UserEntity | null = null;

  /** Dotted, e.g. `violation.record`, `sanction.general_freeze.apply`, `merchant.safe_freeze`. */
  @Property({ type: 'string', length: 80 })
  action!: string;

  /** What the action was about: `USER`, `MERCHANT`, `VIOLATION`, `SANCTION`, `CLAIM`, `ORDER`, `PENALTY_RULE`, … */
  @Property({ type: 'string', length: 30 })
  subjectType!: string;

  @Property({ type: 'integer' })
  subjectId!: number;

  @Property({ type: 'json', nullable: true })
  before: Record<string, unknown> | null = null;

  @Property({ type: 'json', nullable: true })
  after: Record<string, unknown> | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  /** The id of the HTTP request that caused it (null for jobs). */
  @Property({ type: 'string', length: 100, nullable: true })
  requestId: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import type { AuditLogEntryEntity } from './audit.entity.js';

@ObjectType('AuditLogEntry', {
  description:
    'One append-only audit record: who did what to which subject, with the state before and after.',
})
export class AuditLogEntry {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Global `User` ID of the actor; null: the platform (job, rule).',
  })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'The actor’s display name; null: the platform.' })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: 'The actor’s email; null: the platform.' })
  actorEmail!: string | null;

  @Field({ description: 'What was done, e.g. `violation.record`, `sanction.general_freeze.apply`.' })
  action!: string;

  @Field({
    description: 'Kind of subject: USER, MERCHANT, VIOLATION, SANCTION, CLAIM, ORDER, PENALTY_RULE, …',
  })
  subjectType!: string;

  @Field(() => Int, { description: 'Database id of the subject (within its kind).' })
  subjectId!: number;

  @Field(() => String, { nullable: true, description: 'State before, as JSON text.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'State after, as JSON text.' })
  after!: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The HTTP request it came from (null for jobs).' })
  requestId!: string | null;

  @Field({ description: 'When it happened.' })
  createdAt!: Date;

  static from(row: AuditLogEntryEntity): AuditLogEntry {
    return Object.assign(new AuditLogEntry(), {
      id: toGlobalId('AuditLogEntry', row.id),
      actorId: row.actor ? toGlobalId('User', row.actor.id) : null,
      actorName: row.actor?.displayName ?? null,
      actorEmail: row.actor?.email ?? null,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      reason: row.reason,
      requestId: row.requestId,
      createdAt: row.createdAt,
    });
  }
}

const { Connection: AuditLogConnectionBase } = connectionTypes(AuditLogEntry, 'AuditLogEntry');
@ObjectType('AuditLogEntryConnection', { description: 'A page of audit records, newest first.' })
export class AuditLogEntryConnection extends AuditLogConnectionBase {}

@InputType('AuditLogFilter', { description: 'Narrows `auditLog`.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Only this actor (global `User` ID).' })
  actorId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the platform’s own records (jobs, automatic rules).',
  })
  systemOnly?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Exact action, or a prefix ending in `.` or `*` (e.g. `sanction.`).',
  })
  action?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only this kind of subject (USER, MERCHANT, VIOLATION, …).',
  })
  subjectType?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only this subject id (with `subjectType`).' })
  subjectId?: number | null;

  @Field(() => Date, { nullable: true, description: 'At or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before.' })
  to?: Date | null;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { UserEntity } from '../accounts/user.entity.js';
import { AuditLogEntryEntity } from './audit.entity.js';

/** JSON-serialisable snapshot of a subject's state (only what matters for the action). */
export type AuditSnapshot = Record<string, unknown> | null;

export interface AuditRecord {
  /** Who acted; null (or omitted) for the platform itself: jobs and automatic rules. */
  actorUserId?: number | null;
  /** Dotted action name, e.g. `violation.record`, `sanction.general_freeze.lift`. */
  action: string;
  /** `USER`, `MERCHANT`, `VIOLATION`, `SANCTION`, `CLAIM`, `ORDER`, `PENALTY_RULE`, … */
  subjectType: string;
  subjectId: number;
  before?: AuditSnapshot;
  after?: AuditSnapshot;
  reason?: string | null;
  /** Context.requestId when the action comes from an HTTP request. */
  requestId?: string | null;
  /** Defaults to now (the database clock through the entity default). */
  at?: Date;
}

/**
 * Appends one entry to the audit log inside the caller's transaction (pass the transaction's
 * EntityManager): the entry exists exactly when the action commits. Flushes immediately so a
 * failure surfaces inside the action.
 */
export async function recordAudit(em: EntityManager, record: AuditRecord): Promise<AuditLogEntryEntity> {
  const entry = em.create(AuditLogEntryEntity, {
    actor: record.actorUserId ? em.getReference(UserEntity, record.actorUserId) : null,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    before: normalize(record.before),
    after: normalize(record.after),
    reason: record.reason ?? null,
    requestId: record.requestId ?? null,
    ...(record.at ? { createdAt: record.at } : {}),
  });
  em.persist(entry);
  await em.flush();
  return entry;
}

/** Dates become ISO strings and undefined disappears, so what is stored is what is read back. */
function normalize(value: AuditSnapshot | undefined): AuditSnapshot {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

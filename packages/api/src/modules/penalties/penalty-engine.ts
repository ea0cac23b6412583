import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  autoGeneralFreezeEnd,
  correctionDeadline,
  ESCALATION_THRESHOLD,
  ESCALATION_WINDOW_DAYS,
  generalFreezeDue,
  statusAfterGeneralFreezeLift,
  statusUnderGeneralFreeze,
  violationTransition,
  warningOutcome,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { enqueue } from '../../jobs/job-queue.js';
import { UserEntity } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { notifyGeneralFreeze, notifyViolation } from './penalty-notices.js';
import {
  type EvidenceAttachment,
  type PenaltyRuleEntity,
  SanctionEntity,
  ViolationEntity,
} from './penalty.entity.js';
import {
  lockSubject,
  type PenaltySubject,
  setSubjectStatus,
  subjectColumn,
  subjectKey,
  subjectOf,
} from './standing.js';

/** Job: the correction deadline of one warning passed (payload `{ violationId }`). */
export const WARNING_DEADLINE = 'penalties.warning-deadline';
/** Job: a sanction's end date came (payload `{ sanctionId }`). */
export const SANCTION_END = 'penalties.sanction-end';

/** Who acts and under which request; a null actor is the platform (jobs, automatic rules). */
export interface Actor {
  userId: number | null;
  requestId: string | null;
}
export const SYSTEM: Actor = { userId: null, requestId: null };

const subjectRef = (s: PenaltySubject) => ({
  subjectType: s.type,
  user: s.type === 'USER' ? ({ id: s.userId } as UserEntity) : null,
  merchant: s.type === 'MERCHANT' ? ({ id: s.merchantId } as MerchantEntity) : null,
});

export function violationSnapshot(v: ViolationEntity) {
  return {
    id: v.id,
    status: v.status,
    rule: v.rule.code,
    correctionDueAt: v.correctionDueAt,
    correctedAt: v.correctedAt,
    correctionRequestedAt: v.correctionRequestedAt,
    repeatOf: v.repeatOf?.id ?? null,
  };
}

export interface NewViolation {
  subject: PenaltySubject;
  rule: PenaltyRuleEntity;
  evidence: string;
  attachments: EvidenceAttachment[];
  note: string | null;
  repeatOf: ViolationEntity | null;
  at: Date;
}

/**
 * Records a violation (a warning due in three days) in the caller's transaction: locks the subject,
 * schedules the deadline job, notifies the account, writes the audit entry, then applies the
 * escalation rule (more than three violations within 30 days → general freeze, once).
 */
export async function recordViolationTx(
  em: EntityManager,
  config: Config,
  actor: Actor,
  input: NewViolation,
): Promise<{ violation: ViolationEntity; freeze: SanctionEntity | null }> {
  const status = await lockSubject(em, input.subject);
  if (status === null) throw new Error('penalty subject vanished');
  const ref = subjectRef(input.subject);
  const violation = em.create(ViolationEntity, {
    subjectType: ref.subjectType,
    user: ref.user ? em.getReference(UserEntity, ref.user.id) : null,
    merchant: ref.merchant ? em.getReference(MerchantEntity, ref.merchant.id) : null,
    rule: input.rule,
    evidence: input.evidence,
    attachments: input.attachments,
    note: input.note,
    status: 'OPEN',
    recordedAt: input.at,
    correctionDueAt: correctionDeadline(input.at),
    recordedBy: actor.userId ? em.getReference(UserEntity, actor.userId) : null,
    repeatOf: input.repeatOf,
  });
  em.persist(violation);
  await em.flush();
  await enqueue(
    em,
    WARNING_DEADLINE,
    { violationId: violation.id },
    { runAt: violation.correctionDueAt, jobKey: `violation-deadline:${violation.id}` },
  );
  await notifyViolation(em, config, input.subject, violation, input.rule);
  await recordAudit(em, {
    actorUserId: actor.userId,
    action: input.repeatOf ? 'violation.record_automatic' : 'violation.record',
    subjectType: input.subject.type,
    subjectId: subjectKey(input.subject),
    before: null,
    after: violationSnapshot(violation),
    reason: input.repeatOf
      ? `Warning of violation #${input.repeatOf.id} not corrected by its deadline`
      : (input.note ?? input.evidence),
    requestId: actor.requestId,
    at: input.at,
  });
  const freeze = await escalateIfDue(em, config, input.subject, violation, input.at, actor.requestId);
  return { violation, freeze };
}

/** The escalation rule, evaluated under the subject's row lock (the caller holds it). */
async function escalateIfDue(
  em: EntityManager,
  config: Config,
  subject: PenaltySubject,
  violation: ViolationEntity,
  at: Date,
  requestId: string | null,
): Promise<SanctionEntity | null> {
  const rows = await em.execute<{ recorded_at: Date }[]>(
    `select recorded_at from violation where ${subjectColumn(subject)} = ? and recorded_at >= ? and recorded_at <= ?`,
    [subjectKey(subject), addDays(at, -ESCALATION_WINDOW_DAYS), at],
  );
  if (
    !generalFreezeDue(
      rows.map((r) => new Date(r.recorded_at)),
      at,
    )
  )
    return null;
  if (await activeGeneralFreeze(em, subject)) return null;
  return applyGeneralFreezeTx(
    em,
    config,
    { userId: null, requestId },
    {
      subject,
      reason: `More than ${ESCALATION_THRESHOLD} violations within ${ESCALATION_WINDOW_DAYS} days (${rows.length})`,
      endsAt: autoGeneralFreezeEnd(at),
      violation,
      at,
    },
  );
}

export function activeGeneralFreeze(em: EntityManager, s: PenaltySubject): Promise<SanctionEntity | null> {
  return em.findOne(
    SanctionEntity,
    {
      kind: 'GENERAL_FREEZE',
      liftedAt: null,
      ...(s.type === 'USER' ? { user: s.userId } : { merchant: s.merchantId }),
    },
    { orderBy: { id: 'desc' } },
  );
}

/**
 * Starts a general freeze (the caller has locked the subject and checked there is no active one):
 * the sanction row, the status (never weakening a stronger one), the end-date job, the notice and
 * the audit entry.
 */
export async function applyGeneralFreezeTx(
  em: EntityManager,
  config: Config,
  actor: Actor,
  input: {
    subject: PenaltySubject;
    reason: string;
    endsAt: Date | null;
    violation: ViolationEntity | null;
    at: Date;
  },
): Promise<SanctionEntity> {
  const before = await lockSubject(em, input.subject);
  if (before === null) throw new Error('penalty subject vanished');
  const ref = subjectRef(input.subject);
  const sanction = em.create(SanctionEntity, {
    kind: 'GENERAL_FREEZE',
    subjectType: ref.subjectType,
    user: ref.user ? em.getReference(UserEntity, ref.user.id) : null,
    merchant: ref.merchant ? em.getReference(MerchantEntity, ref.merchant.id) : null,
    violation: input.violation,
    reason: input.reason,
    automatic: actor.userId === null,
    startsAt: input.at,
    endsAt: input.endsAt,
    createdBy: actor.userId ? em.getReference(UserEntity, actor.userId) : null,
  });
  em.persist(sanction);
  await em.flush();
  const after = statusUnderGeneralFreeze(before);
  if (after !== before) await setSubjectStatus(em, input.subject, after);
  if (input.endsAt)
    await enqueue(
      em,
      SANCTION_END,
      { sanctionId: sanction.id },
      { runAt: input.endsAt, jobKey: `sanction-end:${sanction.id}` },
    );
  await notifyGeneralFreeze(em, config, input.subject, sanction, 'APPLIED');
  await recordAudit(em, {
    actorUserId: actor.userId,
    action: 'sanction.general_freeze.apply',
    subjectType: input.subject.type,
    subjectId: subjectKey(input.subject),
    before: { status: before },
    after: { status: after, sanctionId: sanction.id, endsAt: input.endsAt, automatic: sanction.automatic },
    reason: input.reason,
    requestId: actor.requestId,
    at: input.at,
  });
  return sanction;
}

/**
 * Lifts a general freeze (by staff, or `expired` at its end date): marks the sanction lifted and, when
 * no other general freeze of the subject remains, returns a GENERAL_FROZEN status to ACTIVE (a
 * stronger status such as SAFE_FROZEN stays). The caller has locked the subject.
 */
export async function liftGeneralFreezeTx(
  em: EntityManager,
  config: Config,
  actor: Actor,
  sanction: SanctionEntity,
  input: { reason: string; at: Date; expired: boolean },
): Promise<void> {
  const subject = subjectOf(sanction);
  const before = await lockSubject(em, subject);
  if (before === null) throw new Error('penalty subject vanished');
  sanction.liftedAt = input.at;
  sanction.liftedBy = actor.userId ? em.getReference(UserEntity, actor.userId) : null;
  sanction.liftReason = input.reason;
  await em.flush();
  const remaining = await activeGeneralFreeze(em, subject);
  const after = remaining ? before : statusAfterGeneralFreezeLift(before);
  if (after !== before) await setSubjectStatus(em, subject, after);
  await notifyGeneralFreeze(em, config, subject, sanction, 'LIFTED');
  await recordAudit(em, {
    actorUserId: actor.userId,
    action: input.expired ? 'sanction.general_freeze.expire' : 'sanction.general_freeze.lift',
    subjectType: subject.type,
    subjectId: subjectKey(subject),
    before: { status: before, sanctionId: sanction.id },
    after: { status: after, sanctionId: sanction.id, liftedAt: input.at },
    reason: input.reason,
    requestId: actor.requestId,
    at: input.at,
  });
}

/**
 * The deadline job's work at `now`: a warning still not corrected becomes UNCORRECTED and a second
 * violation (same rule, `repeatOf`) is recorded by the platform. Idempotent: the violation row is
 * locked and a warning already handled is left alone; a job that runs early is rescheduled.
 */
export async function expireWarning(
  em: EntityManager,
  config: Config,
  violationId: number,
  now: Date,
): Promise<ViolationEntity | null> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<{ user_id: number | null; merchant_id: number | null }[]>(
      'select user_id, merchant_id from violation where id = ?',
      [violationId],
    );
    if (!row) return null;
    // Subject first, then the violation: the same lock order as recording a violation.
    await lockSubject(
      tx,
      row.user_id
        ? { type: 'USER', userId: row.user_id }
        : { type: 'MERCHANT', merchantId: row.merchant_id! },
    );
    await tx.execute('select id from violation where id = ? for update', [violationId]);
    const v = await tx.findOneOrFail(
      ViolationEntity,
      { id: violationId },
      { populate: ['rule', 'repeatOf'], refresh: true },
    );
    const outcome = warningOutcome(v, now);
    if (outcome === 'NONE') return null;
    if (outcome === 'WAIT') {
      await enqueue(
        tx,
        WARNING_DEADLINE,
        { violationId },
        { runAt: v.correctionDueAt, jobKey: `violation-deadline:${v.id}` },
      );
      return null;
    }
    const before = violationSnapshot(v);
    v.status = violationTransition(v.status, 'EXPIRE')!;
    await tx.flush();
    const subject = subjectOf(v);
    await recordAudit(tx, {
      action: 'violation.uncorrected',
      subjectType: 'VIOLATION',
      subjectId: v.id,
      before,
      after: violationSnapshot(v),
      reason: 'The correction deadline passed',
      at: now,
    });
    const { violation } = await recordViolationTx(tx, config, SYSTEM, {
      subject,
      rule: v.rule,
      evidence: `The warning of violation #${v.id} (${v.rule.titleEn}) was not marked corrected by its deadline.`,
      attachments: [],
      note: null,
      repeatOf: v,
      at: now,
    });
    return violation;
  });
}

/** The end-date job's work at `now`: lifts the sanction if it is still active and due. */
export async function endSanction(
  em: EntityManager,
  config: Config,
  sanctionId: number,
  now: Date,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<{ user_id: number | null; merchant_id: number | null }[]>(
      'select user_id, merchant_id from sanction where id = ?',
      [sanctionId],
    );
    if (!row) return false;
    await lockSubject(
      tx,
      row.user_id
        ? { type: 'USER', userId: row.user_id }
        : { type: 'MERCHANT', merchantId: row.merchant_id! },
    );
    const sanction = await tx.findOne(SanctionEntity, { id: sanctionId }, { refresh: true });
    if (!sanction || sanction.liftedAt || !sanction.endsAt || sanction.kind !== 'GENERAL_FREEZE')
      return false;
    if (sanction.endsAt.getTime() > now.getTime()) {
      await enqueue(
        tx,
        SANCTION_END,
        { sanctionId },
        { runAt: sanction.endsAt, jobKey: `sanction-end:${sanctionId}` },
      );
      return false;
    }
    await liftGeneralFreezeTx(tx, config, SYSTEM, sanction, {
      reason: 'The general freeze reached its end date',
      at: now,
      expired: true,
    });
    return true;
  });
}

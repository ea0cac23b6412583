import type { EntityManager } from '@mikro-orm/postgresql';
import type { PenaltySubjectType } from '@marketplace/core';
import { SanctionEntity, ViolationEntity } from './penalty.entity.js';

/** Whom a violation or sanction is about: a user account or a store. */
export type PenaltySubject = { type: 'USER'; userId: number } | { type: 'MERCHANT'; merchantId: number };

export function subjectOf(row: {
  subjectType: PenaltySubjectType;
  user: { id: number } | null;
  merchant: { id: number } | null;
}): PenaltySubject {
  return row.subjectType === 'USER'
    ? { type: 'USER', userId: row.user!.id }
    : { type: 'MERCHANT', merchantId: row.merchant!.id };
}

export const subjectTable = (s: PenaltySubject) => (s.type === 'USER' ? 'user_account' : 'merchant');
export const subjectColumn = (s: PenaltySubject) => (s.type === 'USER' ? 'user_id' : 'merchant_id');
export const subjectKey = (s: PenaltySubject) => (s.type === 'USER' ? s.userId : s.merchantId);
/** Where clause for the MikroORM entities that carry a subject (violation, sanction). */
export const subjectWhere = (s: PenaltySubject) =>
  s.type === 'USER' ? { user: s.userId } : { merchant: s.merchantId };

/**
 * Locks the subject's row (`user_account` or `merchant`) for the rest of the transaction and returns
 * its status; null if it does not exist. Every penalty change of one subject starts with this lock, so
 * two violations recorded at once are counted one after the other and escalate once.
 */
export async function lockSubject(em: EntityManager, s: PenaltySubject): Promise<string | null> {
  const [row] = await em.execute<{ status: string }[]>(
    `select status from "${subjectTable(s)}" where id = ? for update`,
    [subjectKey(s)],
  );
  return row?.status ?? null;
}

export async function setSubjectStatus(em: EntityManager, s: PenaltySubject, status: string): Promise<void> {
  await em.execute(`update "${subjectTable(s)}" set status = ? where id = ?`, [status, subjectKey(s)]);
}

/** Active (not lifted) sanctions of a user or a store, newest first: reason and end date for banners. */
export function activeSanctions(
  em: EntityManager,
  who: { userId?: number | null; merchantId?: number | null },
): Promise<SanctionEntity[]> {
  const or = [
    ...(who.userId ? [{ user: who.userId }] : []),
    ...(who.merchantId ? [{ merchant: who.merchantId }] : []),
  ];
  if (or.length === 0) return Promise.resolve([]);
  return em.find(SanctionEntity, { liftedAt: null, $or: or }, { orderBy: { startsAt: 'desc', id: 'desc' } });
}

/** Warnings still to be corrected (OPEN or CORRECTION_REQUESTED), soonest deadline first. */
export function openWarnings(
  em: EntityManager,
  who: { userId?: number | null; merchantId?: number | null },
): Promise<ViolationEntity[]> {
  const or = [
    ...(who.userId ? [{ user: who.userId }] : []),
    ...(who.merchantId ? [{ merchant: who.merchantId }] : []),
  ];
  if (or.length === 0) return Promise.resolve([]);
  return em.find(
    ViolationEntity,
    { status: { $in: ['OPEN', 'CORRECTION_REQUESTED'] }, $or: or },
    { orderBy: { correctionDueAt: 'asc', id: 'asc' }, populate: ['rule'] },
  );
}

/** Whether the user or store is under a general freeze that has not been lifted. */
export async function hasActiveGeneralFreeze(
  em: EntityManager,
  who: { userId: number } | { merchantId: number },
): Promise<boolean> {
  const [column, id] = 'userId' in who ? ['user_id', who.userId] : ['merchant_id', who.merchantId];
  const rows = await em.execute(
    `select 1 from sanction where kind = 'GENERAL_FREEZE' and lifted_at is null and ${column} = ? limit 1`,
    [id],
  );
  return rows.length > 0;
}

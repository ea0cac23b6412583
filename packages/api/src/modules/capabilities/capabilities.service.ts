import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AccountStatus,
  type CapabilityAction,
  capabilityFor,
  isAccountStatus,
  MERCHANT_STATUSES,
  type MerchantStatus,
  type RestrictionKind,
  type RestrictionSubject,
  restrictedActions,
  type Standing,
  standingRestrictions,
} from '@marketplace/core';
import type { Viewer } from '../accounts/viewer.js';

/**
 * The one capability check (see README.md): the viewer's standing (own account status + store status) against
 * the matrix in @marketplace/core. Services call `requireCapability` inside their transaction; the schema guard
 * (capability-guard.ts) calls it for every Mutation field from `MUTATION_CAPABILITIES`.
 */

/** A sanction in force, with what T2's `sanction` table says about it (reason, dates) when there is a row. */
export interface ActiveSanction {
  subject: RestrictionSubject;
  kind: RestrictionKind;
  reason: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** Why an action is refused: what the answer and the banner show. */
export interface CapabilityRefused {
  action: CapabilityAction;
  subject: RestrictionSubject;
  kind: RestrictionKind;
  reason: string | null;
  endsAt: Date | null;
  /** English; clients translate by code and show `viewer.standing`. */
  message: string;
}

/**
 * Thrown by `requireCapability`. It is not a `Refusal` on purpose: `inTransaction` rolls back and re-throws it,
 * and the schema guard answers it with the mutation's typed userError or a top-level FORBIDDEN (README.md).
 */
export class CapabilityRefusal extends Error {
  constructor(readonly refused: CapabilityRefused) {
    super(refused.message);
    this.name = 'CapabilityRefusal';
  }
}

export interface CapabilityOptions {
  /** Check this store's status instead of the viewer's own store (e.g. an admin acting on a store's data). */
  merchantId?: number | null;
  /** Share-lock the store row (inside a transaction): a concurrent freeze waits for this change or is seen by it. */
  lock?: boolean;
}

function isMerchantStatus(value: unknown): value is MerchantStatus {
  return typeof value === 'string' && (MERCHANT_STATUSES as readonly string[]).includes(value);
}

/** The standing of the viewer (and of a store): statuses read fresh with `em`. */
export async function loadStanding(
  em: EntityManager,
  viewer: Pick<Viewer, 'userId' | 'merchantId' | 'standing'>,
  opts: CapabilityOptions = {},
): Promise<Standing> {
  // Read with the session at the start of this request (session.service.ts): no second read.
  if (viewer.standing && !opts.lock && opts.merchantId === undefined) return viewer.standing;
  const [user] = await em.execute<{ status: string }[]>('select status from user_account where id = ?', [
    viewer.userId,
  ]);
  // An unknown status is treated as the strongest sanction rather than as good standing.
  const account: AccountStatus = isAccountStatus(user?.status) ? user.status : 'DELETED';
  const merchantId = opts.merchantId !== undefined ? opts.merchantId : viewer.merchantId;
  if (merchantId === null || merchantId === undefined) return { account, store: null };
  const [store] = await em.execute<{ status: string }[]>(
    `select status from merchant where id = ?${opts.lock ? ' for share' : ''}`,
    [merchantId],
  );
  const status = store?.status;
  return { account, store: store === undefined ? null : isMerchantStatus(status) ? status : 'DELETED' };
}

interface SanctionRow {
  kind: string;
  subject_type: string;
  reason: string;
  starts_at: Date | string;
  ends_at: Date | string | null;
}

const asDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** The active sanction rows (T2's `sanction` table) of the account and of the store, newest first. */
export async function sanctionRecords(
  em: EntityManager,
  ids: { userId: number; merchantId: number | null },
): Promise<SanctionRow[]> {
  return em.execute<SanctionRow[]>(
    `select kind, subject_type, reason, starts_at, ends_at from sanction
     where lifted_at is null and (user_id = ? or (merchant_id is not null and merchant_id = ?))
     order by starts_at desc, id desc`,
    [ids.userId, ids.merchantId ?? -1],
  );
}

/** The record behind a restriction (same subject, same kind), newest first. */
function recordFor(
  rows: SanctionRow[],
  subject: RestrictionSubject,
  kind: RestrictionKind,
): SanctionRow | null {
  const subjectType = subject === 'ACCOUNT' ? 'USER' : 'MERCHANT';
  // A deletion is recorded as DELETION, a disabled account or store has no sanction row.
  return rows.find((r) => r.subject_type === subjectType && r.kind === kind) ?? null;
}

export function describeSanction(subject: RestrictionSubject, kind: RestrictionKind): string {
  const whose = subject === 'ACCOUNT' ? 'Your account' : 'Your store';
  switch (kind) {
    case 'GENERAL_FREEZE':
      return `${whose} is under a general freeze`;
    case 'SAFE_FREEZE':
      return `${whose} is under a safe freeze`;
    case 'DISABLED':
      return `${whose} is disabled`;
    case 'DELETION':
      return `${whose} has been deleted`;
  }
}

/** Null when the viewer's standing allows the action (a guest passes: authentication is checked elsewhere). */
export async function checkCapability(
  em: EntityManager,
  viewer: Viewer | null,
  action: CapabilityAction,
  opts: CapabilityOptions = {},
): Promise<CapabilityRefused | null> {
  if (!viewer) return null;
  const standing = await loadStanding(em, viewer, opts);
  const result = capabilityFor(standing, action);
  if (result.allowed) return null;
  const merchantId = opts.merchantId !== undefined ? opts.merchantId : viewer.merchantId;
  return refusalOf(em, action, result.refusedBy, { userId: viewer.userId, merchantId });
}

/**
 * The store's standing alone (whoever acts on its data: its staff, or platform staff acting for it), for
 * services that answer with their own userError. The acting viewer's own standing is checked by the guard.
 */
export async function checkStoreCapability(
  em: EntityManager,
  merchantId: number,
  action: CapabilityAction,
  opts: Pick<CapabilityOptions, 'lock'> = {},
): Promise<CapabilityRefused | null> {
  const [store] = await em.execute<{ status: string }[]>(
    `select status from merchant where id = ?${opts.lock ? ' for share' : ''}`,
    [merchantId],
  );
  const status = isMerchantStatus(store?.status) ? store.status : 'DELETED';
  const result = capabilityFor({ account: 'ACTIVE', store: status }, action);
  if (result.allowed) return null;
  return refusalOf(em, action, result.refusedBy, { userId: -1, merchantId });
}

async function refusalOf(
  em: EntityManager,
  action: CapabilityAction,
  { subject, kind }: { subject: RestrictionSubject; kind: RestrictionKind },
  ids: { userId: number; merchantId: number | null },
): Promise<CapabilityRefused> {
  const record = recordFor(await sanctionRecords(em, ids), subject, kind);
  const endsAt = record ? asDate(record.ends_at) : null;
  const until = endsAt ? ` until ${endsAt.toISOString()}` : '';
  const because = record?.reason ? `: ${record.reason}` : '';
  return {
    action,
    subject,
    kind,
    reason: record?.reason ?? null,
    endsAt,
    message: `${describeSanction(subject, kind)}${until}${because}. Not allowed now: ${action}.`,
  };
}

/** Returns when the viewer's standing allows the action; otherwise throws `CapabilityRefusal` (README.md). */
export async function requireCapability(
  em: EntityManager,
  viewer: Viewer | null,
  action: CapabilityAction,
  opts: CapabilityOptions = {},
): Promise<void> {
  const refused = await checkCapability(em, viewer, action, opts);
  if (refused) throw new CapabilityRefusal(refused);
}

export interface StandingView {
  standing: Standing;
  sanctions: ActiveSanction[];
  restrictions: CapabilityAction[];
  warnings: { ruleEn: string; ruleZh: string; correctionDueAt: Date; correctionRequested: boolean }[];
}

/** Everything the banner shows for an account (and its store): statuses, sanctions with reasons, open warnings. */
export async function viewStanding(
  em: EntityManager,
  ids: { userId: number; merchantId: number | null },
): Promise<StandingView> {
  const standing = await loadStanding(em, ids);
  const restricted = standingRestrictions(standing);
  const rows = restricted.length > 0 ? await sanctionRecords(em, ids) : [];
  const sanctions = restricted.map(({ subject, kind }) => {
    const record = recordFor(rows, subject, kind);
    return {
      subject,
      kind,
      reason: record?.reason ?? null,
      startsAt: record ? asDate(record.starts_at) : null,
      endsAt: record ? asDate(record.ends_at) : null,
    };
  });
  const warnings = await em.execute<
    { title_en: string; title_zh: string; correction_due_at: Date | string; status: string }[]
  >(
    `select r.title_en, r.title_zh, v.correction_due_at, v.status
         from violation v join penalty_rule r on r.id = v.rule_id
         where v.status in ('OPEN', 'CORRECTION_REQUESTED')
           and (v.user_id = ? or (v.merchant_id is not null and v.merchant_id = ?))
         order by v.correction_due_at, v.id`,
    [ids.userId, ids.merchantId ?? -1],
  );
  return {
    standing,
    sanctions,
    restrictions: restrictedActions(standing),
    warnings: warnings.map((w) => ({
      ruleEn: w.title_en,
      ruleZh: w.title_zh,
      correctionDueAt: new Date(w.correction_due_at),
      correctionRequested: w.status === 'CORRECTION_REQUESTED',
    })),
  };
}

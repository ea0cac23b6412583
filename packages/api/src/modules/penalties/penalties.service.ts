import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  PENALTY_SUBJECT_TYPES,
  type PenaltySubjectType,
  SANCTION_KINDS,
  type SanctionKind,
  VIOLATION_STATUSES,
  type ViolationStatus,
  violationTransition,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  decodeGlobalId,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireRole, requireViewer } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { readStoredUpload } from '../catalog-admin/media-uploads.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { evidencePath, moveUploadToEvidence } from './evidence-media.js';
import { notifyCorrection } from './penalty-notices.js';
import {
  type Actor,
  activeGeneralFreeze,
  applyGeneralFreezeTx,
  liftGeneralFreezeTx,
  recordViolationTx,
  violationSnapshot,
} from './penalty-engine.js';
import {
  type EvidenceAttachment,
  PenaltyRuleEntity,
  SanctionEntity,
  ViolationEntity,
} from './penalty.entity.js';
import { lockSubject, type PenaltySubject, subjectKey, subjectOf } from './standing.js';

export const MAX_EVIDENCE = 5000;
export const MAX_NOTE = 2000;
export const MAX_REASON = 1000;
export const MAX_ATTACHMENTS = 10;
const RULE_CODE = /^[A-Z][A-Z0-9_]{1,59}$/;

export type RuleErrorCode = 'RULE_NOT_FOUND' | 'CODE_INVALID' | 'CODE_TAKEN' | 'TITLE_REQUIRED' | 'TOO_LONG';
export type ViolationErrorCode =
  | 'SUBJECT_NOT_FOUND'
  | 'SUBJECT_NOT_PENALIZABLE'
  | 'RULE_NOT_FOUND'
  | 'RULE_INACTIVE'
  | 'EVIDENCE_REQUIRED'
  | 'TOO_LONG'
  | 'ATTACHMENT_INVALID'
  | 'TOO_MANY_ATTACHMENTS'
  | 'VIOLATION_NOT_FOUND'
  | 'INVALID_STATUS'
  | 'REASON_REQUIRED';
export type FreezeErrorCode =
  | 'SUBJECT_NOT_FOUND'
  | 'SUBJECT_NOT_PENALIZABLE'
  | 'REASON_REQUIRED'
  | 'TOO_LONG'
  | 'END_NOT_IN_FUTURE'
  | 'ALREADY_FROZEN'
  | 'NOT_FROZEN';

type Err<C> = { code: C; message: string; field: string[] | null };
type Result<T, C> = T & { userErrors: Err<C>[] };

export interface PenaltyRuleInput {
  code?: string | null;
  titleEn?: string | null;
  titleZh?: string | null;
  descriptionEn?: string | null;
  descriptionZh?: string | null;
  active?: boolean | null;
}

export interface SubjectRef {
  subjectType: PenaltySubjectType;
  /** Global ID (`User`/`Merchant`), an email (users) or a store handle (merchants). */
  subject: string;
}

export interface RecordViolationInput extends SubjectRef {
  ruleId: string;
  evidence: string;
  attachmentUploadIds?: string[] | null;
  note?: string | null;
}

export interface ViolationFilter {
  subjectType?: PenaltySubjectType | null;
  subject?: string | null;
  ruleId?: string | null;
  status?: ViolationStatus | null;
  from?: Date | null;
  to?: Date | null;
}

export interface SanctionFilter {
  subjectType?: PenaltySubjectType | null;
  subject?: string | null;
  kind?: SanctionKind | null;
  activeOnly?: boolean | null;
}

export interface Page {
  first?: number | null;
  after?: string | null;
}

const pageSize = (first: number | null | undefined) => {
  if (first !== null && first !== undefined && (first < 1 || first > 100))
    throw new PublicError('BAD_USER_INPUT', '`first` must be between 1 and 100.');
  return first ?? 20;
};

/**
 * Violations, warnings and general freezes. Platform staff (admins and customer service) record
 * violations and confirm corrections; admins alone edit the rule list and apply or lift general
 * freezes; the affected shopper or store reads its own violations and reports corrections.
 */
export class PenaltiesService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
    private readonly requestId: string | null = null,
  ) {}

  /** The same use cases, recording `requestId` (Context.requestId) in the audit entries they write. */
  forRequest(requestId: string): PenaltiesService {
    return new PenaltiesService(this.em, this.viewer, this.config, requestId);
  }

  private actor(viewer: Viewer): Actor {
    return { userId: viewer.userId, requestId: this.requestId };
  }

  // ---------------------------------------------------------------- rules

  async penaltyRules(includeInactive: boolean): Promise<PenaltyRuleEntity[]> {
    requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    return this.em.find(PenaltyRuleEntity, includeInactive ? {} : { active: true }, {
      orderBy: { active: 'desc', code: 'asc' },
    });
  }

  async createPenaltyRule(
    input: PenaltyRuleInput,
  ): Promise<Result<{ rule: PenaltyRuleEntity | null }, RuleErrorCode>> {
    const viewer = requireRole(this.viewer, 'ADMIN');
    const fail = (code: RuleErrorCode, message: string, field: string) => ({
      rule: null,
      userErrors: [userError(code, message, ['input', field])],
    });
    const code = (input.code ?? '').trim().toUpperCase();
    if (!RULE_CODE.test(code))
      return fail(
        'CODE_INVALID',
        'Use 2–60 capital letters, digits or underscores, starting with a letter.',
        'code',
      );
    const texts = this.ruleTexts(input, null);
    if ('error' in texts) return fail(texts.error.code, texts.error.message, texts.error.field);
    return inTransaction(this.em, async (em) => {
      // Serialises two admins creating the same code; the unique index is the last line of defence.
      await em.execute(`select pg_advisory_xact_lock(hashtext('penalty-rule-code'))`);
      if (await em.count(PenaltyRuleEntity, { code }))
        throw new Refusal(fail('CODE_TAKEN', 'A rule with this code already exists.', 'code'));
      const rule = em.create(PenaltyRuleEntity, { code, ...texts.value, active: input.active ?? true });
      em.persist(rule);
      await em.flush();
      await recordAudit(em, {
        actorUserId: viewer.userId,
        action: 'penalty_rule.create',
        subjectType: 'PENALTY_RULE',
        subjectId: rule.id,
        after: ruleSnapshot(rule),
        requestId: this.requestId,
      });
      return { rule, userErrors: [] };
    });
  }

  async updatePenaltyRule(
    ruleGlobalId: string,
    input: PenaltyRuleInput,
  ): Promise<Result<{ rule: PenaltyRuleEntity | null }, RuleErrorCode>> {
    const viewer = requireRole(this.viewer, 'ADMIN');
    const fail = (code: RuleErrorCode, message: string, field: string) => ({
      rule: null,
      userErrors: [userError(code, message, ['input', field])],
    });
    const id = fromGlobalId(ruleGlobalId, 'PenaltyRule');
    return inTransaction(this.em, async (em) => {
      const rule =
        id === null
          ? null
          : await em.findOne(PenaltyRuleEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!rule) return fail('RULE_NOT_FOUND', 'There is no rule with this ID.', 'id');
      const texts = this.ruleTexts(input, rule);
      if ('error' in texts) return fail(texts.error.code, texts.error.message, texts.error.field);
      const before = ruleSnapshot(rule);
      Object.assign(rule, texts.value);
      if (input.active !== null && input.active !== undefined) rule.active = input.active;
      rule.updatedAt = new Date();
      await em.flush();
      await recordAudit(em, {
        actorUserId: viewer.userId,
        action: 'penalty_rule.update',
        subjectType: 'PENALTY_RULE',
        subjectId: rule.id,
        before,
        after: ruleSnapshot(rule),
        requestId: this.requestId,
      });
      return { rule, userErrors: [] };
    });
  }

  private ruleTexts(
    input: PenaltyRuleInput,
    current: PenaltyRuleEntity | null,
  ):
    | { value: { titleEn: string; titleZh: string; descriptionEn: string; descriptionZh: string } }
    | { error: { code: RuleErrorCode; message: string; field: string } } {
    const pick = (v: string | null | undefined, fallback: string) =>
      v === null || v === undefined ? fallback : v.trim();
    const value = {
      titleEn: pick(input.titleEn, current?.titleEn ?? ''),
      titleZh: pick(input.titleZh, current?.titleZh ?? ''),
      descriptionEn: pick(input.descriptionEn, current?.descriptionEn ?? ''),
      descriptionZh: pick(input.descriptionZh, current?.descriptionZh ?? ''),
    };
    for (const field of ['titleEn', 'titleZh'] as const) {
      if (!value[field])
        return { error: { code: 'TITLE_REQUIRED', message: 'Enter a title in both languages.', field } };
      if (value[field].length > 200)
        return { error: { code: 'TOO_LONG', message: 'Titles are at most 200 characters.', field } };
    }
    for (const field of ['descriptionEn', 'descriptionZh'] as const)
      if (value[field].length > MAX_EVIDENCE)
        return {
          error: { code: 'TOO_LONG', message: `Descriptions are at most ${MAX_EVIDENCE} characters.`, field },
        };
    return { value };
  }

  // ---------------------------------------------------------------- subjects

  /** Finds the user or store a staff input names (global ID, email or handle); null if unknown. */
  private async findSubject(
    em: EntityManager,
    ref: SubjectRef,
  ): Promise<{ subject: PenaltySubject; penalizable: boolean } | null> {
    const raw = ref.subject.trim();
    if (!raw || raw.length > 320 || !(PENALTY_SUBJECT_TYPES as readonly string[]).includes(ref.subjectType))
      return null;
    const decoded = decodeGlobalId(raw);
    if (ref.subjectType === 'USER') {
      const user = decoded
        ? decoded.type === 'User'
          ? await em.findOne(UserEntity, { id: decoded.id })
          : null
        : await em.findOne(UserEntity, { email: raw.toLowerCase() });
      if (!user) return null;
      return {
        subject: { type: 'USER', userId: user.id },
        penalizable: user.role === 'SHOPPER' || user.role === 'MERCHANT_STAFF',
      };
    }
    const merchant = decoded
      ? decoded.type === 'Merchant'
        ? await em.findOne(MerchantEntity, { id: decoded.id })
        : null
      : await em.findOne(MerchantEntity, { handle: raw.toLowerCase() });
    if (!merchant) return null;
    return {
      subject: { type: 'MERCHANT', merchantId: merchant.id },
      penalizable: merchant.status !== 'DELETED',
    };
  }

  // ---------------------------------------------------------------- violations

  async recordViolation(
    input: RecordViolationInput,
  ): Promise<
    Result<{ violation: ViolationEntity | null; generalFreeze: SanctionEntity | null }, ViolationErrorCode>
  > {
    const viewer = requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    const fail = (code: ViolationErrorCode, message: string, field: string) => ({
      violation: null,
      generalFreeze: null,
      userErrors: [userError(code, message, ['input', field])],
    });
    const evidence = (input.evidence ?? '').trim();
    const note = input.note?.trim() || null;
    const uploads = input.attachmentUploadIds ?? [];
    if (!evidence) return fail('EVIDENCE_REQUIRED', 'Describe the evidence.', 'evidence');
    if (evidence.length > MAX_EVIDENCE)
      return fail('TOO_LONG', `The evidence is at most ${MAX_EVIDENCE} characters.`, 'evidence');
    if (note && note.length > MAX_NOTE)
      return fail('TOO_LONG', `The note is at most ${MAX_NOTE} characters.`, 'note');
    if (uploads.length > MAX_ATTACHMENTS)
      return fail('TOO_MANY_ATTACHMENTS', `At most ${MAX_ATTACHMENTS} attachments.`, 'attachmentUploadIds');
    const attachments: EvidenceAttachment[] = [];
    for (const uploadId of new Set(uploads)) {
      const stored = await readStoredUpload(this.config.mediaDir, uploadId);
      if (!stored)
        return fail(
          'ATTACHMENT_INVALID',
          'An attachment was not found; upload it again.',
          'attachmentUploadIds',
        );
      // Evidence is not public: it moves out of products/ once the violation is committed.
      attachments.push({ uploadId, path: evidencePath(uploadId) });
    }
    const recorded = await inTransaction(this.em, async (em) => {
      const found = await this.findSubject(em, input);
      if (!found) return fail('SUBJECT_NOT_FOUND', 'There is no such account or store.', 'subject');
      if (!found.penalizable)
        return fail(
          'SUBJECT_NOT_PENALIZABLE',
          'Violations are recorded against shoppers, merchant staff and stores.',
          'subject',
        );
      if (found.subject.type === 'USER' && found.subject.userId === viewer.userId)
        return fail('SUBJECT_NOT_PENALIZABLE', 'You cannot record a violation against yourself.', 'subject');
      const ruleId = fromGlobalId(input.ruleId, 'PenaltyRule');
      const rule = ruleId === null ? null : await em.findOne(PenaltyRuleEntity, { id: ruleId });
      if (!rule) return fail('RULE_NOT_FOUND', 'There is no rule with this ID.', 'ruleId');
      if (!rule.active) return fail('RULE_INACTIVE', 'This rule is no longer used.', 'ruleId');
      const { violation, freeze } = await recordViolationTx(em, this.config, this.actor(viewer), {
        subject: found.subject,
        rule,
        evidence,
        attachments,
        note,
        repeatOf: null,
        at: new Date(),
      });
      return { violation, generalFreeze: freeze, userErrors: [] };
    });
    if (recorded.violation)
      for (const a of attachments) await moveUploadToEvidence(this.config.mediaDir, a.uploadId);
    return recorded;
  }

  /** Locks and loads a violation for a change; staff see every one, an affected account its own. */
  private async lockViolation(
    em: EntityManager,
    globalId: string,
    viewer: Viewer,
    ownOnly: boolean,
  ): Promise<ViolationEntity | null> {
    const id = fromGlobalId(globalId, 'Violation');
    if (id === null) return null;
    const [row] = await em.execute<{ user_id: number | null; merchant_id: number | null }[]>(
      'select user_id, merchant_id from violation where id = ?',
      [id],
    );
    if (!row) return null;
    if (!(ownOnly ? this.isAffected(viewer, row) : this.mayRead(viewer, row))) return null;
    await lockSubject(
      em,
      row.user_id
        ? { type: 'USER', userId: row.user_id }
        : { type: 'MERCHANT', merchantId: row.merchant_id! },
    );
    await em.execute('select id from violation where id = ? for update', [id]);
    return em.findOne(ViolationEntity, { id }, { populate: ['rule', 'repeatOf'], refresh: true });
  }

  private mayRead(viewer: Viewer, row: { user_id: number | null; merchant_id: number | null }): boolean {
    return viewer.role === 'ADMIN' || viewer.role === 'CUSTOMER_SERVICE' || this.isAffected(viewer, row);
  }

  /** The violation is against the viewer's own account or, for merchant staff, their store. */
  private isAffected(viewer: Viewer, row: { user_id: number | null; merchant_id: number | null }): boolean {
    if (row.user_id !== null) return row.user_id === viewer.userId;
    return (
      viewer.role === 'MERCHANT_STAFF' && viewer.merchantId !== null && row.merchant_id === viewer.merchantId
    );
  }

  async markViolationCorrected(
    violationId: string,
    note: string | null | undefined,
  ): Promise<Result<{ violation: ViolationEntity | null }, ViolationErrorCode>> {
    const viewer = requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    return this.changeViolation(viewer, violationId, 'MARK_CORRECTED', note, false);
  }

  async rejectViolationCorrection(
    violationId: string,
    reason: string,
  ): Promise<Result<{ violation: ViolationEntity | null }, ViolationErrorCode>> {
    const viewer = requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    return this.changeViolation(viewer, violationId, 'REJECT_CORRECTION', reason, true);
  }

  /** The affected shopper or store says the behaviour is corrected; staff confirm it. */
  async requestViolationCorrection(
    violationId: string,
    note: string,
  ): Promise<Result<{ violation: ViolationEntity | null }, ViolationErrorCode>> {
    const viewer = requireViewer(this.viewer);
    return this.changeViolation(viewer, violationId, 'REQUEST_CORRECTION', note, true);
  }

  private async changeViolation(
    viewer: Viewer,
    violationId: string,
    action: 'MARK_CORRECTED' | 'REJECT_CORRECTION' | 'REQUEST_CORRECTION',
    text: string | null | undefined,
    textRequired: boolean,
  ): Promise<Result<{ violation: ViolationEntity | null }, ViolationErrorCode>> {
    const field =
      action === 'REQUEST_CORRECTION' ? 'note' : action === 'REJECT_CORRECTION' ? 'reason' : 'note';
    const fail = (code: ViolationErrorCode, message: string, f: string) => ({
      violation: null,
      userErrors: [userError(code, message, ['input', f])],
    });
    const trimmed = text?.trim() || null;
    if (textRequired && !trimmed)
      return fail(
        'REASON_REQUIRED',
        action === 'REQUEST_CORRECTION' ? 'Say what you corrected.' : 'Give a reason.',
        field,
      );
    if (trimmed && trimmed.length > MAX_NOTE)
      return fail('TOO_LONG', `At most ${MAX_NOTE} characters.`, field);
    return inTransaction(this.em, async (em) => {
      const v = await this.lockViolation(em, violationId, viewer, action === 'REQUEST_CORRECTION');
      // Staff-only actions by the affected account are refused before this (requireRole); an account
      // asking about someone else's violation gets the same answer as for one that does not exist.
      if (!v) return fail('VIOLATION_NOT_FOUND', 'There is no violation with this ID.', 'violationId');
      const next = violationTransition(v.status, action);
      if (next === null)
        return fail(
          'INVALID_STATUS',
          `A violation that is ${v.status} cannot be changed this way.`,
          'violationId',
        );
      const before = violationSnapshot(v);
      const now = new Date();
      v.status = next;
      if (action === 'REQUEST_CORRECTION') {
        v.correctionRequestedAt = now;
        v.correctionNote = trimmed;
      } else if (action === 'MARK_CORRECTED') {
        v.correctedAt = now;
        v.correctedBy = em.getReference(UserEntity, viewer.userId);
      }
      await em.flush();
      const subject = subjectOf(v);
      if (action !== 'REQUEST_CORRECTION')
        await notifyCorrection(
          em,
          this.config,
          subject,
          v,
          v.rule,
          action === 'MARK_CORRECTED' ? 'CORRECTED' : 'REJECTED',
          trimmed,
        );
      await recordAudit(em, {
        actorUserId: viewer.userId,
        action:
          action === 'MARK_CORRECTED'
            ? 'violation.mark_corrected'
            : action === 'REJECT_CORRECTION'
              ? 'violation.correction_reject'
              : 'violation.correction_request',
        subjectType: 'VIOLATION',
        subjectId: v.id,
        before,
        after: violationSnapshot(v),
        reason: trimmed,
        requestId: this.requestId,
      });
      return { violation: v, userErrors: [] };
    });
  }

  // ---------------------------------------------------------------- general freeze

  async applyGeneralFreeze(
    input: SubjectRef & { reason: string; endsAt?: Date | null },
  ): Promise<Result<{ sanction: SanctionEntity | null }, FreezeErrorCode>> {
    const viewer = requireRole(this.viewer, 'ADMIN');
    const fail = (code: FreezeErrorCode, message: string, field: string) => ({
      sanction: null,
      userErrors: [userError(code, message, ['input', field])],
    });
    const reason = (input.reason ?? '').trim();
    if (!reason) return fail('REASON_REQUIRED', 'Give a reason; the account sees it.', 'reason');
    if (reason.length > MAX_REASON) return fail('TOO_LONG', `At most ${MAX_REASON} characters.`, 'reason');
    const now = new Date();
    if (input.endsAt && input.endsAt.getTime() <= now.getTime())
      return fail('END_NOT_IN_FUTURE', 'The end date must be in the future.', 'endsAt');
    return inTransaction(this.em, async (em) => {
      const found = await this.findSubject(em, input);
      if (!found) return fail('SUBJECT_NOT_FOUND', 'There is no such account or store.', 'subject');
      if (!found.penalizable || (found.subject.type === 'USER' && found.subject.userId === viewer.userId))
        return fail(
          'SUBJECT_NOT_PENALIZABLE',
          'Only shoppers, merchant staff and stores can be frozen.',
          'subject',
        );
      await lockSubject(em, found.subject);
      if (await activeGeneralFreeze(em, found.subject))
        return fail('ALREADY_FROZEN', 'This account is already under a general freeze.', 'subject');
      const sanction = await applyGeneralFreezeTx(em, this.config, this.actor(viewer), {
        subject: found.subject,
        reason,
        endsAt: input.endsAt ?? null,
        violation: null,
        at: now,
      });
      return { sanction, userErrors: [] };
    });
  }

  async liftGeneralFreeze(
    input: SubjectRef & { reason: string },
  ): Promise<Result<{ sanction: SanctionEntity | null }, FreezeErrorCode>> {
    const viewer = requireRole(this.viewer, 'ADMIN');
    const fail = (code: FreezeErrorCode, message: string, field: string) => ({
      sanction: null,
      userErrors: [userError(code, message, ['input', field])],
    });
    const reason = (input.reason ?? '').trim();
    if (!reason) return fail('REASON_REQUIRED', 'Give a reason for lifting the freeze.', 'reason');
    if (reason.length > MAX_REASON) return fail('TOO_LONG', `At most ${MAX_REASON} characters.`, 'reason');
    return inTransaction(this.em, async (em) => {
      const found = await this.findSubject(em, input);
      if (!found) return fail('SUBJECT_NOT_FOUND', 'There is no such account or store.', 'subject');
      await lockSubject(em, found.subject);
      const sanction = await activeGeneralFreeze(em, found.subject);
      if (!sanction) return fail('NOT_FROZEN', 'This account is not under a general freeze.', 'subject');
      await liftGeneralFreezeTx(em, this.config, this.actor(viewer), sanction, {
        reason,
        at: new Date(),
        expired: false,
      });
      return { sanction, userErrors: [] };
    });
  }

  // ---------------------------------------------------------------- queries

  async staffViolation(globalId: string): Promise<ViolationEntity | null> {
    requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    const id = fromGlobalId(globalId, 'Violation');
    if (id === null) return null;
    return this.em.findOne(
      ViolationEntity,
      { id },
      { populate: ['rule', 'user', 'merchant', 'recordedBy', 'correctedBy'] },
    );
  }

  async staffViolations(
    args: Page & { filter?: ViolationFilter | null },
  ): Promise<ConnectionShape<ViolationEntity>> {
    requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    const f = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.subject?.trim()) {
      if (!f.subjectType) throw new PublicError('BAD_USER_INPUT', 'Give `subjectType` with `subject`.');
      const found = await this.findSubject(this.em, { subjectType: f.subjectType, subject: f.subject });
      if (!found) return emptyConnection();
      where.push(found.subject.type === 'USER' ? 'user_id = ?' : 'merchant_id = ?');
      params.push(subjectKey(found.subject));
    } else if (f.subjectType) {
      where.push('subject_type = ?');
      params.push(f.subjectType);
    }
    if (f.ruleId) {
      const ruleId = fromGlobalId(f.ruleId, 'PenaltyRule');
      if (ruleId === null) return emptyConnection();
      where.push('rule_id = ?');
      params.push(ruleId);
    }
    if (f.status) {
      if (!(VIOLATION_STATUSES as readonly string[]).includes(f.status))
        throw new PublicError('BAD_USER_INPUT', 'Unknown violation status.');
      where.push('status = ?');
      params.push(f.status);
    }
    if (f.from) {
      where.push('recorded_at >= ?');
      params.push(f.from);
    }
    if (f.to) {
      where.push('recorded_at < ?');
      params.push(f.to);
    }
    return this.listByIdDesc(this.loadViolations, 'violation', where, params, args);
  }

  /** The viewer's own violations: against their account, and for merchant staff against their store. */
  async myViolations(args: Page & { openOnly?: boolean | null }): Promise<ConnectionShape<ViolationEntity>> {
    const viewer = requireViewer(this.viewer);
    const params: unknown[] = [viewer.userId];
    let who = 'user_id = ?';
    if (viewer.role === 'MERCHANT_STAFF' && viewer.merchantId !== null) {
      who = '(user_id = ? or merchant_id = ?)';
      params.push(viewer.merchantId);
    }
    const where = [who];
    if (args.openOnly) where.push(`status in ('OPEN', 'CORRECTION_REQUESTED')`);
    return this.listByIdDesc(this.loadViolations, 'violation', where, params, args);
  }

  async staffSanctions(
    args: Page & { filter?: SanctionFilter | null },
  ): Promise<ConnectionShape<SanctionEntity>> {
    requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    const f = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.subject?.trim()) {
      if (!f.subjectType) throw new PublicError('BAD_USER_INPUT', 'Give `subjectType` with `subject`.');
      const found = await this.findSubject(this.em, { subjectType: f.subjectType, subject: f.subject });
      if (!found) return emptyConnection();
      where.push(found.subject.type === 'USER' ? 'user_id = ?' : 'merchant_id = ?');
      params.push(subjectKey(found.subject));
    } else if (f.subjectType) {
      where.push('subject_type = ?');
      params.push(f.subjectType);
    }
    if (f.kind) {
      if (!(SANCTION_KINDS as readonly string[]).includes(f.kind))
        throw new PublicError('BAD_USER_INPUT', 'Unknown sanction kind.');
      where.push('kind = ?');
      params.push(f.kind);
    }
    if (f.activeOnly) where.push('lifted_at is null');
    return this.listByIdDesc(this.loadSanctions, 'sanction', where, params, args);
  }

  /** Sanctions of one violation's subject (for the violation detail page). */
  async sanctionsOf(subject: PenaltySubject): Promise<SanctionEntity[]> {
    requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    return this.em.find(
      SanctionEntity,
      subject.type === 'USER' ? { user: subject.userId } : { merchant: subject.merchantId },
      { orderBy: { id: 'desc' }, limit: 50 },
    );
  }

  private readonly loadViolations = (ids: number[]) =>
    this.em.find(ViolationEntity, { id: { $in: ids } }, { populate: ['rule', 'user', 'merchant'] });

  private readonly loadSanctions = (ids: number[]) =>
    this.em.find(SanctionEntity, { id: { $in: ids } }, { populate: ['user', 'merchant'] });

  private async listByIdDesc<E extends { id: number }>(
    load: (ids: number[]) => Promise<E[]>,
    table: string,
    where: string[],
    params: unknown[],
    args: Page,
  ): Promise<ConnectionShape<E>> {
    const first = pageSize(args.first);
    const counted = { where: [...where], params: [...params] };
    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      if (key?.length !== 1 || typeof key[0] !== 'number')
        throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
      where.push('id < ?');
      params.push(key[0]);
    }
    const sqlWhere = (w: string[]) => (w.length ? `where ${w.join(' and ')}` : '');
    const rows = await this.em.execute<{ id: number }[]>(
      `select id from ${table} ${sqlWhere(where)} order by id desc limit ?`,
      [...params, first + 1],
    );
    const ids = rows.map((r) => r.id);
    const found = ids.length ? await load(ids) : [];
    const byId = new Map(found.map((e) => [e.id, e]));
    const ordered = ids.map((id) => byId.get(id)).filter((e): e is E => e !== undefined);
    return toConnection(ordered, first, {
      hasPrevious: key !== null,
      cursorOf: (e) => encodeCursor([e.id]),
      map: (e) => e,
      count: async () => {
        const [c] = await this.em.execute<{ n: number }[]>(
          `select count(*)::int as n from ${table} ${sqlWhere(counted.where)}`,
          counted.params,
        );
        return c?.n ?? 0;
      },
    });
  }
}

function emptyConnection<T>(): ConnectionShape<T> {
  return {
    edges: [],
    nodes: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    count: async () => 0,
  };
}

function ruleSnapshot(r: PenaltyRuleEntity) {
  return {
    code: r.code,
    titleEn: r.titleEn,
    titleZh: r.titleZh,
    descriptionEn: r.descriptionEn,
    descriptionZh: r.descriptionZh,
    active: r.active,
  };
}

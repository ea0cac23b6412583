/**
 * URL state and client-side checks of the penalties and audit-log pages (mirroring the API's limits).
 * Plain strings for the enums, so this file does not depend on generated types.
 */

export const SUBJECT_TYPES = ['USER', 'MERCHANT'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const VIOLATION_STATUSES = ['OPEN', 'CORRECTION_REQUESTED', 'CORRECTED', 'UNCORRECTED'] as const;
export type ViolationStatusValue = (typeof VIOLATION_STATUSES)[number];

export const MAX_EVIDENCE = 5000;
export const MAX_NOTE = 2000;
export const MAX_REASON = 1000;
export const MAX_ATTACHMENTS = 10;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/** A `yyyy-mm-dd` date from the URL, or empty. */
const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

/** The violations list: filters, page cursor, the violation open in the detail panel. */
export interface ViolationsView {
  subjectType: SubjectType | null;
  subject: string;
  ruleId: string | null;
  status: ViolationStatusValue | null;
  from: string;
  to: string;
  after: string | null;
  selected: string | null;
}

export function parseViolationsView(params: URLSearchParams): ViolationsView {
  return {
    subjectType: pick(params.get('type'), SUBJECT_TYPES),
    subject: params.get('subject')?.trim() ?? '',
    ruleId: params.get('rule') || null,
    status: pick(params.get('status'), VIOLATION_STATUSES),
    from: day(params.get('from')),
    to: day(params.get('to')),
    after: params.get('after') || null,
    selected: params.get('violation') || null,
  };
}

export function violationsViewParams(view: ViolationsView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.subjectType) out.set('type', view.subjectType);
  if (view.subject.trim()) out.set('subject', view.subject.trim());
  if (view.ruleId) out.set('rule', view.ruleId);
  if (view.status) out.set('status', view.status);
  if (view.from) out.set('from', view.from);
  if (view.to) out.set('to', view.to);
  if (view.after) out.set('after', view.after);
  if (view.selected) out.set('violation', view.selected);
  return out;
}

/** Start of a day in UTC as an ISO instant; `to` is exclusive, so the end day counts whole. */
const dayStart = (value: string, plusDays = 0) => {
  const at = new Date(`${value}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + plusDays);
  return at.toISOString();
};

/** The API filter of a view. A subject without a type is searched as a user, then ignored by the server. */
export function violationsFilterOf(view: ViolationsView) {
  const subject = view.subject.trim();
  return {
    subjectType: view.subjectType ?? (subject ? 'USER' : null),
    subject: subject || null,
    ruleId: view.ruleId,
    status: view.status,
    from: view.from ? dayStart(view.from) : null,
    to: view.to ? dayStart(view.to, 1) : null,
  };
}

/** The audit log: filters and page cursor. */
export interface AuditView {
  action: string;
  subjectType: string;
  subjectId: string;
  systemOnly: boolean;
  from: string;
  to: string;
  after: string | null;
}

export function parseAuditView(params: URLSearchParams): AuditView {
  const subjectId = params.get('subjectId') ?? '';
  return {
    action: params.get('action')?.trim() ?? '',
    subjectType: params.get('subjectType')?.trim().toUpperCase() ?? '',
    subjectId: /^\d{1,9}$/.test(subjectId) ? subjectId : '',
    systemOnly: params.get('system') === '1',
    from: day(params.get('from')),
    to: day(params.get('to')),
    after: params.get('after') || null,
  };
}

export function auditViewParams(view: AuditView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.action.trim()) out.set('action', view.action.trim());
  if (view.subjectType.trim()) out.set('subjectType', view.subjectType.trim().toUpperCase());
  if (/^\d{1,9}$/.test(view.subjectId)) out.set('subjectId', view.subjectId);
  if (view.systemOnly) out.set('system', '1');
  if (view.from) out.set('from', view.from);
  if (view.to) out.set('to', view.to);
  if (view.after) out.set('after', view.after);
  return out;
}

export function auditFilterOf(view: AuditView) {
  return {
    action: view.action.trim() || null,
    subjectType: view.subjectType.trim() || null,
    subjectId: view.subjectId ? Number(view.subjectId) : null,
    systemOnly: view.systemOnly || null,
    from: view.from ? dayStart(view.from) : null,
    to: view.to ? dayStart(view.to, 1) : null,
  };
}

export type FieldProblem = 'REQUIRED' | 'TOO_LONG' | 'TOO_MANY_ATTACHMENTS' | 'END_NOT_IN_FUTURE';

/** Checks of the record-violation form, as the server does them; empty when it may be sent. */
export function recordViolationProblems(draft: {
  subject: string;
  ruleId: string;
  evidence: string;
  note: string;
  attachments: number;
}): Partial<Record<'subject' | 'ruleId' | 'evidence' | 'note' | 'attachmentUploadIds', FieldProblem>> {
  const out: Partial<
    Record<'subject' | 'ruleId' | 'evidence' | 'note' | 'attachmentUploadIds', FieldProblem>
  > = {};
  if (!draft.subject.trim()) out.subject = 'REQUIRED';
  if (!draft.ruleId) out.ruleId = 'REQUIRED';
  if (!draft.evidence.trim()) out.evidence = 'REQUIRED';
  else if (draft.evidence.trim().length > MAX_EVIDENCE) out.evidence = 'TOO_LONG';
  if (draft.note.trim().length > MAX_NOTE) out.note = 'TOO_LONG';
  if (draft.attachments > MAX_ATTACHMENTS) out.attachmentUploadIds = 'TOO_MANY_ATTACHMENTS';
  return out;
}

/** Checks of the freeze form (apply: optional end date in the future; both: a reason). */
export function freezeProblems(
  draft: { subject: string; reason: string; endsAt: string },
  now: Date,
): Partial<Record<'subject' | 'reason' | 'endsAt', FieldProblem>> {
  const out: Partial<Record<'subject' | 'reason' | 'endsAt', FieldProblem>> = {};
  if (!draft.subject.trim()) out.subject = 'REQUIRED';
  if (!draft.reason.trim()) out.reason = 'REQUIRED';
  else if (draft.reason.trim().length > MAX_REASON) out.reason = 'TOO_LONG';
  if (draft.endsAt) {
    const at = new Date(draft.endsAt);
    if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) out.endsAt = 'END_NOT_IN_FUTURE';
  }
  return out;
}

/** Pretty-prints the JSON text of an audit entry's before/after (or returns it as it is). */
export function prettyJson(text: string | null | undefined): string {
  if (!text) return '—';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

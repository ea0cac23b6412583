/**
 * Penalty rules (seed 001): every violation is a warning that must be corrected within three days;
 * a warning still uncorrected when the deadline passes counts as a second violation; more than three
 * violations within a rolling 30 days put the account under a general freeze. Pure functions: the
 * caller passes `now` (a controllable clock), so jobs, services and tests agree on the same maths.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days an account has to correct the behaviour a warning is about. */
export const CORRECTION_PERIOD_DAYS = 3;
/** The rolling window violations are counted in. */
export const ESCALATION_WINDOW_DAYS = 30;
/** A general freeze applies when the window holds MORE than this many violations. */
export const ESCALATION_THRESHOLD = 3;
/** How long an automatic general freeze lasts unless staff lift it earlier. */
export const AUTO_GENERAL_FREEZE_DAYS = 30;

export const PENALTY_SUBJECT_TYPES = ['USER', 'MERCHANT'] as const;
export type PenaltySubjectType = (typeof PENALTY_SUBJECT_TYPES)[number];

/**
 * A violation's warning: OPEN until corrected; CORRECTION_REQUESTED when the account says it corrected
 * it and staff have not confirmed yet; CORRECTED once staff confirm; UNCORRECTED when the deadline
 * passed and a second violation was recorded for it.
 */
export const VIOLATION_STATUSES = ['OPEN', 'CORRECTION_REQUESTED', 'CORRECTED', 'UNCORRECTED'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

/** Sanctions kept as history with reason and end date (warnings are the violations themselves). */
export const SANCTION_KINDS = ['GENERAL_FREEZE', 'SAFE_FREEZE', 'DELETION'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** Something that tells the time; tests pass a fixed one. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** When the warning of a violation recorded at `recordedAt` must be corrected by. */
export function correctionDeadline(recordedAt: Date): Date {
  return addDays(recordedAt, CORRECTION_PERIOD_DAYS);
}

/** When an automatic general freeze starting at `startsAt` ends. */
export function autoGeneralFreezeEnd(startsAt: Date): Date {
  return addDays(startsAt, AUTO_GENERAL_FREEZE_DAYS);
}

/** Violations recorded in the rolling window ending at `now` (at most 30 days old, none in the future). */
export function violationsInWindow(recordedAt: readonly Date[], now: Date): number {
  const from = now.getTime() - ESCALATION_WINDOW_DAYS * DAY_MS;
  return recordedAt.filter((t) => t.getTime() >= from && t.getTime() <= now.getTime()).length;
}

/** Whether the account's violations call for an automatic general freeze at `now`. */
export function generalFreezeDue(recordedAt: readonly Date[], now: Date): boolean {
  return violationsInWindow(recordedAt, now) > ESCALATION_THRESHOLD;
}

/** What the deadline job does with a warning at `now`. */
export function warningOutcome(
  warning: { status: ViolationStatus; correctionDueAt: Date },
  now: Date,
): 'WAIT' | 'SECOND_WARNING' | 'NONE' {
  if (warning.status === 'CORRECTED' || warning.status === 'UNCORRECTED') return 'NONE';
  // A correction the account reported but staff have not confirmed does not stop the deadline.
  return now.getTime() >= warning.correctionDueAt.getTime() ? 'SECOND_WARNING' : 'WAIT';
}

export type ViolationAction = 'REQUEST_CORRECTION' | 'REJECT_CORRECTION' | 'MARK_CORRECTED' | 'EXPIRE';

/** The warning's status after `action`, or null when the action is not allowed from `status`. */
export function violationTransition(
  status: ViolationStatus,
  action: ViolationAction,
): ViolationStatus | null {
  switch (action) {
    case 'REQUEST_CORRECTION':
      return status === 'OPEN' ? 'CORRECTION_REQUESTED' : null;
    case 'REJECT_CORRECTION':
      return status === 'CORRECTION_REQUESTED' ? 'OPEN' : null;
    case 'MARK_CORRECTED':
      return status === 'OPEN' || status === 'CORRECTION_REQUESTED' ? 'CORRECTED' : null;
    case 'EXPIRE':
      return status === 'OPEN' || status === 'CORRECTION_REQUESTED' ? 'UNCORRECTED' : null;
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/**
 * The account or store status after a general freeze: only an ACTIVE one becomes GENERAL_FROZEN; a
 * stronger status (SAFE_FROZEN, DISABLED, DELETED) or an existing freeze stays as it is.
 */
export function statusUnderGeneralFreeze<S extends string>(status: S): S | 'GENERAL_FROZEN' {
  return status === 'ACTIVE' ? 'GENERAL_FROZEN' : status;
}

/** The status after a general freeze is lifted: only GENERAL_FROZEN returns to ACTIVE. */
export function statusAfterGeneralFreezeLift<S extends string>(status: S): S | 'ACTIVE' {
  return status === 'GENERAL_FROZEN' ? 'ACTIVE' : status;
}

import { describe, expect, it } from 'vitest';
import {
  addDays,
  correctionDeadline,
  fixedClock,
  generalFreezeDue,
  statusAfterGeneralFreezeLift,
  statusUnderGeneralFreeze,
  type ViolationAction,
  type ViolationStatus,
  violationTransition,
  violationsInWindow,
  warningOutcome,
} from './penalty-rules.js';

const day0 = new Date('2026-01-01T09:00:00.000Z');
const day = (n: number) => addDays(day0, n);

describe('escalation to a general freeze (more than three violations within 30 rolling days)', () => {
  it.each([
    { violations: [0, 10, 20], at: 20, freeze: false, why: 'three violations are not more than three' },
    {
      violations: [0, 10, 20, 29],
      at: 29,
      freeze: true,
      why: 'a fourth on day 29 is within 30 days of day 0',
    },
    {
      violations: [0, 10, 20, 31],
      at: 31,
      freeze: false,
      why: 'on day 31 the day-0 violation left the window',
    },
    { violations: [0, 10, 20, 30], at: 30, freeze: true, why: 'exactly 30 days old still counts' },
    { violations: [0, 0, 0, 0], at: 0, freeze: true, why: 'four on the same day' },
    { violations: [0, 1, 2, 3, 4], at: 40, freeze: false, why: 'all older than 30 days when evaluated' },
    { violations: [0, 10, 20], at: 5, freeze: false, why: 'violations after the clock are not counted' },
    { violations: [], at: 0, freeze: false, why: 'no violations' },
  ])('days $violations evaluated on day $at → freeze $freeze ($why)', ({ violations, at, freeze }) => {
    const clock = fixedClock(day(at));
    expect(generalFreezeDue(violations.map(day), clock.now())).toBe(freeze);
  });

  it('counts the window', () => {
    expect(violationsInWindow([day(0), day(10), day(20), day(31)], day(31))).toBe(3);
  });

  it('advancing the clock day by day freezes exactly from the fourth violation on', () => {
    const recorded: Date[] = [];
    const outcomes: boolean[] = [];
    for (const d of [0, 10, 20, 29]) {
      recorded.push(day(d));
      outcomes.push(generalFreezeDue(recorded, day(d)));
    }
    expect(outcomes).toEqual([false, false, false, true]);
  });
});

describe('warnings and the 3-day correction deadline', () => {
  it('the deadline is three days after the violation', () => {
    expect(correctionDeadline(day(0)).toISOString()).toBe(day(3).toISOString());
  });

  it.each([
    { status: 'OPEN', at: 3, outcome: 'SECOND_WARNING', why: 'uncorrected after 3 days → second warning' },
    { status: 'OPEN', at: 4, outcome: 'SECOND_WARNING', why: 'a late job still records it' },
    { status: 'OPEN', at: 2.99, outcome: 'WAIT', why: 'the deadline has not passed' },
    {
      status: 'CORRECTION_REQUESTED',
      at: 3,
      outcome: 'SECOND_WARNING',
      why: 'unconfirmed corrections do not count',
    },
    { status: 'CORRECTED', at: 3, outcome: 'NONE', why: 'corrected in time' },
    { status: 'UNCORRECTED', at: 6, outcome: 'NONE', why: 'already escalated once (idempotent)' },
  ] as const)('$status on day $at → $outcome ($why)', ({ status, at, outcome }) => {
    const warning = { status, correctionDueAt: correctionDeadline(day(0)) };
    expect(warningOutcome(warning, fixedClock(day(at)).now())).toBe(outcome);
  });
});

describe('violationTransition', () => {
  const table: [ViolationStatus, ViolationAction, ViolationStatus | null][] = [
    ['OPEN', 'REQUEST_CORRECTION', 'CORRECTION_REQUESTED'],
    ['OPEN', 'REJECT_CORRECTION', null],
    ['OPEN', 'MARK_CORRECTED', 'CORRECTED'],
    ['OPEN', 'EXPIRE', 'UNCORRECTED'],
    ['CORRECTION_REQUESTED', 'REQUEST_CORRECTION', null],
    ['CORRECTION_REQUESTED', 'REJECT_CORRECTION', 'OPEN'],
    ['CORRECTION_REQUESTED', 'MARK_CORRECTED', 'CORRECTED'],
    ['CORRECTION_REQUESTED', 'EXPIRE', 'UNCORRECTED'],
    ['CORRECTED', 'REQUEST_CORRECTION', null],
    ['CORRECTED', 'MARK_CORRECTED', null],
    ['CORRECTED', 'EXPIRE', null],
    ['UNCORRECTED', 'REQUEST_CORRECTION', null],
    ['UNCORRECTED', 'MARK_CORRECTED', null],
    ['UNCORRECTED', 'EXPIRE', null],
  ];
  it.each(table)('%s + %s → %s', (status, action, expected) => {
    expect(violationTransition(status, action)).toBe(expected);
  });
});

describe('status under a general freeze never downgrades a stronger one', () => {
  it.each([
    ['ACTIVE', 'GENERAL_FROZEN', 'ACTIVE'],
    ['GENERAL_FROZEN', 'GENERAL_FROZEN', 'ACTIVE'],
    ['SAFE_FROZEN', 'SAFE_FROZEN', 'SAFE_FROZEN'],
    ['DISABLED', 'DISABLED', 'DISABLED'],
    ['DELETED', 'DELETED', 'DELETED'],
  ])('%s → frozen %s, lifted %s', (status, frozen, lifted) => {
    expect(statusUnderGeneralFreeze(status)).toBe(frozen);
    expect(statusAfterGeneralFreezeLift(status)).toBe(lifted);
  });
});

import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import {
  type ActivityFacts,
  type ActivityState,
  activityState,
  bestActivityPrice,
  checkDiscountValue,
  checkLimit,
  checkPeriod,
  type CouponState,
  type CouponStateFacts,
  couponState,
  discountedUnitPrice,
  isActivityRunning,
} from './promotion-rules.js';

const usd = (minor: number) => money(minor, 'USD');
const T = (iso: string) => new Date(`2026-11-22T${iso}:00Z`);
const NOW = T('10:00');

const activity = (over: Partial<ActivityFacts> = {}): ActivityFacts => ({
  id: '1',
  status: 'ACTIVE',
  kind: 'PERCENTAGE',
  value: 1000,
  startsAt: T('09:00'),
  endsAt: T('11:00'),
  ...over,
});

describe('activityState', () => {
  it.each<[string, Partial<ActivityFacts>, ActivityState]>([
    ['before the start', { startsAt: T('10:01') }, 'SCHEDULED'],
    ['starting exactly now', { startsAt: NOW }, 'RUNNING'],
    ['inside the period', {}, 'RUNNING'],
    ['ending exactly now (end is exclusive)', { endsAt: NOW }, 'ENDED'],
    ['after the end', { endsAt: T('09:30') }, 'ENDED'],
    ['cancelled while it would run', { status: 'CANCELLED' }, 'CANCELLED'],
    [
      'cancelled before it started',
      { status: 'CANCELLED', startsAt: T('12:00'), endsAt: T('13:00') },
      'CANCELLED',
    ],
  ])('%s → %s', (_, over, expected) => {
    expect(activityState(activity(over), NOW)).toBe(expected);
    expect(isActivityRunning(activity(over), NOW)).toBe(expected === 'RUNNING');
  });
});

describe('discountedUnitPrice', () => {
  it.each<[string, 'PERCENTAGE' | 'FIXED_AMOUNT', number, number, number]>([
    ['10 % of 10.00', 'PERCENTAGE', 1000, 1000, 900],
    ['15 % of 9.99 (1.4985 off rounds to 1.50)', 'PERCENTAGE', 1500, 999, 849],
    ['12.5 % of 0.20 (0.025 off, a tie, rounds to even 0.02)', 'PERCENTAGE', 1250, 20, 18],
    ['12.5 % of 0.60 (0.075 off, a tie, rounds to even 0.08)', 'PERCENTAGE', 1250, 60, 52],
    ['100 % is free', 'PERCENTAGE', 10_000, 1234, 0],
    ['2.00 off 10.00', 'FIXED_AMOUNT', 200, 1000, 800],
    ['an amount above the price gives 0, never negative', 'FIXED_AMOUNT', 5000, 1000, 0],
  ])('%s', (_, kind, value, unit, expected) => {
    expect(discountedUnitPrice(usd(unit), { kind, value })).toEqual(usd(expected));
  });
});

describe('bestActivityPrice', () => {
  it('without a running activity: the plain price, nothing to compare', () => {
    const r = bestActivityPrice(usd(1000), [activity({ startsAt: T('10:30') })], NOW);
    expect(r).toEqual({ price: usd(1000), compareAtPrice: null, activity: null });
  });

  it.each<[string, ActivityFacts[], number, string | null]>([
    ['one activity', [activity()], 900, '1'],
    [
      'the lower price wins (fixed 2.00 beats 10 %)',
      [activity(), activity({ id: '2', kind: 'FIXED_AMOUNT', value: 200 })],
      800,
      '2',
    ],
    [
      'the lower price wins (20 % beats fixed 1.00)',
      [activity({ id: '2', kind: 'FIXED_AMOUNT', value: 100 }), activity({ id: '3', value: 2000 })],
      800,
      '3',
    ],
    [
      'a tie goes to the older activity',
      [activity({ id: '7', kind: 'FIXED_AMOUNT', value: 100 }), activity({ id: '4' })],
      900,
      '4',
    ],
    [
      'a cancelled activity is ignored',
      [activity({ status: 'CANCELLED', value: 5000 }), activity({ id: '2' })],
      900,
      '2',
    ],
    [
      'an ended activity is ignored',
      [activity({ endsAt: T('09:59'), value: 5000 }), activity({ id: '2' })],
      900,
      '2',
    ],
  ])('%s', (_, list, expected, winner) => {
    const r = bestActivityPrice(usd(1000), list, NOW);
    expect(r.price).toEqual(usd(expected));
    expect(r.compareAtPrice).toEqual(usd(1000));
    expect(r.activity?.id).toBe(winner);
  });
});

it('an activity that takes nothing off (1 % of 0.10 rounds to 0) is no sale', () => {
  expect(bestActivityPrice(usd(10), [activity({ value: 100 })], NOW)).toEqual({
    price: usd(10),
    compareAtPrice: null,
    activity: null,
  });
});

describe('couponState', () => {
  const base: CouponStateFacts = {
    active: true,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    usedCount: 0,
  };
  it.each<[string, Partial<CouponStateFacts>, CouponState]>([
    ['open-ended and unused', {}, 'ACTIVE'],
    ['inside its period', { startsAt: T('09:00'), endsAt: T('11:00') }, 'ACTIVE'],
    ['not started', { startsAt: T('10:01') }, 'SCHEDULED'],
    ['ending exactly now', { endsAt: NOW }, 'EXPIRED'],
    ['used up', { usageLimit: 3, usedCount: 3 }, 'EXHAUSTED'],
    ['one use left', { usageLimit: 3, usedCount: 2 }, 'ACTIVE'],
    [
      'deactivated wins over everything',
      { active: false, endsAt: T('09:00'), usageLimit: 1, usedCount: 1 },
      'DEACTIVATED',
    ],
    ['expired wins over used up', { endsAt: T('09:00'), usageLimit: 1, usedCount: 1 }, 'EXPIRED'],
    ['used up wins over not started', { startsAt: T('12:00'), usageLimit: 1, usedCount: 1 }, 'EXHAUSTED'],
  ])('%s → %s', (_, over, expected) => {
    expect(couponState({ ...base, ...over }, NOW)).toBe(expected);
  });
});

describe('validation', () => {
  it.each<[string, 'PERCENTAGE' | 'FIXED_AMOUNT', number, boolean]>([
    ['1 %', 'PERCENTAGE', 100, true],
    ['100 %', 'PERCENTAGE', 10_000, true],
    ['12.5 %', 'PERCENTAGE', 1250, true],
    ['0.99 %', 'PERCENTAGE', 99, false],
    ['101 %', 'PERCENTAGE', 10_100, false],
    ['an amount of 0.01', 'FIXED_AMOUNT', 1, true],
    ['an amount of 0', 'FIXED_AMOUNT', 0, false],
    ['a negative amount', 'FIXED_AMOUNT', -5, false],
    ['above the maximum', 'FIXED_AMOUNT', 100_000_001, false],
    ['a fraction', 'FIXED_AMOUNT', 1.5, false],
  ])('value %s valid: %s', (_, kind, value, valid) => {
    const error = checkDiscountValue({ kind, value }, 100_000_000);
    expect(error === null).toBe(valid);
    if (error) expect(error).toMatchObject({ code: 'INVALID_VALUE', field: 'value' });
  });

  it.each<[string, Date | null, Date | null, 'startsAt' | 'endsAt' | null]>([
    ['open on both sides', null, null, null],
    ['end after start', T('09:00'), T('09:01'), null],
    ['end equal to start', T('09:00'), T('09:00'), 'endsAt'],
    ['end before start', T('09:00'), T('08:00'), 'endsAt'],
    ['an invalid start', new Date('nope'), null, 'startsAt'],
  ])('period %s', (_, startsAt, endsAt, field) => {
    expect(checkPeriod(startsAt, endsAt)?.field ?? null).toBe(field);
  });

  it.each<[number | null, boolean]>([
    [null, true],
    [1, true],
    [0, false],
    [-1, false],
    [2.5, false],
  ])('limit %s valid: %s', (value, valid) => {
    expect(checkLimit('usageLimit', value) === null).toBe(valid);
  });
});

import { describe, expect, it } from 'vitest';
import {
  canMovePayment,
  checkRefund,
  isPaymentCaptured,
  isPaymentInFlight,
  maskCard,
  PAYMENT_STATUSES,
  type PaymentStatus,
  statusAfterRefunds,
} from './payment-rules.js';

describe('payment status moves', () => {
  const cases: [PaymentStatus, PaymentStatus, boolean][] = [
    ['PENDING', 'REQUIRES_ACTION', true],
    ['PENDING', 'SUCCEEDED', true],
    ['PENDING', 'FAILED', true],
    ['REQUIRES_ACTION', 'SUCCEEDED', true],
    ['REQUIRES_ACTION', 'CANCELLED', true],
    ['REQUIRES_ACTION', 'PENDING', false],
    ['SUCCEEDED', 'PARTIALLY_REFUNDED', true],
    ['SUCCEEDED', 'REFUNDED', true],
    ['SUCCEEDED', 'FAILED', false],
    ['SUCCEEDED', 'CANCELLED', false],
    ['PARTIALLY_REFUNDED', 'REFUNDED', true],
    ['REFUNDED', 'SUCCEEDED', false],
    ['FAILED', 'SUCCEEDED', false],
    ['CANCELLED', 'SUCCEEDED', false],
    ['FAILED', 'FAILED', true],
  ];
  it.each(cases)('%s → %s: %s', (from, to, allowed) => {
    expect(canMovePayment(from, to)).toBe(allowed);
  });

  it('classifies every status as in flight, captured or ended', () => {
    const table = Object.fromEntries(
      PAYMENT_STATUSES.map((s) => [
        s,
        isPaymentInFlight(s) ? 'flight' : isPaymentCaptured(s) ? 'captured' : 'ended',
      ]),
    );
    expect(table).toEqual({
      PENDING: 'flight',
      REQUIRES_ACTION: 'flight',
      SUCCEEDED: 'captured',
      PARTIALLY_REFUNDED: 'captured',
      REFUNDED: 'captured',
      FAILED: 'ended',
      CANCELLED: 'ended',
    });
  });
});

describe('checkRefund', () => {
  const cases: [string, Parameters<typeof checkRefund>[0], ReturnType<typeof checkRefund>][] = [
    [
      'a full refund',
      { status: 'SUCCEEDED', captured: 1000, refunded: 0, amount: 1000 },
      { ok: true, value: { refundedAfter: 1000, statusAfter: 'REFUNDED' } },
    ],
    [
      'one order of two',
      { status: 'SUCCEEDED', captured: 1000, refunded: 0, amount: 400 },
      { ok: true, value: { refundedAfter: 400, statusAfter: 'PARTIALLY_REFUNDED' } },
    ],
    [
      'the rest after a partial refund',
      { status: 'PARTIALLY_REFUNDED', captured: 1000, refunded: 400, amount: 600 },
      { ok: true, value: { refundedAfter: 1000, statusAfter: 'REFUNDED' } },
    ],
    [
      'one minor unit too many',
      { status: 'PARTIALLY_REFUNDED', captured: 1000, refunded: 400, amount: 601 },
      { ok: false, error: { code: 'EXCEEDS_CAPTURE', refundable: 600 } },
    ],
    [
      'more than the capture',
      { status: 'SUCCEEDED', captured: 1000, refunded: 0, amount: 1001 },
      { ok: false, error: { code: 'EXCEEDS_CAPTURE', refundable: 1000 } },
    ],
    [
      'anything after a full refund',
      { status: 'REFUNDED', captured: 1000, refunded: 1000, amount: 1 },
      { ok: false, error: { code: 'EXCEEDS_CAPTURE', refundable: 0 } },
    ],
    [
      'zero',
      { status: 'SUCCEEDED', captured: 1000, refunded: 0, amount: 0 },
      { ok: false, error: { code: 'NOT_POSITIVE' } },
    ],
    [
      'negative',
      { status: 'SUCCEEDED', captured: 1000, refunded: 0, amount: -5 },
      { ok: false, error: { code: 'NOT_POSITIVE' } },
    ],
    [
      'a fraction',
      { status: 'SUCCEEDED', captured: 1000, refunded: 0, amount: 1.5 },
      { ok: false, error: { code: 'NOT_POSITIVE' } },
    ],
    [
      'an uncaptured payment',
      { status: 'PENDING', captured: 1000, refunded: 0, amount: 10 },
      { ok: false, error: { code: 'NOT_CAPTURED' } },
    ],
    [
      'a failed payment',
      { status: 'FAILED', captured: 1000, refunded: 0, amount: 10 },
      { ok: false, error: { code: 'NOT_CAPTURED' } },
    ],
  ];
  it.each(cases)('%s', (_name, facts, expected) => {
    expect(checkRefund(facts)).toEqual(expected);
  });

  it('derives the status from the refunded amount', () => {
    expect(statusAfterRefunds(500, 0)).toBe('SUCCEEDED');
    expect(statusAfterRefunds(500, 1)).toBe('PARTIALLY_REFUNDED');
    expect(statusAfterRefunds(500, 500)).toBe('REFUNDED');
  });
});

describe('maskCard', () => {
  it.each([
    ['1234', '•••• 1234'],
    ['6212345678901234', '•••• 1234'],
    ['12-34', '•••• 1234'],
  ])('%s → %s', (input, expected) => {
    expect(maskCard(input)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { formatOrderNumber, isOrderNumber } from './order-number.js';

describe('order numbers', () => {
  it.each<[string, number, string]>([
    ['2026-11-22T10:00:00Z', 1234, 'MP-20261122-0001234'],
    ['2026-01-05T23:59:59Z', 1, 'MP-20260105-0000001'],
    ['2026-01-05T23:59:59-08:00', 1, 'MP-20260106-0000001'], // the UTC date
    ['2030-12-31T00:00:00Z', 12_345_678, 'MP-20301231-12345678'],
  ])('%s #%s → %s', (at, seq, number) => {
    expect(formatOrderNumber(new Date(at), seq)).toBe(number);
    expect(isOrderNumber(number)).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses sequence %s', (seq) => {
    expect(() => formatOrderNumber(new Date(), seq)).toThrow(RangeError);
  });

  it.each(['', 'MP-2026112-0000001', 'mp-20261122-0001234', 'MP-20261122-001', 'MP-20261122-0001234 ', 42])(
    'does not take %j for an order number',
    (value) => {
      expect(isOrderNumber(value)).toBe(false);
    },
  );
});

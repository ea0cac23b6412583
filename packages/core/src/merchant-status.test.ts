import { describe, expect, it } from 'vitest';
import { MERCHANT_STATUSES, merchantCanSell, SELLING_MERCHANT_STATUSES } from './merchant-status.js';

describe('merchantCanSell', () => {
  it.each([
    ['ACTIVE', true],
    ['GENERAL_FROZEN', true],
    ['SAFE_FROZEN', false],
    ['DELETED', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(merchantCanSell(status)).toBe(expected);
  });

  it('agrees with the list used in queries', () => {
    expect(MERCHANT_STATUSES.filter(merchantCanSell)).toEqual([...SELLING_MERCHANT_STATUSES]);
  });
});

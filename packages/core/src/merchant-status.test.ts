import { describe, expect, it } from 'vitest';
import {
  MERCHANT_STATUSES,
  merchantCanEditListings,
  merchantCanSell,
  SELLING_MERCHANT_STATUSES,
} from './merchant-status.js';

describe('merchantCanSell', () => {
  it.each([
    ['ACTIVE', true],
    ['GENERAL_FROZEN', true],
    ['SAFE_FROZEN', false],
    ['DISABLED', false],
    ['DELETED', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(merchantCanSell(status)).toBe(expected);
  });

  it('agrees with the list used in queries', () => {
    expect(MERCHANT_STATUSES.filter(merchantCanSell)).toEqual([...SELLING_MERCHANT_STATUSES]);
  });
});

describe('merchantCanEditListings', () => {
  it.each([
    ['ACTIVE', true],
    ['GENERAL_FROZEN', false],
    ['SAFE_FROZEN', false],
    ['DISABLED', false],
    ['DELETED', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(merchantCanEditListings(status)).toBe(expected);
  });

  it('covers every status', () => {
    expect(MERCHANT_STATUSES.filter(merchantCanEditListings)).toEqual(['ACTIVE']);
  });
});

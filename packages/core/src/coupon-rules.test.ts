import { describe, expect, it } from 'vitest';
import { type CouponErrorCode, type CouponFacts, evaluateCoupon } from './coupon-rules.js';
import { money } from './money.js';

const usd = (minor: number) => money(minor, 'USD');
const NOW = new Date('2026-11-22T10:00:00Z');

const base: CouponFacts = {
  active: true,
  kind: 'PERCENTAGE',
  value: 1000,
  currency: 'USD',
  minSpendMinor: 0,
  merchantId: null,
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  usedCount: 0,
  perShopperLimit: null,
  usedByShopper: 0,
};
const groups = (...subtotals: number[]) =>
  subtotals.map((s, i) => ({ merchantId: `m${i + 1}`, subtotal: usd(s) }));

describe('evaluateCoupon: refusals', () => {
  it.each<[string, Partial<CouponFacts>, number[], CouponErrorCode]>([
    ['inactive', { active: false }, [5000], 'COUPON_NOT_FOUND'],
    ['not started', { startsAt: new Date('2026-11-23T00:00:00Z') }, [5000], 'COUPON_NOT_STARTED'],
    ['ended', { endsAt: new Date('2026-11-22T09:59:59Z') }, [5000], 'COUPON_EXPIRED'],
    ['ending exactly now', { endsAt: NOW }, [5000], 'COUPON_EXPIRED'],
    ['used up', { usageLimit: 1, usedCount: 1 }, [5000], 'COUPON_USAGE_LIMIT_REACHED'],
    ['used by this shopper', { perShopperLimit: 1, usedByShopper: 1 }, [5000], 'COUPON_ALREADY_USED'],
    ['for another merchant', { merchantId: 'm9' }, [5000, 5000], 'COUPON_NOT_APPLICABLE'],
    ['in another currency', { kind: 'FIXED_AMOUNT', currency: 'TWD' }, [5000], 'COUPON_NOT_APPLICABLE'],
    ['below the minimum', { minSpendMinor: 2000 }, [1999], 'COUPON_MIN_SPEND_NOT_MET'],
    [
      'below the minimum on the merchant’s own lines',
      { merchantId: 'm1', minSpendMinor: 5000 },
      [4999, 100_000],
      'COUPON_MIN_SPEND_NOT_MET',
    ],
    // Limits are told before the minimum: a shopper cannot fix those by buying more.
    [
      'used up and below minimum',
      { usageLimit: 1, usedCount: 1, minSpendMinor: 9999 },
      [1],
      'COUPON_USAGE_LIMIT_REACHED',
    ],
  ])('refuses a coupon %s', (_, facts, subtotals, code) => {
    const result = evaluateCoupon({ ...base, ...facts }, groups(...subtotals), NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).not.toBe('');
  });

  it('names the minimum spend', () => {
    const result = evaluateCoupon({ ...base, minSpendMinor: 2000 }, groups(1500), NOW);
    expect(result).toEqual({
      ok: false,
      error: { code: 'COUPON_MIN_SPEND_NOT_MET', message: expect.any(String), minSpend: usd(2000) },
    });
  });
});

describe('evaluateCoupon: discounts', () => {
  it.each<[string, Partial<CouponFacts>, number[], number, number[]]>([
    ['10 % platform-wide', {}, [2000], 200, [200]],
    ['10 % rounds half to even', {}, [1005], 100, [100]],
    ['10 % of 1015 rounds up to even', {}, [1015], 102, [102]],
    ['10 % over two merchants, allocated', {}, [3000, 1000], 400, [300, 100]],
    ['10 % over three uneven merchants', { value: 1000 }, [1001, 1001, 1001], 300, [100, 100, 100]],
    ['fixed 5.00 over two merchants', { kind: 'FIXED_AMOUNT', value: 500 }, [3000, 1000], 500, [375, 125]],
    [
      'fixed 1.00 over three equal merchants',
      { kind: 'FIXED_AMOUNT', value: 100 },
      [1000, 1000, 1000],
      100,
      [33, 34, 33],
    ],
    ['fixed larger than the subtotal', { kind: 'FIXED_AMOUNT', value: 5000 }, [1200], 1200, [1200]],
    ['100 % takes everything', { value: 10_000 }, [1234, 1], 1235, [1234, 1]],
    [
      'merchant 15 % on its lines only',
      { merchantId: 'm2', value: 1500, minSpendMinor: 5000 },
      [9000, 6000],
      900,
      [0, 900],
    ],
    ['exactly the minimum', { minSpendMinor: 2000 }, [2000], 200, [200]],
    ['within limits', { usageLimit: 2, usedCount: 1, perShopperLimit: 2, usedByShopper: 1 }, [500], 50, [50]],
    [
      'inside the window',
      { startsAt: new Date('2026-11-01T00:00:00Z'), endsAt: new Date('2026-12-01T00:00:00Z') },
      [500],
      50,
      [50],
    ],
  ])('applies %s', (_, facts, subtotals, discount, allocation) => {
    const result = evaluateCoupon({ ...base, ...facts }, groups(...subtotals), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.discount).toEqual(usd(discount));
    expect(result.value.allocation.map((m) => m.minor)).toEqual(allocation);
  });
});

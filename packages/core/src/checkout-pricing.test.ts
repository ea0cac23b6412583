import { describe, expect, it } from 'vitest';
import { priceCheckout, type PricingGroup } from './checkout-pricing.js';
import type { CouponFacts } from './coupon-rules.js';
import { money } from './money.js';

const usd = (minor: number) => money(minor, 'USD');
const NOW = new Date('2026-11-22T10:00:00Z');
const shipping = { flatFee: usd(500), freeThreshold: usd(5000) };
const coupon = (facts: Partial<CouponFacts>): CouponFacts => ({
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
  ...facts,
});
const goods = (price: number, quantity: number) => ({
  unitPrice: usd(price),
  quantity,
  kind: 'GOODS' as const,
});
const service = (price: number, quantity: number) => ({
  unitPrice: usd(price),
  quantity,
  kind: 'SERVICE' as const,
});

type Row = [string, PricingGroup[], CouponFacts | null, [number, number, number, number][], string | null];

describe('priceCheckout', () => {
  // Each expected order: [subtotal, discount, shipping, total]
  it.each<Row>([
    [
      'one goods order below free shipping',
      [{ merchantId: 'a', lines: [goods(1250, 2)] }],
      null,
      [[2500, 0, 500, 3000]],
      null,
    ],
    [
      'free shipping at the threshold',
      [{ merchantId: 'a', lines: [goods(2500, 2)] }],
      null,
      [[5000, 0, 0, 5000]],
      null,
    ],
    [
      'services ship free',
      [{ merchantId: 'a', lines: [service(12_000, 1)] }],
      null,
      [[12_000, 0, 0, 12_000]],
      null,
    ],
    [
      'mixed order ships as goods',
      [{ merchantId: 'a', lines: [service(1000, 1), goods(500, 1)] }],
      null,
      [[1500, 0, 500, 2000]],
      null,
    ],
    [
      'platform 10 % over two merchants',
      [
        { merchantId: 'a', lines: [goods(1999, 1)] },
        { merchantId: 'b', lines: [goods(1001, 3)] },
      ],
      coupon({}),
      [
        [1999, 200, 500, 2299],
        [3003, 300, 500, 3203],
      ],
      null,
    ],
    [
      'a discount that drops an order below free shipping',
      [{ merchantId: 'a', lines: [goods(5000, 1)] }],
      coupon({ kind: 'FIXED_AMOUNT', value: 100 }),
      [[5000, 100, 500, 5400]],
      null,
    ],
    [
      'merchant coupon only discounts its merchant',
      [
        { merchantId: 'a', lines: [goods(6000, 1)] },
        { merchantId: 'b', lines: [goods(6000, 1)] },
      ],
      coupon({ merchantId: 'b', value: 1500, minSpendMinor: 5000 }),
      [
        [6000, 0, 0, 6000],
        [6000, 900, 0, 5100],
      ],
      null,
    ],
    [
      'a refused coupon takes nothing off and says why',
      [{ merchantId: 'a', lines: [goods(1000, 1)] }],
      coupon({ minSpendMinor: 2000 }),
      [[1000, 0, 500, 1500]],
      'COUPON_MIN_SPEND_NOT_MET',
    ],
  ])('%s', (_, groups, c, expected, couponError) => {
    const priced = priceCheckout({ currency: 'USD', groups, coupon: c, shipping, now: NOW });
    expect(
      priced.orders.map((o) => [o.subtotal.minor, o.discount.minor, o.shippingFee.minor, o.total.minor]),
    ).toEqual(expected);
    const column = (i: number) => expected.reduce((s, row) => s + row[i]!, 0);
    expect([
      priced.subtotal.minor,
      priced.discount.minor,
      priced.shippingFee.minor,
      priced.total.minor,
    ]).toEqual([column(0), column(1), column(2), column(3)]);
    expect(priced.couponError?.code ?? null).toBe(couponError);
    expect(priced.couponApplied).toBe(c !== null && couponError === null);
  });

  it('keeps order kinds and line totals', () => {
    const priced = priceCheckout({
      currency: 'USD',
      groups: [
        { merchantId: 'a', lines: [service(3000, 2)] },
        { merchantId: 'b', lines: [goods(333, 3), service(1, 1)] },
      ],
      coupon: null,
      shipping,
      now: NOW,
    });
    expect(priced.orders.map((o) => [o.kind, o.lineTotals.map((m) => m.minor)])).toEqual([
      ['SERVICE', [6000]],
      ['GOODS', [999, 1]],
    ]);
  });
});

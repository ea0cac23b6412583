import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import { shippingFee } from './shipping.js';

const usd = (minor: number) => money(minor, 'USD');

describe('shippingFee', () => {
  it.each<[string, boolean, number, number, number | null, number]>([
    ['services only', false, 1000, 500, 5000, 0],
    ['goods below the threshold', true, 4999, 500, 5000, 500],
    ['goods at the threshold', true, 5000, 500, 5000, 0],
    ['goods above the threshold', true, 12_000, 500, 5000, 0],
    ['goods, no free threshold', true, 1_000_000, 500, null, 500],
    ['goods, free shipping everywhere', true, 100, 0, null, 0],
    ['goods discounted to zero', true, 0, 500, 5000, 500],
  ])('%s', (_, hasGoods, itemsTotal, flat, threshold, fee) => {
    const policy = { flatFee: usd(flat), freeThreshold: threshold === null ? null : usd(threshold) };
    expect(shippingFee({ hasGoods, itemsTotal: usd(itemsTotal) }, policy)).toEqual(usd(fee));
  });
});

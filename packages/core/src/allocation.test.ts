import { describe, expect, it } from 'vitest';
import { allocateProportionally } from './allocation.js';
import { money } from './money.js';

const usd = (minor: number) => money(minor, 'USD');

describe('allocateProportionally', () => {
  it.each<[number, number[], number[]]>([
    [0, [1000, 2000], [0, 0]],
    [300, [1000, 2000], [100, 200]],
    [100, [1, 1, 1], [33, 34, 33]],
    [1, [1, 1], [0, 1]], // 0.5 → 0 (even), 1.0 → 1
    [3, [1, 1], [2, 1]], // 1.5 → 2 (even), 3
    [10, [0, 5, 5], [0, 5, 5]],
    [1000, [1000], [1000]],
    [999, [333, 333, 334], [333, 332, 334]],
    [1001, [1001, 1001], [500, 501]],
    [2500, [2500, 1999, 1], [1389, 1110, 1]],
    [4500, [2500, 1999, 1], [2500, 1999, 1]],
  ])('splits %s over %j as %j', (total, weights, parts) => {
    const result = allocateProportionally(usd(total), weights.map(usd));
    expect(result.map((m) => m.minor)).toEqual(parts);
  });

  it('always adds up exactly, never goes negative and never exceeds a weight when total ≤ weights', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let run = 0; run < 2000; run++) {
      const weights = Array.from({ length: 1 + rand(6) }, () => rand(50_000));
      const weightSum = weights.reduce((a, b) => a + b, 0);
      if (weightSum === 0) continue;
      const total = rand(weightSum + 1);
      const parts = allocateProportionally(usd(total), weights.map(usd)).map((m) => m.minor);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(weights[i]!);
      });
    }
  });

  it.each<[string, () => unknown]>([
    ['a negative total', () => allocateProportionally(usd(-1), [usd(1)])],
    ['a negative weight', () => allocateProportionally(usd(1), [usd(-1), usd(3)])],
    ['another currency', () => allocateProportionally(usd(1), [money(1, 'TWD')])],
    ['nothing to spread over', () => allocateProportionally(usd(1), [usd(0)])],
  ])('throws on %s', (_, run) => {
    expect(run).toThrow(RangeError);
  });

  it('allocates zero over zero weights', () => {
    expect(allocateProportionally(usd(0), [usd(0), usd(0)]).map((m) => m.minor)).toEqual([0, 0]);
  });
});

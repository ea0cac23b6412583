import { type Money, money, roundHalfEven } from './money.js';

/**
 * Splits `total` across parts in proportion to `weights` (all in one currency) so that the parts
 * add up to `total` exactly. Cumulative rounding: part i is round(total·W≤i/W) − round(total·W<i/W),
 * each rounding done by `roundHalfEven`. Because the rounded running sum never decreases, no part
 * is negative; and when `total` does not exceed the weights' sum, no part exceeds its own weight
 * (a discount never makes an order's merchandise negative).
 *
 * Zero weights get zero. All weights zero: everything is zero unless `total` is non-zero, which is
 * a caller bug (there is nothing to spread it over) and throws.
 */
export function allocateProportionally(total: Money, weights: readonly Money[]): Money[] {
  if (total.minor < 0) throw new RangeError('allocateProportionally: total must not be negative');
  for (const w of weights) {
    if (w.currency !== total.currency) throw new RangeError('allocateProportionally: currency mismatch');
    if (w.minor < 0) throw new RangeError('allocateProportionally: weights must not be negative');
  }
  const weightSum = weights.reduce((s, w) => s + BigInt(w.minor), 0n);
  if (weightSum === 0n) {
    if (total.minor !== 0) throw new RangeError('allocateProportionally: nothing to allocate over');
    return weights.map(() => money(0, total.currency));
  }
  const t = BigInt(total.minor);
  let cumulativeWeight = 0n;
  let previous = 0n;
  return weights.map((w) => {
    cumulativeWeight += BigInt(w.minor);
    const upTo = roundHalfEven(t * cumulativeWeight, weightSum);
    const part = upTo - previous;
    previous = upTo;
    return money(Number(part), total.currency);
  });
}

import { err, ok, type Result } from './result.js';

/** A sane per-line cap, independent of stock: stops typos like 1000 and hoarding. */
export const MAX_LINE_QUANTITY = 99;

export type LineQuantityError = {
  readonly code: 'INVALID_QUANTITY' | 'QUANTITY_EXCEEDS_LINE_MAXIMUM' | 'QUANTITY_EXCEEDS_STOCK';
  /** The largest quantity that would have been accepted, when one exists. */
  readonly max?: number;
  readonly message: string;
};

/**
 * Validates a requested line quantity against the line maximum, then stock (`null` = unlimited,
 * e.g. a consulting service). The maximum is checked first so the answer does not depend on,
 * or reveal, how much stock there is when the request is absurd anyway.
 */
export function checkLineQuantity(
  requested: number,
  stock: number | null,
): Result<number, LineQuantityError> {
  if (!Number.isSafeInteger(requested) || requested < 1) {
    return err({ code: 'INVALID_QUANTITY', message: 'Quantity must be a whole number of at least 1.' });
  }
  if (requested > MAX_LINE_QUANTITY) {
    return err({
      code: 'QUANTITY_EXCEEDS_LINE_MAXIMUM',
      max: MAX_LINE_QUANTITY,
      message: `At most ${MAX_LINE_QUANTITY} of an item can be ordered at once.`,
    });
  }
  if (stock !== null && requested > stock) {
    const available = Math.max(0, Math.floor(stock));
    const message =
      available === 0 ? 'This item is out of stock.' : `Only ${available} of this item are in stock.`;
    return err({ code: 'QUANTITY_EXCEEDS_STOCK', max: available, message });
  }
  return ok(requested);
}

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

export type CartLineUnavailableReason = 'OFF_SALE' | 'OUT_OF_STOCK' | 'INSUFFICIENT_STOCK';

export type CartLineAvailability =
  | { readonly available: true; readonly maxQuantity: number }
  | {
      readonly available: false;
      readonly reason: CartLineUnavailableReason;
      /** The most units the line may hold now (0 when it cannot be bought at all). */
      readonly maxQuantity: number;
    };

/**
 * Whether a cart line can be checked out as it is now. `onSale`: the product is published and its
 * merchant active. `stock`: units in stock, `null` when not stock-counted (consulting services).
 * Off sale wins over stock, because no quantity change can fix it.
 */
export function cartLineAvailability(line: {
  readonly quantity: number;
  readonly onSale: boolean;
  readonly stock: number | null;
}): CartLineAvailability {
  const inStock = line.stock === null ? MAX_LINE_QUANTITY : Math.max(0, Math.floor(line.stock));
  const maxQuantity = Math.min(MAX_LINE_QUANTITY, inStock);
  if (!line.onSale) return { available: false, reason: 'OFF_SALE', maxQuantity: 0 };
  if (inStock === 0) return { available: false, reason: 'OUT_OF_STOCK', maxQuantity: 0 };
  if (line.quantity > maxQuantity) return { available: false, reason: 'INSUFFICIENT_STOCK', maxQuantity };
  return { available: true, maxQuantity };
}

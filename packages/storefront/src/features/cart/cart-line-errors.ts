import { MAX_LINE_QUANTITY } from '@marketplace/core';
import type { TFunction } from '../../lib/i18n/translator.js';
import type {
  CartLineUnavailableReason,
  RemoveCartLinesErrorCode,
  SetCartLinesSelectedErrorCode,
  UpdateCartLineErrorCode,
} from '../../gql/graphql.js';

export type CartLineErrorCode =
  | UpdateCartLineErrorCode
  | RemoveCartLinesErrorCode
  | SetCartLinesSelectedErrorCode;

export type CartLineProblem = {
  readonly code: CartLineErrorCode;
  /** The API's English explanation, shown only for a code this client does not know yet. */
  readonly message: string;
  /** The largest accepted quantity, when the API says it. */
  readonly maxQuantity?: number | null;
};

/** The shopper-facing text for a refused change to cart lines, in the UI language (the API sends English). */
export function cartLineErrorMessage(t: TFunction, problem: CartLineProblem): string {
  const { code, maxQuantity } = problem;
  switch (code) {
    case 'CART_NOT_FOUND':
    case 'INVALID_QUANTITY':
    case 'LINE_NOT_FOUND':
    case 'NO_LINES':
    case 'OFF_SALE':
    case 'OUT_OF_STOCK':
      return t(`cart.lineErrors.${code}`);
    case 'QUANTITY_EXCEEDS_LINE_MAXIMUM':
      return t('cart.lineErrors.QUANTITY_EXCEEDS_LINE_MAXIMUM', { max: maxQuantity ?? MAX_LINE_QUANTITY });
    case 'QUANTITY_EXCEEDS_STOCK':
      return maxQuantity == null || maxQuantity <= 0
        ? t('cart.lineErrors.OUT_OF_STOCK')
        : t('cart.lineErrors.QUANTITY_EXCEEDS_STOCK', { count: maxQuantity });
    default: {
      // A code added to the schema fails the build here; at run time a newer API's code falls back.
      const unknown: never = code;
      return problem.message || t('cart.lineErrors.unknown') || String(unknown);
    }
  }
}

/** Why a line cannot be checked out as it is, or null when it can. */
export function unavailableMessage(
  t: TFunction,
  reason: CartLineUnavailableReason | null | undefined,
  availableQuantity: number,
): string | null {
  switch (reason) {
    case null:
    case undefined:
      return null;
    case 'OFF_SALE':
      return t('cart.unavailable.OFF_SALE');
    case 'OUT_OF_STOCK':
      return t('cart.unavailable.OUT_OF_STOCK');
    case 'INSUFFICIENT_STOCK':
      return t('cart.unavailable.INSUFFICIENT_STOCK', { count: availableQuantity });
    default: {
      const unknown: never = reason;
      return String(unknown);
    }
  }
}

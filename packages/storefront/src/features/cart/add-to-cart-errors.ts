import { MAX_LINE_QUANTITY } from '@marketplace/core';
import type { TFunction } from '../../lib/i18n/translator.js';
import type { AddToCartErrorCode } from '../../gql/graphql.js';

export type AddToCartProblem = {
  readonly code: AddToCartErrorCode;
  /** The API's English explanation, shown only for a code this client does not know yet. */
  readonly message: string;
  /** Units in stock when known (client-side check or the variant's stock). */
  readonly stock?: number | null;
};

/** The shopper-facing text for a refused `addToCart`, in the UI language (the API sends English). */
export function addToCartErrorMessage(t: TFunction, problem: AddToCartProblem): string {
  const { code, stock } = problem;
  switch (code) {
    case 'CART_NOT_FOUND':
      return t('cart.errors.CART_NOT_FOUND');
    case 'INVALID_QUANTITY':
      return t('cart.errors.INVALID_QUANTITY');
    case 'OUT_OF_STOCK':
      return t('cart.errors.OUT_OF_STOCK');
    case 'QUANTITY_EXCEEDS_LINE_MAXIMUM':
      return t('cart.errors.QUANTITY_EXCEEDS_LINE_MAXIMUM', { max: MAX_LINE_QUANTITY });
    case 'QUANTITY_EXCEEDS_STOCK':
      return stock == null || stock <= 0
        ? t('cart.errors.OUT_OF_STOCK')
        : t('cart.errors.QUANTITY_EXCEEDS_STOCK', { count: stock });
    case 'VARIANT_NOT_FOUND':
      return t('cart.errors.VARIANT_NOT_FOUND');
    default: {
      // A code added to the schema fails the build here; at run time a newer API's code falls back.
      const unknown: never = code;
      return problem.message || t('cart.errors.unknown') || String(unknown);
    }
  }
}

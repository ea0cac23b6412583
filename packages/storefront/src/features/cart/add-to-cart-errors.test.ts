import type { TFunction } from '../../lib/i18n/translator.js';
import { describe, expect, it } from 'vitest';
import type { AddToCartErrorCode } from '../../gql/graphql.js';
import { addToCartErrorMessage } from './add-to-cart-errors.js';

// Echoes the key and options, so the test checks which text is chosen, not the wording.
const t = ((key: string, options?: object) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('addToCartErrorMessage', () => {
  it.each<[AddToCartErrorCode, number | null, string]>([
    ['OUT_OF_STOCK', 0, 'cart.errors.OUT_OF_STOCK'],
    ['INVALID_QUANTITY', 5, 'cart.errors.INVALID_QUANTITY'],
    ['QUANTITY_EXCEEDS_LINE_MAXIMUM', 500, 'cart.errors.QUANTITY_EXCEEDS_LINE_MAXIMUM {"max":99}'],
    ['QUANTITY_EXCEEDS_STOCK', 3, 'cart.errors.QUANTITY_EXCEEDS_STOCK {"count":3}'],
    ['QUANTITY_EXCEEDS_STOCK', 0, 'cart.errors.OUT_OF_STOCK'],
    ['VARIANT_NOT_FOUND', null, 'cart.errors.VARIANT_NOT_FOUND'],
    ['CART_NOT_FOUND', null, 'cart.errors.CART_NOT_FOUND'],
  ])('%s (stock %s)', (code, stock, expected) => {
    expect(addToCartErrorMessage(t, { code, message: 'server text', stock })).toBe(expected);
  });

  it('shows the server message for a code from a newer API', () => {
    const code = 'SOMETHING_NEW' as AddToCartErrorCode;
    expect(addToCartErrorMessage(t, { code, message: 'Newer reason.' })).toBe('Newer reason.');
  });
});

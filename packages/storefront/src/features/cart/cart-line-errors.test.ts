import type { TFunction } from '../../lib/i18n/translator.js';
import { describe, expect, it } from 'vitest';
import { type CartLineErrorCode, cartLineErrorMessage, unavailableMessage } from './cart-line-errors.js';

// Echoes the key and options, so the test checks which text is chosen, not the wording.
const t = ((key: string, options?: object) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('cartLineErrorMessage', () => {
  it.each<[CartLineErrorCode, number | null, string]>([
    ['INVALID_QUANTITY', null, 'cart.lineErrors.INVALID_QUANTITY'],
    ['LINE_NOT_FOUND', null, 'cart.lineErrors.LINE_NOT_FOUND'],
    ['CART_NOT_FOUND', null, 'cart.lineErrors.CART_NOT_FOUND'],
    ['NO_LINES', null, 'cart.lineErrors.NO_LINES'],
    ['OFF_SALE', null, 'cart.lineErrors.OFF_SALE'],
    ['OUT_OF_STOCK', 0, 'cart.lineErrors.OUT_OF_STOCK'],
    ['QUANTITY_EXCEEDS_STOCK', 4, 'cart.lineErrors.QUANTITY_EXCEEDS_STOCK {"count":4}'],
    ['QUANTITY_EXCEEDS_STOCK', 0, 'cart.lineErrors.OUT_OF_STOCK'],
    ['QUANTITY_EXCEEDS_LINE_MAXIMUM', 99, 'cart.lineErrors.QUANTITY_EXCEEDS_LINE_MAXIMUM {"max":99}'],
    ['QUANTITY_EXCEEDS_LINE_MAXIMUM', null, 'cart.lineErrors.QUANTITY_EXCEEDS_LINE_MAXIMUM {"max":99}'],
  ])('%s (max %s)', (code, maxQuantity, expected) => {
    expect(cartLineErrorMessage(t, { code, message: 'server text', maxQuantity })).toBe(expected);
  });

  it('shows the server message for a code from a newer API', () => {
    const code = 'SOMETHING_NEW' as CartLineErrorCode;
    expect(cartLineErrorMessage(t, { code, message: 'Newer reason.' })).toBe('Newer reason.');
  });
});

describe('unavailableMessage', () => {
  it.each([
    [null, 5, null],
    ['OFF_SALE', 0, 'cart.unavailable.OFF_SALE'],
    ['OUT_OF_STOCK', 0, 'cart.unavailable.OUT_OF_STOCK'],
    ['INSUFFICIENT_STOCK', 2, 'cart.unavailable.INSUFFICIENT_STOCK {"count":2}'],
  ] as const)('%s', (reason, available, expected) => {
    expect(unavailableMessage(t, reason, available)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import {
  cartLineAvailability,
  checkLineQuantity,
  type LineQuantityError,
  MAX_LINE_QUANTITY,
} from './cart-rules.js';

type Code = LineQuantityError['code'];

describe('checkLineQuantity', () => {
  it('caps a line at 99', () => {
    expect(MAX_LINE_QUANTITY).toBe(99);
  });

  it.each<[number, number | null]>([
    [1, null],
    [1, 1],
    [5, 10],
    [10, 10],
    [99, null],
    [99, 1000],
  ])('accepts %s with stock %s', (requested, stock) => {
    expect(checkLineQuantity(requested, stock)).toEqual({ ok: true, value: requested });
  });

  it.each<[number, number | null, Code, number | undefined]>([
    [0, null, 'INVALID_QUANTITY', undefined],
    [-1, 10, 'INVALID_QUANTITY', undefined],
    [1.5, 10, 'INVALID_QUANTITY', undefined],
    [Number.NaN, 10, 'INVALID_QUANTITY', undefined],
    [Number.POSITIVE_INFINITY, null, 'INVALID_QUANTITY', undefined],
    [0, 0, 'INVALID_QUANTITY', undefined],
    [100, null, 'QUANTITY_EXCEEDS_LINE_MAXIMUM', 99],
    [100, 1000, 'QUANTITY_EXCEEDS_LINE_MAXIMUM', 99],
    // the line maximum is checked before stock
    [150, 3, 'QUANTITY_EXCEEDS_LINE_MAXIMUM', 99],
    [11, 10, 'QUANTITY_EXCEEDS_STOCK', 10],
    [1, 0, 'QUANTITY_EXCEEDS_STOCK', 0],
    [2, -3, 'QUANTITY_EXCEEDS_STOCK', 0],
  ])('rejects %s with stock %s as %s (max %s)', (requested, stock, code, max) => {
    const result = checkLineQuantity(requested, stock);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.max).toBe(max);
    expect(result.error.message).not.toBe('');
  });
});

describe('cartLineAvailability', () => {
  it.each<[string, number, boolean, number | null, ReturnType<typeof cartLineAvailability>]>([
    ['on sale with stock to spare', 2, true, 10, { available: true, maxQuantity: 10 }],
    ['exactly the stock', 10, true, 10, { available: true, maxQuantity: 10 }],
    ['a service without a stock limit', 5, true, null, { available: true, maxQuantity: MAX_LINE_QUANTITY }],
    ['plenty of stock, capped by the line maximum', 1, true, 500, { available: true, maxQuantity: 99 }],
    ['more than the stock', 4, true, 3, { available: false, reason: 'INSUFFICIENT_STOCK', maxQuantity: 3 }],
    ['sold out', 1, true, 0, { available: false, reason: 'OUT_OF_STOCK', maxQuantity: 0 }],
    [
      'negative stock counts as sold out',
      1,
      true,
      -2,
      { available: false, reason: 'OUT_OF_STOCK', maxQuantity: 0 },
    ],
    ['off sale with stock', 1, false, 10, { available: false, reason: 'OFF_SALE', maxQuantity: 0 }],
    [
      'off sale and sold out: off sale wins',
      1,
      false,
      0,
      { available: false, reason: 'OFF_SALE', maxQuantity: 0 },
    ],
    ['an off-sale service', 1, false, null, { available: false, reason: 'OFF_SALE', maxQuantity: 0 }],
  ])('%s', (_name, quantity, onSale, stock, expected) => {
    expect(cartLineAvailability({ quantity, onSale, stock })).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { checkLineQuantity, type LineQuantityError, MAX_LINE_QUANTITY } from './cart-rules.js';

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

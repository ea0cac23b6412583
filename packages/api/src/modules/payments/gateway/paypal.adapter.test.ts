import { describe, expect, it } from 'vitest';
import { fromPayPalValue, toPayPalValue } from './paypal.adapter.js';

describe('PayPal amounts', () => {
  it.each([
    [1250, 'USD', 2, '12.50'],
    [5, 'USD', 2, '0.05'],
    [100000, 'EUR', 2, '1000.00'],
    [500, 'JPY', 0, '500'],
    // TWD has cents in ISO 4217 but PayPal takes whole dollars only.
    [30000, 'TWD', 2, '300'],
  ])('%i minor %s ↔ "%s"', (minor, currency, digits, value) => {
    expect(toPayPalValue(minor, currency, digits as number)).toBe(value);
    expect(fromPayPalValue(value as string, currency, digits as number)).toBe(minor);
  });

  it('refuses an amount PayPal cannot take rather than rounding it', () => {
    expect(() => toPayPalValue(30050, 'TWD', 2)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.js';

// Intl separates the symbol with a no-break space in some locales; compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it.each([
    { amount: '24.00', currencyCode: 'USD', locale: 'en', expected: '$24.00' },
    { amount: '1234.5', currencyCode: 'USD', locale: 'en', expected: '$1,234.50' },
    { amount: '24.00', currencyCode: 'USD', locale: 'zh-TW', expected: 'US$24.00' },
    { amount: '1200.00', currencyCode: 'TWD', locale: 'zh-TW', expected: '$1,200.00' },
    { amount: '1200.00', currencyCode: 'TWD', locale: 'en', expected: 'NT$1,200.00' },
    { amount: '1234', currencyCode: 'JPY', locale: 'en', expected: '¥1,234' },
    { amount: '-5.25', currencyCode: 'USD', locale: 'en', expected: '-$5.25' },
    { amount: '0.00', currencyCode: 'USD', locale: 'en', expected: '$0.00' },
  ])(
    'formats $amount $currencyCode in $locale as $expected',
    ({ amount, currencyCode, locale, expected }) => {
      expect(plain(formatMoney({ amount, currencyCode }, locale))).toBe(expected);
    },
  );

  it('keeps every digit of amounts beyond float precision', () => {
    // Number('90071992547409.93') is 90071992547409.9375 and would print as …409.94.
    expect(formatMoney({ amount: '90071992547409.93', currencyCode: 'USD' }, 'en')).toBe(
      '$90,071,992,547,409.93',
    );
  });

  it('does not round 0.1 + 0.2 style values', () => {
    expect(formatMoney({ amount: '0.30', currencyCode: 'USD' }, 'en')).toBe('$0.30');
  });

  it.each([
    { amount: 'abc', currencyCode: 'USD', expected: 'abc USD' },
    { amount: '1e3', currencyCode: 'USD', expected: '1e3 USD' },
    { amount: '12.00', currencyCode: 'NOT-A-CODE', expected: '12.00 NOT-A-CODE' },
  ])('falls back to the raw value for $amount $currencyCode', ({ amount, currencyCode, expected }) => {
    expect(formatMoney({ amount, currencyCode }, 'en')).toBe(expected);
  });
});

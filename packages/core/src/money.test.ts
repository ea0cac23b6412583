import { describe, expect, it } from 'vitest';
import {
  add,
  CurrencyMismatchError,
  compare,
  currencyExponent,
  formatMoney,
  isCurrencyCode,
  isZero,
  type Money,
  MoneyRangeError,
  money,
  multiply,
  parseDecimal,
  percentageOf,
  roundHalfEven,
  subtract,
  sum,
  toDecimalString,
} from './money.js';

const MAX = Number.MAX_SAFE_INTEGER;
const usd = (minor: number): Money => money(minor, 'USD');

describe('money()', () => {
  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1, -MAX - 1])(
    'rejects %s minor units',
    (minor) => {
      expect(() => money(minor, 'USD')).toThrow(MoneyRangeError);
    },
  );

  it('accepts the safe-integer bounds', () => {
    expect(money(MAX, 'USD').minor).toBe(MAX);
    expect(money(-MAX, 'USD').minor).toBe(-MAX);
  });

  it('rejects a currency outside the table (untyped data)', () => {
    expect(() => money(1, 'XXX' as never)).toThrow(RangeError);
  });

  it('normalizes negative zero', () => {
    expect(Object.is(money(-0, 'USD').minor, 0)).toBe(true);
    expect(Object.is(multiply(usd(-5), 0).minor, 0)).toBe(true);
  });
});

describe('currency table', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['TWD', 2],
    ['HKD', 2],
    ['CNY', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['SGD', 2],
    ['AUD', 2],
    ['CAD', 2],
  ] as const)('%s has exponent %i', (currency, exponent) => {
    expect(isCurrencyCode(currency)).toBe(true);
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it.each(['usd', 'XXX', '', 'toString', 'constructor', 42, null])('%s is not a currency code', (value) => {
    expect(isCurrencyCode(value)).toBe(false);
  });
});

describe('toDecimalString', () => {
  it.each([
    [1234, 'USD', '12.34'],
    [5, 'USD', '0.05'],
    [-5, 'USD', '-0.05'],
    [50, 'USD', '0.50'],
    [-1234, 'USD', '-12.34'],
    [0, 'USD', '0.00'],
    [100, 'TWD', '1.00'],
    [1234, 'JPY', '1234'],
    [-7, 'KRW', '-7'],
    [0, 'JPY', '0'],
    [MAX, 'USD', '90071992547409.91'],
  ] as const)('%i %s → %s', (minor, currency, expected) => {
    expect(toDecimalString(money(minor, currency))).toBe(expected);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12.34', 'USD', 1234],
    ['12.3', 'USD', 1230],
    ['12', 'USD', 1200],
    ['0.05', 'USD', 5],
    ['-0.05', 'USD', -5],
    ['007.50', 'USD', 750],
    [' 1.5 ', 'EUR', 150],
    ['-0', 'USD', 0],
    ['1234', 'JPY', 1234],
    ['90071992547409.91', 'USD', MAX],
  ] as const)('%j %s → %i', (input, currency, minor) => {
    expect(parseDecimal(input, currency)).toEqual({ ok: true, value: { minor, currency } });
  });

  it.each([
    ['12.345', 'USD'],
    ['1.230', 'USD'],
    ['12.5', 'JPY'],
    ['1.0', 'KRW'],
  ] as const)('%j in %s has too many fraction digits', (input, currency) => {
    const result = parseDecimal(input, currency);
    expect(result.ok || result.error.code).toBe('TOO_MANY_FRACTION_DIGITS');
  });

  it.each([
    '',
    'abc',
    '12,34',
    '1,234.00',
    '1e3',
    '1E-2',
    '12.',
    '.5',
    '+5',
    '--1',
    '0x10',
    'Infinity',
    'NaN',
    '١٢',
  ])('%j is not a decimal amount', (input) => {
    const result = parseDecimal(input, 'USD');
    expect(result.ok || result.error.code).toBe('INVALID_AMOUNT');
  });

  it.each(['90071992547409.92', '-90071992547409.92', '99999999999999999999'])(
    '%j is out of range',
    (input) => {
      const result = parseDecimal(input, 'USD');
      expect(result.ok || result.error.code).toBe('AMOUNT_OUT_OF_RANGE');
    },
  );

  it.each([0, 5, -5, 1234, -99999, MAX])('round-trips %i through toDecimalString', (minor) => {
    expect(parseDecimal(toDecimalString(usd(minor)), 'USD')).toEqual({ ok: true, value: usd(minor) });
  });
});

describe('arithmetic', () => {
  it.each([
    [add, 150, 25, 175],
    [add, 150, -200, -50],
    [subtract, 150, 25, 125],
    [subtract, 25, 150, -125],
  ] as const)('%o(%i, %i) = %i', (op, a, b, expected) => {
    expect(op(usd(a), usd(b))).toEqual(usd(expected));
  });

  it.each([
    [1999, 3, 5997],
    [1999, 0, 0],
    [-250, 4, -1000],
  ])('multiply(%i, %i) = %i', (minor, quantity, expected) => {
    expect(multiply(usd(minor), quantity)).toEqual(usd(expected));
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('multiply rejects quantity %s', (quantity) => {
    expect(() => multiply(usd(100), quantity)).toThrow(MoneyRangeError);
  });

  it.each([
    ['add', () => add(usd(MAX), usd(1))],
    ['add negative', () => add(usd(-MAX), usd(-1))],
    ['subtract', () => subtract(usd(-MAX), usd(1))],
    ['multiply', () => multiply(usd(MAX), 2)],
    ['multiply just past the bound', () => multiply(usd(Math.ceil(MAX / 3)), 3)],
    ['sum', () => sum([usd(MAX - 1), usd(1), usd(1)], 'USD')],
    ['percentageOf', () => percentageOf(usd(MAX), 20_000)],
  ])('%s past Number.MAX_SAFE_INTEGER throws', (_name, operation) => {
    expect(operation).toThrow(MoneyRangeError);
  });

  it.each([
    ['add', () => add(usd(1), money(1, 'EUR'))],
    ['subtract', () => subtract(usd(1), money(1, 'TWD'))],
    ['compare', () => compare(usd(1), money(1, 'JPY'))],
    ['sum of a foreign amount', () => sum([usd(1), money(1, 'EUR')], 'USD')],
    ['sum in another currency', () => sum([usd(1)], 'EUR')],
  ])('%s with mismatched currencies throws', (_name, operation) => {
    expect(operation).toThrow(CurrencyMismatchError);
  });

  it('sums a list, and an empty list to zero', () => {
    expect(sum([usd(100), usd(250), usd(-50)], 'USD')).toEqual(usd(300));
    expect(sum([], 'TWD')).toEqual(money(0, 'TWD'));
  });

  it.each([
    [1, 2, -1],
    [2, 2, 0],
    [3, 2, 1],
    [-3, 2, -1],
  ] as const)('compare(%i, %i) = %i', (a, b, expected) => {
    expect(compare(usd(a), usd(b))).toBe(expected);
  });

  it.each([
    [0, true],
    [1, false],
    [-1, false],
  ])('isZero(%i) = %s', (minor, expected) => {
    expect(isZero(usd(minor))).toBe(expected);
  });
});

describe('rounding', () => {
  it.each([
    [5n, 2n, 2n], // 2.5 → 2 (even)
    [7n, 2n, 4n], // 3.5 → 4 (even)
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [5n, -2n, -2n],
    [26n, 10n, 3n],
    [24n, 10n, 2n],
    [-26n, 10n, -3n],
    [15_001n, 10_000n, 2n],
    [14_999n, 10_000n, 1n],
    [0n, 7n, 0n],
    [9n, 3n, 3n],
  ])('roundHalfEven(%s / %s) = %s', (numerator, denominator, expected) => {
    expect(roundHalfEven(numerator, denominator)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => roundHalfEven(1n, 0n)).toThrow(RangeError);
  });

  it.each([
    [10_000, 1_500, 1_500], // 15 % of 100.00
    [333, 1_500, 50], // 49.95 → 50
    [50, 1_000, 5],
    [25, 1_000, 2], // 2.5 → 2 (tie to even)
    [35, 1_000, 4], // 3.5 → 4 (tie to even)
    [-25, 1_000, -2],
    [1, 5_000, 0], // 0.5 → 0
    [3, 5_000, 2], // 1.5 → 2
    [1999, 10_000, 1999],
    [1999, 0, 0],
    [MAX, 10_000, MAX],
    [MAX, 1, 900_719_925_474], // 900 719 925 474.0991
    [MAX, 9_999, 9_006_298_534_815_517], // product exceeds 2^53: float math would give …516
  ])('percentageOf(%i, %i bp) = %i', (minor, basisPoints, expected) => {
    expect(percentageOf(usd(minor), basisPoints)).toEqual(usd(expected));
  });

  it('rejects fractional basis points', () => {
    expect(() => percentageOf(usd(100), 12.5)).toThrow(MoneyRangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [123_456, 'USD', 'en', '$1,234.56'],
    [123_456, 'USD', 'zh-TW', 'US$1,234.56'],
    [123_400, 'TWD', 'en', 'NT$1,234.00'],
    [123_400, 'TWD', 'zh-TW', '$1,234.00'],
    [1234, 'JPY', 'en', '¥1,234'],
    [-5, 'USD', 'en', '-$0.05'],
    [1250, 'EUR', 'zh-TW', '€12.50'],
    [MAX, 'USD', 'en', '$90,071,992,547,409.91'],
  ] as const)('%i %s in %s → %s', (minor, currency, locale, expected) => {
    expect(formatMoney(money(minor, currency), locale)).toBe(expected);
  });
});

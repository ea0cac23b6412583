import type { Locale } from './locale.js';
import { type CurrencyCode, currencyExponent, isCurrencyCode } from './currency.js';
import { err, ok, type Result } from './result.js';

export {
  CURRENCY_CODES,
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  currencyExponent,
  isCurrencyCode,
} from './currency.js';

/** An amount in integer minor units (cents) of an ISO 4217 currency. Never a float. */
export type Money = { readonly minor: number; readonly currency: CurrencyCode };

/** Thrown when two amounts of different currencies meet: a bug, never a user error. */
export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
}

/** Thrown when an amount is not a safe integer or arithmetic would leave the safe-integer range. */
export class MoneyRangeError extends RangeError {
  override readonly name = 'MoneyRangeError';
}

export function money(minor: number, currency: CurrencyCode): Money {
  // Types guarantee the code, but data from the database or a client may not.
  if (!isCurrencyCode(currency)) throw new RangeError(`Unsupported currency: ${String(currency)}`);
  // `+ 0` turns -0 into 0 so that equal amounts look equal everywhere (Object.is, toString).
  return { minor: checkSafe(minor, `amount ${minor}`) + 0, currency };
}

export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(checkSafe(a.minor + b.minor, 'sum'), a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(checkSafe(a.minor - b.minor, 'difference'), a.currency);
}

export function multiply(m: Money, quantity: number): Money {
  checkSafe(quantity, `quantity ${quantity}`);
  return money(checkSafe(m.minor * quantity, 'product'), m.currency);
}

/** Sums amounts that must all be in `currency`; an empty list sums to zero. */
export function sum(list: readonly Money[], currency: CurrencyCode): Money {
  return list.reduce((total, m) => add(total, m), zero(currency));
}

/**
 * `basisPoints`/10 000 of an amount (1 500 bp = 15 %), for commissions and percentage discounts.
 * The exact product is rounded once, by `roundHalfEven`.
 */
export function percentageOf(m: Money, basisPoints: number): Money {
  checkSafe(basisPoints, `basis points ${basisPoints}`);
  const exact = BigInt(m.minor) * BigInt(basisPoints);
  const rounded = roundHalfEven(exact, 10_000n);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER) || rounded < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyRangeError('percentage exceeds the safe integer range');
  }
  return money(Number(rounded), m.currency);
}

/**
 * The only rounding in money arithmetic: `numerator / denominator` to the nearest integer, ties
 * to the even neighbour (banker's rounding). Half-up would push every exact half-cent tie the
 * same way; over thousands of commission and discount entries that bias accumulates in merchant
 * ledgers, while half-even splits ties evenly and keeps sums of entries honest. Works on
 * bigints so the exact quotient is never approximated by a float.
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d; // truncates toward zero
  const remainder = n % d; // has the sign of n
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  const awayFromZero = twiceRemainder > d || (twiceRemainder === d && quotient % 2n !== 0n);
  if (!awayFromZero) return quotient;
  return n < 0n ? quotient - 1n : quotient + 1n;
}

/** -1, 0 or 1; comparing different currencies is a bug and throws. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  if (a.minor === b.minor) return 0;
  return a.minor < b.minor ? -1 : 1;
}

export function isZero(m: Money): boolean {
  return m.minor === 0;
}

export function isNegative(m: Money): boolean {
  return m.minor < 0;
}

/** Exact decimal in major units without grouping or symbol: 1234 USD → "12.34", JPY 1234 → "1234". */
export function toDecimalString(m: Money): string {
  const exponent = currencyExponent(m.currency);
  const sign = m.minor < 0 ? '-' : '';
  const digits = String(Math.abs(m.minor));
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

export type ParseDecimalError = {
  readonly code: 'INVALID_AMOUNT' | 'TOO_MANY_FRACTION_DIGITS' | 'AMOUNT_OUT_OF_RANGE';
  readonly message: string;
};

/**
 * Parses a plain decimal in major units ("12.34", "-0.5", "1200") into minor units. Rejects
 * grouping separators, exponent notation and more fraction digits than the currency has, so no
 * input is silently rounded.
 */
export function parseDecimal(input: string, currency: CurrencyCode): Result<Money, ParseDecimalError> {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(input.trim());
  if (!match) {
    return err({ code: 'INVALID_AMOUNT', message: `"${input}" is not a decimal amount` });
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > exponent) {
    const message = `${currency} amounts have at most ${exponent} decimal place(s)`;
    return err({ code: 'TOO_MANY_FRACTION_DIGITS', message });
  }
  const minor = Number(`${sign}${whole}${fraction.padEnd(exponent, '0')}`);
  if (!Number.isSafeInteger(minor)) {
    return err({ code: 'AMOUNT_OUT_OF_RANGE', message: `"${input}" is too large` });
  }
  return ok(money(minor, currency));
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Display string with currency symbol and grouping, e.g. "$1,234.56" (en) or "US$1,234.56" (zh-TW). */
export function formatMoney(m: Money, locale: Locale): string {
  const key = `${locale}|${m.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(m.currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: m.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  // A decimal string is formatted exactly; dividing by 10^exponent could introduce float error.
  return formatter.format(toDecimalString(m) as `${number}`);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new CurrencyMismatchError(`Currency mismatch: ${a.currency} and ${b.currency}`);
  }
}

function checkSafe(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyRangeError(`${what} is not an integer within ±Number.MAX_SAFE_INTEGER`);
  }
  return value;
}

/**
 * ISO 4217 minor-unit exponents: how many decimal digits the minor unit has (USD 2 → cents).
 * TWD is 2 per ISO 4217 even though cash has no cents; amounts are stored in those minor units.
 * A currency missing here cannot be priced: add it with its ISO exponent.
 */
export const CURRENCY_EXPONENTS = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  TWD: 2,
  HKD: 2,
  CNY: 2,
  JPY: 0,
  KRW: 0,
  SGD: 2,
  AUD: 2,
  CAD: 2,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export const CURRENCY_CODES = Object.keys(CURRENCY_EXPONENTS) as readonly CurrencyCode[];

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.hasOwn(CURRENCY_EXPONENTS, value);
}

export function currencyExponent(currency: CurrencyCode): number {
  if (!isCurrencyCode(currency)) throw new RangeError(`Unsupported currency: ${String(currency)}`);
  return CURRENCY_EXPONENTS[currency];
}

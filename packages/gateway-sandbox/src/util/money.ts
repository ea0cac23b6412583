/**
 * Currencies PayPal accepts for payments and their decimal digits (PayPal's currency code table:
 * HUF, JPY and TWD take no decimals).
 */
export const PAYPAL_CURRENCIES: Readonly<Record<string, number>> = {
  AUD: 2,
  BRL: 2,
  CAD: 2,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  HKD: 2,
  HUF: 0,
  ILS: 2,
  JPY: 0,
  MYR: 2,
  MXN: 2,
  TWD: 0,
  NZD: 2,
  NOK: 2,
  PHP: 2,
  PLN: 2,
  GBP: 2,
  SGD: 2,
  SEK: 2,
  CHF: 2,
  THB: 2,
  USD: 2,
};

/** PayPal's pattern for `amount.value`. */
const VALUE_PATTERN = /^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]*))$/;

export type AmountIssue =
  | 'INVALID_PARAMETER_SYNTAX'
  | 'DECIMAL_PRECISION'
  | 'DECIMALS_NOT_SUPPORTED'
  | 'CANNOT_BE_ZERO_OR_NEGATIVE'
  | 'CANNOT_BE_NEGATIVE';

/** Parses a PayPal decimal string into minor units of a currency with `digits` decimals. */
export function parseDecimal(
  value: string,
  digits: number,
  opts: { allowZero?: boolean } = {},
): { minor: number } | { issue: AmountIssue } {
  if (value.length === 0 || value.length > 32 || !VALUE_PATTERN.test(value)) {
    return { issue: 'INVALID_PARAMETER_SYNTAX' };
  }
  const negative = value.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  if (digits === 0 && value.includes('.')) return { issue: 'DECIMALS_NOT_SUPPORTED' };
  if (fraction.length > digits) return { issue: 'DECIMAL_PRECISION' };
  if (whole.replace(/^0+/, '').length > 13) return { issue: 'INVALID_PARAMETER_SYNTAX' };
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (negative && minor !== 0)
    return { issue: opts.allowZero ? 'CANNOT_BE_NEGATIVE' : 'CANNOT_BE_ZERO_OR_NEGATIVE' };
  if (minor === 0 && !opts.allowZero) return { issue: 'CANNOT_BE_ZERO_OR_NEGATIVE' };
  return { minor };
}

/** Minor units back to PayPal's decimal string: 1050 → "10.50" (USD), 1050 → "1050" (JPY). */
export function formatDecimal(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/** Decimal digits of any ISO 4217 currency (for display of card amounts). */
export function currencyDigits(currency: string): number {
  if (currency in PAYPAL_CURRENCIES) return PAYPAL_CURRENCIES[currency]!;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** "USD 12.34" */
export function displayAmount(minor: number, currency: string): string {
  return `${currency} ${formatDecimal(minor, currencyDigits(currency))}`;
}

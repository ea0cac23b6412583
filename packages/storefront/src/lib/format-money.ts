/** The shape of the API's `Money` that display needs; `minorUnits` is not required to format. */
export type MoneyValue = { readonly amount: string; readonly currencyCode: string };

const DECIMAL = /^-?\d+(\.\d+)?$/;
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currencyCode: string): Intl.NumberFormat {
  const key = `${locale}|${currencyCode}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // Intl picks the currency's ISO fraction digits, which is what the API sends in `amount`.
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an API amount for display, e.g. "$1,234.50" (en) or "US$1,234.50" (zh-TW).
 * The decimal string is handed to Intl as is: `Number(amount)` could round large amounts, and
 * the API's amount is exact.
 */
export function formatMoney(money: MoneyValue, locale: string): string {
  if (!DECIMAL.test(money.amount)) return `${money.amount} ${money.currencyCode}`;
  try {
    return formatterFor(locale, money.currencyCode).format(money.amount as `${number}`);
  } catch {
    // An unknown currency code must not take the page down; show the raw amount instead.
    return `${money.amount} ${money.currencyCode}`;
  }
}

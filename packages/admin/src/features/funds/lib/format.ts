import type { Locale } from '../../../gql/graphql';

/** The API's locale for the UI language. */
export const apiLocale = (language: string): Locale => (language === 'zh-TW' ? 'ZH_TW' : 'EN');

/** Money as the API gives it (a decimal string and a currency), in the UI language. */
export function formatMoney(money: { amount: string; currencyCode: string }, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: money.currencyCode }).format(
      // Intl formats a decimal string exactly (no float rounding of large amounts).
      money.amount as `${number}`,
    );
  } catch {
    return `${money.currencyCode} ${money.amount}`;
  }
}

/** Whether an API amount is below zero ("-12.00"). */
export const isNegativeAmount = (amount: string) => amount.trim().startsWith('-');

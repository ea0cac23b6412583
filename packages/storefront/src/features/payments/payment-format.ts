import { CombinedGraphQLErrors } from '@apollo/client';
import type { Locale } from '@marketplace/core';
import type { TFunction } from '../../lib/i18n/translator.js';

/** How a payment was made, as receipts say it: "PayPal (buyer@example.com)" or "UnionPay card •••• 0005". */
export type PaidWithParts = {
  method: 'PAYPAL' | 'UNIONPAY_CARD';
  payerEmail?: string | null;
  card?: { masked: string } | null;
};

export function paidWithText(payment: PaidWithParts, t: TFunction): string {
  switch (payment.method) {
    case 'PAYPAL':
      return payment.payerEmail
        ? t('payments.method.paypalWith', { email: payment.payerEmail })
        : t('payments.method.PAYPAL');
    case 'UNIONPAY_CARD':
      return payment.card
        ? t('payments.method.cardWith', { masked: payment.card.masked })
        : t('payments.method.UNIONPAY_CARD');
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date-time for people, in the UI language; an unparsable value is shown as it came. */
export function formatPaymentTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

/** Whether a request failed because the shopper is not signed in (the session ended). */
export function isUnauthenticated(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}

/** Whether the API throttled the request (too many wrong attempts). */
export function isThrottled(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'THROTTLED');
}

/** The last four digits of a masked phone number (`+86 ••• •••• 8000` → `8000`), or null. */
export function phoneEnding(hint: string | null | undefined): string | null {
  return /(\d{4})\s*$/.exec(hint ?? '')?.[1] ?? null;
}

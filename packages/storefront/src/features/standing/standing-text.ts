import type { Locale } from '@marketplace/core';

export type SanctionKind = 'GENERAL_FREEZE' | 'SAFE_FREEZE' | 'DISABLED' | 'DELETION';
export type SanctionSubject = 'ACCOUNT' | 'STORE';

/** The article that explains every restriction (help center). */
export const RESTRICTIONS_ARTICLE = 'account-restrictions';

/** Freezes that leave the account read-only are announced as alerts; a general freeze as a status. */
export function bannerRole(kind: SanctionKind): 'alert' | 'status' {
  return kind === 'GENERAL_FREEZE' ? 'status' : 'alert';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The end date for people, in the UI language; an unparsable value is shown as it came. */
export function formatEndDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

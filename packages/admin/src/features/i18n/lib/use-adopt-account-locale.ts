import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../gql/graphql';
import { fromApiLocale, readStoredLocale } from './locale';

/**
 * After sign-in, speaks the account's preferred language unless this browser already has a choice:
 * an explicit switch here wins over the account setting.
 */
export function useAdoptAccountLocale() {
  const { i18n } = useTranslation();
  return useCallback(
    (accountLocale: Locale) => {
      if (readStoredLocale()) return;
      const locale = fromApiLocale(accountLocale);
      if (i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
    },
    [i18n],
  );
}

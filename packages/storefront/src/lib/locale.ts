import { assertNever, DEFAULT_LOCALE, isLocale, type Locale } from '@marketplace/core';
import { useTranslation } from './i18n/react.js';
import type { Locale as ApiLocale } from '../gql/graphql.js';

/** The GraphQL `Locale` enum value for a UI language. */
export function toApiLocale(locale: Locale): ApiLocale {
  switch (locale) {
    case 'en':
      return 'EN';
    case 'zh-TW':
      return 'ZH_TW';
    default:
      return assertNever(locale, 'locale');
  }
}

/** The current UI language; components re-render when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

/**
 * The current UI language as the `$locale` variable of localized queries: a language switch
 * changes the variables, so Apollo fetches (or reads from cache) the other language's fields.
 */
export function useApiLocale(): ApiLocale {
  return toApiLocale(useLocale());
}

import type { Locale } from '../../../gql/graphql';

/** Languages the admin SPA speaks, as BCP 47 tags (also the i18next language codes and `<html lang>`). */
export const SUPPORTED_LOCALES = ['en', 'zh-TW'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: AppLocale = 'en';

/** Where the language choice is remembered in this browser. */
export const LOCALE_STORAGE_KEY = 'mp_admin_locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The closest supported language for the browser's preferences: any Chinese reads Traditional Chinese. */
export function matchLocale(preferred: readonly string[]): AppLocale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-TW';
  }
  return DEFAULT_LOCALE;
}

/** The API names languages by enum (`EN`, `ZH_TW`). */
export function fromApiLocale(locale: Locale): AppLocale {
  switch (locale) {
    case 'EN':
      return 'en';
    case 'ZH_TW':
      return 'zh-TW';
    default:
      // A language added to the API later falls back until the SPA learns it.
      locale satisfies never;
      return DEFAULT_LOCALE;
  }
}

// Storage can throw (blocked by privacy settings, full quota): the choice is then simply not remembered.
export function readStoredLocale(storage?: Pick<Storage, 'getItem'>): AppLocale | null {
  try {
    const value = (storage ?? globalThis.localStorage)?.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: AppLocale, storage?: Pick<Storage, 'setItem'>): void {
  try {
    (storage ?? globalThis.localStorage)?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered; the switch still works for this visit.
  }
}

/** The language to start in: the remembered choice, else the browser's preference. */
export function initialLocale(): AppLocale {
  return readStoredLocale() ?? matchLocale(globalThis.navigator?.languages ?? []);
}

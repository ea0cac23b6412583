import { DEFAULT_LOCALE, isLocale, type Locale } from '@marketplace/core';
import { type KeyValueStorage, readItem, writeItem } from '../../lib/storage.js';

export const LOCALE_STORAGE_KEY = 'mp_locale';

/**
 * The language to start in: the one the shopper picked before, else the first browser language we
 * speak. Any Chinese tag selects zh-TW, our only Chinese.
 */
export function detectLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'zh') return 'zh-TW';
    if (language === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}

export function readLocalePreference(storage: KeyValueStorage | null): string | null {
  return readItem(storage, LOCALE_STORAGE_KEY);
}

export function saveLocalePreference(storage: KeyValueStorage | null, locale: Locale): void {
  writeItem(storage, LOCALE_STORAGE_KEY, locale);
}

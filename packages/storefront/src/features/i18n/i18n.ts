import { isLocale, LOCALES, type Locale } from '@marketplace/core';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { KeyValueStorage } from '../../lib/storage.js';
import { detectLocale, readLocalePreference, saveLocalePreference } from './locale-preference.js';
import { resources } from './resources.js';

type Options = {
  readonly storage: KeyValueStorage | null;
  readonly browserLanguages: readonly string[];
  /** The page's <html>, whose `lang` follows the UI language (screen readers, fonts, hyphenation). */
  readonly documentElement?: HTMLElement;
};

/** An i18next instance with both languages bundled (they are small), ready synchronously. */
export function createI18n({ storage, browserLanguages, documentElement }: Options): I18n {
  const initial: Locale = detectLocale(readLocalePreference(storage), browserLanguages);
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    react: { useSuspense: false },
  });
  if (documentElement) documentElement.lang = initial;
  // Registered after init: only the shopper's own choice is remembered, not the detected default.
  instance.on('languageChanged', (language) => {
    if (!isLocale(language)) return;
    if (documentElement) documentElement.lang = language;
    saveLocalePreference(storage, language);
  });
  return instance;
}

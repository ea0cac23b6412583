import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, initialLocale, SUPPORTED_LOCALES } from '../features/i18n/lib/locale';
import { resources } from '../features/i18n/resources/resources';

/** An i18next instance with every message bundled (two small languages: no lazy loading needed). */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  const lng = initialLocale();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: SUPPORTED_LOCALES,
    load: 'currentOnly',
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Screen readers, hyphenation and CJK font selection follow `<html lang>`.
  document.documentElement.lang = lng;
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return instance;
}

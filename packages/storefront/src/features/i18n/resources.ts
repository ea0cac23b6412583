import type { Locale } from '@marketplace/core';
import { en, type TranslationResource } from './resources/en.js';
import { zhTW } from './resources/zh-tw.js';

/** One namespace per language; keyed by the locales the platform speaks so none can be missing. */
export const resources = {
  en: { translation: en },
  'zh-TW': { translation: zhTW },
} as const satisfies Record<Locale, { translation: TranslationResource }>;

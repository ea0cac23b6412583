import type { Locale } from '@marketplace/core';
import { Translator } from '../../lib/i18n/translator.js';
import { enPages } from './resources/en-pages.js';
import { enShell, type TranslationResource } from './resources/en.js';
import { zhTWShell } from './resources/zh-tw.js';
import { zhTWPages } from './resources/zh-tw-pages.js';

type Tree = { readonly [key: string]: string | Tree };

/** One tree out of two parts; a key in both is an error (it would be ambiguous). */
export function mergeParts(a: Tree, b: Tree, path = ''): Tree {
  const merged: Record<string, string | Tree> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = merged[key];
    if (existing === undefined) merged[key] = value;
    else if (typeof existing === 'string' || typeof value === 'string')
      throw new Error(`${path}${key} is in both text parts`);
    else merged[key] = mergeParts(existing, value, `${path}${key}.`);
  }
  return merged;
}

/**
 * Both languages, both parts merged, keyed by the locales the platform speaks so none can be
 * missing. For tests and tools: the app loads them in parts (see i18n.ts).
 */
export const resources = {
  en: { translation: mergeParts(enShell, enPages) as TranslationResource },
  'zh-TW': { translation: mergeParts(zhTWShell, zhTWPages) as TranslationResource },
} as const satisfies Record<Locale, { translation: TranslationResource }>;

/** A translator with every language and part loaded, showing `language` (tests). */
export function translatorWithAllLanguages(language: Locale = 'en'): Translator {
  return new Translator({
    resources: { en: { shell: enShell, pages: enPages }, 'zh-TW': { shell: zhTWShell, pages: zhTWPages } },
    language,
    fallbackLanguage: 'en',
  });
}

import { DEFAULT_LOCALE, isLocale, type Locale } from '@marketplace/core';
import { Translator } from '../../lib/i18n/translator.js';
import type { KeyValueStorage } from '../../lib/storage.js';
import { detectLocale, readLocalePreference, saveLocalePreference } from './locale-preference.js';
import { enShell } from './resources/en.js';

type Options = {
  readonly storage: KeyValueStorage | null;
  readonly browserLanguages: readonly string[];
  /** The page's <html>, whose `lang` follows the UI language (screen readers, fonts, hyphenation). */
  readonly documentElement?: HTMLElement;
};

/** Text parts (see resources/en.ts): `shell` for the header, footer and home page; `pages` for the rest. */
export type TextPart = 'shell' | 'pages';

/**
 * The translator with the English shell bundled; everything else is its own chunk, downloaded
 * when needed: the Chinese shell when that is the language to show, and each language's `pages`
 * part with the first page other than home (`loadParts(['pages'])`). `ready` settles once the
 * initial language is there; render after it, so no English flashes before Chinese.
 */
export function createI18n({ storage, browserLanguages, documentElement }: Options): {
  i18n: Translator;
  ready: Promise<void>;
} {
  const initial: Locale = detectLocale(readLocalePreference(storage), browserLanguages);
  const i18n = new Translator({
    resources: { [DEFAULT_LOCALE]: { shell: enShell } },
    loaders: {
      [DEFAULT_LOCALE]: { pages: () => import('./resources/en-pages.js').then((module) => module.enPages) },
      'zh-TW': {
        shell: () => import('./resources/zh-tw.js').then((module) => module.zhTWShell),
        pages: () => import('./resources/zh-tw-pages.js').then((module) => module.zhTWPages),
      },
    },
    language: DEFAULT_LOCALE,
    fallbackLanguage: DEFAULT_LOCALE,
  });
  // If the other language cannot be downloaded (offline), the page still works in English.
  const ready = i18n.changeLanguage(initial).catch(() => undefined);
  if (documentElement) documentElement.lang = i18n.language;
  let remembered = false;
  void ready.then(() => {
    if (documentElement) documentElement.lang = i18n.language;
    remembered = true;
  });
  i18n.on('languageChanged', (language) => {
    if (!isLocale(language)) return;
    if (documentElement) documentElement.lang = language;
    // Only the shopper's own choice is remembered, not the detected default.
    if (remembered) saveLocalePreference(storage, language);
  });
  return { i18n, ready };
}

import { assertNever } from './assert-never.js';

export const LOCALES = ['en', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** A value in every supported language; `zhTW` because `zh-TW` is not a convenient property name. */
export type Localized<T> = { readonly en: T; readonly zhTW: T };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function pickLocalized<T>(values: Localized<T>, locale: Locale): T {
  switch (locale) {
    case 'en':
      return values.en;
    case 'zh-TW':
      return values.zhTW;
    default:
      return assertNever(locale, 'locale');
  }
}

/**
 * Reads a stored preference ('zh-TW', 'zh_TW', 'zh-Hant') or an Accept-Language header
 * ('zh-TW,zh;q=0.9,en;q=0.8') and returns the best supported locale, else DEFAULT_LOCALE.
 * Ranges are tried by descending q (ties keep header order); q=0 means "not acceptable".
 */
export function parseLocale(input: string | null | undefined): Locale {
  if (!input) return DEFAULT_LOCALE;
  const ranges = input
    .split(',')
    .map((part, index) => parseRange(part, index))
    .filter((range): range is LanguageRange => range !== null && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const locale = matchTag(range.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

type LanguageRange = { tag: string; q: number; index: number };

function parseRange(part: string, index: number): LanguageRange | null {
  const [rawTag = '', ...params] = part.split(';');
  const tag = rawTag.trim().replaceAll('_', '-').toLowerCase();
  if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return null;
  let q = 1;
  for (const param of params) {
    const [key = '', value = ''] = param.split('=').map((s) => s.trim());
    if (key.toLowerCase() !== 'q') continue;
    if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return null;
    q = Number(value);
  }
  return { tag, q, index };
}

/**
 * Traditional Chinese is our only Chinese, so any `zh` tag selects zh-TW unless it explicitly
 * asks for Simplified (zh-Hans, zh-CN, zh-SG): a reader who prefers Simplified may rank English
 * higher, and a later `zh` range in the header still catches them if they ranked Chinese first.
 */
function matchTag(tag: string): Locale | null {
  if (tag === '*') return DEFAULT_LOCALE;
  const [language, ...subtags] = tag.split('-');
  if (language === 'en') return 'en';
  if (language !== 'zh') return null;
  if (subtags.includes('hant')) return 'zh-TW';
  const simplified = subtags.some((s) => s === 'hans' || s === 'cn' || s === 'sg');
  return simplified ? null : 'zh-TW';
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, isLocale, type Locale, LOCALES, parseLocale, pickLocalized } from './locale.js';

describe('parseLocale', () => {
  it.each<[string | null | undefined, Locale]>([
    [null, 'en'],
    [undefined, 'en'],
    ['', 'en'],
    ['   ', 'en'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['ZH_TW', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh', 'zh-TW'],
    ['zh-CN', 'en'],
    ['zh-Hans', 'en'],
    ['zh-Hans-TW', 'en'],
    ['fr', 'en'],
    ['de-DE,fr;q=0.9', 'en'],
    ['garbage!!', 'en'],
    ['zh-TW,zh;q=0.9,en;q=0.8', 'zh-TW'],
    ['en-US,en;q=0.9,zh-TW;q=0.8', 'en'],
    ['en;q=0.5,zh-TW;q=0.8', 'zh-TW'],
    ['fr-FR,fr;q=0.9,zh-TW;q=0.7,en;q=0.6', 'zh-TW'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-TW'],
    ['zh-CN,en;q=0.8', 'en'],
    ['zh-TW;q=0,en', 'en'],
    ['zh-TW;q=0.000', 'en'],
    ['fr,*;q=0.1', 'en'],
    ['zh-TW ; q=0.9 , en ; q=0.8', 'zh-TW'],
    ['en;q=0.8,zh-TW;q=0.8', 'en'],
    ['en;q=2,zh-TW;q=0.5', 'zh-TW'],
    ['en;q=abc,zh-TW', 'zh-TW'],
  ])('%j → %s', (input, expected) => {
    expect(parseLocale(input)).toBe(expected);
  });
});

describe('locale helpers', () => {
  it('supports exactly English and Traditional Chinese, defaulting to English', () => {
    expect(LOCALES).toEqual(['en', 'zh-TW']);
    expect(DEFAULT_LOCALE).toBe('en');
  });

  it.each([
    ['en', true],
    ['zh-TW', true],
    ['zh_TW', false],
    ['EN', false],
    [undefined, false],
  ])('isLocale(%j) = %s', (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });

  it.each([
    ['en', 'Cart'],
    ['zh-TW', '購物車'],
  ] as const)('pickLocalized in %s → %s', (locale, expected) => {
    expect(pickLocalized({ en: 'Cart', zhTW: '購物車' }, locale)).toBe(expected);
  });
});

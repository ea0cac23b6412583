import { describe, expect, it } from 'vitest';
import { fromApiLocale, LOCALE_STORAGE_KEY, matchLocale, readStoredLocale, storeLocale } from './locale';

describe('matchLocale', () => {
  it.each<[string[], string]>([
    [['zh-TW', 'en'], 'zh-TW'],
    [['zh-Hant-TW'], 'zh-TW'],
    [['zh'], 'zh-TW'],
    [['en-GB', 'zh-TW'], 'en'],
    [['fr-FR', 'zh-HK'], 'zh-TW'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ])('%j → %s', (preferred, expected) => {
    expect(matchLocale(preferred)).toBe(expected);
  });
});

describe('locale storage', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
  };

  it('remembers the choice under mp_admin_locale', () => {
    const storage = memory();
    storeLocale('zh-TW', storage);
    expect(storage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-TW');
    expect(readStoredLocale(storage)).toBe('zh-TW');
  });

  it('ignores unsupported values and storage that throws', () => {
    const storage = memory();
    storage.setItem(LOCALE_STORAGE_KEY, 'de');
    expect(readStoredLocale(storage)).toBeNull();
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readStoredLocale(blocked)).toBeNull();
    expect(() => storeLocale('en', blocked)).not.toThrow();
  });
});

describe('fromApiLocale', () => {
  it('maps the API enum to language tags', () => {
    expect(fromApiLocale('EN')).toBe('en');
    expect(fromApiLocale('ZH_TW')).toBe('zh-TW');
  });
});

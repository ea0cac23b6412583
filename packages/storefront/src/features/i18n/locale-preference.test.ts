import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../lib/storage.js';
import {
  detectLocale,
  LOCALE_STORAGE_KEY,
  readLocalePreference,
  saveLocalePreference,
} from './locale-preference.js';

describe('detectLocale', () => {
  it.each([
    { stored: 'zh-TW', browser: ['en-US'], expected: 'zh-TW' },
    { stored: 'en', browser: ['zh-TW'], expected: 'en' },
    { stored: null, browser: ['zh-TW', 'en'], expected: 'zh-TW' },
    { stored: null, browser: ['zh'], expected: 'zh-TW' },
    { stored: null, browser: ['zh-HK'], expected: 'zh-TW' },
    { stored: null, browser: ['zh-Hant-TW'], expected: 'zh-TW' },
    { stored: null, browser: ['en-GB', 'zh-TW'], expected: 'en' },
    { stored: null, browser: ['fr-FR', 'zh-TW'], expected: 'zh-TW' },
    { stored: null, browser: ['fr-FR'], expected: 'en' },
    { stored: null, browser: [], expected: 'en' },
    { stored: 'klingon', browser: ['zh-TW'], expected: 'zh-TW' },
  ])('stored $stored, browser $browser → $expected', ({ stored, browser, expected }) => {
    expect(detectLocale(stored, browser)).toBe(expected);
  });
});

describe('locale preference storage', () => {
  it('remembers the choice under mp_locale', () => {
    const storage = createMemoryStorage();
    expect(readLocalePreference(storage)).toBeNull();
    saveLocalePreference(storage, 'zh-TW');
    expect(storage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-TW');
    expect(readLocalePreference(storage)).toBe('zh-TW');
  });

  it('works without storage', () => {
    expect(readLocalePreference(null)).toBeNull();
    expect(() => saveLocalePreference(null, 'en')).not.toThrow();
  });
});

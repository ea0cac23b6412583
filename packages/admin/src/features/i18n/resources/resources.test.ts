import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../lib/locale';
import { resources } from './resources';

/** Flattens nested messages into `a.b.c → text` pairs. */
function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(resources.en.translation);

describe('i18n resources', () => {
  it('cover every supported locale', () => {
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  describe.each(SUPPORTED_LOCALES)('%s', (locale) => {
    const messages = flatten(resources[locale].translation);

    it('has exactly the English keys', () => {
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it('has only non-empty strings', () => {
      for (const [key, text] of messages) {
        expect(typeof text, key).toBe('string');
        expect(String(text).trim(), key).not.toBe('');
      }
    });

    it('uses the same interpolation variables as English', () => {
      for (const [key, text] of messages) {
        expect(placeholders(String(text)), key).toEqual(placeholders(String(english.get(key))));
      }
    });
  });

  it('translates the Chinese messages (no English left over)', () => {
    const chinese = flatten(resources['zh-TW'].translation);
    for (const [key, text] of chinese) {
      const withoutVariables = String(text).replace(/\{\{[^}]*\}\}/g, '');
      expect(withoutVariables, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

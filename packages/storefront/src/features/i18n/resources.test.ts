import { LOCALES } from '@marketplace/core';
import { describe, expect, it } from 'vitest';
import { resources } from './resources.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as [dotted.key, text]. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : leaves(value, path);
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = new Map(leaves(resources.en.translation));
const chinese = new Map(leaves(resources['zh-TW'].translation));

describe('i18n resources', () => {
  it('has a resource for every platform locale', () => {
    expect(Object.keys(resources).sort()).toEqual([...LOCALES].sort());
  });

  it('has exactly the same keys in English and Traditional Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)('has no empty strings in %s', (locale) => {
    const empty = leaves(resources[locale].translation).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const mismatched = [...english].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(chinese.get(key) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('is actually translated: every Chinese string contains Han characters', () => {
    const untranslated = [...chinese].filter(([, text]) => !/\p{Script=Han}/u.test(text));
    expect(untranslated).toEqual([]);
  });

  it('gives every plural key both forms', () => {
    for (const key of english.keys()) {
      const match = /^(.*)_(one|other)$/.exec(key);
      if (match) expect(english.has(`${match[1]}_${match[2] === 'one' ? 'other' : 'one'}`)).toBe(true);
    }
  });
});

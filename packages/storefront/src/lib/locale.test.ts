import { LOCALES } from '@marketplace/core';
import { describe, expect, it } from 'vitest';
import { toApiLocale } from './locale.js';

describe('toApiLocale', () => {
  it('maps every UI locale to the GraphQL enum', () => {
    expect(LOCALES.map(toApiLocale)).toEqual(['EN', 'ZH_TW']);
  });
});

import type { TFunction } from '../../lib/i18n/translator.js';
import { describe, expect, it } from 'vitest';
import type { SubmitContactRequestErrorCode } from '../../gql/graphql.js';
import { contactErrorMessage, contactFieldOf } from './contact-errors.js';

const t = ((key: string, options?: object) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('contactErrorMessage', () => {
  it.each<[SubmitContactRequestErrorCode, string]>([
    ['INVALID_NAME', 'help.contact.errors.INVALID_NAME {"max":100}'],
    ['INVALID_EMAIL', 'help.contact.errors.INVALID_EMAIL'],
    ['INVALID_ORDER_NUMBER', 'help.contact.errors.INVALID_ORDER_NUMBER'],
    ['INVALID_MESSAGE', 'help.contact.errors.INVALID_MESSAGE {"min":10,"max":5000}'],
    ['TOO_MANY_REQUESTS', 'help.contact.errors.TOO_MANY_REQUESTS'],
  ])('%s', (code, expected) => {
    expect(contactErrorMessage(t, code)).toBe(expected);
  });

  it('falls back to the server text for a newer code', () => {
    expect(contactErrorMessage(t, 'NEW_CODE' as SubmitContactRequestErrorCode, 'Newer.')).toBe('Newer.');
  });
});

describe('contactFieldOf', () => {
  it.each([
    [['input', 'email'], 'email'],
    [['input', 'orderNumber'], 'orderNumber'],
    [['input', 'somethingElse'], null],
    [null, null],
  ] as const)('%j → %s', (path, field) => {
    expect(contactFieldOf(path)).toBe(field);
  });
});

import { describe, expect, it } from 'vitest';
import { translatorWithAllLanguages } from '../i18n/resources.js';
import { type AccountProblem, accountErrorText } from './account-errors.js';

const CODES: AccountProblem['code'][] = [
  'REQUIRED',
  'TOO_SHORT',
  'TOO_LONG',
  'SAME_AS_EMAIL',
  'TOO_COMMON',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'INVALID_EMAIL',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'INVALID_DISPLAY_NAME',
  'INVALID_PHONE',
  'INVALID_TOKEN',
  'EXPIRED_TOKEN',
  'WRONG_PASSWORD',
  'SAME_PASSWORD',
  'ALREADY_VERIFIED',
  'TOO_SOON',
  'INVALID_RECIPIENT_NAME',
  'INVALID_COUNTRY',
  'INVALID_REGION',
  'INVALID_CITY',
  'INVALID_POSTAL_CODE',
  'INVALID_LINE1',
  'INVALID_LINE2',
  'TOO_MANY_ADDRESSES',
  'NOT_FOUND',
];

const i18nIn = (language: 'en' | 'zh-TW') => translatorWithAllLanguages(language);

describe('accountErrorText', () => {
  it.each(['en', 'zh-TW'] as const)('has a finished sentence for every code in %s', (language) => {
    const { t } = i18nIn(language);
    for (const code of CODES) {
      const text = accountErrorText(t, { code, retryAfterSeconds: 90 });
      expect(text, code).not.toMatch(/accounts\.errors|\{\{/);
      expect(text.length, code).toBeGreaterThan(3);
    }
  });

  it('says how long to wait, rounded up to whole minutes or seconds', () => {
    const { t } = i18nIn('en');
    expect(accountErrorText(t, { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 61 })).toBe(
      'Too many unsuccessful attempts. Try again in 2 minutes.',
    );
    expect(accountErrorText(t, { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 20 })).toBe(
      'Too many unsuccessful attempts. Try again in 1 minute.',
    );
    expect(accountErrorText(t, { code: 'TOO_SOON', retryAfterSeconds: 42 })).toContain('42 seconds');
    expect(accountErrorText(i18nIn('zh-TW').t, { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 900 })).toBe(
      '嘗試失敗次數過多，請於 15 分鐘後再試。',
    );
  });

  it('names the password rules with their numbers', () => {
    const { t } = i18nIn('en');
    expect(accountErrorText(t, { code: 'TOO_SHORT' })).toBe('Use at least 10 characters.');
    expect(accountErrorText(t, { code: 'WEAK_PASSWORD' })).toContain('at least 10 characters');
  });

  it('falls back to the API’s message for a code it does not know yet', () => {
    const { t } = i18nIn('en');
    const future = { code: 'SOMETHING_NEW', message: 'A new rule.' } as unknown as AccountProblem;
    expect(accountErrorText(t, future)).toBe('A new rule.');
  });
});

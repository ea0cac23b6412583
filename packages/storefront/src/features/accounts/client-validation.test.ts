import { describe, expect, it } from 'vitest';
import {
  explainWeakPassword,
  hasProblems,
  validateAddress,
  validateEmail,
  validateProfile,
  validateRegistration,
  validateSignIn,
} from './client-validation.js';

describe('validateRegistration', () => {
  const valid = { email: 'ann@example.com', password: 'a long passphrase', displayName: 'Ann', phone: '' };

  it('accepts a complete registration without a phone', () => {
    expect(hasProblems(validateRegistration(valid))).toBe(false);
  });

  it.each([
    [{ email: '' }, { email: { code: 'REQUIRED' } }],
    [{ email: 'ann@' }, { email: { code: 'INVALID_EMAIL' } }],
    [{ password: '' }, { password: { code: 'REQUIRED' } }],
    [{ password: 'short' }, { password: { code: 'TOO_SHORT' } }],
    [{ password: 'Ann@Example.com' }, { password: { code: 'SAME_AS_EMAIL' } }],
    [{ displayName: '  ' }, { displayName: { code: 'REQUIRED' } }],
    [{ displayName: 'x'.repeat(61) }, { displayName: { code: 'INVALID_DISPLAY_NAME' } }],
    [{ phone: '0912 345 678' }, { phone: { code: 'INVALID_PHONE' } }],
  ])('refuses %j', (change, expected) => {
    const problems = validateRegistration({ ...valid, ...change });
    expect(Object.fromEntries(Object.entries(problems).filter(([, p]) => p))).toEqual(expected);
  });
});

describe('other forms', () => {
  it('only needs something in both sign-in fields (the API judges the rest)', () => {
    expect(hasProblems(validateSignIn({ email: 'x', password: 'y' }))).toBe(false);
    expect(validateSignIn({ email: ' ', password: '' })).toEqual({
      email: { code: 'REQUIRED' },
      password: { code: 'REQUIRED' },
    });
  });

  it('checks an email address for a reset link', () => {
    expect(validateEmail('')).toEqual({ email: { code: 'REQUIRED' } });
    expect(validateEmail('nope')).toEqual({ email: { code: 'INVALID_EMAIL' } });
    expect(validateEmail('ann@example.com')).toEqual({});
  });

  it('allows removing the phone from a profile', () => {
    expect(hasProblems(validateProfile({ displayName: 'Ann', phone: '' }))).toBe(false);
  });

  it('explains a password the API found weak', () => {
    expect(explainWeakPassword('short', null)).toEqual({ code: 'TOO_SHORT' });
    expect(explainWeakPassword('ann@example.com', 'ann@example.com')).toEqual({ code: 'SAME_AS_EMAIL' });
    // Long enough and not the email: it was on the API's list of common passwords.
    expect(explainWeakPassword('qwertyuiop', 'ann@example.com')).toEqual({ code: 'TOO_COMMON' });
  });
});

describe('validateAddress', () => {
  const valid = {
    recipientName: '陳小明',
    phone: '+886912345678',
    countryCode: 'TW',
    region: '臺北市',
    city: '大安區',
    postalCode: '106',
    line1: '忠孝東路四段 100 號',
    line2: '',
  };

  it('accepts a complete address', () => {
    expect(validateAddress(valid)).toEqual({});
  });

  it('marks empty required fields as required and wrong ones by their rule', () => {
    expect(
      validateAddress({ ...valid, recipientName: '', city: ' ', postalCode: '12', phone: '0912' }),
    ).toEqual({
      recipientName: { code: 'REQUIRED' },
      phone: { code: 'INVALID_PHONE' },
      city: { code: 'REQUIRED' },
      postalCode: { code: 'INVALID_POSTAL_CODE' },
    });
    expect(validateAddress({ ...valid, countryCode: '' })).toEqual({ countryCode: { code: 'REQUIRED' } });
  });
});

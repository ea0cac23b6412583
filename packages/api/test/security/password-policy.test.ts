import { readFileSync } from 'node:fs';
import { MIN_PASSWORD_LENGTH } from '@marketplace/core';
import { GOOD_PASSWORD, REGISTER, uniqueEmail } from '../../src/modules/accounts/accounts.testing.js';
import { isCommonPassword } from '../../src/modules/accounts/common-passwords.js';
import { describe, expect, test } from '../fixtures.js';

/**
 * Password policy (issue 9 §5): at least MIN_PASSWORD_LENGTH characters, not the email address, and not on
 * the breached/common-password list shipped in the repository (accounts/common-passwords.txt: the Xato
 * frequency list of @zxcvbn-ts/language-common, MIT, with attribution in the file's header).
 */
const LIST = new URL('../../src/modules/accounts/common-passwords.txt', import.meta.url);

describe('the shipped list', () => {
  test('is a real breach-frequency list with its source and licence stated', () => {
    const text = readFileSync(LIST, 'utf8');
    const entries = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    expect(entries.length).toBeGreaterThan(40_000);
    expect(entries.slice(0, 4)).toEqual(['123456', 'password', '12345678', 'qwerty']);
    expect(text).toMatch(/@zxcvbn-ts\/language-common 4\.1\.3/);
    expect(text).toMatch(/MIT licence/);
    expect(text).toMatch(/Dan Wheeler and Dropbox, Inc\./);
    // Enough entries of the length the policy lets through for the check to matter.
    expect(entries.filter((e) => e.length >= MIN_PASSWORD_LENGTH).length).toBeGreaterThan(1000);
  });

  test.for(['qwertyuiop', 'Password123', 'basketball', 'manchester', ' 1q2w3e4r5t6y ', 'MARKETPLACE123'])(
    'knows %j (case and surrounding spaces ignored)',
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  test('lets unusual passphrases through', () => {
    expect(isCommonPassword(GOOD_PASSWORD)).toBe(false);
    expect(isCommonPassword('violet kettle under 9 bridges')).toBe(false);
  });
});

describe('registration', () => {
  test.for([
    ['a breached password', 'terminator'],
    ['a breached password in other case', 'QazWsxEdcRfv'],
    ['a short password', 'short1'],
  ])('refuses %s and creates nothing', async ([, password], { api }) => {
    const email = uniqueEmail('policy');
    const res = await api.gql(REGISTER, { input: { email, password, displayName: 'Policy Test' } });
    expect(res.data.register).toMatchObject({
      token: null,
      userErrors: [{ code: 'WEAK_PASSWORD', field: ['input', 'password'] }],
    });
    expect(await api.sql('select id from user_account where email = $1', [email])).toEqual([]);
  });
});

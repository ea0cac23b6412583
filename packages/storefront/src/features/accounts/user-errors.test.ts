import { describe, expect, it } from 'vitest';
import { splitUserErrors } from './user-errors.js';

describe('splitUserErrors', () => {
  it('puts errors next to the fields their path names and keeps the rest for the form', () => {
    const email = { code: 'INVALID_EMAIL', field: ['input', 'email'], message: 'bad email' };
    const weak = { code: 'WEAK_PASSWORD', field: ['input', 'password'], message: 'weak' };
    const second = { code: 'EMAIL_TAKEN', field: ['input', 'email'], message: 'taken' };
    const credentials = { code: 'INVALID_CREDENTIALS', field: ['input'], message: 'nope' };
    const none = { code: 'TOO_SOON', field: null, message: 'wait' };
    expect(splitUserErrors([email, weak, second, credentials, none], ['email', 'password'] as const)).toEqual(
      {
        byField: { email, password: weak },
        general: [credentials, none],
      },
    );
  });

  it('treats a path to a field the form does not show as general', () => {
    const token = { code: 'INVALID_TOKEN', field: ['token'], message: 'bad link' };
    expect(splitUserErrors([token], ['newPassword'] as const)).toEqual({ byField: {}, general: [token] });
  });
});

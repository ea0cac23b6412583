import { describe, expect, it } from 'vitest';
import { apiKeysViewParams, fieldOf, parseApiKeysView, validateCreateKey } from './view';

describe('API keys view', () => {
  it('keeps the state filter and page in the URL and ignores unknown values', () => {
    expect(parseApiKeysView(new URLSearchParams('state=REVOKED&after=abc'))).toEqual({
      state: 'REVOKED',
      after: 'abc',
    });
    expect(parseApiKeysView(new URLSearchParams('state=nope'))).toEqual({ state: null, after: null });
    expect(apiKeysViewParams({ state: 'ACTIVE', after: null }).toString()).toBe('state=ACTIVE');
  });

  it('validates like the API', () => {
    const now = new Date(2026, 10, 22, 12);
    expect(validateCreateKey({ name: 'ERP', scopes: ['ORDERS_READ'], expiresOn: '' }, now)).toEqual({});
    expect(validateCreateKey({ name: '  ', scopes: [], expiresOn: '2026-11-21' }, now)).toEqual({
      name: 'INVALID_NAME',
      scopes: 'INVALID_SCOPES',
      expiresAt: 'INVALID_EXPIRY',
    });
    expect(
      validateCreateKey({ name: 'x'.repeat(121), scopes: ['FUNDS_READ'], expiresOn: '2026-11-22' }, now),
    ).toEqual({
      name: 'INVALID_NAME',
    });
    expect(validateCreateKey({ name: 'k', scopes: ['FUNDS_READ'], expiresOn: '2035-01-01' }, now)).toEqual({
      expiresAt: 'INVALID_EXPIRY',
    });
  });

  it('maps server error paths to fields', () => {
    expect(fieldOf(['input', 'scopes'])).toBe('scopes');
    expect(fieldOf(null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  type AddressDraft,
  type AddressFieldError,
  checkAddress,
  COUNTRY_CODES,
  isCountryCode,
} from './address-rules.js';

const valid: AddressDraft = {
  recipientName: '陳小明',
  phone: '+886 912 345 678',
  countryCode: 'tw',
  region: '台北市',
  city: '大安區',
  postalCode: '106',
  line1: '忠孝東路四段 100 號',
  line2: '5 樓',
};

describe('checkAddress', () => {
  it('normalizes a valid address', () => {
    expect(checkAddress(valid)).toEqual({
      ok: true,
      value: {
        recipientName: '陳小明',
        phone: '+886912345678',
        countryCode: 'TW',
        region: '台北市',
        city: '大安區',
        postalCode: '106',
        line1: '忠孝東路四段 100 號',
        line2: '5 樓',
      },
    });
  });

  it('stores empty optional parts as null', () => {
    const result = checkAddress({ ...valid, countryCode: 'HK', region: ' ', postalCode: '', line2: null });
    expect(result).toMatchObject({ ok: true, value: { region: null, postalCode: null, line2: null } });
  });

  it.each<[string, Partial<AddressDraft>, AddressFieldError['code'], AddressFieldError['field']]>([
    ['no recipient', { recipientName: '  ' }, 'INVALID_RECIPIENT_NAME', 'recipientName'],
    ['a long recipient', { recipientName: 'x'.repeat(101) }, 'INVALID_RECIPIENT_NAME', 'recipientName'],
    ['no phone', { phone: '' }, 'INVALID_PHONE', 'phone'],
    ['a local phone', { phone: '0912345678' }, 'INVALID_PHONE', 'phone'],
    ['an unknown country', { countryCode: 'XX' }, 'INVALID_COUNTRY', 'countryCode'],
    ['a country name', { countryCode: 'Taiwan' }, 'INVALID_COUNTRY', 'countryCode'],
    ['a long region', { region: 'x'.repeat(101) }, 'INVALID_REGION', 'region'],
    ['no city', { city: '' }, 'INVALID_CITY', 'city'],
    ['a Taiwanese postal code of 4 digits', { postalCode: '1060' }, 'INVALID_POSTAL_CODE', 'postalCode'],
    ['letters in a Taiwanese postal code', { postalCode: '10A' }, 'INVALID_POSTAL_CODE', 'postalCode'],
    [
      'a postal code with symbols',
      { countryCode: 'US', postalCode: '94!03' },
      'INVALID_POSTAL_CODE',
      'postalCode',
    ],
    ['no street', { line1: ' ' }, 'INVALID_LINE1', 'line1'],
    ['a long street', { line1: 'x'.repeat(201) }, 'INVALID_LINE1', 'line1'],
    ['a long second line', { line2: 'x'.repeat(201) }, 'INVALID_LINE2', 'line2'],
    ['a control character', { line1: 'Main St\u0000' }, 'INVALID_LINE1', 'line1'],
  ])('refuses %s', (_name, change, code, field) => {
    const result = checkAddress({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => [e.code, e.field])).toEqual([[code, field]]);
  });

  it.each([
    ['TW', '10617'],
    ['TW', '106017'],
    ['US', '94103-1234'],
    ['GB', 'SW1A 1AA'],
    ['JP', '100-0001'],
  ])('accepts a %s postal code %j', (countryCode, postalCode) => {
    expect(checkAddress({ ...valid, countryCode, postalCode }).ok).toBe(true);
  });

  it('reports every wrong field at once', () => {
    const result = checkAddress({ recipientName: '', phone: 'x', countryCode: '', city: '', line1: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((e) => e.field)).toEqual([
        'recipientName',
        'phone',
        'countryCode',
        'city',
        'line1',
      ]);
    }
  });
});

describe('country codes', () => {
  it('are unique two-letter upper-case codes including Taiwan', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(isCountryCode('TW')).toBe(true);
    expect(isCountryCode('tw')).toBe(false);
  });
});

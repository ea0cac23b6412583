import { describe, expect, it } from 'vitest';
import { ADDRESS_FIELDS } from '../checkout-errors.js';
import { EMPTY_ADDRESS, fromSavedAddress } from './address-fields.js';

describe('fromSavedAddress', () => {
  it('carries every field of the address book entry, under the same names', () => {
    expect(
      fromSavedAddress({
        id: 'A1',
        isDefault: true,
        recipientName: '陳小明',
        phone: '+886912345678',
        countryCode: 'TW',
        region: '臺北市',
        city: '大安區',
        postalCode: null,
        line1: '忠孝東路四段 100 號',
        line2: '5 樓',
      }),
    ).toEqual({
      recipientName: '陳小明',
      phone: '+886912345678',
      countryCode: 'TW',
      region: '臺北市',
      city: '大安區',
      postalCode: '',
      line1: '忠孝東路四段 100 號',
      line2: '5 樓',
    });
  });

  it('has exactly the fields of AddressInput', () => {
    expect(Object.keys(EMPTY_ADDRESS).sort()).toEqual([...ADDRESS_FIELDS].sort());
  });
});

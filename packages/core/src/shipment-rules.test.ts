import { describe, expect, it } from 'vitest';
import { checkShipment, type ShipmentDraft } from './shipment-rules.js';

const valid: ShipmentDraft = { carrier: 'Chunghwa Post', trackingNumber: 'RR123456789TW' };

describe('checkShipment', () => {
  it.each<[string, Partial<ShipmentDraft>, Record<string, string>]>([
    ['a plain shipment', {}, { carrier: 'Chunghwa Post', trackingNumber: 'RR123456789TW' }],
    [
      'trims both and collapses spaces',
      { carrier: '  DHL   Express ', trackingNumber: ' 1Z-99 ' },
      { carrier: 'DHL Express', trackingNumber: '1Z-99' },
    ],
    [
      'upper-cases the tracking number',
      { trackingNumber: 'rr123456789tw' },
      { trackingNumber: 'RR123456789TW' },
    ],
    ['a Chinese carrier name', { carrier: '黑貓宅急便' }, { carrier: '黑貓宅急便' }],
    ['60 Chinese characters', { carrier: '郵'.repeat(60) }, { carrier: '郵'.repeat(60) }],
    ['the shortest tracking number', { trackingNumber: 'A1-' }, { trackingNumber: 'A1-' }],
    ['the longest tracking number', { trackingNumber: '9'.repeat(60) }, { trackingNumber: '9'.repeat(60) }],
  ])('accepts %s', (_name, change, expected) => {
    const result = checkShipment({ ...valid, ...change });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it.each<[string, Partial<ShipmentDraft>, string[]]>([
    ['an empty carrier', { carrier: '   ' }, ['carrier']],
    ['a 61-character carrier', { carrier: 'c'.repeat(61) }, ['carrier']],
    ['a control character in the carrier', { carrier: 'DHL\u0007' }, ['carrier']],
    ['an empty tracking number', { trackingNumber: '' }, ['trackingNumber']],
    ['a 2-character tracking number', { trackingNumber: 'AB' }, ['trackingNumber']],
    ['a 61-character tracking number', { trackingNumber: '1'.repeat(61) }, ['trackingNumber']],
    ['spaces inside the tracking number', { trackingNumber: 'RR 123' }, ['trackingNumber']],
    ['punctuation in the tracking number', { trackingNumber: 'RR123;drop' }, ['trackingNumber']],
    ['non-ASCII digits', { trackingNumber: '１２３４' }, ['trackingNumber']],
    ['both wrong at once', { carrier: '', trackingNumber: '#' }, ['carrier', 'trackingNumber']],
  ])('refuses %s', (_name, change, fields) => {
    const result = checkShipment({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((e) => e.field)).toEqual(fields);
      for (const e of result.error)
        expect(e.code).toBe(e.field === 'carrier' ? 'INVALID_CARRIER' : 'INVALID_TRACKING_NUMBER');
    }
  });
});

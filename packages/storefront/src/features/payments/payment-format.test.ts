import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { translatorWithAllLanguages } from '../i18n/resources.js';
import {
  formatPaymentTime,
  isThrottled,
  isUnauthenticated,
  paidWithText,
  phoneEnding,
} from './payment-format.js';

const i18n = translatorWithAllLanguages('en');
const t = i18n.t.bind(i18n);

describe('paidWithText', () => {
  it('names the PayPal account or the masked card', () => {
    expect(paidWithText({ method: 'PAYPAL', payerEmail: 'buyer@sandbox.paypal.example' }, t)).toBe(
      'PayPal (buyer@sandbox.paypal.example)',
    );
    expect(paidWithText({ method: 'UNIONPAY_CARD', card: { masked: '•••• 0005' } }, t)).toBe(
      'UnionPay card •••• 0005',
    );
  });

  it('speaks Traditional Chinese too', () => {
    const zh = i18n.getFixedT('zh-TW');
    expect(paidWithText({ method: 'UNIONPAY_CARD', card: { masked: '•••• 0005' } }, zh)).toBe(
      '銀聯信用卡 •••• 0005',
    );
    expect(paidWithText({ method: 'PAYPAL', payerEmail: 'a@b.example' }, zh)).toBe(
      'PayPal 帳戶（a@b.example）',
    );
  });

  it('falls back to the method alone', () => {
    expect(paidWithText({ method: 'PAYPAL', payerEmail: null }, t)).toBe('PayPal');
    expect(paidWithText({ method: 'UNIONPAY_CARD', card: null }, t)).toBe('UnionPay card');
  });
});

describe('formatPaymentTime', () => {
  it('formats in the UI language and keeps unparsable values', () => {
    expect(formatPaymentTime('2026-11-22T08:05:00.000Z', 'en')).toMatch(/2026/);
    expect(formatPaymentTime('2026-11-22T08:05:00.000Z', 'zh-TW')).toMatch(/2026年/);
    expect(formatPaymentTime('not a date', 'en')).toBe('not a date');
  });
});

describe('top-level error codes', () => {
  const errorWith = (code: string) =>
    new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions: { code } }] });

  it('tells an ended session and throttling apart from other errors', () => {
    expect(isUnauthenticated(errorWith('UNAUTHENTICATED'))).toBe(true);
    expect(isUnauthenticated(errorWith('THROTTLED'))).toBe(false);
    expect(isThrottled(errorWith('THROTTLED'))).toBe(true);
    expect(isThrottled(new Error('network'))).toBe(false);
  });
});

describe('phoneEnding', () => {
  it('reads the last four digits of a masked number', () => {
    expect(phoneEnding('+86 ••• •••• 8000')).toBe('8000');
    expect(phoneEnding('•••• 1234 ')).toBe('1234');
  });

  it('gives nothing when the hint does not end in four digits', () => {
    expect(phoneEnding('+86 ••• •••• ••00')).toBeNull();
    expect(phoneEnding(null)).toBeNull();
    expect(phoneEnding('')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { translatorWithAllLanguages } from '../i18n/resources.js';
import {
  cardFieldErrorMessage,
  isCodeFieldError,
  PAYMENT_ERROR_CODES,
  paymentErrorMessage,
} from './payment-errors.js';

const i18n = translatorWithAllLanguages('en');
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-TW');

describe('paymentErrorMessage', () => {
  it.each(PAYMENT_ERROR_CODES)('explains %s in both languages', (code) => {
    for (const t of [en, zh]) {
      const text = paymentErrorMessage(t, code);
      expect(text).not.toContain('payments.errors');
      expect(text).not.toBe(paymentErrorMessage(t, 'SOMETHING_NEW'));
    }
  });

  it('tells the shopper that a declined card charged nothing and the order still awaits payment', () => {
    for (const code of ['CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'CARD_EXPIRED']) {
      expect(paymentErrorMessage(en, code)).toMatch(/still awaits payment/);
      expect(paymentErrorMessage(zh, code)).toMatch(/待付款/);
    }
    expect(paymentErrorMessage(en, 'INSUFFICIENT_FUNDS')).toMatch(/insufficient funds/i);
    expect(paymentErrorMessage(en, 'CARD_EXPIRED')).toMatch(/expired/i);
  });

  it('has a general message for a code this client does not know yet', () => {
    expect(paymentErrorMessage(en, 'SOMETHING_NEW')).toBe(en('payments.errors.unknown'));
  });
});

describe('isCodeFieldError', () => {
  it('keeps the code form open only for a wrong or malformed code', () => {
    expect(isCodeFieldError('INCORRECT_CODE')).toBe(true);
    expect(isCodeFieldError('INVALID_CODE')).toBe(true);
    expect(isCodeFieldError('CHALLENGE_FAILED')).toBe(false);
    expect(isCodeFieldError('CARD_DECLINED')).toBe(false);
  });
});

describe('cardFieldErrorMessage', () => {
  it('asks to fix the card details when the field refused them', () => {
    expect(cardFieldErrorMessage(en, 'validation_error')).toBe(en('payments.errors.cardInvalid'));
    expect(cardFieldErrorMessage(en, 'not_ready')).toBe(en('payments.errors.cardFieldNotReady'));
    expect(cardFieldErrorMessage(en, 'network_error')).toBe(en('payments.errors.cardField'));
  });
});

import { describe, expect, it } from 'vitest';
import { translatorWithAllLanguages } from '../i18n/resources.js';
import { type CheckoutProblem, checkoutErrorMessage, problemPlace } from './checkout-errors.js';

const i18n = translatorWithAllLanguages('en');
const t = i18n.t.bind(i18n);

const problem = (p: Partial<CheckoutProblem> & Pick<CheckoutProblem, 'code'>): CheckoutProblem => ({
  message: 'x',
  ...p,
});

describe('problemPlace', () => {
  it.each<[CheckoutProblem, ReturnType<typeof problemPlace>]>([
    [problem({ code: 'COUPON_EXPIRED', field: ['input', 'couponCode'] }), { kind: 'coupon' }],
    [
      problem({ code: 'OUT_OF_STOCK', field: ['input', 'buyNow', 'quantity'], lineId: 'L1' }),
      { kind: 'line', lineId: 'L1' },
    ],
    [
      problem({ code: 'INVALID_SHIPPING_ADDRESS', field: ['input', 'shippingAddress', 'postalCode'] }),
      { kind: 'address', field: 'postalCode' },
    ],
    [
      problem({ code: 'INVALID_SHIPPING_ADDRESS', field: ['input', 'shippingAddress', 'countryCode'] }),
      { kind: 'address', field: 'countryCode' },
    ],
    [
      problem({ code: 'INVALID_SHIPPING_ADDRESS', field: ['input', 'shippingAddress', 'region'] }),
      { kind: 'address', field: 'region' },
    ],
    [
      problem({ code: 'SHIPPING_ADDRESS_REQUIRED', field: ['input', 'shippingAddress'] }),
      { kind: 'address', field: null },
    ],
    [
      problem({ code: 'INVALID_SERVICE_CONTACT', field: ['input', 'serviceContact', 'email'] }),
      { kind: 'contact', field: 'email' },
    ],
    [problem({ code: 'EMPTY_SELECTION', field: ['input', 'cartLineIds'] }), { kind: 'general' }],
    [problem({ code: 'INVALID_IDEMPOTENCY_KEY', field: null }), { kind: 'general' }],
  ])('places %j', (p, place) => {
    expect(problemPlace(p)).toEqual(place);
  });
});

describe('checkoutErrorMessage', () => {
  it.each<[CheckoutProblem, string]>([
    [problem({ code: 'OUT_OF_STOCK', available: 3 }), 'Not enough in stock: 3 left.'],
    [problem({ code: 'OUT_OF_STOCK', available: 0 }), 'This item is sold out.'],
    [
      problem({ code: 'COUPON_MIN_SPEND_NOT_MET', minimumSpend: { amount: '30.00', currencyCode: 'USD' } }),
      'Spend at least $30.00 to use this coupon.',
    ],
    [
      problem({ code: 'INVALID_SHIPPING_ADDRESS', field: ['input', 'shippingAddress', 'phone'] }),
      'Enter a valid phone number.',
    ],
    [
      problem({ code: 'INVALID_SHIPPING_ADDRESS', field: ['input', 'shippingAddress', 'countryCode'] }),
      'Enter a two-letter country or region code, e.g. TW.',
    ],
    [
      problem({ code: 'INVALID_SERVICE_CONTACT', field: ['input', 'serviceContact', 'email'] }),
      'Enter a valid email address.',
    ],
    [problem({ code: 'COUPON_ALREADY_USED' }), 'You have already used this coupon.'],
  ])('explains %j', (p, text) => {
    expect(checkoutErrorMessage(t, p, 'en')).toBe(text);
  });

  it('translates to Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(checkoutErrorMessage(t, problem({ code: 'COUPON_EXPIRED' }), 'zh-TW')).toBe('此優惠券已過期。');
    await i18n.changeLanguage('en');
  });

  it('falls back to the server’s message for a code it does not know', () => {
    expect(
      checkoutErrorMessage(t, { code: 'SOMETHING_NEW' as never, message: 'Server says no.' }, 'en'),
    ).toBe('Server says no.');
  });
});

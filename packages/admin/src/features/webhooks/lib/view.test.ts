import { describe, expect, it } from 'vitest';
import {
  fieldOf,
  parseWebhooksView,
  type SubscriptionForm,
  validateSubscription,
  webhooksViewParams,
  wireName,
} from './view';

const form = (over: Partial<SubscriptionForm> = {}): SubscriptionForm => ({
  url: 'https://erp.example.com/hooks',
  description: '',
  events: ['ORDER_PAID'],
  active: true,
  ...over,
});

describe('validateSubscription', () => {
  it.each([
    ['https://erp.example.com/hooks', undefined],
    ['http://localhost:3000/hooks', undefined],
    ['http://127.0.0.1:8080/x', undefined],
    ['http://erp.example.com/hooks', 'INVALID_URL'],
    ['ftp://erp.example.com', 'INVALID_URL'],
    ['not a url', 'INVALID_URL'],
    ['https://user:pw@erp.example.com', 'INVALID_URL'],
    [`https://erp.example.com/${'x'.repeat(2000)}`, 'INVALID_URL'],
  ])('url %s → %s', (url, code) => {
    expect(validateSubscription(form({ url })).url).toBe(code);
  });

  it('needs an event and a short note', () => {
    expect(validateSubscription(form({ events: [] })).events).toBe('INVALID_EVENTS');
    expect(validateSubscription(form({ description: 'x'.repeat(501) })).description).toBe(
      'INVALID_DESCRIPTION',
    );
    expect(validateSubscription(form())).toEqual({});
  });
});

describe('view params', () => {
  it('round-trips and drops unknown states', () => {
    const view = parseWebhooksView(new URLSearchParams('subscription=abc&state=FAILED&after=c1'));
    expect(view).toEqual({ subscription: 'abc', state: 'FAILED', after: 'c1' });
    expect(webhooksViewParams(view).toString()).toBe('subscription=abc&state=FAILED&after=c1');
    expect(parseWebhooksView(new URLSearchParams('state=NOPE')).state).toBeNull();
  });

  it('maps names and fields', () => {
    expect(wireName('ORDER_PAID')).toBe('order.paid');
    expect(wireName('MERCHANT_FROZEN')).toBe('merchant.frozen');
    expect(fieldOf(['input', 'url'])).toBe('url');
    expect(fieldOf(['deliveryId'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { paths } from './paths.js';

describe('paths', () => {
  it('links home without an empty query string', () => {
    expect(paths.home.getHref()).toBe('/');
    expect(paths.home.getHref({ kind: null, category: '' })).toBe('/');
  });

  it('adds catalog filters to home', () => {
    expect(paths.home.getHref({ kind: 'services' })).toBe('/?kind=services');
    expect(paths.home.getHref({ kind: 'goods', category: 'coffee' })).toBe('/?kind=goods&category=coffee');
  });

  it('encodes search terms, including Chinese, and drops blank ones', () => {
    expect(paths.search.getHref({ q: '咖啡' })).toBe('/search?q=%E5%92%96%E5%95%A1');
    expect(paths.search.getHref({ q: ' pour over & kettle ' })).toBe('/search?q=pour+over+%26+kettle');
    expect(paths.search.getHref({ q: '  ' })).toBe('/search');
    expect(paths.search.getHref({ q: 'tea', kind: 'goods', category: 'tea' })).toBe(
      '/search?q=tea&kind=goods&category=tea',
    );
  });

  it('round-trips a search term through URLSearchParams', () => {
    const href = paths.search.getHref({ q: '精品咖啡豆 100%' });
    expect(new URL(href, 'http://x').searchParams.get('q')).toBe('精品咖啡豆 100%');
  });

  it('builds product links with an encoded handle', () => {
    expect(paths.product.getHref('yingge-stoneware-mug')).toBe('/products/yingge-stoneware-mug');
    expect(paths.product.getHref('a b/c')).toBe('/products/a%20b%2Fc');
  });

  it('keeps route patterns in step with their links', () => {
    expect(paths.product.path).toBe('/products/:handle');
    expect(paths.cart.getHref()).toBe(paths.cart.path);
    expect(paths.home.getHref()).toBe(paths.home.path);
    expect(paths.search.getHref({ q: '' })).toBe(paths.search.path);
  });

  it('builds the payment pages’ links', () => {
    expect(paths.checkoutComplete.getHref('Q2hlY2tvdXQ6MQ==')).toBe(
      '/checkout/complete/Q2hlY2tvdXQ6MQ%3D%3D',
    );
    expect(paths.checkoutComplete.getHref('Q2hlY2tvdXQ6MQ', 'cancelled')).toBe(
      '/checkout/complete/Q2hlY2tvdXQ6MQ?payment=cancelled',
    );
    // PayPal appends `token` and `PayerID` to these.
    expect(paths.paypalReturn.getHref('Q2hlY2tvdXQ6MQ==')).toBe(
      '/checkout/paypal/return?checkoutId=Q2hlY2tvdXQ6MQ%3D%3D',
    );
    expect(paths.paypalCancel.getHref('Q2hlY2tvdXQ6MQ')).toBe(
      '/checkout/paypal/cancel?checkoutId=Q2hlY2tvdXQ6MQ',
    );
    expect(paths.paymentVoucher.getHref('UGF5bWVudDox')).toBe('/account/payments/UGF5bWVudDox/voucher');
  });

  it('never puts an order key in the consultation link', () => {
    expect(paths.consultation.getHref()).toBe('/consultation');
    expect(paths.consultation.getHref('MP-20261122-0000001')).toBe('/consultation/MP-20261122-0000001');
  });
});

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  addToCart,
  newShopper,
  PREVIEW,
  SUBMIT,
  snapshot,
  submitInput,
  variant,
} from '../../src/modules/checkout/checkout.test-support.js';
import { COUPON_GUESS_LIMIT } from '../../src/modules/coupons/coupon-throttle.js';
import { describe, expect, test } from '../fixtures.js';

const guess = () => `GUESS-${randomUUID().slice(0, 8).toUpperCase()}`;
const codesOf = (errors: { code: string }[]) => errors.map((e) => e.code);
/** The client address of a request (the API trusts X-Forwarded-For from loopback, like behind a proxy). */
const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('coupon-guessing throttle', () => {
  test(`after ${COUPON_GUESS_LIMIT.perShopper} unknown codes a shopper gets COUPON_ATTEMPTS_EXCEEDED, for real codes too; others are not affected`, async ({
    api,
  }) => {
    const shopper = await newShopper(api);
    const coffee = await variant(api, 'CAF-ETH-250', { price: 1999, stock: 50 });
    await addToCart(api, shopper.token, coffee, 3);
    const preview = async (token: string, couponCode: string) => {
      const res = await api.gql(PREVIEW, { input: { couponCode } }, { token, headers: from('10.8.1.1') });
      expect(res.errors).toBeUndefined();
      return res.data.checkoutPreview;
    };

    // Known codes never count: the real code works as often as the shopper likes.
    for (let i = 0; i < COUPON_GUESS_LIMIT.perShopper + 2; i++) {
      expect((await preview(shopper.token, 'welcome10')).couponCode).toBe('WELCOME10');
    }
    for (let i = 0; i < COUPON_GUESS_LIMIT.perShopper; i++) {
      expect(codesOf((await preview(shopper.token, guess())).userErrors)).toEqual(['COUPON_NOT_FOUND']);
    }
    // Past the limit nothing is looked up, so the answer cannot tell a real code from a guess.
    const blocked = await preview(shopper.token, guess());
    expect(codesOf(blocked.userErrors)).toEqual(['COUPON_ATTEMPTS_EXCEEDED']);
    const real = await preview(shopper.token, 'WELCOME10');
    expect(codesOf(real.userErrors)).toEqual(['COUPON_ATTEMPTS_EXCEEDED']);
    expect(real.userErrors[0].field).toEqual(['input', 'couponCode']);
    // The preview still prices the cart, without the coupon.
    expect(real.couponCode).toBeNull();
    expect(real.subtotal.minorUnits).toBe(5997);
    expect(real.discount.minorUnits).toBe(0);

    // submitOrder is refused the same way and changes nothing.
    const before = await snapshot(api);
    const submitted = await api.gql(
      SUBMIT,
      { input: submitInput({ couponCode: 'WELCOME10' }) },
      { token: shopper.token, headers: from('10.8.1.1') },
    );
    expect(submitted.errors).toBeUndefined();
    expect(codesOf(submitted.data.submitOrder.userErrors)).toEqual(['COUPON_ATTEMPTS_EXCEEDED']);
    expect(submitted.data.submitOrder.checkout).toBeNull();
    expect(await snapshot(api)).toEqual(before);
    // Without a coupon the shopper can still order.
    const plain = await api.gql(
      SUBMIT,
      { input: submitInput() },
      { token: shopper.token, headers: from('10.8.1.1') },
    );
    expect(plain.data.submitOrder.userErrors).toEqual([]);

    // Another shopper is not affected; after the window the first one may try again.
    const other = await newShopper(api);
    await addToCart(api, other.token, coffee, 3);
    expect((await preview(other.token, 'WELCOME10')).couponCode).toBe('WELCOME10');
    await api.sql(`update coupon_attempt set created_at = now() - interval '16 minutes' where user_id = $1`, [
      shopper.userId,
    ]);
    // (the plain order emptied the cart)
    await addToCart(api, shopper.token, coffee, 3);
    expect((await preview(shopper.token, 'WELCOME10')).couponCode).toBe('WELCOME10');
  });

  test('unknown codes through submitOrder count too, and a parallel burst gets at most the limit looked up', async ({
    api,
  }) => {
    const shopper = await newShopper(api);
    const coffee = await variant(api, 'CAF-ETH-250', { price: 1999, stock: 50 });
    await addToCart(api, shopper.token, coffee, 1);
    const burst = 3 * COUPON_GUESS_LIMIT.perShopper;
    const answers = await Promise.all(
      Array.from({ length: burst }, () =>
        api.gql(
          SUBMIT,
          { input: submitInput({ couponCode: guess() }) },
          { token: shopper.token, headers: from('10.8.2.1') },
        ),
      ),
    );
    const codes = answers.map((r) => {
      expect(r.errors).toBeUndefined();
      return codesOf(r.data.submitOrder.userErrors).join(',');
    });
    expect(codes.filter((c) => c === 'COUPON_NOT_FOUND')).toHaveLength(COUPON_GUESS_LIMIT.perShopper);
    expect(codes.filter((c) => c === 'COUPON_ATTEMPTS_EXCEEDED')).toHaveLength(
      burst - COUPON_GUESS_LIMIT.perShopper,
    );
    const [{ n }] = await api.sql('select count(*)::int n from coupon_attempt where user_id = $1', [
      shopper.userId,
    ]);
    expect(n).toBe(COUPON_GUESS_LIMIT.perShopper);
    const [{ checkouts }] = await api.sql('select count(*)::int checkouts from checkout where user_id = $1', [
      shopper.userId,
    ]);
    expect(checkouts).toBe(0);
  });
  test(`one address gets at most ${COUPON_GUESS_LIMIT.perAddress} unknown codes, whichever accounts it uses`, async ({
    api,
  }) => {
    const coffee = await variant(api, 'CAF-ETH-250', { price: 1999, stock: 500 });
    const tryCode = async (token: string, ip: string, couponCode: string) => {
      const res = await api.gql(PREVIEW, { input: { couponCode } }, { token, headers: from(ip) });
      expect(res.errors).toBeUndefined();
      return codesOf(res.data.checkoutPreview.userErrors);
    };
    const perShopper = COUPON_GUESS_LIMIT.perShopper - 1;
    const accounts = Math.ceil(COUPON_GUESS_LIMIT.perAddress / perShopper);
    let tried = 0;
    for (let a = 0; a < accounts; a++) {
      const s = await newShopper(api);
      await addToCart(api, s.token, coffee, 3);
      for (let i = 0; i < perShopper && tried < COUPON_GUESS_LIMIT.perAddress; i++, tried++) {
        expect(await tryCode(s.token, '10.8.3.1', guess())).toEqual(['COUPON_NOT_FOUND']);
      }
    }
    // A fresh account behind the same address is refused, a real code too; from elsewhere it works.
    const fresh = await newShopper(api);
    await addToCart(api, fresh.token, coffee, 3);
    expect(await tryCode(fresh.token, '10.8.3.1', 'WELCOME10')).toEqual(['COUPON_ATTEMPTS_EXCEEDED']);
    expect(await tryCode(fresh.token, '10.8.3.2', 'WELCOME10')).toEqual([]);
  });
});

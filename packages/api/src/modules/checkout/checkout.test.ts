import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import {
  ADDRESS,
  addToCart,
  CONTACT,
  gid,
  newShopper,
  PREVIEW,
  SUBMIT,
  snapshot,
  stockOf,
  submit,
  submitInput,
  variant,
  type Gql,
} from './checkout.test-support.js';

// Demo data: formosa-roasters (coffee, tea), lane-nine-design, voltline (goods), harbor-bridge-consulting (services).
// Shipping in tests: 5.00 per merchant order with goods, free from 50.00 (after discount).

describe('checkoutPreview', () => {
  test('requires a signed-in shopper', async ({ api }) => {
    const res = await api.gql(PREVIEW, { input: {} });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('prices the selected cart lines per merchant, exactly, with a platform coupon allocated', async ({
    api,
  }) => {
    const { token } = await newShopper(api);
    const coffee = await variant(api, 'CAF-ETH-250', { price: 1999, stock: 50 });
    const mug = await variant(api, 'HOM-MUG-CHR', { price: 1001, stock: 50 });
    const kettle = await variant(api, 'HOM-KET-BLK', { price: 4500, stock: 50 });
    await addToCart(api, token, coffee, 1);
    await addToCart(api, token, mug, 3);
    const kettleLine = await addToCart(api, token, kettle, 1);
    await api.sql('update cart_line set selected = false where id = $1', [
      Number(Buffer.from(kettleLine, 'base64url').toString().split(':')[1]),
    ]);

    const res = await api.gql(PREVIEW, { input: { couponCode: ' welcome10 ' } }, { token });
    expect(res.errors).toBeUndefined();
    const p = res.data.checkoutPreview;
    expect(p.userErrors).toEqual([]);
    expect(p.couponCode).toBe('WELCOME10');
    // 19.99 + 30.03 = 50.02; 10 % = 5.002 → 5.00, split 2.00 / 3.00 (cumulative half-even rounding).
    expect(
      p.orders.map((o: Gql) => [
        o.merchant.handle,
        o.subtotal.minorUnits,
        o.discount.minorUnits,
        o.shippingFee.minorUnits,
        o.total.minorUnits,
      ]),
    ).toEqual([
      [coffee.merchantHandle, 1999, 200, 500, 2299],
      [mug.merchantHandle, 3003, 300, 500, 3203],
    ]);
    expect([
      p.subtotal.minorUnits,
      p.discount.minorUnits,
      p.shippingFee.minorUnits,
      p.total.minorUnits,
    ]).toEqual([5002, 500, 1000, 5502]);
    expect(p.requiresShippingAddress).toBe(true);
    expect(p.requiresServiceContact).toBe(false);
    expect(p.orders[1].lines).toEqual([
      expect.objectContaining({
        quantity: 3,
        unitPrice: { minorUnits: 1001 },
        lineTotal: { minorUnits: 3003 },
        variant: { sku: 'HOM-MUG-CHR' },
      }),
    ]);
  });

  test('shows why a coupon does not apply, and prices without it', async ({ api }) => {
    const { token } = await newShopper(api);
    const coffee = await variant(api, 'CAF-ETH-250', { price: 1800, stock: 50 });
    const res = await api.gql(
      PREVIEW,
      { input: { buyNow: { variantId: coffee.id, quantity: 1 }, couponCode: 'SAVE5' } },
      { token },
    );
    const p = res.data.checkoutPreview;
    expect(p.userErrors).toEqual([
      {
        code: 'COUPON_MIN_SPEND_NOT_MET',
        field: ['input', 'couponCode'],
        lineId: null,
        available: null,
        minimumSpend: { amount: '30.00' },
      },
    ]);
    expect(p.couponCode).toBeNull();
    expect([p.subtotal.minorUnits, p.discount.minorUnits, p.total.minorUnits]).toEqual([1800, 0, 2300]);
  });
});

describe('submitOrder', () => {
  test('creates one order per merchant under one checkout, reserves stock, empties the submitted lines', async ({
    api,
  }) => {
    const { token, userId } = await newShopper(api);
    const coffee = await variant(api, 'CAF-ESP-250', { price: 1500, stock: 10 });
    const mug = await variant(api, 'HOM-MUG-CHR', { price: 1800, stock: 10 });
    const service = await variant(
      api,
      (
        await api.sql(
          `select v.sku from product_variant v join product p on p.id = v.product_id where p.kind = 'SERVICE' order by v.id limit 1`,
        )
      )[0].sku,
      { price: 12000 },
    );
    const other = await variant(api, 'CAF-DRP-10', { price: 1400, stock: 10 });
    await addToCart(api, token, coffee, 2);
    await addToCart(api, token, mug, 1);
    await addToCart(api, token, service, 1);
    const keptLine = await addToCart(api, token, other, 1);
    await api.sql(`update cart_line set selected = false where id = $1`, [
      Number(Buffer.from(keptLine, 'base64url').toString().split(':')[1]),
    ]);

    const result = await submit(api, token, {
      serviceContact: CONTACT,
      couponCode: 'SAVE5',
      paymentMethod: 'UNIONPAY_CARD',
    });
    expect(result.userErrors).toEqual([]);
    const { checkout } = result;
    // 30.00 + 18.00 + 120.00 = 168.00; SAVE5 = 5.00 split 30/168·500 → 0.89, 0.54, 3.57.
    expect(
      checkout.orders.map((o: Gql) => [
        o.merchant.handle,
        o.kind,
        o.subtotal.minorUnits,
        o.discount.minorUnits,
        o.shippingFee.minorUnits,
        o.total.minorUnits,
      ]),
    ).toEqual([
      [coffee.merchantHandle, 'GOODS', 3000, 89, 500, 3411],
      [mug.merchantHandle, 'GOODS', 1800, 54, 500, 2246],
      [service.merchantHandle, 'SERVICE', 12000, 357, 0, 11643],
    ]);
    expect([
      checkout.subtotal.minorUnits,
      checkout.discount.minorUnits,
      checkout.shippingFee.minorUnits,
      checkout.total.minorUnits,
    ]).toEqual([16800, 500, 1000, 17300]);
    for (const order of checkout.orders) {
      expect(order.number).toMatch(/^MP-\d{8}-\d{7}$/);
      expect(order.status).toBe('AWAITING_PAYMENT');
      expect(order.paymentMethod).toBe('UNIONPAY_CARD');
      expect(order.couponCode).toBe('SAVE5');
      expect(order.history).toEqual([{ from: null, to: 'AWAITING_PAYMENT', actor: 'SHOPPER', reason: null }]);
    }
    expect(new Set(checkout.orders.map((o: Gql) => o.number)).size).toBe(3);
    expect(checkout.orders[0].shippingAddress).toEqual({
      recipientName: 'Lin Mei',
      phone: '+886912345678',
      countryCode: 'TW',
      region: null,
      city: 'Taipei',
      postalCode: '106',
      line1: ADDRESS.line1,
      line2: null,
    });
    expect(checkout.orders[0].serviceContact).toBeNull();
    expect(checkout.orders[2].shippingAddress).toBeNull();
    expect(checkout.orders[2].serviceContact).toEqual({
      name: 'Lin Mei',
      email: 'mei@example.com',
      notes: 'Pricing strategy',
    });
    expect(checkout.orders[0].lines).toEqual([
      { sku: 'CAF-ESP-250', quantity: 2, unitPrice: { minorUnits: 1500 }, lineTotal: { minorUnits: 3000 } },
    ]);

    expect(await stockOf(api, coffee)).toBe(8);
    expect(await stockOf(api, mug)).toBe(9);
    expect(await stockOf(api, service)).toBeNull();
    const cart = await api.gql('{ cart { lines { variant { sku } } } }', {}, { token });
    expect(cart.data.cart.lines).toEqual([{ variant: { sku: 'CAF-DRP-10' } }]);
    const [coupon] = await api.sql(`select used_count from coupon where code = 'SAVE5'`);
    expect(coupon.used_count).toBe(1);
    const redemptions = await api.sql('select * from coupon_redemption where user_id = $1', [userId]);
    expect(redemptions).toHaveLength(1);
    // Each order gets a payment timeout job, ORDER_PAYMENT_TIMEOUT_MINUTES (30) from now.
    const jobs = await api.sql(
      `select key, extract(epoch from run_at - now())::int as secs from graphile_worker.jobs where task_identifier = 'orders.close-unpaid' and key = any($1)`,
      [
        checkout.orders.map(
          (o: Gql) => `orders.close-unpaid:${Buffer.from(o.id, 'base64url').toString().split(':')[1]}`,
        ),
      ],
    );
    expect(jobs).toHaveLength(3);
    for (const job of jobs) expect(job.secs).toBeGreaterThan(29 * 60);

    const again = await api.gql(
      'query ($id: ID!) { checkout(id: $id) { total { minorUnits } orders { number } } }',
      { id: checkout.id },
      { token },
    );
    expect(again.data.checkout.total.minorUnits).toBe(17300);
    const stranger = await newShopper(api);
    const hidden = await api.gql(
      'query ($id: ID!) { checkout(id: $id) { id } }',
      { id: checkout.id },
      { token: stranger.token },
    );
    expect(hidden.data.checkout).toBeNull();
  });

  test('buy now orders one variant without touching the cart, at the current price', async ({ api }) => {
    const { token } = await newShopper(api);
    const inCart = await variant(api, 'CAF-DRP-30', { price: 3800, stock: 10 });
    await addToCart(api, token, inCart, 1);
    const kettle = await variant(api, 'HOM-KET-SLV', { price: 4200, stock: 10 });
    const preview = await api.gql(
      PREVIEW,
      { input: { buyNow: { variantId: kettle.id, quantity: 2 } } },
      { token },
    );
    expect(preview.data.checkoutPreview.total.minorUnits).toBe(8400);
    // The price changes between preview and submit: the server charges the current price.
    await api.sql('update product_variant set price_minor = 4300 where id = $1', [kettle.dbId]);
    const result = await submit(api, token, { buyNow: { variantId: kettle.id, quantity: 2 } });
    expect(result.userErrors).toEqual([]);
    expect(result.checkout.total.minorUnits).toBe(8600);
    expect(result.checkout.orders[0].lines[0].unitPrice.minorUnits).toBe(4300);
    expect(await stockOf(api, kettle)).toBe(8);
    const cart = await api.gql('{ cart { lines { quantity variant { sku } } } }', {}, { token });
    expect(cart.data.cart.lines).toEqual([{ quantity: 1, variant: { sku: 'CAF-DRP-30' } }]);
  });

  test('a shipping address without a postal code is accepted (Hong Kong has none)', async ({ api }) => {
    const { token } = await newShopper(api);
    const v = await variant(api, 'HOM-KET-SLV', { price: 4200, stock: 10 });
    const { postalCode: _none, ...withoutPostalCode } = ADDRESS;
    const result = await submit(api, token, {
      buyNow: { variantId: v.id, quantity: 1 },
      shippingAddress: { ...withoutPostalCode, phone: '+852 9123 4567', countryCode: 'HK', city: 'Kowloon' },
    });
    expect(result.userErrors).toEqual([]);
    expect(result.checkout.orders[0].shippingAddress).toMatchObject({
      phone: '+85291234567',
      countryCode: 'HK',
      region: null,
      city: 'Kowloon',
      postalCode: null,
    });
    const [row] = await api.sql(
      'select ship_country, ship_postal_code from customer_order where number = $1',
      [result.checkout.orders[0].number],
    );
    expect(row).toEqual({ ship_country: 'HK', ship_postal_code: null });
  });

  test('an address-book entry is sent as is: its region is stored on the order and returned', async ({
    api,
  }) => {
    const { token } = await newShopper(api);
    const created = await api.gql(
      `mutation ($input: AddressInput!) { createAddress(input: $input) { userErrors { code field } } }`,
      {
        input: {
          recipientName: '陳小明',
          phone: '+886 912 345 678',
          countryCode: 'TW',
          region: '臺北市',
          city: '大安區',
          line1: '忠孝東路四段 100 號',
        },
      },
      { token },
    );
    expect(created.data.createAddress.userErrors).toEqual([]);
    const book = await api.gql(
      '{ viewer { addresses { recipientName phone countryCode region city postalCode line1 line2 } } }',
      {},
      { token },
    );
    const [saved] = book.data.viewer.addresses;
    const v = await variant(api, 'HOM-KET-SLV', { price: 4200, stock: 10 });
    const result = await submit(api, token, {
      buyNow: { variantId: v.id, quantity: 1 },
      shippingAddress: saved,
    });
    expect(result.userErrors).toEqual([]);
    const [order] = result.checkout.orders;
    expect(order.shippingAddress).toEqual(saved);
    expect(order.shippingAddress).toMatchObject({ countryCode: 'TW', region: '臺北市', postalCode: null });
    const [row] = await api.sql('select ship_region from customer_order where number = $1', [order.number]);
    expect(row.ship_region).toBe('臺北市');
    const again = await api.gql(
      'query ($n: String!) { order(number: $n) { shippingAddress { countryCode region postalCode } } }',
      { n: order.number },
      { token },
    );
    expect(again.data.order.shippingAddress).toEqual({
      countryCode: 'TW',
      region: '臺北市',
      postalCode: null,
    });
  });

  test('requires a signed-in shopper', async ({ api }) => {
    const before = await snapshot(api);
    const res = await api.gql(SUBMIT, {
      input: submitInput({ buyNow: { variantId: gid('ProductVariant', 1), quantity: 1 } }),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshot(api)).toEqual(before);
  });

  type Case = {
    name: string;
    arrange: (ctx: { api: TestApi; token: string }) => Promise<Record<string, unknown>>;
    code: string;
    field?: string[];
    check?: (error: { available: number | null; minimumSpend: unknown; message: string }) => void;
  };
  const goods = (api: TestApi, stock = 10) => variant(api, 'TEA-ALI-75', { price: 2200, stock });

  const cases: Case[] = [
    {
      name: 'an empty selection',
      arrange: async ({ api, token }) => {
        const v = await goods(api);
        await addToCart(api, token, v, 1);
        await api.sql(
          `update cart_line set selected = false where cart_id = (select c.id from cart c join session s on s.user_id = c.user_id where s.token_hash = encode(sha256($1::bytea), 'hex'))`,
          [token],
        );
        return {};
      },
      code: 'EMPTY_SELECTION',
      field: ['input', 'cartLineIds'],
    },
    { name: 'an empty cart', arrange: async () => ({}), code: 'EMPTY_SELECTION' },
    { name: 'an empty list of lines', arrange: async () => ({ cartLineIds: [] }), code: 'EMPTY_SELECTION' },
    {
      name: 'an unknown cart line',
      arrange: async () => ({ cartLineIds: [gid('CartLine', 999_999)] }),
      code: 'LINE_NOT_FOUND',
      field: ['input', 'cartLineIds', '0'],
    },
    {
      name: 'another shopper’s cart line',
      arrange: async ({ api }) => {
        const other = await newShopper(api);
        return { cartLineIds: [await addToCart(api, other.token, await goods(api), 1)] };
      },
      code: 'LINE_NOT_FOUND',
      field: ['input', 'cartLineIds', '0'],
    },
    {
      name: 'a malformed line id',
      arrange: async () => ({ cartLineIds: ['not-an-id'] }),
      code: 'LINE_NOT_FOUND',
    },
    {
      name: 'buy now of quantity 0',
      arrange: async ({ api }) => ({ buyNow: { variantId: (await goods(api)).id, quantity: 0 } }),
      code: 'INVALID_QUANTITY',
      field: ['input', 'buyNow', 'quantity'],
    },
    {
      name: 'buy now of a negative quantity',
      arrange: async ({ api }) => ({ buyNow: { variantId: (await goods(api)).id, quantity: -2 } }),
      code: 'INVALID_QUANTITY',
    },
    {
      name: 'buy now above the line maximum',
      arrange: async ({ api }) => ({ buyNow: { variantId: (await goods(api, 1000)).id, quantity: 100 } }),
      code: 'QUANTITY_EXCEEDS_LINE_MAXIMUM',
    },
    {
      name: 'buy now above stock',
      arrange: async ({ api }) => ({ buyNow: { variantId: (await goods(api, 3)).id, quantity: 4 } }),
      code: 'OUT_OF_STOCK',
      check: (e) => expect(e.available).toBe(3),
    },
    {
      name: 'a cart line above stock (stock fell after it was added)',
      arrange: async ({ api, token }) => {
        const v = await goods(api, 10);
        const line = await addToCart(api, token, v, 5);
        await api.sql('update product_variant set stock = 2 where id = $1', [v.dbId]);
        return { cartLineIds: [line] };
      },
      code: 'OUT_OF_STOCK',
      check: (e) => expect(e.available).toBe(2),
    },
    {
      name: 'a sold-out variant',
      arrange: async ({ api }) => ({ buyNow: { variantId: (await goods(api, 0)).id, quantity: 1 } }),
      code: 'OUT_OF_STOCK',
      check: (e) => expect(e.available).toBe(0),
    },
    {
      name: 'an unknown variant',
      arrange: async () => ({ buyNow: { variantId: gid('ProductVariant', 999_999), quantity: 1 } }),
      code: 'VARIANT_UNAVAILABLE',
      field: ['input', 'buyNow', 'variantId'],
    },
    {
      name: 'a product taken off sale',
      arrange: async ({ api }) => {
        const v = await variant(api, 'TEA-OBT-38', { stock: 10 });
        await api.sql(
          `update product set status = 'ARCHIVED' where id = (select product_id from product_variant where id = $1)`,
          [v.dbId],
        );
        return { buyNow: { variantId: v.id, quantity: 1 } };
      },
      code: 'VARIANT_UNAVAILABLE',
    },
    {
      name: 'both cart lines and buy now',
      arrange: async ({ api }) => ({
        cartLineIds: [],
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
      }),
      code: 'INVALID_INPUT',
    },
    {
      name: 'goods without a shipping address',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        shippingAddress: null,
      }),
      code: 'SHIPPING_ADDRESS_REQUIRED',
      field: ['input', 'shippingAddress'],
    },
    {
      name: 'a shipping address with a bad postal code',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        shippingAddress: { ...ADDRESS, postalCode: '!!' },
      }),
      code: 'INVALID_SHIPPING_ADDRESS',
      field: ['input', 'shippingAddress', 'postalCode'],
    },
    {
      name: 'a Taiwanese postal code of 4 digits (core’s per-country rule)',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        shippingAddress: { ...ADDRESS, postalCode: '1060' },
      }),
      code: 'INVALID_SHIPPING_ADDRESS',
      field: ['input', 'shippingAddress', 'postalCode'],
    },
    {
      name: 'a shipping address with an unknown country code',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        shippingAddress: { ...ADDRESS, countryCode: 'XX' },
      }),
      code: 'INVALID_SHIPPING_ADDRESS',
      field: ['input', 'shippingAddress', 'countryCode'],
      check: (e) => expect(e.message).toBe('Choose a country or region.'),
    },
    {
      name: 'a shipping address with a region over 100 characters',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        shippingAddress: { ...ADDRESS, region: 'x'.repeat(101) },
      }),
      code: 'INVALID_SHIPPING_ADDRESS',
      field: ['input', 'shippingAddress', 'region'],
    },
    {
      name: 'a shipping address without recipient',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        shippingAddress: { ...ADDRESS, recipientName: '   ' },
      }),
      code: 'INVALID_SHIPPING_ADDRESS',
      field: ['input', 'shippingAddress', 'recipientName'],
    },
    {
      name: 'a service without contact details',
      arrange: async ({ api }) => {
        const [row] = await api.sql(
          `select v.sku from product_variant v join product p on p.id = v.product_id where p.kind = 'SERVICE' order by v.id limit 1`,
        );
        return { buyNow: { variantId: (await variant(api, row.sku)).id, quantity: 1 } };
      },
      code: 'SERVICE_CONTACT_REQUIRED',
      field: ['input', 'serviceContact'],
    },
    {
      name: 'contact details with a bad email',
      arrange: async ({ api }) => {
        const [row] = await api.sql(
          `select v.sku from product_variant v join product p on p.id = v.product_id where p.kind = 'SERVICE' order by v.id limit 1`,
        );
        return {
          buyNow: { variantId: (await variant(api, row.sku)).id, quantity: 1 },
          serviceContact: { ...CONTACT, email: 'nope' },
        };
      },
      code: 'INVALID_SERVICE_CONTACT',
      field: ['input', 'serviceContact', 'email'],
    },
    {
      name: 'an unknown coupon',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        couponCode: 'NOPE',
      }),
      code: 'COUPON_NOT_FOUND',
      field: ['input', 'couponCode'],
    },
    {
      name: 'an expired coupon',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 2 },
        couponCode: 'EXPIRED2025',
      }),
      code: 'COUPON_EXPIRED',
    },
    {
      name: 'a coupon that has not started',
      arrange: async ({ api }) => {
        await api.sql(
          `insert into coupon (code, kind, value, currency, starts_at) values ('LATER', 'FIXED_AMOUNT', 100, 'USD', now() + interval '1 day') on conflict do nothing`,
        );
        return { buyNow: { variantId: (await goods(api)).id, quantity: 1 }, couponCode: 'LATER' };
      },
      code: 'COUPON_NOT_STARTED',
    },
    {
      name: 'a coupon below its minimum spend',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        couponCode: 'SAVE5',
      }),
      code: 'COUPON_MIN_SPEND_NOT_MET',
      check: (e) => expect(e.minimumSpend).toEqual({ amount: '30.00', minorUnits: 3000 }),
    },
    {
      name: 'an exhausted coupon',
      arrange: async ({ api }) => {
        await api.sql(`update coupon set used_count = usage_limit where code = 'ONEUSE'`);
        return { buyNow: { variantId: (await goods(api)).id, quantity: 1 }, couponCode: 'ONEUSE' };
      },
      code: 'COUPON_USAGE_LIMIT_REACHED',
    },
    {
      name: 'a merchant coupon without that merchant’s items',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await variant(api, 'HOM-MUG-CHR', { stock: 10 })).id, quantity: 3 },
        couponCode: 'FORMOSA15',
      }),
      code: 'COUPON_NOT_APPLICABLE',
    },
    {
      name: 'a malformed idempotency key',
      arrange: async ({ api }) => ({
        buyNow: { variantId: (await goods(api)).id, quantity: 1 },
        idempotencyKey: 'short',
      }),
      code: 'INVALID_IDEMPOTENCY_KEY',
      field: ['input', 'idempotencyKey'],
    },
  ];

  test.for(cases)(
    'refuses $name with $code and changes nothing',
    async ({ arrange, code, field, check }, { api }) => {
      const { token } = await newShopper(api);
      const extra = await arrange({ api, token });
      const before = await snapshot(api);
      const result = await submit(api, token, extra);
      expect(result.checkout).toBeNull();
      expect(result.userErrors.map((e) => e.code)).toContain(code);
      const error = result.userErrors.find((e) => e.code === code)!;
      expect(error.message).not.toBe('');
      if (field) expect(error.field).toEqual(field);
      check?.(error);
      expect(await snapshot(api)).toEqual(before);
    },
  );

  test('a coupon for one use per shopper is refused the second time', async ({ api }) => {
    const { token } = await newShopper(api);
    const v = await variant(api, 'CAF-ESP-1000', { price: 4900, stock: 20 });
    const first = await submit(api, token, {
      buyNow: { variantId: v.id, quantity: 1 },
      couponCode: 'WELCOME10',
    });
    expect(first.userErrors).toEqual([]);
    expect(first.checkout.discount.minorUnits).toBe(490);
    const before = await snapshot(api);
    const second = await submit(api, token, {
      buyNow: { variantId: v.id, quantity: 1 },
      couponCode: 'WELCOME10',
    });
    expect(second.userErrors.map((e) => e.code)).toEqual(['COUPON_ALREADY_USED']);
    expect(await snapshot(api)).toEqual(before);
    // Another shopper still can.
    const other = await newShopper(api);
    const third = await submit(api, other.token, {
      buyNow: { variantId: v.id, quantity: 1 },
      couponCode: 'WELCOME10',
    });
    expect(third.userErrors).toEqual([]);
  });

  test('a coupon with one use left goes to exactly one of two racing shoppers', async ({ api }) => {
    await api.sql(
      `insert into coupon (code, kind, value, currency, usage_limit) values ('LASTONE', 'FIXED_AMOUNT', 100, 'USD', 1)`,
    );
    const v = await variant(api, 'CAF-ESP-500', { price: 2700, stock: 20 });
    const shoppers = await Promise.all([newShopper(api), newShopper(api), newShopper(api)]);
    const results = await Promise.all(
      shoppers.map((s) =>
        submit(api, s.token, { buyNow: { variantId: v.id, quantity: 1 }, couponCode: 'LASTONE' }),
      ),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.flatMap((r) => r.userErrors.map((e) => e.code))).toEqual([
      'COUPON_USAGE_LIMIT_REACHED',
      'COUPON_USAGE_LIMIT_REACHED',
    ]);
    const [row] = await api.sql(`select used_count from coupon where code = 'LASTONE'`);
    expect(row.used_count).toBe(1);
    expect(await stockOf(api, v)).toBe(19);
  });

  test('the same idempotency key returns the same checkout, also when the requests race', async ({ api }) => {
    const { token } = await newShopper(api);
    const v = await variant(api, 'TEA-MZT-150', { price: 3400, stock: 20 });
    const input = submitInput({ buyNow: { variantId: v.id, quantity: 2 } });
    const first = await api.gql(SUBMIT, { input }, { token });
    const second = await api.gql(SUBMIT, { input }, { token });
    expect(second.data.submitOrder.userErrors).toEqual([]);
    expect(second.data.submitOrder.checkout.id).toBe(first.data.submitOrder.checkout.id);
    expect(second.data.submitOrder.checkout.orders.map((o: Gql) => o.number)).toEqual(
      first.data.submitOrder.checkout.orders.map((o: Gql) => o.number),
    );
    expect(await stockOf(api, v)).toBe(18);

    const raced = submitInput({ buyNow: { variantId: v.id, quantity: 1 } });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => api.gql(SUBMIT, { input: raced }, { token })),
    );
    expect(results.every((r) => r.data.submitOrder.userErrors.length === 0)).toBe(true);
    expect(new Set(results.map((r) => r.data.submitOrder.checkout.id)).size).toBe(1);
    const [{ n }] = await api.sql(`select count(*)::int as n from checkout where idempotency_key = $1`, [
      raced.idempotencyKey,
    ]);
    expect(n).toBe(1);
    expect(await stockOf(api, v)).toBe(17);
    // The key is per shopper: another shopper's identical key is another checkout.
    const other = await newShopper(api);
    const theirs = await api.gql(SUBMIT, { input: raced }, { token: other.token });
    expect(theirs.data.submitOrder.checkout.id).not.toBe(results[0]!.data.submitOrder.checkout.id);
  });

  test('20 shoppers racing for 5 units: exactly 5 orders, stock 0, the rest OUT_OF_STOCK', async ({
    api,
  }) => {
    const v = await variant(api, 'CAF-ALI-100', { price: 3600, stock: 5 });
    const shoppers = await Promise.all(Array.from({ length: 20 }, () => newShopper(api)));
    const before = await snapshot(api);
    const results = await Promise.all(
      shoppers.map((s) => submit(api, s.token, { buyNow: { variantId: v.id, quantity: 1 } })),
    );
    const won = results.filter((r) => r.checkout !== null);
    const lost = results.filter((r) => r.checkout === null);
    expect(won).toHaveLength(5);
    expect(lost).toHaveLength(15);
    for (const r of lost) {
      expect(r.userErrors).toEqual([
        expect.objectContaining({ code: 'OUT_OF_STOCK', lineId: v.id, available: 0 }),
      ]);
    }
    expect(await stockOf(api, v)).toBe(0);
    const after = await snapshot(api);
    expect(after.orders - before.orders).toBe(5);
    expect(after.checkouts - before.checkouts).toBe(5);
    const [{ sold }] = await api.sql(
      `select coalesce(sum(quantity), 0)::int as sold from order_line where variant_id = $1`,
      [v.dbId],
    );
    expect(sold).toBe(5);
  });

  test('carts of several shared variants, added in different orders, race to check out: no deadlock, nothing oversold', async ({
    api,
  }) => {
    // Each submit takes every stock row it needs in ONE statement (locked in id order first): carts that
    // list the same variants in opposite orders must neither deadlock nor sell a unit twice.
    const skus = ['HOM-PLT-10', 'HOM-PLT-15', 'ELC-CBL-2M'];
    const vs = [];
    for (const sku of skus) vs.push(await variant(api, sku, { stock: 6 }));
    const shoppers = await Promise.all(Array.from({ length: 8 }, () => newShopper(api)));
    for (const [i, s] of shoppers.entries()) {
      const order = i % 2 === 0 ? vs : [...vs].reverse();
      for (const v of order) await addToCart(api, s.token, v, 1);
    }
    const results = await Promise.all(shoppers.map((s) => submit(api, s.token)));
    const won = results.filter((r) => r.checkout !== null);
    expect(won).toHaveLength(6);
    for (const r of results.filter((r) => r.checkout === null)) {
      // Refused by the quote (one error per short line) or by the reservation (the first short line).
      expect(r.userErrors.length).toBeGreaterThan(0);
      expect(new Set(r.userErrors.map((e) => e.code))).toEqual(new Set(['OUT_OF_STOCK']));
    }
    for (const v of vs) expect(await stockOf(api, v)).toBe(0);
    const sold = await api.sql(
      `select variant_id, sum(quantity)::int as n from order_line where variant_id = any($1) group by variant_id`,
      [vs.map((v) => v.dbId)],
    );
    expect(sold.map((r) => r.n)).toEqual([6, 6, 6]);
  });

  test('a mixed goods-and-services order of one merchant ships as goods', async ({ api }) => {
    const { token } = await newShopper(api);
    const [row] = await api.sql(
      `select v.id, p.merchant_id from product_variant v join product p on p.id = v.product_id where p.kind = 'SERVICE' order by v.id limit 1`,
    );
    const goodsOfSame = await api.sql(
      `insert into product (merchant_id, handle, kind, title_en, title_zh, status) values ($1, 'consulting-workbook', 'GOODS', 'Workbook', '練習本', 'PUBLISHED') returning id`,
      [row.merchant_id],
    );
    await api.sql(
      `insert into product_variant (product_id, sku, title_en, title_zh, price_minor, currency, stock) values ($1, 'WB-1', 'Print', '紙本', 1000, 'USD', 5)`,
      [goodsOfSame[0].id],
    );
    const workbook = await variant(api, 'WB-1');
    const service = await variant(
      api,
      (await api.sql('select sku from product_variant where id = $1', [row.id]))[0].sku,
      { price: 9000 },
    );
    await addToCart(api, token, workbook, 1);
    await addToCart(api, token, service, 1);
    const result = await submit(api, token, { serviceContact: CONTACT });
    expect(result.userErrors).toEqual([]);
    expect(result.checkout.orders).toHaveLength(1);
    const [order] = result.checkout.orders;
    // 100.00 of items is above the free-shipping threshold.
    expect([order.kind, order.subtotal.minorUnits, order.shippingFee.minorUnits]).toEqual([
      'GOODS',
      10000,
      0,
    ]);
    expect(order.serviceContact.email).toBe('mei@example.com');
    expect(order.shippingAddress.recipientName).toBe('Lin Mei');
    expect(await stockOf(api, workbook)).toBe(4);
  });
});

import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';

const ADD = `
  mutation Add($input: AddToCartInput!) {
    addToCart(input: $input) {
      cart { id token totalQuantity subtotal { amount minorUnits } lines { quantity variant { id sku } lineTotal { minorUnits } } }
      userErrors { code field message }
    }
  }`;

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

async function variantWith(api: TestApi, where: string) {
  const [row] = await api.sql(
    `select v.id, v.stock, v.price_minor from product_variant v join product p on p.id = v.product_id
     where p.status = 'PUBLISHED' and ${where} order by v.id limit 1`,
  );
  if (!row) throw new Error(`no variant where ${where}`);
  return {
    id: gid('ProductVariant', row.id),
    dbId: row.id as number,
    stock: row.stock as number | null,
    price: row.price_minor as number,
  };
}

async function counts(api: TestApi) {
  const [row] = await api.sql(
    `select (select count(*) from cart)::int as carts, (select count(*) from cart_line)::int as lines,
            (select coalesce(sum(quantity), 0) from cart_line)::int as units,
            (select coalesce(sum(stock), 0) from product_variant)::int as stock`,
  );
  return row;
}

describe('addToCart', () => {
  test('creates a guest cart with quantity 1 by default; adding again increases the line', async ({
    api,
  }) => {
    const v = await variantWith(api, `p.kind = 'GOODS' and v.stock >= 10`);
    const first = await api.gql(ADD, { input: { variantId: v.id } });
    expect(first.data.addToCart.userErrors).toEqual([]);
    const cart = first.data.addToCart.cart;
    expect(cart.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(cart.lines).toEqual([
      { quantity: 1, variant: { id: v.id, sku: expect.any(String) }, lineTotal: { minorUnits: v.price } },
    ]);

    const second = await api.gql(ADD, { input: { variantId: v.id, quantity: 2, cartToken: cart.token } });
    expect(second.data.addToCart.cart.id).toBe(cart.id);
    expect(second.data.addToCart.cart.totalQuantity).toBe(3);
    expect(second.data.addToCart.cart.subtotal.minorUnits).toBe(3 * v.price);

    const read = await api.gql(
      `query ($t: String) { cart(token: $t) { totalQuantity lines { quantity } } }`,
      { t: cart.token },
    );
    expect(read.data.cart).toEqual({ totalQuantity: 3, lines: [{ quantity: 3 }] });
    // Adding to the cart does not touch stock; reservation happens at checkout.
    const [{ stock }] = await api.sql('select stock from product_variant where id = $1', [v.dbId]);
    expect(stock).toBe(v.stock);
  });

  const badInputs = [
    { name: 'quantity 0', input: { quantity: 0 }, code: 'INVALID_QUANTITY', field: ['input', 'quantity'] },
    { name: 'quantity -1', input: { quantity: -1 }, code: 'INVALID_QUANTITY', field: ['input', 'quantity'] },
    {
      name: 'quantity 10^9',
      input: { quantity: 1_000_000_000 },
      code: 'QUANTITY_EXCEEDS_LINE_MAXIMUM',
      field: ['input', 'quantity'],
    },
    {
      name: 'a non-numeric id',
      input: { variantId: 'abc' },
      code: 'VARIANT_NOT_FOUND',
      field: ['input', 'variantId'],
    },
    {
      name: 'an unknown variant',
      input: { variantId: gid('ProductVariant', 999_999) },
      code: 'VARIANT_NOT_FOUND',
      field: ['input', 'variantId'],
    },
    {
      name: 'an id of another type',
      input: { variantId: gid('Product', 1) },
      code: 'VARIANT_NOT_FOUND',
      field: ['input', 'variantId'],
    },
    {
      name: 'an id past the integer range',
      input: { variantId: gid('ProductVariant', '99999999999') },
      code: 'VARIANT_NOT_FOUND',
      field: ['input', 'variantId'],
    },
    {
      name: 'an unknown cart token',
      input: { cartToken: '00000000-0000-4000-8000-000000000000' },
      code: 'CART_NOT_FOUND',
      field: ['input', 'cartToken'],
    },
    {
      name: 'a malformed cart token',
      input: { cartToken: "'; drop table cart; --" },
      code: 'CART_NOT_FOUND',
      field: ['input', 'cartToken'],
    },
  ];

  test.for(badInputs)(
    'refuses $name with a typed error and changes nothing',
    async ({ input, code, field }, { api }) => {
      const v = await variantWith(api, `p.kind = 'GOODS' and v.stock >= 10`);
      const before = await counts(api);
      const res = await api.gql(ADD, { input: { variantId: v.id, quantity: 1, ...input } });
      expect(res.errors).toBeUndefined();
      expect(res.data.addToCart.cart).toBeNull();
      expect(res.data.addToCart.userErrors).toEqual([{ code, field, message: expect.any(String) }]);
      expect(await counts(api)).toEqual(before);
    },
  );

  test('refuses more than the stock, counting what the line already holds, and names the limit', async ({
    api,
  }) => {
    const v = await variantWith(api, `p.kind = 'GOODS' and v.stock between 3 and 5`);
    const ok = await api.gql(ADD, { input: { variantId: v.id, quantity: v.stock! - 1 } });
    const token = ok.data.addToCart.cart.token;
    const before = await counts(api);
    const res = await api.gql(ADD, { input: { variantId: v.id, quantity: 2, cartToken: token } });
    expect(res.data.addToCart.userErrors[0]).toMatchObject({ code: 'QUANTITY_EXCEEDS_STOCK' });
    expect(res.data.addToCart.userErrors[0].message).toContain(String(v.stock));
    expect(await counts(api)).toEqual(before);
  });

  test('refuses a sold-out variant and an unpublished product', async ({ api }) => {
    const soldOut = await variantWith(api, `v.stock = 0`);
    const res = await api.gql(ADD, { input: { variantId: soldOut.id } });
    expect(res.data.addToCart.userErrors[0].code).toBe('OUT_OF_STOCK');

    const v = await variantWith(api, `p.kind = 'GOODS' and v.stock >= 1`);
    await api.sql(
      `update product set status = 'DRAFT' where id = (select product_id from product_variant where id = $1)`,
      [v.dbId],
    );
    const hidden = await api.gql(ADD, { input: { variantId: v.id } });
    expect(hidden.data.addToCart.userErrors[0].code).toBe('VARIANT_NOT_FOUND');
    await api.sql(
      `update product set status = 'PUBLISHED' where id = (select product_id from product_variant where id = $1)`,
      [v.dbId],
    );
  });

  test('services have no stock limit but keep the per-line maximum', async ({ api }) => {
    const s = await variantWith(api, `p.kind = 'SERVICE'`);
    const ok = await api.gql(ADD, { input: { variantId: s.id, quantity: 99 } });
    expect(ok.data.addToCart.userErrors).toEqual([]);
    const more = await api.gql(ADD, {
      input: { variantId: s.id, quantity: 1, cartToken: ok.data.addToCart.cart.token },
    });
    expect(more.data.addToCart.userErrors[0].code).toBe('QUANTITY_EXCEEDS_LINE_MAXIMUM');
  });

  test('parallel adds to one cart are all counted, and never pass the stock', async ({ api }) => {
    const v = await variantWith(api, `p.kind = 'GOODS' and v.stock between 3 and 5`);
    const first = await api.gql(ADD, { input: { variantId: v.id } });
    const token = first.data.addToCart.cart.token;
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        api.gql(ADD, { input: { variantId: v.id, quantity: 1, cartToken: token } }),
      ),
    );
    const accepted = results.filter((r) => r.data.addToCart.userErrors.length === 0).length;
    expect(accepted).toBe(v.stock! - 1);
    expect(
      results.filter((r) => r.data.addToCart.userErrors[0]?.code === 'QUANTITY_EXCEEDS_STOCK'),
    ).toHaveLength(12 - accepted);
    const [line] = await api.sql(
      'select l.quantity from cart_line l join cart c on c.id = l.cart_id where l.variant_id = $1 and c.token = $2',
      [v.dbId, token],
    );
    expect(line.quantity).toBe(v.stock);
  });

  test('a signed-in shopper has one cart; a guest cart token cannot reach it', async ({ api, login }) => {
    const token = await login('shopper2@example.com');
    const v = await variantWith(api, `p.kind = 'GOODS' and v.stock >= 10`);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => api.gql(ADD, { input: { variantId: v.id } }, { token })),
    );
    expect(new Set(results.map((r) => r.data.addToCart.cart.id)).size).toBe(1);
    const [{ count }] = await api.sql(
      `select count(*)::int as count from cart c join user_account u on u.id = c.user_id where u.email = 'shopper2@example.com'`,
    );
    expect(count).toBe(1);
    const mine = await api.gql('{ cart { totalQuantity } }', {}, { token });
    expect(mine.data.cart.totalQuantity).toBe(4);
    // As a guest, the shopper's cart token finds nothing.
    const asGuest = await api.gql('query ($t: String) { cart(token: $t) { id } }', {
      t: results[0]!.data.addToCart.cart.token,
    });
    expect(asGuest.data.cart).toBeNull();
  });
});

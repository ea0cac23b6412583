import { MAX_LINE_QUANTITY } from '@marketplace/core';
import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';

const CART_FIELDS = `
  id totalQuantity selectedQuantity
  subtotal { minorUnits } selectedSubtotal { minorUnits }
  lines { id quantity selected status unavailableReason availableQuantity availableForSale
          unitPrice { minorUnits } lineTotal { minorUnits } variant { id } }`;

const ADD = `mutation ($input: AddToCartInput!) {
  addToCart(input: $input) { cart { token lines { id variant { id } } } userErrors { code } } }`;
const UPDATE = `mutation ($input: UpdateCartLineInput!) {
  updateCartLine(input: $input) { cart { ${CART_FIELDS} } userErrors { code field message lineId maxQuantity } } }`;
const REMOVE = `mutation ($input: RemoveCartLinesInput!) {
  removeCartLines(input: $input) { cart { ${CART_FIELDS} } removedLineIds userErrors { code field message lineId } } }`;
const SELECT = `mutation ($input: SetCartLinesSelectedInput!) {
  setCartLinesSelected(input: $input) { cart { ${CART_FIELDS} } userErrors { code field message lineId } } }`;
const READ = `query ($t: String) { cart(token: $t) { ${CART_FIELDS} } }`;

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');
const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

interface Variant {
  id: string;
  dbId: number;
  productId: number;
  merchantId: number;
  stock: number | null;
  price: number;
}

/** Published variants of active merchants (distinct products), in a stable order. */
async function variants(api: TestApi, where: string, count: number): Promise<Variant[]> {
  const rows = await api.sql(
    `select distinct on (p.id) v.id, v.stock, v.price_minor, p.id as product_id, p.merchant_id
     from product_variant v join product p on p.id = v.product_id join merchant m on m.id = p.merchant_id
     where p.status = 'PUBLISHED' and m.status = 'ACTIVE' and ${where} order by p.id, v.id limit ${count}`,
  );
  if (rows.length < count) throw new Error(`only ${rows.length} variants where ${where}`);
  return rows.map((r) => ({
    id: gid('ProductVariant', r.id),
    dbId: r.id,
    productId: r.product_id,
    merchantId: r.merchant_id,
    stock: r.stock,
    price: r.price_minor,
  }));
}

/** A cart (a guest's, or the shopper's with `auth`) holding one line per variant; returns the line ids in order. */
async function cartWith(api: TestApi, items: { v: Variant; quantity?: number }[], auth?: string) {
  let token: string | null = null;
  for (const { v, quantity = 1 } of items) {
    const res: { data: { addToCart: { cart: { token: string }; userErrors: unknown[] } } } = await api.gql(
      ADD,
      { input: { variantId: v.id, quantity, cartToken: token } },
      { token: auth },
    );
    expect(res.data.addToCart.userErrors).toEqual([]);
    token = res.data.addToCart.cart.token;
  }
  const read = await api.gql(READ, { t: token }, { token: auth });
  const lines = read.data.cart.lines as { id: string; variant: { id: string } }[];
  const lineIds = items.map(({ v }) => lines.find((l) => l.variant.id === v.id)!.id);
  return { token: token!, lineIds };
}

/** Every cart line in the database: a refused mutation must leave this exactly as it was. */
const allLines = (api: TestApi) =>
  api.sql('select id, cart_id, variant_id, quantity, selected from cart_line order by id');

/** Two guests and two shoppers with a cart each, so every test has foreign lines to try. */
async function world(api: TestApi, login: (email: string) => Promise<string>) {
  const goods = await variants(api, `p.kind = 'GOODS' and v.stock between 20 and 90`, 4);
  const guest = await cartWith(api, [{ v: goods[0]! }, { v: goods[1]!, quantity: 2 }, { v: goods[2]! }]);
  const otherGuest = await cartWith(api, [{ v: goods[0]! }]);
  const shopperToken = await login('shopper@example.com');
  const shopper2Token = await login('shopper2@example.com');
  const shopper = await cartWith(api, [{ v: goods[3]! }], shopperToken);
  const shopper2 = await cartWith(api, [{ v: goods[3]! }], shopper2Token);
  return { goods, guest, otherGuest, shopper, shopperToken, shopper2, shopper2Token };
}

describe('updateCartLine', () => {
  test('sets the quantity of a guest line and of a shopper line; totals follow at current prices', async ({
    api,
    login,
  }) => {
    const [a, b] = await variants(api, `p.kind = 'GOODS' and v.stock >= 10`, 2);
    const guest = await cartWith(api, [{ v: a! }, { v: b! }]);
    const res = await api.gql(UPDATE, {
      input: { cartToken: guest.token, lineId: guest.lineIds[0], quantity: 4 },
    });
    expect(res.data.updateCartLine.userErrors).toEqual([]);
    const cart = res.data.updateCartLine.cart;
    expect(cart.lines.map((l: { quantity: number }) => l.quantity)).toEqual([4, 1]);
    expect(cart.totalQuantity).toBe(5);
    expect(cart.subtotal.minorUnits).toBe(4 * a!.price + b!.price);
    expect(cart.lines[0]).toMatchObject({
      status: 'AVAILABLE',
      unavailableReason: null,
      lineTotal: { minorUnits: 4 * a!.price },
    });
    const [row] = await api.sql('select quantity from cart_line where id = $1', [dbId(guest.lineIds[0]!)]);
    expect(row.quantity).toBe(4);

    // Lowering works too, and the new price shows at once (prices are never frozen in the cart).
    await api.sql('update product_variant set price_minor = price_minor + 100 where id = $1', [a!.dbId]);
    const lower = await api.gql(UPDATE, {
      input: { cartToken: guest.token, lineId: guest.lineIds[0], quantity: 2 },
    });
    expect(lower.data.updateCartLine.cart.lines[0]).toMatchObject({
      quantity: 2,
      unitPrice: { minorUnits: a!.price + 100 },
      lineTotal: { minorUnits: 2 * (a!.price + 100) },
    });
    await api.sql('update product_variant set price_minor = $2 where id = $1', [a!.dbId, a!.price]);

    const token = await login('shopper2@example.com');
    const own = await cartWith(api, [{ v: b! }], token);
    const signedIn = await api.gql(UPDATE, { input: { lineId: own.lineIds[0], quantity: 3 } }, { token });
    expect(signedIn.data.updateCartLine.userErrors).toEqual([]);
    expect(
      signedIn.data.updateCartLine.cart.lines.find((l: { id: string }) => l.id === own.lineIds[0]).quantity,
    ).toBe(3);
  });

  test('refuses every bad input with a typed error naming the line, and changes nothing', async ({
    api,
    login,
  }) => {
    const w = await world(api, login);
    const stock = w.goods[0]!.stock!;
    const line = w.guest.lineIds[0]!;
    const cases: {
      name: string;
      input: Record<string, unknown>;
      auth?: string;
      code: string;
      field: string[];
      lineId?: string | null;
      maxQuantity?: number | null;
    }[] = [
      { name: 'quantity 0', input: { quantity: 0 }, code: 'INVALID_QUANTITY', field: ['input', 'quantity'] },
      {
        name: 'quantity -1',
        input: { quantity: -1 },
        code: 'INVALID_QUANTITY',
        field: ['input', 'quantity'],
      },
      {
        name: 'above the stock',
        input: { quantity: stock + 1 },
        code: 'QUANTITY_EXCEEDS_STOCK',
        field: ['input', 'quantity'],
        maxQuantity: stock,
      },
      {
        name: 'above the line maximum',
        input: { quantity: MAX_LINE_QUANTITY + 1 },
        code: 'QUANTITY_EXCEEDS_LINE_MAXIMUM',
        field: ['input', 'quantity'],
        maxQuantity: MAX_LINE_QUANTITY,
      },
      {
        name: 'a malformed line id',
        input: { lineId: 'not-an-id!' },
        code: 'LINE_NOT_FOUND',
        field: ['input', 'lineId'],
      },
      {
        name: 'an id of another type',
        input: { lineId: gid('ProductVariant', 1) },
        code: 'LINE_NOT_FOUND',
        field: ['input', 'lineId'],
      },
      {
        name: 'an unknown line',
        input: { lineId: gid('CartLine', 999_999) },
        code: 'LINE_NOT_FOUND',
        field: ['input', 'lineId'],
      },
      {
        name: 'a line of another guest’s cart',
        input: { lineId: w.otherGuest.lineIds[0] },
        code: 'LINE_NOT_FOUND',
        field: ['input', 'lineId'],
      },
      {
        name: 'a shopper’s line, sent as a guest',
        input: { lineId: w.shopper.lineIds[0] },
        code: 'LINE_NOT_FOUND',
        field: ['input', 'lineId'],
      },
      {
        name: 'another shopper’s line, sent by a shopper',
        input: { lineId: w.shopper2.lineIds[0], cartToken: null },
        auth: w.shopperToken,
        code: 'LINE_NOT_FOUND',
        field: ['input', 'lineId'],
      },
      {
        name: 'a guest’s line, sent by a shopper with the guest’s token',
        input: {},
        auth: w.shopperToken,
        code: 'LINE_NOT_FOUND',
        field: ['input', 'lineId'],
      },
      {
        name: 'an unknown cart token',
        input: { cartToken: '00000000-0000-4000-8000-000000000000' },
        code: 'CART_NOT_FOUND',
        field: ['input', 'cartToken'],
        lineId: null,
      },
      {
        name: 'a malformed cart token',
        input: { cartToken: "x' or 1=1 --" },
        code: 'CART_NOT_FOUND',
        field: ['input', 'cartToken'],
        lineId: null,
      },
      {
        name: 'no cart token',
        input: { cartToken: null },
        code: 'CART_NOT_FOUND',
        field: ['input', 'cartToken'],
        lineId: null,
      },
    ];
    for (const c of cases) {
      const before = await allLines(api);
      const input = { cartToken: w.guest.token, lineId: line, quantity: 2, ...c.input };
      const res = await api.gql(UPDATE, { input }, { token: c.auth });
      expect(res.errors, c.name).toBeUndefined();
      expect(res.data.updateCartLine.cart, c.name).toBeNull();
      expect(res.data.updateCartLine.userErrors, c.name).toEqual([
        {
          code: c.code,
          field: c.field,
          message: expect.any(String),
          lineId: c.lineId === undefined ? input.lineId : c.lineId,
          maxQuantity: c.maxQuantity ?? null,
        },
      ]);
      expect(await allLines(api), c.name).toEqual(before);
    }
  });

  test('lines that went off sale or out of stock say so, and only a fitting quantity is accepted', async ({
    api,
  }) => {
    const [a, b, c] = await variants(api, `p.kind = 'GOODS' and v.stock between 5 and 40`, 3);
    const cart = await cartWith(api, [{ v: a!, quantity: 4 }, { v: b! }, { v: c! }]);
    const lineOf = async (i: number) =>
      (await api.gql(READ, { t: cart.token })).data.cart.lines.find(
        (l: { id: string }) => l.id === cart.lineIds[i],
      );

    expect(await lineOf(0)).toMatchObject({
      status: 'AVAILABLE',
      unavailableReason: null,
      availableQuantity: a!.stock,
    });

    // Stock falls below the line: INSUFFICIENT_STOCK with what is left; lowering the line fixes it.
    await api.sql('update product_variant set stock = 2 where id = $1', [a!.dbId]);
    expect(await lineOf(0)).toMatchObject({
      status: 'UNAVAILABLE',
      unavailableReason: 'INSUFFICIENT_STOCK',
      availableQuantity: 2,
      availableForSale: false,
    });
    const tooMany = await api.gql(UPDATE, {
      input: { cartToken: cart.token, lineId: cart.lineIds[0], quantity: 3 },
    });
    expect(tooMany.data.updateCartLine.userErrors[0]).toMatchObject({
      code: 'QUANTITY_EXCEEDS_STOCK',
      maxQuantity: 2,
    });
    expect(tooMany.data.updateCartLine.userErrors[0].message).toContain('Only 2');
    const fixed = await api.gql(UPDATE, {
      input: { cartToken: cart.token, lineId: cart.lineIds[0], quantity: 2 },
    });
    expect(fixed.data.updateCartLine.cart.lines[0]).toMatchObject({ quantity: 2, status: 'AVAILABLE' });

    // Sold out.
    await api.sql('update product_variant set stock = 0 where id = $1', [a!.dbId]);
    expect(await lineOf(0)).toMatchObject({ unavailableReason: 'OUT_OF_STOCK', availableQuantity: 0 });
    const soldOut = await api.gql(UPDATE, {
      input: { cartToken: cart.token, lineId: cart.lineIds[0], quantity: 1 },
    });
    expect(soldOut.data.updateCartLine.userErrors[0]).toMatchObject({
      code: 'OUT_OF_STOCK',
      lineId: cart.lineIds[0],
    });

    // Product unpublished; merchant frozen: off sale, whatever the stock.
    await api.sql(`update product set status = 'DRAFT' where id = $1`, [b!.productId]);
    await api.sql(`update merchant set status = 'SAFE_FROZEN' where id = $1`, [c!.merchantId]);
    expect(await lineOf(1)).toMatchObject({
      status: 'UNAVAILABLE',
      unavailableReason: 'OFF_SALE',
      availableQuantity: 0,
    });
    expect(await lineOf(2)).toMatchObject({ status: 'UNAVAILABLE', unavailableReason: 'OFF_SALE' });
    const before = await allLines(api);
    const offSale = await api.gql(UPDATE, {
      input: { cartToken: cart.token, lineId: cart.lineIds[1], quantity: 2 },
    });
    expect(offSale.data.updateCartLine.userErrors).toEqual([
      expect.objectContaining({ code: 'OFF_SALE', lineId: cart.lineIds[1], field: ['input', 'quantity'] }),
    ]);
    expect(await allLines(api)).toEqual(before);
    // An off-sale line can still be removed.
    const removed = await api.gql(REMOVE, {
      input: { cartToken: cart.token, lineIds: [cart.lineIds[1], cart.lineIds[2]] },
    });
    expect(removed.data.removeCartLines.userErrors).toEqual([]);

    await api.sql('update product_variant set stock = $2 where id = $1', [a!.dbId, a!.stock]);
    await api.sql(`update product set status = 'PUBLISHED' where id = $1`, [b!.productId]);
    await api.sql(`update merchant set status = 'ACTIVE' where id = $1`, [c!.merchantId]);
  });

  test('parallel updates of one line are applied one at a time and never pass the stock', async ({ api }) => {
    const [v] = await variants(api, `p.kind = 'GOODS' and v.stock between 3 and 6`, 1);
    const stock = v!.stock!;
    const cart = await cartWith(api, [{ v: v! }]);
    const quantities = Array.from({ length: 12 }, (_, i) => i + 1);
    const results = await Promise.all(
      quantities.map((quantity) =>
        api.gql(UPDATE, { input: { cartToken: cart.token, lineId: cart.lineIds[0], quantity } }),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const accepted = quantities.filter((_, i) => results[i]!.data.updateCartLine.userErrors.length === 0);
    expect(accepted).toEqual(quantities.filter((q) => q <= stock));
    for (const [i, r] of results.entries()) {
      if (quantities[i]! > stock)
        expect(r.data.updateCartLine.userErrors[0].code).toBe('QUANTITY_EXCEEDS_STOCK');
    }
    const [row] = await api.sql('select quantity from cart_line where id = $1', [dbId(cart.lineIds[0]!)]);
    expect(accepted).toContain(row.quantity);
    expect(row.quantity).toBeLessThanOrEqual(stock);

    // Updates racing a removal: whichever comes first, the line ends removed and nothing fails.
    const race = await Promise.all([
      ...Array.from({ length: 5 }, () =>
        api.gql(UPDATE, { input: { cartToken: cart.token, lineId: cart.lineIds[0], quantity: 2 } }),
      ),
      api.gql(REMOVE, { input: { cartToken: cart.token, lineIds: [cart.lineIds[0]] } }),
    ]);
    expect(race.every((r) => r.errors === undefined)).toBe(true);
    expect(race[5]!.data.removeCartLines.userErrors).toEqual([]);
    for (const r of race.slice(0, 5)) {
      expect(['none', 'LINE_NOT_FOUND']).toContain(r.data.updateCartLine.userErrors[0]?.code ?? 'none');
    }
    expect(await api.sql('select id from cart_line where id = $1', [dbId(cart.lineIds[0]!)])).toEqual([]);
  });
});

describe('removeCartLines', () => {
  test('removes one line, or several at once (batch delete)', async ({ api, login }) => {
    const goods = await variants(api, `p.kind = 'GOODS' and v.stock >= 10`, 4);
    const cart = await cartWith(
      api,
      goods.map((v) => ({ v })),
    );
    const one = await api.gql(REMOVE, { input: { cartToken: cart.token, lineIds: [cart.lineIds[0]] } });
    expect(one.data.removeCartLines.userErrors).toEqual([]);
    expect(one.data.removeCartLines.removedLineIds).toEqual([cart.lineIds[0]]);
    expect(one.data.removeCartLines.cart.lines.map((l: { id: string }) => l.id)).toEqual(
      cart.lineIds.slice(1),
    );

    const batch = await api.gql(REMOVE, {
      input: { cartToken: cart.token, lineIds: [cart.lineIds[3], cart.lineIds[1], cart.lineIds[3]] },
    });
    expect(batch.data.removeCartLines.userErrors).toEqual([]);
    expect([...batch.data.removeCartLines.removedLineIds].sort()).toEqual(
      [cart.lineIds[1], cart.lineIds[3]].sort(),
    );
    expect(batch.data.removeCartLines.cart).toMatchObject({
      totalQuantity: 1,
      subtotal: { minorUnits: goods[2]!.price },
      lines: [{ id: cart.lineIds[2] }],
    });
    const rows = await api.sql(
      `select l.id from cart_line l join cart c on c.id = l.cart_id where c.token = $1`,
      [cart.token],
    );
    expect(rows.map((r) => r.id)).toEqual([dbId(cart.lineIds[2]!)]);

    // A signed-in shopper empties their own cart.
    const token = await login('shopper@example.com');
    const own = await cartWith(api, [{ v: goods[0]! }, { v: goods[1]! }], token);
    const all = (await api.gql(READ, {}, { token })).data.cart.lines.map((l: { id: string }) => l.id);
    const emptied = await api.gql(REMOVE, { input: { lineIds: all } }, { token });
    expect(emptied.data.removeCartLines.userErrors).toEqual([]);
    expect(emptied.data.removeCartLines.cart).toMatchObject({ totalQuantity: 0, lines: [] });
    expect(own.lineIds).toHaveLength(2);
  });

  test('refuses unknown, foreign and malformed ids, naming each, and removes nothing', async ({
    api,
    login,
  }) => {
    const w = await world(api, login);
    const own = w.guest.lineIds;
    const cases: {
      name: string;
      lineIds: string[];
      auth?: string;
      cartToken?: string | null;
      errors: { code: string; field: string[]; lineId: string | null }[];
    }[] = [
      {
        name: 'no ids',
        lineIds: [],
        errors: [{ code: 'NO_LINES', field: ['input', 'lineIds'], lineId: null }],
      },
      {
        name: 'an own line and another guest’s line',
        lineIds: [own[0]!, w.otherGuest.lineIds[0]!],
        errors: [
          { code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '1'], lineId: w.otherGuest.lineIds[0]! },
        ],
      },
      {
        name: 'a shopper’s line, sent as a guest',
        lineIds: [w.shopper.lineIds[0]!, own[1]!],
        errors: [{ code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '0'], lineId: w.shopper.lineIds[0]! }],
      },
      {
        name: 'another shopper’s line, sent by a shopper',
        lineIds: [w.shopper2.lineIds[0]!],
        auth: w.shopperToken,
        errors: [
          { code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '0'], lineId: w.shopper2.lineIds[0]! },
        ],
      },
      {
        name: 'a guest’s lines, sent by a shopper with the guest’s token',
        lineIds: [own[0]!],
        auth: w.shopperToken,
        errors: [{ code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '0'], lineId: own[0]! }],
      },
      {
        name: 'malformed and unknown ids',
        lineIds: [own[0]!, 'garbage', gid('CartLine', 999_999), gid('Cart', dbId(own[1]!))],
        errors: [
          { code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '1'], lineId: 'garbage' },
          { code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '2'], lineId: gid('CartLine', 999_999) },
          { code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '3'], lineId: gid('Cart', dbId(own[1]!)) },
        ],
      },
      {
        name: 'an unknown cart token',
        lineIds: [own[0]!],
        cartToken: '00000000-0000-4000-8000-000000000000',
        errors: [{ code: 'CART_NOT_FOUND', field: ['input', 'cartToken'], lineId: null }],
      },
      {
        name: 'a malformed cart token',
        lineIds: [own[0]!],
        cartToken: 'nope',
        errors: [{ code: 'CART_NOT_FOUND', field: ['input', 'cartToken'], lineId: null }],
      },
    ];
    for (const c of cases) {
      const before = await allLines(api);
      const cartToken = c.cartToken === undefined ? w.guest.token : c.cartToken;
      const res = await api.gql(REMOVE, { input: { cartToken, lineIds: c.lineIds } }, { token: c.auth });
      expect(res.errors, c.name).toBeUndefined();
      expect(res.data.removeCartLines, c.name).toEqual({
        cart: null,
        removedLineIds: [],
        userErrors: c.errors.map((e) => ({ ...e, message: expect.any(String) })),
      });
      expect(await allLines(api), c.name).toEqual(before);
    }
  });
});

describe('setCartLinesSelected', () => {
  test('selects lines for checkout; the selected totals follow; omitting ids selects all', async ({
    api,
  }) => {
    const [a, b, c] = await variants(api, `p.kind = 'GOODS' and v.stock >= 10`, 3);
    const cart = await cartWith(api, [{ v: a!, quantity: 2 }, { v: b! }, { v: c! }]);
    const initial = (await api.gql(READ, { t: cart.token })).data.cart;
    // New lines start selected.
    expect(initial.lines.map((l: { selected: boolean }) => l.selected)).toEqual([true, true, true]);
    expect(initial.selectedQuantity).toBe(4);

    const off = await api.gql(SELECT, {
      input: { cartToken: cart.token, lineIds: [cart.lineIds[0], cart.lineIds[2]], selected: false },
    });
    expect(off.data.setCartLinesSelected.userErrors).toEqual([]);
    expect(off.data.setCartLinesSelected.cart).toMatchObject({
      totalQuantity: 4,
      selectedQuantity: 1,
      selectedSubtotal: { minorUnits: b!.price },
      subtotal: { minorUnits: 2 * a!.price + b!.price + c!.price },
    });
    expect(off.data.setCartLinesSelected.cart.lines.map((l: { selected: boolean }) => l.selected)).toEqual([
      false,
      true,
      false,
    ]);
    const rows = await api.sql('select id, selected from cart_line where id = any($1) order by id', [
      cart.lineIds.map(dbId),
    ]);
    expect(rows.filter((r) => r.selected).map((r) => r.id)).toEqual([dbId(cart.lineIds[1]!)]);

    const none = await api.gql(SELECT, { input: { cartToken: cart.token, selected: false } });
    expect(none.data.setCartLinesSelected.cart).toMatchObject({
      selectedQuantity: 0,
      selectedSubtotal: { minorUnits: 0 },
    });
    const all = await api.gql(SELECT, { input: { cartToken: cart.token, selected: true } });
    expect(all.data.setCartLinesSelected.cart).toMatchObject({ selectedQuantity: 4 });

    // A quantity change keeps the selection.
    await api.gql(SELECT, { input: { cartToken: cart.token, lineIds: [cart.lineIds[1]], selected: false } });
    const updated = await api.gql(UPDATE, {
      input: { cartToken: cart.token, lineId: cart.lineIds[1], quantity: 3 },
    });
    expect(updated.data.updateCartLine.cart.lines[1]).toMatchObject({ quantity: 3, selected: false });
  });

  test('refuses foreign, unknown and malformed ids and an empty list; nothing changes', async ({
    api,
    login,
  }) => {
    const w = await world(api, login);
    const cases: {
      name: string;
      input: Record<string, unknown>;
      auth?: string;
      errors: { code: string; field: string[]; lineId: string | null }[];
    }[] = [
      {
        name: 'an empty list',
        input: { lineIds: [] },
        errors: [{ code: 'NO_LINES', field: ['input', 'lineIds'], lineId: null }],
      },
      {
        name: 'another guest’s line',
        input: { lineIds: [w.guest.lineIds[0], w.otherGuest.lineIds[0]] },
        errors: [
          { code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '1'], lineId: w.otherGuest.lineIds[0]! },
        ],
      },
      {
        name: 'another shopper’s line',
        input: { lineIds: [w.shopper2.lineIds[0]] },
        auth: w.shopperToken,
        errors: [
          { code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '0'], lineId: w.shopper2.lineIds[0]! },
        ],
      },
      {
        name: 'a malformed id',
        input: { lineIds: ['%%%'] },
        errors: [{ code: 'LINE_NOT_FOUND', field: ['input', 'lineIds', '0'], lineId: '%%%' }],
      },
      {
        name: 'an unknown token (select all)',
        input: { cartToken: '00000000-0000-4000-8000-000000000000', lineIds: null },
        errors: [{ code: 'CART_NOT_FOUND', field: ['input', 'cartToken'], lineId: null }],
      },
    ];
    for (const c of cases) {
      const before = await allLines(api);
      const res = await api.gql(
        SELECT,
        { input: { cartToken: w.guest.token, selected: false, ...c.input } },
        { token: c.auth },
      );
      expect(res.errors, c.name).toBeUndefined();
      expect(res.data.setCartLinesSelected, c.name).toEqual({
        cart: null,
        userErrors: c.errors.map((e) => ({ ...e, message: expect.any(String) })),
      });
      expect(await allLines(api), c.name).toEqual(before);
    }
  });
});

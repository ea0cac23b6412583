import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TestApi } from '../../../test/harness.js';

/** Arrange-and-assert helpers shared by the checkout and orders tests (not a test file itself). */

export const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

/** A shipping address: the address book's fields (`AddressInput`), checked by the same core rules. */
export const ADDRESS = {
  recipientName: 'Lin Mei',
  phone: '+886 912 345 678',
  countryCode: 'tw',
  city: 'Taipei',
  postalCode: '106',
  line1: 'No. 1, Section 4, Roosevelt Rd',
  line2: '',
};

export const CONTACT = {
  name: 'Lin Mei',
  email: 'mei@example.com',
  phone: '0912345678',
  notes: 'Pricing strategy',
};

let shopperCount = 0;

/** A fresh verified shopper with a session: tests do not share carts, orders or coupon usage. */
export async function newShopper(api: TestApi, locale: 'en' | 'zh-TW' = 'en') {
  shopperCount += 1;
  const email = `buyer-${shopperCount}-${randomUUID().slice(0, 8)}@example.com`;
  const [{ password_hash: hash }] = await api.sql(
    `select password_hash from user_account where email = 'shopper@example.com'`,
  );
  const [user] = await api.sql<{ id: number }>(
    `insert into user_account (email, password_hash, display_name, role, locale, email_verified_at)
     values ($1, $2, $3, 'SHOPPER', $4, now()) returning id`,
    [email, hash, `Buyer ${shopperCount}`, locale],
  );
  const token = randomBytes(32).toString('base64url');
  await api.sql(
    `insert into session (token_hash, user_id, expires_at) values ($1, $2, now() + interval '1 day')`,
    [createHash('sha256').update(token, 'utf8').digest('hex'), user!.id],
  );
  return { token, userId: user!.id, email };
}

export interface TestVariant {
  id: string;
  dbId: number;
  merchantId: number;
  merchantHandle: string;
}

/** A variant by SKU, with price and stock set as the test needs them. */
export async function variant(
  api: TestApi,
  sku: string,
  set: { price?: number; stock?: number | null } = {},
): Promise<TestVariant> {
  const [row] = await api.sql(
    `select v.id, p.merchant_id, m.handle from product_variant v join product p on p.id = v.product_id
     join merchant m on m.id = p.merchant_id where v.sku = $1`,
    [sku],
  );
  if (!row) throw new Error(`no variant ${sku}`);
  if (set.price !== undefined)
    await api.sql('update product_variant set price_minor = $1 where id = $2', [set.price, row.id]);
  if (set.stock !== undefined)
    await api.sql('update product_variant set stock = $1 where id = $2', [set.stock, row.id]);
  return {
    id: gid('ProductVariant', row.id),
    dbId: row.id,
    merchantId: row.merchant_id,
    merchantHandle: row.handle,
  };
}

export async function stockOf(api: TestApi, v: TestVariant): Promise<number | null> {
  const [row] = await api.sql('select stock from product_variant where id = $1', [v.dbId]);
  return row!.stock;
}

export async function addToCart(api: TestApi, token: string, v: TestVariant, quantity = 1): Promise<string> {
  const res = await api.gql(
    `mutation ($input: AddToCartInput!) { addToCart(input: $input) { cart { id } userErrors { code } } }`,
    { input: { variantId: v.id, quantity } },
    { token },
  );
  if (res.errors) throw new Error(`addToCart: ${JSON.stringify(res.errors)}`);
  if (res.data?.addToCart?.userErrors?.length) throw new Error(JSON.stringify(res.data.addToCart.userErrors));
  const [line] = await api.sql(
    `select l.id from cart_line l join cart c on c.id = l.cart_id join session s on s.user_id = c.user_id
     where s.token_hash = $1 and l.variant_id = $2`,
    [createHash('sha256').update(token, 'utf8').digest('hex'), v.dbId],
  );
  return gid('CartLine', line!.id);
}

const MONEY = 'minorUnits';
export const ORDER_FIELDS = `id number status kind couponCode paymentMethod
  subtotal { ${MONEY} } discount { ${MONEY} } shippingFee { ${MONEY} } total { ${MONEY} }
  merchant { handle } lines { sku quantity unitPrice { ${MONEY} } lineTotal { ${MONEY} } }
  shippingAddress { recipientName phone countryCode region city postalCode line1 line2 } serviceContact { name email notes }
  history { from to actor reason }`;

export const SUBMIT = `
  mutation Submit($input: SubmitOrderInput!) {
    submitOrder(input: $input) {
      checkout { id couponCode subtotal { ${MONEY} } discount { ${MONEY} } shippingFee { ${MONEY} } total { ${MONEY} }
        orders { ${ORDER_FIELDS} } }
      userErrors { code field message lineId available minimumSpend { amount ${MONEY} } }
    }
  }`;

export const PREVIEW = `
  query Preview($input: CheckoutPreviewInput!) {
    checkoutPreview(input: $input) {
      subtotal { ${MONEY} } discount { ${MONEY} } shippingFee { ${MONEY} } total { ${MONEY} }
      couponCode requiresShippingAddress requiresServiceContact
      orders { merchant { handle } subtotal { ${MONEY} } discount { ${MONEY} } shippingFee { ${MONEY} } total { ${MONEY} }
        lines { lineId quantity unitPrice { ${MONEY} } lineTotal { ${MONEY} } variant { sku } } }
      userErrors { code field lineId available minimumSpend { amount } }
    }
  }`;

/** GraphQL answers in tests: their shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions, not the compiler, check response shapes
export type Gql = any;

export function submitInput(extra: Record<string, unknown> = {}) {
  return {
    shippingAddress: ADDRESS,
    paymentMethod: 'PAYPAL',
    idempotencyKey: `key-${randomUUID()}`,
    ...extra,
  };
}

export async function submit(api: TestApi, token: string, extra: Record<string, unknown> = {}) {
  const res = await api.gql(SUBMIT, { input: submitInput(extra) }, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.submitOrder as {
    checkout: Gql;
    userErrors: {
      code: string;
      field: string[];
      message: string;
      lineId: string | null;
      available: number | null;
      minimumSpend: { amount: string } | null;
    }[];
  };
}

/** Everything a refused request must leave as it was. */
export async function snapshot(api: TestApi) {
  const [row] = await api.sql(
    `select (select count(*) from checkout)::int as checkouts,
            (select count(*) from customer_order)::int as orders,
            (select count(*) from order_line)::int as order_lines,
            (select count(*) from order_history)::int as history,
            (select count(*) from order_cancellation_request)::int as requests,
            (select count(*) from coupon_redemption where released_at is null)::int as redemptions,
            (select coalesce(sum(used_count), 0) from coupon)::int as coupon_uses,
            (select count(*) from cart_line)::int as cart_lines,
            (select coalesce(sum(stock), 0) from product_variant)::int as stock,
            (select string_agg(status, ',' order by id) from customer_order) as statuses,
            (select count(*) from graphile_worker.jobs where task_identifier like 'orders.%')::int as jobs`,
  );
  return row;
}

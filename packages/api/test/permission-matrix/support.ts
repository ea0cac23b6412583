import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  ADDRESS,
  CONTACT,
  type Gql,
  gid,
  newShopper,
} from '../../src/modules/checkout/checkout.test-support.js';
import { cardToken, CARDS } from '../../src/modules/payments/payments.test-support.js';
import type { TestApi } from '../harness.js';
import { STORE_A, STORE_B } from './runner.js';
import type { Actor, MatrixContext, Target } from './types.js';

/** Arrange helpers for `prepare` steps. Everything they build is fresh, so cases do not depend on each other. */

export { ADDRESS, CONTACT, gid };
export const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);
export const uid = () => randomUUID().slice(0, 8);

/** A new session (bearer token) for an account, inserted directly. */
export async function sessionFor(api: TestApi, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await api.sql(
    `insert into session (token_hash, user_id, expires_at) values ($1, $2, now() + interval '1 day')`,
    [createHash('sha256').update(token, 'utf8').digest('hex'), userId],
  );
  return token;
}

const sessions = new WeakMap<TestApi, Map<string, string>>();

/** A session of an existing account by email (made once per test file), e.g. store B's staff. */
export async function sessionOf(ctx: MatrixContext, email: string): Promise<string> {
  let byEmail = sessions.get(ctx.api);
  if (!byEmail) {
    byEmail = new Map();
    sessions.set(ctx.api, byEmail);
  }
  const known = byEmail.get(email);
  if (known) return known;
  const [row] = await ctx.api.sql<{ id: number }>('select id from user_account where email = $1', [email]);
  if (!row) throw new Error(`no account ${email}`);
  const token = await sessionFor(ctx.api, row.id);
  byEmail.set(email, token);
  return token;
}

export const staffEmailOf = (store: 'A' | 'B') => `staff@${store === 'A' ? STORE_A : STORE_B}.example.com`;

/** Calls the API with a token; throws on top-level errors or userErrors of the root field. */
export async function call<T = Gql>(
  ctx: MatrixContext,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await ctx.api.gql(query, variables, { token });
  if (res.errors) throw new Error(`arrange: ${JSON.stringify(res.errors)}`);
  for (const value of Object.values(res.data ?? {})) {
    const errors = (value as { userErrors?: unknown[] } | null)?.userErrors;
    if (errors?.length) throw new Error(`arrange: ${JSON.stringify(errors)}`);
  }
  return res.data as T;
}

/**
 * A throwaway account with the same role (and store) as the actor, signed in, with the demo password: for
 * operations that end sessions or change passwords (`Prepared.tokens`). The guest stays a guest.
 */
export async function standIn(
  ctx: MatrixContext,
  actor: Actor,
): Promise<{ token: string; email: string } | null> {
  if (actor === 'guest') return null;
  const original = ctx.world.users[actor]!;
  const email = `stand-in-${actor.toLowerCase()}-${uid()}@example.com`;
  // Every column of the original (role, store, store role, locale, status …) but its identity.
  const cols = (await columnsOf(ctx.api, 'user_account')).filter(
    (c) => !['id', 'email', 'email_verified_at', 'created_at'].includes(c),
  );
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into user_account (email, email_verified_at, ${cols.join(', ')})
     select $1, now(), ${cols.join(', ')} from user_account where id = $2 returning id`,
    [email, original.id],
  );
  return { token: await sessionFor(ctx.api, row!.id), email };
}

/** The writable columns of a table (no generated ones). */
export async function columnsOf(api: TestApi, table: string): Promise<string[]> {
  const rows = await api.sql<{ c: string }>(
    `select column_name as c from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return rows.map((r) => r.c);
}

/** Stand-ins for every actor: `{ tokens, emails }` for `Prepared.tokens`. */
export async function standIns(ctx: MatrixContext) {
  const tokens: Partial<Record<Actor, string | null>> = { guest: null };
  const emails: Partial<Record<Actor, string>> = {};
  for (const actor of ['shopper', 'staffA', 'support', 'admin'] as const) {
    const s = (await standIn(ctx, actor))!;
    tokens[actor] = s.token;
    emails[actor] = s.email;
  }
  return { tokens, emails };
}

/** Another shopper (not an actor), with a session. */
export const otherShopper = (ctx: MatrixContext) => newShopper(ctx.api);

/** The owner of a shopper-owned target: A = the shopper actor, B = another shopper. */
export async function ownerOf(ctx: MatrixContext, target: Target) {
  if (target === 'A') {
    return {
      token: ctx.token('shopper')!,
      userId: ctx.world.users.shopper!.id,
      email: ctx.world.users.shopper!.email,
    };
  }
  return otherShopper(ctx);
}

const GOODS_SKU = { A: 'CAF-ETH-500', B: 'HOM-MUG-CHR' } as const;
const stocked = new WeakSet<TestApi>();

/** A goods variant of store A or B (in stock), or a consulting service sold by store A or B. */
export async function variantOf(
  ctx: MatrixContext,
  store: 'A' | 'B',
  kind: 'goods' | 'service' = 'goods',
): Promise<{ id: string; dbId: number; sku: string }> {
  if (!stocked.has(ctx.api)) {
    await ctx.api.sql('update product_variant set stock = 100000 where sku = any($1)', [
      Object.values(GOODS_SKU),
    ]);
    stocked.add(ctx.api);
  }
  const sku = kind === 'goods' ? GOODS_SKU[store] : await serviceOf(ctx, store);
  const [row] = await ctx.api.sql<{ id: number }>('select id from product_variant where sku = $1', [sku]);
  return { id: gid('ProductVariant', row!.id), dbId: row!.id, sku };
}

/** The demo stores sell no services: a copy of the demo consultation, published, in store A or B. */
async function serviceOf(ctx: MatrixContext, store: 'A' | 'B'): Promise<string> {
  const sku = `MATRIX-SVC-${store}`;
  const [existing] = await ctx.api.sql('select 1 from product_variant where sku = $1', [sku]);
  if (existing) return sku;
  const merchantId = (store === 'A' ? ctx.world.storeA : ctx.world.storeB).id;
  const cols = async (table: string, skip: string[]) =>
    (await columnsOf(ctx.api, table)).filter((c) => c !== 'id' && !skip.includes(c));
  const productCols = await cols('product', ['merchant_id', 'handle']);
  const [product] = await ctx.api.sql<{ id: number }>(
    `insert into product (merchant_id, handle, ${productCols.join(', ')})
     select $1, $2, ${productCols.join(', ')} from product p
     where p.id = (select product_id from product_variant where sku = 'SVC-EXP-60') returning id`,
    [merchantId, `matrix-service-${store.toLowerCase()}`],
  );
  const variantCols = await cols('product_variant', ['product_id', 'sku']);
  await ctx.api.sql(
    `insert into product_variant (product_id, sku, ${variantCols.join(', ')})
     select $1, $2, ${variantCols.join(', ')} from product_variant where sku = 'SVC-EXP-60'`,
    [product!.id, sku],
  );
  return sku;
}

const ORDER = 'id number status';
const SUBMIT = `mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) {
  checkout { id orders { ${ORDER} } } userErrors { code } } }`;
const PAY = `mutation ($input: PayOrderInput!) { payOrder(input: $input) {
  payment { id status } nextAction { __typename } userErrors { code } } }`;
const REQUEST_CANCEL = `mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) {
  order { id } userErrors { code } } }`;
const SHIP = `mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) { orders { id } userErrors { code } } }`;

export type OrderState = 'AWAITING_PAYMENT' | 'PAID' | 'CANCEL_REQUESTED' | 'SHIPPED';

export interface ArrangedOrder {
  /** Global ID of the order. */
  id: string;
  dbId: number;
  number: string;
  checkoutId: string;
  /** The owning shopper. */
  owner: { token: string; userId: number; email: string };
  /** The payment (card) once paid. */
  paymentId: string | null;
}

/**
 * One order of store A or B: goods (buy-now of the store's coffee / mug) or a consulting service, brought to
 * `state` through the API (paid by card at the sandbox, cancellation requested by the owner, shipped by the
 * store's staff). `owner`: the shopper actor ('shopper') or a fresh other shopper ('other', the default).
 */
export async function orderIn(
  ctx: MatrixContext,
  store: 'A' | 'B',
  opts: { state?: OrderState; kind?: 'goods' | 'service'; owner?: 'shopper' | 'other' } = {},
): Promise<ArrangedOrder> {
  const state = opts.state ?? 'AWAITING_PAYMENT';
  const kind = opts.kind ?? 'goods';
  const owner = await ownerOf(ctx, opts.owner === 'shopper' ? 'A' : 'B');
  const v = await variantOf(ctx, store, kind);
  const input: Record<string, unknown> = {
    buyNow: { variantId: v.id, quantity: 1 },
    paymentMethod: 'UNIONPAY_CARD',
    idempotencyKey: `matrix-${randomUUID()}`,
  };
  if (kind === 'goods') input.shippingAddress = ADDRESS;
  else input.serviceContact = CONTACT;
  const submitted = await call(ctx, owner.token, SUBMIT, { input });
  const checkout = submitted.submitOrder.checkout;
  const order = checkout.orders[0];
  const arranged: ArrangedOrder = {
    id: order.id,
    dbId: dbId(order.id),
    number: order.number,
    checkoutId: checkout.id,
    owner,
    paymentId: null,
  };
  if (state === 'AWAITING_PAYMENT') return arranged;
  const paid = await call(ctx, owner.token, PAY, {
    input: {
      checkoutId: checkout.id,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(ctx.sandbox, CARDS.success),
      idempotencyKey: `matrix-${randomUUID()}`,
    },
  });
  if (paid.payOrder.payment?.status !== 'SUCCEEDED')
    throw new Error(`arrange: payment ${JSON.stringify(paid)}`);
  arranged.paymentId = paid.payOrder.payment.id;
  if (state === 'CANCEL_REQUESTED') {
    await call(ctx, owner.token, REQUEST_CANCEL, { input: { orderId: order.id, reason: 'Ordered twice' } });
  } else if (state === 'SHIPPED') {
    await call(ctx, await sessionOf(ctx, staffEmailOf(store)), SHIP, {
      input: { orders: [{ orderId: order.id, carrier: 'Chunghwa Post', trackingNumber: `RR${uid()}TW` }] },
    });
  }
  return arranged;
}

export async function orderStatus(ctx: MatrixContext, orderDbId: number): Promise<string> {
  const [row] = await ctx.api.sql<{ status: string }>('select status from customer_order where id = $1', [
    orderDbId,
  ]);
  return row!.status;
}

const CREATE_PRODUCT = `mutation ($input: CreateProductInput!) { createProduct(input: $input) {
  product { id variants { id sku } } userErrors { code } } }`;
const PUBLISH = `mutation ($id: ID!) { publishProduct(productId: $id) { product { id } userErrors { code } } }`;
const ADD_IMAGE = `mutation ($input: AddProductImageInput!) { addProductImage(input: $input) {
  product { images { id } } userErrors { code } } }`;

// A 2×3 PNG with valid headers.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEUlEQVR42mNk+M9Qz0AEYBxVSF8AAHuFBgGbm4mKAAAAAElFTkSuQmCC',
  'base64',
);

/** Uploads an image as an account (`POST /media/uploads`), returning its upload id. */
export async function uploadImage(ctx: MatrixContext, token: string): Promise<string> {
  const res = await fetch(`${ctx.api.url}/media/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
    body: new Uint8Array(PNG),
  });
  const body = (await res.json()) as { uploadId?: string };
  if (res.status !== 201 || !body.uploadId) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
  return body.uploadId;
}

export interface ArrangedProduct {
  id: string;
  dbId: number;
  variants: { id: string; sku: string }[];
  imageIds: string[];
}

/** A product of store A or B made by that store's staff: DRAFT or PUBLISHED, with `images` images. */
export async function productIn(
  ctx: MatrixContext,
  store: 'A' | 'B',
  opts: { published?: boolean; images?: number } = {},
): Promise<ArrangedProduct> {
  const token = await sessionOf(ctx, staffEmailOf(store));
  const sku = `MATRIX-${store}-${uid()}`.toUpperCase();
  const created = await call(ctx, token, CREATE_PRODUCT, {
    input: {
      kind: 'GOODS',
      titleEn: `Matrix product ${sku}`,
      titleZh: `矩陣測試商品 ${sku}`,
      variants: [{ sku, titleEn: 'One', titleZh: '一個', price: '10.00', stock: 5 }],
    },
  });
  const product = created.createProduct.product;
  const imageIds: string[] = [];
  for (let i = 0; i < (opts.images ?? 0); i++) {
    const res = await call(ctx, token, ADD_IMAGE, {
      input: { productId: product.id, uploadId: await uploadImage(ctx, token) },
    });
    imageIds.splice(
      0,
      imageIds.length,
      ...res.addProductImage.product.images.map((im: { id: string }) => im.id),
    );
  }
  if (opts.published) await call(ctx, token, PUBLISH, { id: product.id });
  return { id: product.id, dbId: dbId(product.id), variants: product.variants, imageIds };
}

/** The store of a target (for store-scoped cases): A → store A, B → store B. */
export const storeOf = (target: Target): 'A' | 'B' => (target === 'B' ? 'B' : 'A');

import type { OrderEvent } from '@marketplace/core';
import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { testConfig } from '../../../test/database.js';
import { createLogger } from '../../logger.js';
import {
  addToCart,
  gid,
  newShopper,
  ORDER_FIELDS,
  snapshot,
  stockOf,
  submit,
  variant,
  type Gql,
} from '../checkout/checkout.test-support.js';
import { applyOrderEvent, SYSTEM_ACTOR } from './order-transitions.js';
import { autoConfirmOrder, closeUnpaidOrder } from './orders.jobs.js';

const config = testConfig({});
const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

/** Moves an order on as later issues will (payment, shipping), through the same transition function. */
async function advance(api: TestApi, orderId: string, ...events: OrderEvent[]) {
  for (const event of events) {
    const result = await api.platform.orm.em
      .fork()
      .transactional((em) =>
        applyOrderEvent(em, config, dbId(orderId), event, SYSTEM_ACTOR, `test ${event}`),
      );
    if (!result.ok) throw new Error(result.error.message);
  }
}

const CANCEL = `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) {
  order { status viewerCanCancel history { from to actor reason } } userErrors { code field message } } }`;
const REQUEST = `mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) {
  order { status viewerCanRequestCancellation cancellationRequest { reason status } } userErrors { code field message } } }`;
const CONFIRM = `mutation ($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) {
  order { status completedAt viewerCanConfirmReceipt history { from to actor } } userErrors { code field message } } }`;

async function twoMerchantCheckout(api: TestApi, coupon: string | null = 'WELCOME10') {
  const shopper = await newShopper(api);
  const coffee = await variant(api, 'CAF-ETH-500', { price: 3200, stock: 20 });
  const mug = await variant(api, 'HOM-MUG-CHR', { price: 1800, stock: 20 });
  await addToCart(api, shopper.token, coffee, 1);
  await addToCart(api, shopper.token, mug, 2);
  const result = await submit(api, shopper.token, coupon ? { couponCode: coupon } : {});
  expect(result.userErrors).toEqual([]);
  return { ...shopper, checkout: result.checkout, coffee, mug };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe('My Orders', () => {
  test('lists only the viewer’s orders, newest first, filtered by status, paged', async ({ api }) => {
    const a = await twoMerchantCheckout(api, null);
    const b = await twoMerchantCheckout(api, null);
    const later = await submit(api, a.token, { buyNow: { variantId: a.coffee.id, quantity: 1 } });
    await advance(api, a.checkout.orders[1].id, 'PAY');
    const query = `query ($first: Int, $after: String, $status: OrderStatus) { viewer { orders(first: $first, after: $after, status: $status) {
      totalCount nodes { number status statusLabel(locale: ZH_TW) } pageInfo { hasNextPage endCursor } } } }`;

    const all = await api.gql(query, { first: 2 }, { token: a.token });
    expect(all.errors).toBeUndefined();
    const page1 = all.data.viewer.orders;
    expect(page1.totalCount).toBe(3);
    expect(page1.nodes.map((o: Gql) => o.number)).toEqual([
      later.checkout.orders[0].number,
      a.checkout.orders[1].number,
    ]);
    expect(page1.nodes[1]).toMatchObject({ status: 'AWAITING_SHIPMENT', statusLabel: '待出貨' });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await api.gql(query, { first: 2, after: page1.pageInfo.endCursor }, { token: a.token }))
      .data.viewer.orders;
    expect(page2.nodes.map((o: Gql) => o.number)).toEqual([a.checkout.orders[0].number]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const paid = (await api.gql(query, { status: 'AWAITING_SHIPMENT' }, { token: a.token })).data.viewer
      .orders;
    expect(paid.nodes.map((o: Gql) => o.number)).toEqual([a.checkout.orders[1].number]);
    const bOrders = (await api.gql(query, {}, { token: b.token })).data.viewer.orders;
    expect(bOrders.nodes.map((o: Gql) => o.number).sort()).toEqual(
      b.checkout.orders.map((o: Gql) => o.number).sort(),
    );
  });

  test('orders placed in the same microsecond page one by one without skips (issue 8 keyset)', async ({
    api,
  }) => {
    const a = await twoMerchantCheckout(api, null);
    await submit(api, a.token, { buyNow: { variantId: a.coffee.id, quantity: 1 } });
    // One instant for all (one checkout's orders share it), finer than a JavaScript Date.
    await api.sql(
      `update customer_order set created_at = timestamptz '2026-03-01 10:00:00.123456+00'
       + ((id % 2) * interval '1 microsecond') where user_id = (select user_id from customer_order where id = $1)`,
      [dbId(a.checkout.orders[0].id)],
    );
    const query = `query ($after: String) { viewer { orders(first: 1, after: $after) {
      totalCountUpTo(limit: 2) nodes { id } pageInfo { hasNextPage endCursor } } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Gql = (await api.gql(query, { after }, { token: a.token })).data.viewer.orders;
      expect(page.totalCountUpTo).toBe(2);
      seen.push(...page.nodes.map((o: Gql) => dbId(o.id)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = await api.sql(
      'select id from customer_order where user_id = (select user_id from customer_order where id = $1) order by created_at desc, id desc',
      [dbId(a.checkout.orders[0].id)],
    );
    expect(expected).toHaveLength(3);
    expect(seen).toEqual(expected.map((r: { id: number }) => r.id));
  });

  test('an order by number: full detail for its shopper, null for anyone else', async ({ api }) => {
    const a = await twoMerchantCheckout(api);
    const number = a.checkout.orders[0].number;
    const query = `query ($n: String!) { order(number: $n) { ${ORDER_FIELDS} statusLabel(locale: EN) createdAt
      viewerCanCancel viewerCanRequestCancellation viewerCanConfirmReceipt cancellationRequest { reason } checkout { id } } }`;
    const mine = await api.gql(query, { n: number }, { token: a.token });
    expect(mine.errors).toBeUndefined();
    expect(mine.data.order).toMatchObject({
      number,
      status: 'AWAITING_PAYMENT',
      statusLabel: 'Awaiting payment',
      couponCode: 'WELCOME10',
      viewerCanCancel: true,
      viewerCanRequestCancellation: false,
      viewerCanConfirmReceipt: false,
      cancellationRequest: null,
      checkout: { id: a.checkout.id },
      lines: [
        { sku: 'CAF-ETH-500', quantity: 1, unitPrice: { minorUnits: 3200 }, lineTotal: { minorUnits: 3200 } },
      ],
    });
    const other = await newShopper(api);
    expect((await api.gql(query, { n: number }, { token: other.token })).data.order).toBeNull();
    const NODE = `query ($id: ID!) { node(id: $id) { ... on Order { number } ... on Checkout { total { minorUnits } } } }`;
    const orderId = a.checkout.orders[0].id;
    expect((await api.gql(NODE, { id: orderId }, { token: a.token })).data.node).toEqual({ number });
    expect((await api.gql(NODE, { id: orderId }, { token: other.token })).data.node).toBeNull();
    expect((await api.gql(NODE, { id: orderId })).data.node).toBeNull();
    expect((await api.gql(NODE, { id: a.checkout.id }, { token: a.token })).data.node).toEqual({
      total: a.checkout.total,
    });
    expect((await api.gql(NODE, { id: a.checkout.id }, { token: other.token })).data.node).toBeNull();
    expect((await api.gql(query, { n: 'MP-20990101-9999999' }, { token: a.token })).data.order).toBeNull();
    expect((await api.gql(query, { n: "' or 1=1 --" }, { token: a.token })).data.order).toBeNull();
    expect((await api.gql(query, { n: number })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('cancelOrder', () => {
  test('closes an unpaid order, gives back its stock; the coupon comes back when its last order closes', async ({
    api,
  }) => {
    const a = await twoMerchantCheckout(api);
    expect(await stockOf(api, a.coffee)).toBe(19);
    expect(await stockOf(api, a.mug)).toBe(18);
    const [{ used_count: usedBefore }] = await api.sql(
      `select used_count from coupon where code = 'WELCOME10'`,
    );

    const first = await api.gql(
      CANCEL,
      { input: { orderId: a.checkout.orders[0].id, reason: 'changed my mind' } },
      { token: a.token },
    );
    expect(first.data.cancelOrder.userErrors).toEqual([]);
    expect(first.data.cancelOrder.order).toEqual({
      status: 'CLOSED',
      viewerCanCancel: false,
      history: [
        { from: null, to: 'AWAITING_PAYMENT', actor: 'SHOPPER', reason: null },
        { from: 'AWAITING_PAYMENT', to: 'CLOSED', actor: 'SHOPPER', reason: 'changed my mind' },
      ],
    });
    expect(await stockOf(api, a.coffee)).toBe(20);
    expect(await stockOf(api, a.mug)).toBe(18);
    // The other order still carries part of the discount: the coupon stays used.
    let [coupon] = await api.sql(`select used_count from coupon where code = 'WELCOME10'`);
    expect(coupon.used_count).toBe(usedBefore);
    const jobs = await api.sql(`select key from graphile_worker.jobs where key = $1`, [
      `orders.close-unpaid:${dbId(a.checkout.orders[0].id)}`,
    ]);
    expect(jobs).toEqual([]);

    const second = await api.gql(CANCEL, { input: { orderId: a.checkout.orders[1].id } }, { token: a.token });
    expect(second.data.cancelOrder.order.status).toBe('CLOSED');
    expect(await stockOf(api, a.mug)).toBe(20);
    [coupon] = await api.sql(`select used_count from coupon where code = 'WELCOME10'`);
    expect(coupon.used_count).toBe(usedBefore - 1);
    // Released: the shopper may use WELCOME10 again.
    const again = await submit(api, a.token, {
      buyNow: { variantId: a.coffee.id, quantity: 1 },
      couponCode: 'WELCOME10',
    });
    expect(again.userErrors).toEqual([]);
    expect(again.checkout.discount.minorUnits).toBe(320);
  });

  test('refuses unknown, foreign and already-closed orders, changing nothing', async ({ api }) => {
    const a = await twoMerchantCheckout(api, null);
    const b = await newShopper(api);
    const orderId = a.checkout.orders[0].id;
    const cases: [string, string, string, string][] = [
      ['unknown id', gid('Order', 999_999), a.token, 'ORDER_NOT_FOUND'],
      ['malformed id', 'garbage', a.token, 'ORDER_NOT_FOUND'],
      ['id of another type', gid('Product', 1), a.token, 'ORDER_NOT_FOUND'],
      ['another shopper’s order', orderId, b.token, 'ORDER_NOT_FOUND'],
    ];
    for (const [, id, token, code] of cases) {
      const before = await snapshot(api);
      const res = await api.gql(CANCEL, { input: { orderId: id } }, { token });
      expect(res.data.cancelOrder).toEqual({
        order: null,
        userErrors: [{ code, field: ['input', 'orderId'], message: expect.any(String) }],
      });
      expect(await snapshot(api)).toEqual(before);
    }
    const tooLong = await api.gql(
      CANCEL,
      { input: { orderId, reason: 'x'.repeat(501) } },
      { token: a.token },
    );
    expect(tooLong.data.cancelOrder.userErrors[0].code).toBe('INVALID_REASON');

    await api.gql(CANCEL, { input: { orderId } }, { token: a.token });
    const before = await snapshot(api);
    const again = await api.gql(CANCEL, { input: { orderId } }, { token: a.token });
    expect(again.data.cancelOrder.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: null, message: expect.stringContaining('CLOSED') },
    ]);
    expect(await snapshot(api)).toEqual(before);

    // A paid order is not cancelled this way (it needs a request).
    await advance(api, a.checkout.orders[1].id, 'PAY');
    const paid = await api.gql(CANCEL, { input: { orderId: a.checkout.orders[1].id } }, { token: a.token });
    expect(paid.data.cancelOrder.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(await api.gql(CANCEL, { input: { orderId } })).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  test('two cancels in parallel change the order once', async ({ api }) => {
    const a = await twoMerchantCheckout(api, null);
    const order = a.checkout.orders[0];
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api.gql(CANCEL, { input: { orderId: order.id } }, { token: a.token })),
    );
    const codes = results.map((r) => r.data.cancelOrder.userErrors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual([
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
      'OK',
    ]);
    const history = await api.sql(`select to_status from order_history where order_id = $1 order by id`, [
      dbId(order.id),
    ]);
    expect(history.map((h: Gql) => h.to_status)).toEqual(['AWAITING_PAYMENT', 'CLOSED']);
    expect(await stockOf(api, a.coffee)).toBe(20);
  });
});

describe('requestOrderCancellation and confirmReceipt', () => {
  test('a paid order can be asked to be cancelled once; the request is visible and the status unchanged', async ({
    api,
  }) => {
    const a = await twoMerchantCheckout(api, null);
    const orderId = a.checkout.orders[0].id;
    const unpaid = await api.gql(
      REQUEST,
      { input: { orderId, reason: 'ordered twice' } },
      { token: a.token },
    );
    expect(unpaid.data.requestOrderCancellation.userErrors[0].code).toBe('INVALID_TRANSITION');

    await advance(api, orderId, 'PAY');
    const before = await snapshot(api);
    const blank = await api.gql(REQUEST, { input: { orderId, reason: '  ' } }, { token: a.token });
    expect(blank.data.requestOrderCancellation.userErrors).toEqual([
      { code: 'INVALID_REASON', field: ['input', 'reason'], message: expect.any(String) },
    ]);
    const foreign = await api.gql(
      REQUEST,
      { input: { orderId, reason: 'x' } },
      { token: (await newShopper(api)).token },
    );
    expect(foreign.data.requestOrderCancellation.userErrors[0].code).toBe('ORDER_NOT_FOUND');
    expect(await snapshot(api)).toEqual(before);

    const ok = await api.gql(REQUEST, { input: { orderId, reason: 'ordered twice' } }, { token: a.token });
    expect(ok.data.requestOrderCancellation).toEqual({
      order: {
        status: 'AWAITING_SHIPMENT',
        viewerCanRequestCancellation: false,
        cancellationRequest: { reason: 'ordered twice', status: 'PENDING' },
      },
      userErrors: [],
    });
    const twice = await api.gql(REQUEST, { input: { orderId, reason: 'again' } }, { token: a.token });
    expect(twice.data.requestOrderCancellation.userErrors[0].code).toBe('ALREADY_REQUESTED');
  });

  test('a shipped order is confirmed received by the shopper; shipping schedules the auto-confirmation', async ({
    api,
  }) => {
    const a = await twoMerchantCheckout(api, null);
    const orderId = a.checkout.orders[0].id;
    const early = await api.gql(CONFIRM, { input: { orderId } }, { token: a.token });
    expect(early.data.confirmReceipt.userErrors[0].code).toBe('INVALID_TRANSITION');

    await advance(api, orderId, 'PAY', 'SHIP');
    const [job] = await api.sql(
      `select extract(epoch from run_at - now())::int as secs from graphile_worker.jobs where key = $1`,
      [`orders.auto-confirm:${dbId(orderId)}`],
    );
    expect(job!.secs).toBeGreaterThan(config.autoConfirmDays * 86_400 - 120);
    const shown = await api.gql(
      `query ($n: String!) { order(number: $n) { viewerCanConfirmReceipt viewerCanCancel } }`,
      { n: a.checkout.orders[0].number },
      { token: a.token },
    );
    expect(shown.data.order).toEqual({ viewerCanConfirmReceipt: true, viewerCanCancel: false });

    const done = await api.gql(CONFIRM, { input: { orderId } }, { token: a.token });
    expect(done.data.confirmReceipt.userErrors).toEqual([]);
    expect(done.data.confirmReceipt.order).toMatchObject({
      status: 'COMPLETED',
      viewerCanConfirmReceipt: false,
      completedAt: expect.any(String),
    });
    expect(done.data.confirmReceipt.order.history.map((h: Gql) => h.to)).toEqual([
      'AWAITING_PAYMENT',
      'AWAITING_SHIPMENT',
      'SHIPPED',
      'COMPLETED',
    ]);
    expect(
      await api.sql(`select 1 from graphile_worker.jobs where key = $1`, [
        `orders.auto-confirm:${dbId(orderId)}`,
      ]),
    ).toEqual([]);
    const again = await api.gql(CONFIRM, { input: { orderId } }, { token: a.token });
    expect(again.data.confirmReceipt.userErrors[0].code).toBe('INVALID_TRANSITION');
  });
});

describe('order jobs', () => {
  const jobDeps = (api: TestApi) => ({
    orm: api.platform.orm,
    config,
    logger: createLogger('silent'),
    em: api.platform.orm.em.fork(),
  });

  test('the payment timeout closes an unpaid order through the job queue, releasing stock and coupon', async ({
    api,
  }) => {
    const a = await twoMerchantCheckout(api);
    const [{ used_count: used }] = await api.sql(`select used_count from coupon where code = 'WELCOME10'`);
    // Make both timeouts due now; the running worker picks them up.
    await api.sql(`update graphile_worker._private_jobs set run_at = now() where key = any($1)`, [
      a.checkout.orders.map((o: Gql) => `orders.close-unpaid:${dbId(o.id)}`),
    ]);
    const statuses = await waitFor(
      async () =>
        (
          await api.sql(`select status from customer_order where checkout_id = $1 order by id`, [
            dbId(a.checkout.id),
          ])
        ).map((r) => r.status),
      (s) => s.every((x: string) => x === 'CLOSED'),
    );
    expect(statuses).toEqual(['CLOSED', 'CLOSED']);
    const history = await api.sql(
      `select h.actor_kind, h.reason, h.event from order_history h join customer_order o on o.id = h.order_id
       where o.checkout_id = $1 and h.to_status = 'CLOSED'`,
      [dbId(a.checkout.id)],
    );
    expect(history).toEqual([
      { actor_kind: 'SYSTEM', reason: 'payment timeout', event: 'TIMEOUT' },
      { actor_kind: 'SYSTEM', reason: 'payment timeout', event: 'TIMEOUT' },
    ]);
    expect(await stockOf(api, a.coffee)).toBe(20);
    expect(await stockOf(api, a.mug)).toBe(20);
    const [{ used_count: after }] = await api.sql(`select used_count from coupon where code = 'WELCOME10'`);
    expect(after).toBe(used - 1);
  });

  test('the timeout leaves a paid order alone; auto-confirm completes a shipped one and nothing else', async ({
    api,
  }) => {
    const a = await twoMerchantCheckout(api, null);
    const [paid, shipped] = a.checkout.orders;
    await advance(api, paid.id, 'PAY');
    await advance(api, shipped.id, 'PAY', 'SHIP');
    const before = await snapshot(api);
    await closeUnpaidOrder({ orderId: dbId(paid.id) }, jobDeps(api));
    await autoConfirmOrder({ orderId: dbId(paid.id) }, jobDeps(api));
    await closeUnpaidOrder({ orderId: 999_999 }, jobDeps(api));
    await closeUnpaidOrder({ orderId: 'nonsense' }, jobDeps(api));
    expect(await snapshot(api)).toEqual(before);

    await autoConfirmOrder({ orderId: dbId(shipped.id) }, jobDeps(api));
    const [row] = await api.sql(`select status, completed_at from customer_order where id = $1`, [
      dbId(shipped.id),
    ]);
    expect(row.status).toBe('COMPLETED');
    expect(row.completed_at).not.toBeNull();
    const [last] = await api.sql(
      `select actor_kind, event, reason from order_history where order_id = $1 order by id desc limit 1`,
      [dbId(shipped.id)],
    );
    expect(last).toEqual({
      actor_kind: 'SYSTEM',
      event: 'AUTO_CONFIRM',
      reason: 'receipt confirmed automatically',
    });
  });
});

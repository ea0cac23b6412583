import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { startSandbox } from '../../../../gateway-sandbox/src/sandbox.js';
import { freePort } from '../../../test/database.js';
import { test as base, describe, expect } from '../../../test/fixtures.js';
import { startTestApi } from '../../../test/harness.js';
import { ADDRESS, type Gql, gid, newShopper, variant } from '../checkout/checkout.test-support.js';
import { CARDS, cardToken, paymentsConfigFor } from '../payments/payments.test-support.js';

/**
 * Webhooks end to end: a real API with its job worker, real orders paid at the gateway sandbox, and
 * receivers on loopback (node:http) that verify the documented signature and deduplicate by event id.
 */
const test = base
  .extend('apiPort', { scope: 'file' }, () => freePort())
  .extend('sandbox', { scope: 'file' }, async ({ apiPort }, { onCleanup }) => {
    const sandbox = await startSandbox({
      port: 0,
      host: '127.0.0.1',
      webhookUrl: `http://127.0.0.1:${apiPort}/webhooks/paypal`,
      webhooks: { baseDelayMs: 50, maxDelayMs: 500, maxAttempts: 6 },
    });
    onCleanup(() => sandbox.stop());
    return sandbox;
  })
  .extend('api', { scope: 'file' }, async ({ sandbox, apiPort }, { onCleanup }) => {
    const api = await startTestApi(inject('testDb'), {
      port: apiPort,
      payments: paymentsConfigFor(sandbox),
      webhooks: {
        timeoutMs: 2000,
        maxAttempts: 3,
        retryBaseMs: 100,
        allowHttp: true,
        allowPrivateNetworks: true,
      },
    });
    onCleanup(() => api.stop());
    return api;
  });

const STAFF_A = 'staff@formosa-roasters.example.com';
const STAFF_B = 'staff@lane-nine-design.example.com';

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
  subscription { id url events active platformWide secretHint } secret userErrors { code field message } } }`;
const UPDATE = `mutation ($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) {
  subscription { id url events active } userErrors { code field } } }`;
const DELETE = `mutation ($input: DeleteWebhookSubscriptionInput!) { deleteWebhookSubscription(input: $input) {
  deletedSubscriptionId userErrors { code field } } }`;
const REPLAY = `mutation ($input: ReplayWebhookDeliveryInput!) { replayWebhookDelivery(input: $input) {
  delivery { id eventId state replayOfId } userErrors { code field } } }`;
const LIST = `query { webhookSubscriptions(first: 50) { nodes { id url } totalCount } }`;
const DELIVERIES = `query ($id: ID!, $filter: WebhookDeliveriesFilter) { webhookDeliveries(subscriptionId: $id, first: 100, filter: $filter) {
  nodes { id eventId eventType state attemptCount lastStatusCode nextAttemptAt attempts { attempt statusCode durationMs error } } } }`;

interface Received {
  eventId: string;
  type: string;
  body: string;
  data: Record<string, Gql>;
  signatureValid: boolean;
  status: number;
}

/** A webhook endpoint on loopback: verifies signatures, answers 500 to the first `failFirst` tries of each event id. */
async function receiver(secretOf: () => string, opts: { failFirst?: number } = {}) {
  const requests: Received[] = [];
  const processed = new Map<string, number>();
  const tries = new Map<string, number>();
  const state = { failFirst: opts.failFirst ?? 0, alwaysFail: false };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      // The documented algorithm, written out independently of the API's code.
      const header = String(req.headers['x-marketplace-signature'] ?? '');
      const t = /t=(\d+)/.exec(header)?.[1];
      const v1 = /v1=([0-9a-f]+)/.exec(header)?.[1];
      const expected = createHmac('sha256', secretOf()).update(`${t}.${raw}`).digest('hex');
      const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
      const signatureValid = !!t && v1 === expected && fresh && req.headers['x-marketplace-timestamp'] === t;
      const body = JSON.parse(raw);
      const n = (tries.get(body.id) ?? 0) + 1;
      tries.set(body.id, n);
      const status = !signatureValid ? 400 : state.alwaysFail || n <= state.failFirst ? 500 : 200;
      if (status === 200 && !processed.has(body.id)) processed.set(body.id, 1);
      else if (status === 200) processed.set(body.id, (processed.get(body.id) ?? 0) + 1);
      requests.push({
        eventId: body.id,
        type: body.type,
        body: raw,
        data: body.data,
        signatureValid,
        status,
      });
      expect(req.headers['x-marketplace-event-id']).toBe(body.id);
      res.writeHead(status).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, requests, processed, state, close: () => new Promise((r) => server.close(r)) };
}

async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 30_000,
) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v as T;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('webhooks', () => {
  test('subscriptions: owners only; bad input and other stores’ objects change nothing', async ({
    api,
    login,
  }) => {
    const staffA = await login(STAFF_A);
    const staffB = await login(STAFF_B);
    const admin = await login('admin@example.com');
    const shopper = await login('shopper@example.com');
    const support = await login('support@example.com');
    const created = await api.gql(
      CREATE,
      {
        input: {
          url: 'https://hooks.example.com/a',
          events: ['ORDER_PAID', 'PRODUCT_UPDATED'],
          description: 'ERP',
        },
      },
      { token: staffA },
    );
    const payload = created.data.createWebhookSubscription;
    expect(payload.userErrors).toEqual([]);
    expect(payload.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect(payload.subscription).toMatchObject({
      url: 'https://hooks.example.com/a',
      events: ['ORDER_PAID', 'PRODUCT_UPDATED'],
      active: true,
      platformWide: false,
      secretHint: payload.secret.slice(-4),
    });
    const subA = payload.subscription.id as string;
    const rows = () => api.sql('select * from webhook_subscription order by id');
    const before = await rows();

    // Guests, shoppers and customer service cannot subscribe.
    const input = { url: 'https://hooks.example.com/x', events: ['ORDER_PAID'] };
    expect((await api.gql(CREATE, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const token of [shopper, support])
      expect((await api.gql(CREATE, { input }, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Bad input: plain http to a public host, no event, a too long note.
    for (const [bad, code, field] of [
      [{ ...input, url: 'http://hooks.example.com/x' }, 'INVALID_URL', 'url'],
      [{ ...input, url: 'not a url' }, 'INVALID_URL', 'url'],
      [{ ...input, url: 'https://user:pw@hooks.example.com/x' }, 'INVALID_URL', 'url'],
      [{ ...input, events: [] }, 'INVALID_EVENTS', 'events'],
      [{ ...input, description: 'x'.repeat(501) }, 'INVALID_DESCRIPTION', 'description'],
    ] as const) {
      const res = await api.gql(CREATE, { input: bad }, { token: staffA });
      expect(res.data.createWebhookSubscription).toMatchObject({
        subscription: null,
        secret: null,
        userErrors: [{ code, field: ['input', field] }],
      });
    }
    // Store B's staff and admins do not see store A's subscription: answered as if it did not exist.
    for (const token of [staffB, admin]) {
      const upd = await api.gql(UPDATE, { input: { subscriptionId: subA, active: false } }, { token });
      expect(upd.data.updateWebhookSubscription.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'subscriptionId'] },
      ]);
      const del = await api.gql(DELETE, { input: { subscriptionId: subA } }, { token });
      expect(del.data.deleteWebhookSubscription.userErrors[0].code).toBe('NOT_FOUND');
      expect((await api.gql(DELIVERIES, { id: subA }, { token })).data.webhookDeliveries).toBeNull();
      const list = await api.gql(LIST, {}, { token });
      expect(list.data.webhookSubscriptions.nodes.map((n: Gql) => n.id)).not.toContain(subA);
    }
    expect(await rows()).toEqual(before);
    // node(id:) refetches it for its owner only; anyone else gets null, never an error.
    const NODE = 'query ($id: ID!) { node(id: $id) { id ... on WebhookSubscription { url } } }';
    expect((await api.gql(NODE, { id: subA }, { token: staffA })).data.node).toEqual({
      id: subA,
      url: 'https://hooks.example.com/a',
    });
    for (const token of [staffB, admin, shopper, null]) {
      const res = await api.gql(NODE, { id: subA }, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data.node).toBeNull();
    }

    // The owner edits and deletes it.
    const upd = await api.gql(
      UPDATE,
      { input: { subscriptionId: subA, events: ['ORDER_SHIPPED'], active: false } },
      { token: staffA },
    );
    expect(upd.data.updateWebhookSubscription.subscription).toMatchObject({
      events: ['ORDER_SHIPPED'],
      active: false,
    });
    const badUpd = await api.gql(
      UPDATE,
      { input: { subscriptionId: subA, url: 'ftp://x' } },
      { token: staffA },
    );
    expect(badUpd.data.updateWebhookSubscription.userErrors[0].code).toBe('INVALID_URL');
    expect((await api.gql(LIST, {}, { token: staffA })).data.webhookSubscriptions.totalCount).toBe(1);
    const del = await api.gql(DELETE, { input: { subscriptionId: subA } }, { token: staffA });
    expect(del.data.deleteWebhookSubscription).toEqual({ deletedSubscriptionId: subA, userErrors: [] });
    expect(await rows()).toEqual([]);
  });

  test('every order transition, product change and freeze is delivered signed, retried after 500, once per event id, only to its store and the platform', async ({
    api,
    login,
    sandbox,
  }) => {
    const staffA = await login(STAFF_A);
    const staffB = await login(STAFF_B);
    const admin = await login('admin@example.com');
    const ALL = [
      'ORDER_PAID',
      'ORDER_SHIPPED',
      'ORDER_COMPLETED',
      'ORDER_FAILED',
      'ORDER_CLOSED',
      'MERCHANT_FROZEN',
      'PRODUCT_UPDATED',
    ];
    const secrets: Record<string, string> = {};
    const recvA = await receiver(() => secrets.A!, { failFirst: 1 });
    const recvB = await receiver(() => secrets.B!);
    const recvP = await receiver(() => secrets.P!);
    const subscribe = async (token: string, url: string, events: string[]) => {
      const res = await api.gql(CREATE, { input: { url, events } }, { token });
      expect(res.data.createWebhookSubscription.userErrors).toEqual([]);
      return res.data.createWebhookSubscription as {
        subscription: { id: string; platformWide: boolean };
        secret: string;
      };
    };
    const a = await subscribe(staffA, recvA.url, ALL);
    const b = await subscribe(staffB, recvB.url, ALL);
    const p = await subscribe(admin, recvP.url, ['ORDER_PAID', 'MERCHANT_FROZEN']);
    secrets.A = a.secret;
    secrets.B = b.secret;
    secrets.P = p.secret;
    expect(p.subscription.platformWide).toBe(true);

    const coffee = await variant(api, 'CAF-ETH-500', { price: 3200, stock: 50 });
    const mug = await variant(api, 'HOM-MUG-CHR', { price: 1800, stock: 50 });
    const storeA = gid('Merchant', coffee.merchantId);
    const shopper = await newShopper(api);
    const buy = async (v: typeof coffee, paid: boolean) => {
      const res = await api.gql(
        `mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { checkout { id orders { id number } } userErrors { code } } }`,
        {
          input: {
            buyNow: { variantId: v.id, quantity: 1 },
            paymentMethod: 'UNIONPAY_CARD',
            shippingAddress: ADDRESS,
            idempotencyKey: randomUUID(),
          },
        },
        { token: shopper.token },
      );
      const checkout = res.data.submitOrder.checkout;
      if (paid) {
        const pay = await api.gql(
          `mutation ($input: PayOrderInput!) { payOrder(input: $input) { payment { status } userErrors { code } } }`,
          {
            input: {
              checkoutId: checkout.id,
              method: 'UNIONPAY_CARD',
              cardToken: await cardToken(sandbox, CARDS.success),
              idempotencyKey: randomUUID(),
            },
          },
          { token: shopper.token },
        );
        expect(pay.data.payOrder.payment.status).toBe('SUCCEEDED');
      }
      return checkout.orders[0] as { id: string; number: string };
    };
    const ok = (res: Gql) => {
      expect(res.errors).toBeUndefined();
      const [payload] = Object.values(res.data) as Gql[];
      expect(payload.userErrors).toEqual([]);
    };

    // Paid → shipped → completed; an unpaid order cancelled (closed); a paid one failed by a safe freeze.
    const first = await buy(coffee, true);
    ok(
      await api.gql(
        `mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) { orders { id } userErrors { code } } }`,
        {
          input: {
            orders: [{ orderId: first.id, carrier: 'Chunghwa Post', trackingNumber: 'RR123456789TW' }],
          },
        },
        { token: staffA },
      ),
    );
    ok(
      await api.gql(
        `mutation ($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { order { status } userErrors { code } } }`,
        { input: { orderId: first.id } },
        { token: shopper.token },
      ),
    );
    const second = await buy(coffee, false);
    ok(
      await api.gql(
        `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status } userErrors { code } } }`,
        { input: { orderId: second.id } },
        { token: shopper.token },
      ),
    );
    const third = await buy(coffee, true);
    // Store B: a paid order and a product change (its own endpoint only; the platform gets order.paid).
    const bOrder = await buy(mug, true);
    const [bProduct] = await api.sql(`select product_id from product_variant where id = $1`, [mug.dbId]);
    ok(
      await api.gql(
        `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { product { id } userErrors { code } } }`,
        {
          input: {
            productId: gid('Product', bProduct!.product_id),
            descriptionEn: 'Now with a thicker glaze.',
          },
        },
        { token: staffB },
      ),
    );
    const [aProduct] = await api.sql(`select product_id from product_variant where id = $1`, [coffee.dbId]);
    ok(
      await api.gql(
        `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { product { id } userErrors { code } } }`,
        {
          input: {
            productId: gid('Product', aProduct!.product_id),
            titleEn: 'Ethiopia Yirgacheffe (new crop)',
          },
        },
        { token: staffA },
      ),
    );
    ok(
      await api.gql(
        `mutation ($input: FreezeMerchantInput!) { freezeMerchant(input: $input) { merchant { status } userErrors { code } } }`,
        { input: { merchantId: storeA, reason: 'Counterfeit goods reported by several buyers' } },
        { token: admin },
      ),
    );

    const expectedA = [
      ['order.paid', first.id],
      ['order.shipped', first.id],
      ['order.completed', first.id],
      ['order.closed', second.id],
      ['order.paid', third.id],
      ['order.failed', third.id],
      ['product.updated', gid('Product', aProduct!.product_id)],
      ['merchant.frozen', storeA],
    ];
    const key = (r: Received) => {
      const subject = r.data.order?.id ?? r.data.product?.id ?? r.data.merchant?.id;
      return `${r.type} ${subject}`;
    };
    await waitFor(
      'store A’s events, each retried once',
      () => recvA.processed.size >= expectedA.length && recvA.requests.length >= 2 * expectedA.length,
    );
    await waitFor('the platform’s events', () => recvP.processed.size >= 4);
    await waitFor('store B’s events', () => recvB.processed.size >= 2);

    // Every request carried a valid signature; store A's first try of each event got 500, the retry 200,
    // with the same event id and the identical body; each event was processed exactly once.
    for (const r of [...recvA.requests, ...recvB.requests, ...recvP.requests])
      expect(r.signatureValid).toBe(true);
    const successes = recvA.requests.filter((r) => r.status === 200);
    expect(successes.map(key).sort()).toEqual(expectedA.map(([t, s]) => `${t} ${s}`).sort());
    for (const s of successes) {
      const tries = recvA.requests.filter((r) => r.eventId === s.eventId);
      expect(tries.map((r) => r.status)).toEqual([500, 200]);
      expect(new Set(tries.map((r) => r.body)).size).toBe(1);
      expect(recvA.processed.get(s.eventId)).toBe(1);
    }
    expect(successes.find((r) => r.type === 'order.shipped')?.data.order).toMatchObject({
      id: first.id,
      number: first.number,
      status: 'SHIPPED',
      previousStatus: 'AWAITING_SHIPMENT',
      total: { amount: expect.stringMatching(/^\d+\.\d\d$/), currencyCode: expect.any(String) },
    });
    // Store B never receives store A's events; the platform receives both stores' order.paid and the freeze.
    expect(recvB.requests.map(key).sort()).toEqual(
      [`order.paid ${bOrder.id}`, `product.updated ${gid('Product', bProduct!.product_id)}`].sort(),
    );
    expect(recvB.requests.some((r) => JSON.stringify(r.data).includes(storeA))).toBe(false);
    expect(recvP.requests.map(key).sort()).toEqual(
      [
        `order.paid ${first.id}`,
        `order.paid ${third.id}`,
        `order.paid ${bOrder.id}`,
        `merchant.frozen ${storeA}`,
      ].sort(),
    );

    // The delivery log shows both attempts with their status codes.
    const log = await api.gql(DELIVERIES, { id: a.subscription.id }, { token: staffA });
    const nodes = log.data.webhookDeliveries.nodes as Gql[];
    expect(nodes).toHaveLength(expectedA.length);
    for (const n of nodes) {
      expect(n).toMatchObject({
        state: 'SUCCEEDED',
        attemptCount: 2,
        lastStatusCode: 200,
        nextAttemptAt: null,
      });
      expect(n.attempts.map((t: Gql) => t.statusCode)).toEqual([500, 200]);
    }
    const failed = await api.gql(
      DELIVERIES,
      { id: a.subscription.id, filter: { eventType: 'ORDER_FAILED' } },
      { token: staffA },
    );
    expect(failed.data.webhookDeliveries.nodes).toHaveLength(1);
    await Promise.all([recvA.close(), recvB.close(), recvP.close()]);
  });

  test('a delivery that keeps failing ends FAILED; replay sends the same event id again', async ({
    api,
    login,
  }) => {
    const staffB = await login(STAFF_B);
    let secret = '';
    const recv = await receiver(() => secret);
    recv.state.alwaysFail = true;
    const created = await api.gql(
      CREATE,
      { input: { url: recv.url, events: ['PRODUCT_UPDATED'] } },
      { token: staffB },
    );
    secret = created.data.createWebhookSubscription.secret;
    const subId = created.data.createWebhookSubscription.subscription.id;
    const mug = await variant(api, 'HOM-MUG-CHR');
    const [row] = await api.sql(`select product_id from product_variant where id = $1`, [mug.dbId]);
    const upd = await api.gql(
      `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { userErrors { code } } }`,
      { input: { productId: gid('Product', row!.product_id), descriptionZh: '釉色更厚。' } },
      { token: staffB },
    );
    expect(upd.data.updateProduct.userErrors).toEqual([]);

    const delivery = await waitFor('the delivery to fail', async () => {
      const res = await api.gql(DELIVERIES, { id: subId }, { token: staffB });
      const n = res.data.webhookDeliveries.nodes[0];
      return n?.state === 'FAILED' ? n : undefined;
    });
    expect(delivery).toMatchObject({ attemptCount: 3, lastStatusCode: 500, nextAttemptAt: null });
    expect(delivery.attempts.map((t: Gql) => t.statusCode)).toEqual([500, 500, 500]);
    expect(recv.requests).toHaveLength(3);
    expect(new Set(recv.requests.map((r) => r.eventId))).toEqual(new Set([delivery.eventId]));

    // Others (admins included: it is the store's) cannot replay it; nothing changes.
    const admin = await login('admin@example.com');
    const before = await api.sql('select id, state from webhook_delivery order by id');
    const refused = await api.gql(REPLAY, { input: { deliveryId: delivery.id } }, { token: admin });
    expect(refused.data.replayWebhookDelivery.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['deliveryId'] },
    ]);
    const shopper = await login('shopper@example.com');
    expect(
      (await api.gql(REPLAY, { input: { deliveryId: delivery.id } }, { token: shopper })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await api.sql('select id, state from webhook_delivery order by id')).toEqual(before);

    recv.state.alwaysFail = false;
    const replay = await api.gql(REPLAY, { input: { deliveryId: delivery.id } }, { token: staffB });
    expect(replay.data.replayWebhookDelivery).toMatchObject({
      delivery: { eventId: delivery.eventId, state: 'PENDING', replayOfId: delivery.id },
      userErrors: [],
    });
    await waitFor('the replay to arrive', () => recv.processed.get(delivery.eventId) === 1);
    expect(recv.requests.at(-1)).toMatchObject({
      eventId: delivery.eventId,
      status: 200,
      signatureValid: true,
    });
    const log = await api.gql(DELIVERIES, { id: subId, filter: { state: 'SUCCEEDED' } }, { token: staffB });
    expect(log.data.webhookDeliveries.nodes).toEqual([
      expect.objectContaining({ eventId: delivery.eventId, attemptCount: 1, lastStatusCode: 200 }),
    ]);
    await recv.close();
  });
});

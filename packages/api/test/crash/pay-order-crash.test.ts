import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../gateway-sandbox/src/sandbox.js';
import {
  ADDRESS,
  addToCart,
  newShopper,
  submit,
  variant,
} from '../../src/modules/checkout/checkout.test-support.js';
import {
  approveAtPayPal,
  CARDS,
  COMPLETE,
  cardToken,
  newKey,
  PAY,
} from '../../src/modules/payments/payments.test-support.js';
import { type ApiProcess, gqlAt } from '../processes.js';
import {
  asTestApi,
  crashDatabase,
  gatewayTap,
  holdLock,
  sandboxEnv,
  startApi,
  waitForBackendsGone,
  waitUntil,
  waitUntilBlocked,
} from './crash.test-support.js';

/**
 * SIGKILL of the API in the middle of a payment: after the card acquirer or PayPal captured the
 * money and before the API committed that they did (the test holds the orders the settlement
 * updates), or while the acquirer is still working on the charge (a tap in front of the sandbox
 * says when the request arrived). After a restart the reconciliation job (payments.jobs.ts) settles
 * the attempt from what the gateway reports: paid once and never charged twice, or declined and
 * left unpaid; the stock stays reserved for paid orders and comes back when unpaid ones time out.
 */

// Real processes are started, killed and restarted: minutes, not seconds, on a busy 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let db: Awaited<ReturnType<typeof crashDatabase>>;
let sandbox: RunningSandbox;
const procs: ApiProcess[] = [];

beforeAll(async () => {
  db = await crashDatabase();
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
});

// Each test's processes go with it: a live one would run the next test's jobs against its own gateway.
afterEach(async () => {
  await Promise.all(procs.splice(0).map((p) => p.kill()));
});

afterAll(async () => {
  await sandbox?.stop();
  await db?.close();
});

async function start() {
  const proc = await startApi(db, sandboxEnv(sandbox));
  procs.push(proc);
  return proc;
}

const chargesOf = (reference: string) =>
  sandbox.state().card.charges.filter((c) => c.reference === reference);

async function payOrder(api: ApiProcess, shopperToken: string, input: Record<string, unknown>) {
  const res = await gqlAt(api.url, PAY, { input }, { token: shopperToken });
  expect(res.errors).toBeUndefined();
  return res.data.payOrder;
}

describe('SIGKILL in the middle of a payment', () => {
  it('is settled after restart by the reconciliation job: paid once, stock kept, no refund', async () => {
    let api = await start();
    const { shopper, checkoutId, checkoutDbId, total, variantIds } = await arrangeCheckout(
      api,
      'UNIONPAY_CARD',
    );
    const stockAfterSubmit = await stockOf(variantIds);
    expect(stockAfterSubmit).toEqual([19, 18]);

    // Settling the capture updates the checkout's orders: the test holds them, so the process
    // captures at the gateway, then waits inside its transaction.
    const lock = await holdLock(
      db.databaseUrl,
      'select id from customer_order where checkout_id = $1 for update',
      [checkoutDbId],
    );
    const key = newKey();
    const token = await cardToken(sandbox, CARDS.success);
    // The request never gets its answer: its process dies.
    const request = fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${shopper.token}` },
      body: JSON.stringify({
        query: PAY,
        variables: { input: { checkoutId, method: 'UNIONPAY_CARD', cardToken: token, idempotencyKey: key } },
      }),
    }).then(
      () => 'answered',
      () => 'connection lost',
    );
    const blocked = await waitUntilBlocked(db.sql, lock.pid, /customer_order/);
    const [payment] = await db.sql<{ reference: string; status: string; gateway_payment_id: string | null }>(
      'select reference, status, gateway_payment_id from payment where checkout_id = $1',
      [checkoutDbId],
    );
    // The gateway has the money; the API has not recorded it.
    expect(chargesOf(payment!.reference).map((c) => [c.status, c.amount])).toEqual([['succeeded', total]]);
    expect(payment).toMatchObject({ status: 'PENDING', gateway_payment_id: null });

    await api.kill('SIGKILL');
    expect(await request).toBe('connection lost');
    await lock.release();
    await waitForBackendsGone(
      db.sql,
      blocked.map((b) => b.pid),
    );

    // Nothing of the settlement was committed: the attempt is PENDING, the orders await payment.
    expect(await paymentRow(checkoutDbId)).toMatchObject({ status: 'PENDING', gateway_payment_id: null });
    expect(await orderStatuses(checkoutDbId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);

    // Restart. The every-minute sweep picks attempts untouched for a minute: make it that old and run it.
    api = await start();
    await db.sql(`update payment set updated_at = now() - interval '2 minutes' where checkout_id = $1`, [
      checkoutDbId,
    ]);
    await db.sql(`select graphile_worker.add_job('payments:reconcile-pending', '{}'::json)`);
    const settled = await waitUntil(
      () => paymentRow(checkoutDbId),
      (p) => p?.status === 'SUCCEEDED',
      60_000,
      'the reconciliation job to settle the payment',
    );

    const charges = chargesOf(payment!.reference);
    expect(charges).toHaveLength(1);
    expect(settled).toMatchObject({ gateway_payment_id: charges[0]!.id, amount_minor: total });
    expect(await orderStatuses(checkoutDbId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
    // The paid orders keep their units; nothing was released or taken twice; nothing to refund.
    expect(await stockOf(variantIds)).toEqual(stockAfterSubmit);
    expect(
      await db.sql(
        'select r.id from payment_refund r join payment p on p.id = r.payment_id where p.checkout_id = $1',
        [checkoutDbId],
      ),
    ).toEqual([]);
    const emails = await db.sql<{ template: string }>(
      `select template from email_message where "to" = $1 order by id`,
      [shopper.email],
    );
    expect(emails.filter((e) => e.template === 'payments.order-confirmation')).toHaveLength(1);
    // The payment timeout of the paid orders is gone with them.
    expect(
      await db.sql(
        `select id from graphile_worker.jobs
          where key in (select 'orders.close-unpaid:' || id from customer_order where checkout_id = $1)`,
        [checkoutDbId],
      ),
    ).toEqual([]);

    // The shopper retrying the lost request (same key) sees the payment done; a new key is refused.
    const input = { checkoutId, method: 'UNIONPAY_CARD', cardToken: token, idempotencyKey: key };
    const replay = await payOrder(api, shopper.token, input);
    expect(replay.payment).toMatchObject({ status: 'SUCCEEDED', reference: payment!.reference });
    expect(replay.userErrors).toEqual([]);
    const another = await payOrder(api, shopper.token, { ...input, idempotencyKey: newKey() });
    expect(another.userErrors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_PAID']);
    expect(chargesOf(payment!.reference)).toHaveLength(1);
  });

  it('PayPal: killed after the capture of an approved order, settled by the job from the capture', async () => {
    let api = await start();
    const { shopper, checkoutId, checkoutDbId, total, variantIds } = await arrangeCheckout(api, 'PAYPAL');
    const stockAfterSubmit = await stockOf(variantIds);
    const started = await payOrder(api, shopper.token, {
      checkoutId,
      method: 'PAYPAL',
      idempotencyKey: newKey(),
    });
    expect(started.nextAction.__typename).toBe('RedirectAction');
    const back = await approveAtPayPal(started.nextAction.url);
    const capturesBefore = sandbox.state().paypal.captures.length;

    const lock = await holdLock(
      db.databaseUrl,
      'select id from customer_order where checkout_id = $1 for update',
      [checkoutDbId],
    );
    const request = fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${shopper.token}` },
      body: JSON.stringify({
        query: COMPLETE,
        variables: { input: { checkoutId, token: back.searchParams.get('token') } },
      }),
    }).then(
      () => 'answered',
      () => 'connection lost',
    );
    const blocked = await waitUntilBlocked(db.sql, lock.pid, /customer_order/);
    const captured = sandbox.state().paypal.captures.slice(capturesBefore);
    expect(captured.map((c) => c.status)).toEqual(['COMPLETED']);
    expect(await paymentRow(checkoutDbId)).toMatchObject({ status: 'REQUIRES_ACTION' });

    await api.kill('SIGKILL');
    expect(await request).toBe('connection lost');
    await lock.release();
    await waitForBackendsGone(
      db.sql,
      blocked.map((b) => b.pid),
    );
    expect(await orderStatuses(checkoutDbId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);

    api = await start();
    await db.sql(`update payment set updated_at = now() - interval '2 minutes' where checkout_id = $1`, [
      checkoutDbId,
    ]);
    await db.sql(`select graphile_worker.add_job('payments:reconcile-pending', '{}'::json)`);
    const settled = await waitUntil(
      () => paymentRow(checkoutDbId),
      (p) => p?.status === 'SUCCEEDED',
      60_000,
      'the reconciliation job to settle the PayPal payment',
    );
    // The capture the gateway made, recorded once; no second capture, no refund, stock kept.
    expect(
      sandbox
        .state()
        .paypal.captures.slice(capturesBefore)
        .map((c) => c.id),
    ).toEqual([captured[0]!.id]);
    expect(settled).toMatchObject({ gateway_payment_id: captured[0]!.id, amount_minor: total });
    expect(await orderStatuses(checkoutDbId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
    expect(await stockOf(variantIds)).toEqual(stockAfterSubmit);
    expect(
      await db.sql(
        'select r.id from payment_refund r join payment p on p.id = r.payment_id where p.checkout_id = $1',
        [checkoutDbId],
      ),
    ).toEqual([]);
  });

  it.each([
    // Paid: the payment timeout that comes later leaves the orders (and their units) alone.
    {
      card: 'success',
      charge: 'succeeded',
      payment: 'SUCCEEDED',
      orders: 'AWAITING_SHIPMENT',
      afterTimeout: { orders: 'AWAITING_SHIPMENT', stock: [19, 18] },
    },
    // Declined: not paid, so the payment timeout closes the orders and gives their units back.
    {
      card: 'declined',
      charge: 'failed',
      payment: 'FAILED',
      orders: 'AWAITING_PAYMENT',
      afterTimeout: { orders: 'CLOSED', stock: [20, 20] },
    },
  ] as const)(
    'card ($card): killed while the acquirer is still charging, its answer is found, not repeated',
    async (c) => {
      const slow = await startSandbox({ port: 0, host: '127.0.0.1', latencyMs: 1500 });
      const tap = await gatewayTap(slow.url, 'POST', /\/charges$/);
      const env = { ...sandboxEnv(slow), CARD_API_URL: tap.url, PAYPAL_API_URL: tap.url };
      try {
        let api = await startApi(db, env);
        procs.push(api);
        const { shopper, checkoutId, checkoutDbId, total, variantIds } = await arrangeCheckout(
          api,
          'UNIONPAY_CARD',
        );
        const stockAfterSubmit = await stockOf(variantIds);
        const token = await cardToken(slow, CARDS[c.card]);
        const request = fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${shopper.token}` },
          body: JSON.stringify({
            query: PAY,
            variables: {
              input: { checkoutId, method: 'UNIONPAY_CARD', cardToken: token, idempotencyKey: newKey() },
            },
          }),
        }).then(
          () => 'answered',
          () => 'connection lost',
        );
        await tap.seen;
        await api.kill('SIGKILL');
        expect(await request).toBe('connection lost');
        const [attempt] = await db.sql<{ reference: string }>(
          'select reference from payment where checkout_id = $1',
          [checkoutDbId],
        );
        const reference = attempt!.reference;
        // The acquirer finishes the charge the dead process asked for; the API never heard the answer.
        const charged = await waitUntil(
          async () => slow.state().card.charges.filter((ch) => ch.reference === reference),
          (charges) => charges.length === 1,
          30_000,
          'the acquirer to complete the charge',
        );
        expect(charged[0]).toMatchObject({ status: c.charge, amount: total });
        await waitForBackendsGone(db.sql);
        expect(await paymentRow(checkoutDbId)).toMatchObject({ status: 'PENDING', gateway_payment_id: null });

        api = await startApi(db, env);
        procs.push(api);
        await db.sql(`update payment set updated_at = now() - interval '2 minutes' where checkout_id = $1`, [
          checkoutDbId,
        ]);
        await db.sql(`select graphile_worker.add_job('payments:reconcile-pending', '{}'::json)`);
        const settled = await waitUntil(
          () => paymentRow(checkoutDbId),
          (p) => p?.status === c.payment,
          60_000,
          `the reconciliation job to record ${c.payment}`,
        );
        // Asked again with the attempt's idempotency key, the acquirer answered with the same charge.
        expect(
          slow
            .state()
            .card.charges.filter((ch) => ch.reference === reference)
            .map((ch) => ch.id),
        ).toEqual([charged[0]!.id]);
        expect(settled?.amount_minor).toBe(total);
        expect(await orderStatuses(checkoutDbId)).toEqual([c.orders, c.orders]);
        expect(await stockOf(variantIds)).toEqual(stockAfterSubmit);
        // The payment timeout, run now rather than in 30 minutes.
        await db.sql(
          `select graphile_worker.add_job('orders.close-unpaid', json_build_object('orderId', id),
             run_at => now(), job_key => 'orders.close-unpaid:' || id) from customer_order where checkout_id = $1`,
          [checkoutDbId],
        );
        await waitUntil(
          () =>
            db.sql(
              `select id from graphile_worker.jobs
                where key in (select 'orders.close-unpaid:' || id from customer_order where checkout_id = $1)`,
              [checkoutDbId],
            ),
          (jobs) => jobs.length === 0,
          60_000,
          'the payment timeout to run',
        );
        const { orders, stock } = c.afterTimeout;
        expect(await orderStatuses(checkoutDbId)).toEqual([orders, orders]);
        expect(await stockOf(variantIds)).toEqual(stock);
      } finally {
        await tap.stop();
        await slow.stop();
      }
    },
  );
});

/** A fresh shopper's submitted checkout: two merchants' goods (coffee ×1, mug ×2, stock 20 each). */
async function arrangeCheckout(api: ApiProcess, paymentMethod: 'UNIONPAY_CARD' | 'PAYPAL') {
  const testApi = asTestApi(api, db.sql);
  const shopper = await newShopper(testApi);
  const coffee = await variant(testApi, 'CAF-ETH-500', { price: 3200, stock: 20 });
  const mug = await variant(testApi, 'HOM-MUG-CHR', { price: 1800, stock: 20 });
  await addToCart(testApi, shopper.token, coffee, 1);
  await addToCart(testApi, shopper.token, mug, 2);
  const submitted = await submit(testApi, shopper.token, { shippingAddress: ADDRESS, paymentMethod });
  expect(submitted.userErrors).toEqual([]);
  const orders = submitted.checkout.orders as { total: { minorUnits: number } }[];
  const [checkout] = await db.sql<{ id: number }>('select id from checkout where user_id = $1', [
    shopper.userId,
  ]);
  return {
    shopper,
    checkoutId: submitted.checkout.id as string,
    checkoutDbId: checkout!.id,
    total: orders.reduce((sum, o) => sum + o.total.minorUnits, 0),
    variantIds: [coffee.dbId, mug.dbId],
  };
}

async function stockOf(ids: number[]) {
  const rows = await db.sql<{ stock: number }>(
    'select stock from product_variant where id = any($1::int[]) order by array_position($1::int[], id)',
    [ids],
  );
  return rows.map((r) => r.stock);
}

async function paymentRow(checkoutDbId: number) {
  const [row] = await db.sql<{ status: string; gateway_payment_id: string | null; amount_minor: number }>(
    'select status, gateway_payment_id, amount_minor from payment where checkout_id = $1',
    [checkoutDbId],
  );
  return row;
}

async function orderStatuses(checkoutDbId: number) {
  const rows = await db.sql<{ status: string }>(
    'select status from customer_order where checkout_id = $1 order by id',
    [checkoutDbId],
  );
  return rows.map((r) => r.status);
}

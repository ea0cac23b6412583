import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ADDRESS,
  addToCart,
  newShopper,
  SUBMIT,
  submitInput,
  variant,
} from '../../src/modules/checkout/checkout.test-support.js';
import { type ApiProcess, gqlAt } from '../processes.js';
import {
  asTestApi,
  crashDatabase,
  holdLock,
  startApi,
  waitForBackendsGone,
  waitUntil,
  waitUntilBlocked,
} from './crash.test-support.js';

/**
 * SIGKILL of the API in the middle of `submitOrder`: the stock is already taken and the checkout,
 * orders and lines inserted, but not committed. PostgreSQL rolls all of it back with the dead
 * connection, so there is no half checkout and no orphan stock reservation; the shopper's retry
 * (same idempotency key) after the restart creates the checkout exactly once, and an order that
 * is then never paid gives its units back at the payment timeout.
 */

// Real processes are started, killed and restarted: minutes, not seconds, on a busy 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let db: Awaited<ReturnType<typeof crashDatabase>>;
const procs: ApiProcess[] = [];

beforeAll(async () => {
  db = await crashDatabase();
});

afterAll(async () => {
  await Promise.all(procs.map((p) => p.kill()));
  await db?.close();
});

async function start() {
  const proc = await startApi(db);
  procs.push(proc);
  return proc;
}

describe('SIGKILL in submitOrder', () => {
  it('leaves nothing behind; the retry after restart checks out once; the timeout releases the stock', async () => {
    let api = await start();
    const testApi = asTestApi(api, db.sql);
    const shopper = await newShopper(testApi);
    const coffee = await variant(testApi, 'CAF-ETH-500', { price: 3200, stock: 5 });
    const lineId = await addToCart(testApi, shopper.token, coffee, 2);
    const lineDbId = Number(Buffer.from(lineId, 'base64url').toString().split(':')[1]);
    const before = await state(shopper.userId, coffee.dbId);
    expect(before).toMatchObject({ stock: 5, checkouts: 0, orders: 0, cartLines: 1 });

    // The submit's last statement inserts the checkout and removes the cart line: the test holds the
    // line, so the process waits there with the stock already taken inside its transaction.
    const lock = await holdLock(db.databaseUrl, 'select id from cart_line where id = $1 for update', [
      lineDbId,
    ]);
    const input = submitInput({ shippingAddress: ADDRESS, paymentMethod: 'PAYPAL' });
    const request = fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${shopper.token}` },
      body: JSON.stringify({ query: SUBMIT, variables: { input } }),
    }).then(
      () => 'answered',
      () => 'connection lost',
    );
    const [blocked] = await waitUntilBlocked(db.sql, lock.pid, /insert into checkout/);
    // Inside the dying transaction the units are already taken: it holds row-exclusive locks of an update.
    const held = await db.sql<{ relation: string }>(
      `select relation::regclass::text as relation from pg_locks
        where pid = $1 and mode = 'RowExclusiveLock' and relation is not null`,
      [blocked!.pid],
    );
    expect(held.map((h) => h.relation)).toContain('product_variant');

    await api.kill('SIGKILL');
    expect(await request).toBe('connection lost');
    await lock.release();
    await waitForBackendsGone(db.sql, [blocked!.pid]);
    expect(await state(shopper.userId, coffee.dbId)).toEqual(before);

    // The shopper retries with the same key on the restarted API: one checkout, units taken once.
    api = await start();
    const first = await gqlAt(api.url, SUBMIT, { input }, { token: shopper.token });
    expect(first.errors).toBeUndefined();
    expect(first.data.submitOrder.userErrors).toEqual([]);
    const again = await gqlAt(api.url, SUBMIT, { input }, { token: shopper.token });
    expect(again.data.submitOrder.checkout.id).toBe(first.data.submitOrder.checkout.id);
    expect(await state(shopper.userId, coffee.dbId)).toMatchObject({
      stock: 3,
      checkouts: 1,
      orders: 1,
      cartLines: 0,
      timeouts: 1,
    });

    // Never paid: the payment timeout (run now instead of in 30 minutes) closes it and returns the units.
    await db.sql(
      `select graphile_worker.add_job('orders.close-unpaid', json_build_object('orderId', id),
         run_at => now(), job_key => 'orders.close-unpaid:' || id) from customer_order where user_id = $1`,
      [shopper.userId],
    );
    const closed = await waitUntil(
      () => state(shopper.userId, coffee.dbId),
      // Closed, and the job recorded as done (graphile-worker does that just after the handler's commit).
      (s) => s.statuses === 'CLOSED' && s.timeouts === 0,
      60_000,
      'the payment timeout to close the order',
    );
    expect(closed).toMatchObject({ stock: 5, checkouts: 1, orders: 1, timeouts: 0 });
  });
});

async function state(userId: number, variantId: number) {
  const [row] = await db.sql<{
    stock: number;
    checkouts: number;
    orders: number;
    cartLines: number;
    timeouts: number;
    statuses: string | null;
  }>(
    `select (select stock from product_variant where id = $2) as stock,
       (select count(*) from checkout where user_id = $1)::int as checkouts,
       (select count(*) from customer_order where user_id = $1)::int as orders,
       (select string_agg(status, ',') from customer_order where user_id = $1) as statuses,
       (select count(*) from cart_line l join cart c on c.id = l.cart_id where c.user_id = $1)::int as "cartLines",
       (select count(*) from graphile_worker.jobs where key in
          (select 'orders.close-unpaid:' || id from customer_order where user_id = $1))::int as timeouts`,
    [userId, variantId],
  );
  return row!;
}

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../gateway-sandbox/src/sandbox.js';
import { gid } from '../../src/modules/checkout/checkout.test-support.js';
import {
  approveAtPayPal,
  CARDS,
  COMPLETE,
  cardToken,
  PAY,
} from '../../src/modules/payments/payments.test-support.js';
import { startApiProcess, gqlAt, type ApiProcess } from '../processes.js';
import {
  type Cluster,
  eventually,
  login,
  logsOf,
  newShopper,
  startCluster,
  stockedVariant,
  submittedCheckout,
} from './cluster.js';

/**
 * Issue 9 §3: two real API processes (`node src/main.ts`, jobs enabled on both) on ONE PostgreSQL
 * database behind a round-robin proxy, as in a deployment with N stateless instances. Nothing is
 * kept in a process: sessions, the job queue, crontab ticks and payment locks all live in the
 * database, so whichever instance answers, the outcome is the one a single instance would give.
 * (Shared rate limits: shared-limits.test.ts; migrations at start and backups: their own files.)
 */

// Every job the queue stores and completes, recorded by a trigger the test installs before the
// instances start: graphile-worker deletes a job when it completed, so "added"/"done" rows are
// the queue's own account of what was scheduled and run.
const JOB_EVENTS = `
  create table test_job_event (
    id bigserial primary key, event text not null, job_id bigint not null, task text not null,
    run_at timestamptz not null, payload json, at timestamptz not null default clock_timestamp());
  create function test_job_event() returns trigger language plpgsql as $$
  begin
    insert into test_job_event (event, job_id, task, run_at, payload)
    select case tg_op when 'INSERT' then 'added' else 'done' end, j.id, t.identifier, j.run_at, j.payload
    from (select (case tg_op when 'INSERT' then new else old end).*) j
    join graphile_worker._private_tasks t on t.id = j.task_id;
    return null;
  end $$;
  create trigger test_job_event after insert or delete on graphile_worker._private_jobs
    for each row execute function test_job_event();`;

const VIEWER = `query { viewer { email } }`;
const CONTACT = `mutation ($input: SubmitContactRequestInput!) {
  submitContactRequest(input: $input) { contactRequest { reference } userErrors { code message } } }`;

// A 2×3 PNG (as the catalogue tests upload).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEUlEQVR42mNk+M9Qz0AEYBxVSF8AAHuFBgGbm4mKAAAAAElFTkSuQmCC',
  'base64',
);

let sandbox: RunningSandbox;
let cluster: Cluster;
let readyAt: Date;
const extra: ApiProcess[] = [];

function gatewayEnv(s: RunningSandbox): Record<string, string> {
  return {
    PAYPAL_API_URL: s.url,
    PAYPAL_CLIENT_ID: s.credentials.paypalClientId,
    PAYPAL_CLIENT_SECRET: s.credentials.paypalClientSecret,
    PAYPAL_WEBHOOK_ID: s.credentials.webhookIds[0] ?? 'SANDBOXWEBHOOK0001',
    CARD_API_URL: s.url,
    CARD_SECRET_KEY: s.credentials.cardSecretKey,
    CARD_PUBLISHABLE_KEY: s.credentials.cardPublishableKey,
  };
}

beforeAll(async () => {
  // Each payment call of the sandbox takes 300 ms: twin requests are surely in flight together.
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', latencyMs: 300 });
  const env = { ...gatewayEnv(sandbox), JOBS_ENABLED: 'true' };
  cluster = await startCluster(inject('testDb'), {
    // The second instance is given a separate "direct" URL for its job runner and migration lock,
    // as behind a transaction-mode pooler (docs/deploy.md); here the same server, tagged.
    instances: (databaseUrl) => [
      env,
      { ...env, DATABASE_DIRECT_URL: `${databaseUrl}?application_name=mp-direct` },
    ],
    beforeStart: async (sql) => {
      await sql(JOB_EVENTS);
    },
  });
  readyAt = new Date();
}, 180_000);

afterAll(async () => {
  await Promise.all(extra.map((p) => p.stop()));
  await cluster?.stop();
  await sandbox?.stop();
});

describe('two API instances on one database behind a round-robin proxy', () => {
  test('both start with their job runner; a session opened on one works on the other, and logout ends it on both', async () => {
    const ready = logsOf(cluster.instances, 'API ready');
    expect(ready.map((l) => [l.instance, l.jobs])).toEqual([
      [0, true],
      [1, true],
    ]);

    // The second instance's job runner (LISTEN for new jobs) is on its direct URL.
    const direct = await cluster.sql(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'mp-direct'`,
    );
    expect(direct[0]!.n).toBeGreaterThan(0);

    const before = [...cluster.proxy.served];
    const session = await login(cluster.proxy.url, 'shopper@example.com');
    expect(session.userErrors).toEqual([]);
    expect(session.cookie).toMatch(/^mp_session=/);
    // Six requests through the balancer with the cookie (browser) and six with the token (app):
    // round robin sends every other one to the other instance.
    for (const auth of [{ cookie: session.cookie }, { token: session.token }]) {
      for (let i = 0; i < 6; i++) {
        const res = await cluster.gql(VIEWER, {}, auth);
        expect(res.errors).toBeUndefined();
        expect(res.data.viewer).toEqual({ email: 'shopper@example.com' });
      }
    }
    const served = cluster.proxy.served.map((n, i) => n - before[i]!);
    expect(served[0]).toBeGreaterThanOrEqual(6);
    expect(served[1]).toBeGreaterThanOrEqual(6);

    // Signing out on one instance ends the session for both (no per-process session cache).
    const [a, b] = cluster.instances;
    const out = await gqlAt(a!.url, 'mutation { logout { loggedOut } }', {}, { cookie: session.cookie });
    expect(out.data.logout.loggedOut).toBe(true);
    for (const instance of [a!, b!]) {
      const res = await gqlAt(instance.url, VIEWER, {}, { token: session.token });
      expect(res.errors).toBeUndefined();
      expect(res.data.viewer).toBeNull();
    }
  });

  test('a cart filled on one instance is the same cart on the other', async () => {
    const shopper = await newShopper(cluster.sql);
    const mug = await stockedVariant(cluster.sql, 'HOM-MUG-CHR', 1800);
    const [a, b] = cluster.instances;
    const add = await gqlAt(
      a!.url,
      `mutation ($input: AddToCartInput!) { addToCart(input: $input) { userErrors { code } } }`,
      { input: { variantId: mug, quantity: 2 } },
      { token: shopper.token },
    );
    expect(add.data.addToCart.userErrors).toEqual([]);
    const cart = await gqlAt(
      b!.url,
      `query { cart { totalQuantity subtotal { minorUnits } } }`,
      {},
      {
        token: shopper.token,
      },
    );
    expect(cart.data.cart).toEqual({ totalQuantity: 2, subtotal: { minorUnits: 3600 } });
  });

  test('one-off jobs run once: each email queued through either instance is delivered by exactly one of them', async () => {
    const requests = 12;
    const results = await Promise.all(
      Array.from({ length: requests }, (_, i) =>
        cluster.gql(
          CONTACT,
          {
            input: {
              name: 'Mei Chen',
              email: `instances-contact-${i}@example.com`,
              topic: 'OTHER',
              message: `Question number ${i} about several instances.`,
            },
          },
          // One client address each: the contact limit (5 per address and hour) stays out of the way.
          { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } },
        ),
      ),
    );
    for (const r of results) expect(r.data.submitContactRequest.userErrors).toEqual([]);

    // Each request queued two emails (customer service's copy and the acknowledgement).
    const emails = await cluster.sql<{ id: number }>(
      `select id from email_message where "to" like 'instances-contact-%' or text like '%about several instances.%'`,
    );
    expect(emails.length).toBe(requests * 2);
    const ids = emails.map((e) => e.id);
    const sent = await eventually(
      () =>
        cluster.sql<{ n: number }>(
          `select count(*)::int as n from email_message where id = any($1) and status = 'SENT'`,
          [ids],
        ),
      ([row]) => row!.n === ids.length,
    );
    expect(sent[0]!.n).toBe(ids.length);

    // The handlers' own log line: one "email delivered" per email across BOTH processes.
    const delivered = await eventually(
      async () =>
        logsOf(cluster.instances, 'email delivered').filter((l) => ids.includes(l.emailId as number)),
      (lines) => lines.length >= ids.length,
      10_000,
    );
    const perEmail = new Map<number, number>();
    for (const l of delivered)
      perEmail.set(l.emailId as number, (perEmail.get(l.emailId as number) ?? 0) + 1);
    expect([...perEmail.values()].every((n) => n === 1)).toBe(true);
    expect(perEmail.size).toBe(ids.length);
    // And the queue's account: every job of these emails was added once and completed once.
    const [events] = await cluster.sql<{ added: number; done: number; jobs: number }>(
      `select count(*) filter (where event = 'added')::int as added, count(*) filter (where event = 'done')::int as done,
              count(distinct job_id)::int as jobs
       from test_job_event where task = 'email.deliver' and (payload->>'id')::int = any($1)`,
      [ids],
    );
    expect(events).toEqual({ added: ids.length, done: ids.length, jobs: ids.length });
    const rows = await cluster.sql(`select attempts from email_message where id = any($1)`, [ids]);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  test('the same payOrder sent to both instances at once charges the card once', async () => {
    const shopper = await newShopper(cluster.sql);
    const coffee = await stockedVariant(cluster.sql, 'CAF-ETH-500', 3200);
    const { checkoutId, total } = await submittedCheckout(cluster.proxy.url, shopper.token, [coffee]);
    const token = await cardToken(sandbox, CARDS.success);
    const chargesBefore = sandbox.state().card.charges.length;

    // A client retrying on a timeout through a balancer: one request per instance, same key.
    const input = {
      checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: token,
      idempotencyKey: `twin-${randomUUID()}`,
    };
    const answers = await Promise.all(
      cluster.instances.map((p) => gqlAt(p.url, PAY, { input }, { token: shopper.token })),
    );
    for (const a of answers) {
      expect(a.errors).toBeUndefined();
      expect(a.data.payOrder.userErrors).toEqual([]);
      expect(a.data.payOrder.payment.status).toBe('SUCCEEDED');
    }
    // Both answers describe the same, single payment.
    expect(answers[0]!.data.payOrder.payment.id).toBe(answers[1]!.data.payOrder.payment.id);
    const charges = sandbox.state().card.charges.slice(chargesBefore);
    expect(charges.map((c) => [c.status, c.amount])).toEqual([['succeeded', total]]);
    const payments = await cluster.sql(
      `select status, amount_minor from payment
       where checkout_id in (select checkout_id from customer_order where user_id = $1)`,
      [shopper.userId],
    );
    expect(payments).toEqual([{ status: 'SUCCEEDED', amount_minor: total }]);
    const orders = await cluster.sql(`select status from customer_order where user_id = $1`, [
      shopper.userId,
    ]);
    expect(orders.map((o) => o.status)).toEqual(['AWAITING_SHIPMENT']);
  });

  test('PayPal: the same payOrder at both instances creates one PayPal order, the same return at both captures once', async () => {
    const shopper = await newShopper(cluster.sql);
    const coffee = await stockedVariant(cluster.sql, 'CAF-ETH-500', 3200);
    const { checkoutId, total } = await submittedCheckout(
      cluster.proxy.url,
      shopper.token,
      [coffee],
      'PAYPAL',
    );
    const ordersBefore = sandbox.state().paypal.orders.length;
    const capturesBefore = sandbox.state().paypal.captures.length;

    const input = { checkoutId, method: 'PAYPAL', idempotencyKey: `twin-${randomUUID()}` };
    const started = await Promise.all(
      cluster.instances.map((p) => gqlAt(p.url, PAY, { input }, { token: shopper.token })),
    );
    for (const a of started) {
      expect(a.errors).toBeUndefined();
      expect(a.data.payOrder.userErrors).toEqual([]);
      expect(a.data.payOrder.payment.status).toBe('REQUIRES_ACTION');
    }
    const [first, second] = started.map((a) => a.data.payOrder);
    expect(second.payment.id).toBe(first.payment.id);
    expect(second.nextAction.url).toBe(first.nextAction.url);
    expect(sandbox.state().paypal.orders.length - ordersBefore).toBe(1);

    // The buyer approves; the return page is loaded twice (two tabs, a retry) and hits both instances.
    const back = await approveAtPayPal(first.nextAction.url);
    const complete = {
      checkoutId,
      token: back.searchParams.get('token'),
      payerId: back.searchParams.get('PayerID'),
    };
    const completed = await Promise.all(
      cluster.instances.map((p) => gqlAt(p.url, COMPLETE, { input: complete }, { token: shopper.token })),
    );
    for (const a of completed) {
      expect(a.errors).toBeUndefined();
      expect(a.data.completePayPalPayment.userErrors).toEqual([]);
      expect(a.data.completePayPalPayment.payment.status).toBe('SUCCEEDED');
    }
    const captures = sandbox.state().paypal.captures.slice(capturesBefore);
    expect(captures).toHaveLength(1);
    expect(captures[0]).toMatchObject({ amount: { value: (total / 100).toFixed(2) } });
    const payments = await cluster.sql(
      `select status from payment where checkout_id in (select checkout_id from customer_order where user_id = $1)`,
      [shopper.userId],
    );
    expect(payments.map((p) => p.status)).toEqual(['SUCCEEDED']);
  });

  test('two tabs paying the same checkout at once with different keys and card tokens: one charge, the other is told it is paid', async () => {
    const shopper = await newShopper(cluster.sql);
    const mug = await stockedVariant(cluster.sql, 'HOM-MUG-CHR', 1800);
    const { checkoutId, total } = await submittedCheckout(cluster.proxy.url, shopper.token, [mug]);
    const tokens = await Promise.all([cardToken(sandbox, CARDS.success), cardToken(sandbox, CARDS.success)]);
    const chargesBefore = sandbox.state().card.charges.length;

    const answers = await Promise.all(
      cluster.instances.map((p, i) =>
        gqlAt(
          p.url,
          PAY,
          {
            input: {
              checkoutId,
              method: 'UNIONPAY_CARD',
              cardToken: tokens[i],
              idempotencyKey: `tab-${i}-${randomUUID()}`,
            },
          },
          { token: shopper.token },
        ),
      ),
    );
    const charges = sandbox.state().card.charges.slice(chargesBefore);
    expect(charges.map((c) => [c.status, c.amount])).toEqual([['succeeded', total]]);
    // The second tab gets the first tab's payment: as the answer to a second click while it was in
    // flight, or as ALREADY_PAID once it had been captured — which one depends on who locked first.
    for (const a of answers) expect(a.errors).toBeUndefined();
    const [first, second] = answers.map((a) => a.data.payOrder);
    expect(first.payment.id).toBe(second.payment.id);
    expect([first.payment.status, second.payment.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const codes = [...first.userErrors, ...second.userErrors].map((e: { code: string }) => e.code);
    expect(codes.every((c) => c === 'ALREADY_PAID')).toBe(true);
    const payments = await cluster.sql(
      `select distinct p.id, p.status from payment p join customer_order o on o.checkout_id = p.checkout_id
       where o.user_id = $1`,
      [shopper.userId],
    );
    expect(payments.map((p) => p.status)).toEqual(['SUCCEEDED']);
  });

  test('an image uploaded through one instance is attached through the other and served by both (shared MEDIA_DIR)', async () => {
    const [a, b] = cluster.instances;
    const [merchant] = await cluster.sql(
      `select m.handle, (select min(id) from product where merchant_id = m.id) as product_id
       from merchant m order by m.id limit 1`,
    );
    const staff = await login(cluster.proxy.url, `staff@${merchant!.handle}.example.com`);
    expect(staff.userErrors).toEqual([]);
    const upload = await fetch(`${a!.url}/media/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${staff.token}` },
      body: new Uint8Array(PNG),
    });
    expect(upload.status).toBe(201);
    const { uploadId, url } = (await upload.json()) as { uploadId: string; url: string };
    const attached = await gqlAt(
      b!.url,
      `mutation ($input: AddProductImageInput!) {
        addProductImage(input: $input) { product { images { url width height } } userErrors { code } } }`,
      { input: { productId: gid('Product', merchant!.product_id), uploadId } },
      { token: staff.token },
    );
    expect(attached.data.addProductImage.userErrors).toEqual([]);
    expect(attached.data.addProductImage.product.images).toContainEqual({ url, width: 2, height: 3 });
    for (const instance of [a!, b!]) {
      const served = await fetch(`${instance.url}${url}`);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    }
  });

  test('a web-only instance (JOBS_ENABLED=false) serves requests and queues jobs, and never runs one', async () => {
    const web = await startApiProcess({
      databaseUrl: cluster.databaseUrl,
      mediaDir: inject('testDb').mediaDir,
      env: { ...gatewayEnv(sandbox), JOBS_ENABLED: 'false' },
      timeoutMs: 120_000,
    });
    extra.push(web);
    expect(logsOf([web], 'API ready').map((l) => l.jobs)).toEqual([false]);
    const res = await gqlAt(
      web.url,
      CONTACT,
      {
        input: {
          name: 'Lin Mei',
          email: 'instances-web-only@example.com',
          topic: 'OTHER',
          message: 'Sent through the web-only instance.',
        },
      },
      { headers: { 'x-forwarded-for': '203.0.113.200' } },
    );
    expect(res.data.submitContactRequest.userErrors).toEqual([]);
    const [email] = await cluster.sql<{ id: number }>(
      `select id from email_message where "to" = 'instances-web-only@example.com'`,
    );
    // The job workers deliver it…
    const [row] = await eventually(
      () => cluster.sql(`select status from email_message where id = $1`, [email!.id]),
      ([r]) => r?.status === 'SENT',
    );
    expect(row!.status).toBe('SENT');
    const deliveredBy = await eventually(
      async () =>
        logsOf([...cluster.instances, web], 'email delivered').filter((l) => l.emailId === email!.id),
      (lines) => lines.length > 0,
      10_000,
    );
    // …never the web-only instance (index 2), which has no worker at all.
    expect(deliveredBy.map((l) => l.instance)).toHaveLength(1);
    expect(deliveredBy[0]!.instance).toBeLessThan(2);
    expect(web.logs().filter((l) => l.component === 'jobs')).toEqual([]);
  });

  test('each scheduled (cron) job runs once per tick although both instances keep the crontab', async () => {
    // The first minute boundary after both instances were ready: both schedulers were running.
    const tick = new Date(Math.ceil(readyAt.getTime() / 60_000) * 60_000);
    const task = 'payments:reconcile-pending';
    const done = await eventually(
      () =>
        cluster.sql(`select job_id from test_job_event where task = $1 and event = 'done' and run_at = $2`, [
          task,
          tick,
        ]),
      (rows) => rows.length > 0,
      150_000,
    );
    expect(done).toHaveLength(1);
    // Both timers fire at the tick; the loser's attempt is refused by graphile-worker's
    // known_crontabs row. Its attempt cannot be observed, so give a lagging process ample time.
    const margin = tick.getTime() + 15_000 - Date.now();
    if (margin > 0) await new Promise((r) => setTimeout(r, margin));
    const perTick = await cluster.sql<{ added: number; done: number }>(
      `select count(*) filter (where event = 'added')::int as added,
              count(*) filter (where event = 'done')::int as done
       from test_job_event where task = $1 and run_at >= $2 and run_at <= now() - interval '15 seconds'
       group by run_at order by run_at`,
      [task, tick],
    );
    expect(perTick.length).toBeGreaterThan(0);
    for (const t of perTick) expect(t).toEqual({ added: 1, done: 1 });
    const [known] = await cluster.sql(
      `select last_execution from graphile_worker._private_known_crontabs where identifier like $1`,
      [`%${task}%`],
    );
    expect(new Date(known!.last_execution).getTime()).toBeGreaterThanOrEqual(tick.getTime());
  }, 180_000);
});

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../src/modules/seed/seeder.js';
import { type Gql, gid, SUBMIT, submitInput } from '../../src/modules/checkout/checkout.test-support.js';
import { freePort } from '../database.js';
import {
  type ApiProcess,
  createTestDatabase,
  gqlAt,
  type TestDbInfo,
  startApiProcess,
} from '../processes.js';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.js';

/**
 * N real API processes (`node src/main.ts`) on ONE copy of the seeded database, behind a
 * round-robin proxy: what a deployment with several stateless instances looks like. The test talks
 * to `proxy.url` like a browser talks to the load balancer, or to one instance directly.
 */
export interface Cluster {
  databaseUrl: string;
  instances: ApiProcess[];
  proxy: RoundRobinProxy;
  /** GraphQL through the proxy (or to `url`). */
  gql<T = Gql>(
    query: string,
    variables?: Record<string, unknown>,
    options?: Parameters<typeof gqlAt>[3],
  ): ReturnType<typeof gqlAt<T>>;
  sql<R extends Record<string, unknown> = Gql>(text: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

export async function startCluster(
  db: TestDbInfo,
  opts: {
    /** The environment of each instance (a function: when it needs the database's URL). */
    instances: Record<string, string>[] | ((databaseUrl: string) => Record<string, string>[]);
    beforeStart?: (sql: Cluster['sql']) => Promise<void>;
  },
): Promise<Cluster> {
  const { databaseUrl } = await createTestDatabase(db);
  const envs = typeof opts.instances === 'function' ? opts.instances(databaseUrl) : opts.instances;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  const sql: Cluster['sql'] = async (text, params) => (await pool.query(text, params as unknown[])).rows;
  await opts.beforeStart?.(sql);
  const ports = await Promise.all(envs.map(() => freePort()));
  const proxy = await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
  const started = await Promise.allSettled(
    envs.map((env, i) =>
      startApiProcess({ databaseUrl, mediaDir: db.mediaDir, port: ports[i], env, timeoutMs: 120_000 }),
    ),
  );
  const instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(instances.map((p) => p.stop()));
    await proxy.close();
    await pool.end();
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw (failed as PromiseRejectedResult).reason;
  }
  return {
    databaseUrl,
    instances,
    proxy,
    gql: (query, variables, options) => gqlAt(proxy.url, query, variables, options),
    sql,
    stop,
  };
}

const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) { token viewer { email } userErrors { code message } } }`;

/** Signs in through `url`; returns the bearer token and the session cookie the browser would keep. */
export async function login(url: string, email: string, password = DEMO_PASSWORD, ip?: string) {
  const res = await gqlAt(
    url,
    LOGIN,
    { input: { email, password } },
    ip ? { headers: { 'x-forwarded-for': ip } } : {},
  );
  const setCookie = res.headers.get('set-cookie') ?? '';
  return {
    token: res.data?.login?.token as string | null,
    cookie: setCookie.split(';')[0] ?? '',
    userErrors: (res.data?.login?.userErrors ?? []) as { code: string; message: string }[],
    errors: res.errors,
  };
}

/** A fresh verified shopper with a session (arranged in SQL, like the in-process tests' `newShopper`). */
export async function newShopper(sql: Cluster['sql']) {
  const email = `instances-${randomUUID().slice(0, 8)}@example.com`;
  const [{ password_hash: hash }] = await sql(
    `select password_hash from user_account where email = 'shopper@example.com'`,
  );
  const [user] = await sql<{ id: number }>(
    `insert into user_account (email, password_hash, display_name, role, locale, email_verified_at)
     values ($1, $2, 'Instances Buyer', 'SHOPPER', 'en', now()) returning id`,
    [email, hash],
  );
  const token = randomBytes(32).toString('base64url');
  await sql(
    `insert into session (token_hash, user_id, expires_at) values ($1, $2, now() + interval '1 day')`,
    [createHash('sha256').update(token, 'utf8').digest('hex'), user!.id],
  );
  return { token, userId: user!.id, email };
}

/** A stocked, priced variant by SKU: its global id. */
export async function stockedVariant(sql: Cluster['sql'], sku: string, price: number): Promise<string> {
  const [row] = await sql<{ id: number }>(
    `update product_variant set price_minor = $2, stock = 100 where sku = $1 returning id`,
    [sku, price],
  );
  if (!row) throw new Error(`no variant ${sku}`);
  return gid('ProductVariant', row.id);
}

/** Cart → submitted checkout over GraphQL (at `url`); returns the checkout id and its total. */
export async function submittedCheckout(
  url: string,
  token: string,
  variantIds: string[],
  paymentMethod: 'UNIONPAY_CARD' | 'PAYPAL' = 'UNIONPAY_CARD',
) {
  for (const variantId of variantIds) {
    const add = await gqlAt(
      url,
      `mutation ($input: AddToCartInput!) { addToCart(input: $input) { userErrors { code message } } }`,
      { input: { variantId, quantity: 1 } },
      { token },
    );
    if (add.errors || add.data.addToCart.userErrors.length) throw new Error(JSON.stringify(add));
  }
  const res = await gqlAt(url, SUBMIT, { input: submitInput({ paymentMethod }) }, { token });
  if (res.errors || res.data.submitOrder.userErrors.length) throw new Error(JSON.stringify(res));
  const checkout = res.data.submitOrder.checkout;
  return { checkoutId: checkout.id as string, total: checkout.total.minorUnits as number };
}

/** Log lines of the processes whose `msg` matches. */
export function logsOf(
  instances: ApiProcess[],
  msg: string | RegExp,
): (Record<string, unknown> & { instance: number })[] {
  return instances.flatMap((p, instance) =>
    p
      .logs()
      .filter((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg))))
      .map((l) => ({ ...l, instance })),
  );
}

/** Polls `read` until `done` (or `timeoutMs`): for effects of background work on other processes. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

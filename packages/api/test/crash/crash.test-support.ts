import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import pg from 'pg';
import type { RunningSandbox } from '../../../gateway-sandbox/src/sandbox.js';
import type { TestApi } from '../harness.js';
import { type ApiProcess, createTestDatabase, gqlAt, startApiProcess } from '../processes.js';

/**
 * Crash tests: real API processes (`node src/main.ts`) killed with SIGKILL while a request or a job
 * is inside its transaction. Faults come from outside: the test holds a row lock the process will
 * wait on, sees it waiting (pg_stat_activity), then kills it.
 */

// biome-ignore lint/suspicious/noExplicitAny: rows are checked by the assertions, as in the other test helpers
export type Sql = <R extends Record<string, unknown> = Record<string, any>>(
  text: string,
  params?: unknown[],
) => Promise<R[]>;

/** A database of its own (a copy of the seeded template) and a pooled SQL helper on it. */
export async function crashDatabase() {
  const db = inject('testDb');
  const { databaseUrl, name } = await createTestDatabase(db);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const sql: Sql = async (text, params) => (await pool.query(text, params)).rows;
  return { databaseUrl, name, mediaDir: db.mediaDir, sql, close: () => pool.end() };
}

/** The environment of an API process that pays through `sandbox`. */
export function sandboxEnv(sandbox: RunningSandbox): Record<string, string> {
  const c = sandbox.credentials;
  return {
    PAYPAL_API_URL: sandbox.url,
    PAYPAL_CLIENT_ID: c.paypalClientId,
    PAYPAL_CLIENT_SECRET: c.paypalClientSecret,
    PAYPAL_WEBHOOK_ID: c.webhookIds[0] ?? 'SANDBOXWEBHOOK0001',
    CARD_API_URL: sandbox.url,
    CARD_SECRET_KEY: c.cardSecretKey,
    CARD_PUBLISHABLE_KEY: c.cardPublishableKey,
  };
}

/**
 * The arrange helpers of the checkout/payments tests only use `gql` and `sql`: this gives them a
 * running process (the rest of TestApi — platform, logs — belongs to in-process servers).
 */
export function asTestApi(proc: ApiProcess, sql: Sql): TestApi {
  const api: Pick<TestApi, 'url' | 'gql' | 'sql'> = {
    url: proc.url,
    gql: (query, variables, opts) => gqlAt(proc.url, query, variables, opts ?? {}),
    sql: sql as TestApi['sql'],
  };
  return api as TestApi;
}

export function startApi(db: { databaseUrl: string; mediaDir: string }, env: Record<string, string> = {}) {
  return startApiProcess({ databaseUrl: db.databaseUrl, mediaDir: db.mediaDir, env });
}

/** A transaction of the test's own holding row locks (`select … for update`) until released. */
export async function holdLock(databaseUrl: string, lockingSelect: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'crash-test-lock' });
  await client.connect();
  await client.query('begin');
  const { rowCount } = await client.query(lockingSelect, params);
  if (!rowCount) throw new Error(`holdLock: nothing locked by ${lockingSelect}`);
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  return {
    pid,
    async release() {
      await client.query('rollback');
      await client.end();
    },
  };
}

/** Resolves once a backend of this database waits on a lock the test holds, running `pattern`. */
export async function waitUntilBlocked(sql: Sql, blockerPid: number, pattern: RegExp, timeoutMs = 30_000) {
  return waitUntil(
    async () =>
      sql<{ pid: number; query: string }>(
        `select pid, query from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and $1 = any(pg_blocking_pids(pid))`,
        [blockerPid],
      ),
    (rows) => rows.some((r) => pattern.test(r.query)),
    timeoutMs,
    `a statement matching ${pattern} waiting on the test's lock`,
  );
}

/**
 * Waits until the killed process's transactions are gone: PostgreSQL rolls a transaction back when
 * its client's socket closes (a backend waiting on a lock notices once it gets the lock). With
 * `pids`, those backends; without, any backend of this database that is not idle.
 */
export async function waitForBackendsGone(sql: Sql, pids?: number[], timeoutMs = 30_000) {
  await waitUntil(
    () =>
      sql<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
            and application_name <> 'crash-test-lock'
            and (case when $1::int[] is null then state <> 'idle' else pid = any($1::int[]) end)`,
        [pids ?? null],
      ),
    (rows) => rows[0]!.n === 0,
    timeoutMs,
    'the killed process to leave no transaction open',
  );
}

/** Polls `read` (every 100 ms) until `done`; fails with `what` after `timeoutMs`. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A forwarding proxy in front of the gateway that says when a request has reached it: the API can be
 * killed while the gateway is still working on that request (which the gateway then completes).
 */
export async function gatewayTap(target: string, method: string, path: RegExp) {
  let arrived: () => void = () => undefined;
  const seen = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((req, res) => {
    if (req.method === method && path.test(req.url ?? '')) arrived();
    const upstream = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.on('error', () => undefined);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // The caller may die meanwhile: the gateway's request goes on regardless, as over a real network.
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedServer, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { ADDRESS } from '../../src/modules/checkout/checkout.test-support.js';
import { freePort } from '../database.js';
import { type ApiProcess, gqlAt, startApiProcess } from '../processes.js';
import { waitUntil } from './crash.test-support.js';

/**
 * The embedded PostgreSQL restarts under a running API (an upgrade, a crash of the server; the
 * same as a managed database failing over): while it is down every request fails at once with a
 * typed, retryable SERVICE_UNAVAILABLE (HTTP 503, Retry-After) — no hang, no masked internal error,
 * no crash of the process, not even with a job cut off mid-way — and once it is back requests,
 * sessions and background jobs work again without restarting the API.
 *
 * The API starts its own embedded server (no DATABASE_URL) in a directory of this test, as `npm
 * start` does; the test stops that server (SIGINT to the postmaster: a fast shutdown) and starts it
 * again on the same data and port — twice: the first restart switches prepared transactions on
 * (see below), the second is the one under test. The shared server of the test run is not touched.
 */

// Real processes are started, killed and restarted: minutes, not seconds, on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const DB_NAME = 'marketplace'; // the embedded database's name (platform.ts)
/** How long the server stays down once the running job has failed. */
const OUTAGE_MS = 10_000;
/** The prepared transaction holding the row the job waits on. */
const HOLD = 'restart-test-hold';
const PRODUCTS = '{ products(first: 3) { edges { node { id } } } }';
const ADD_ADDRESS = `mutation ($input: AddressInput!) { createAddress(input: $input) { address { id } userErrors { code } } }`;

let dir: string;
let port: number;
/** The server once the test restarted it (before that it is the API's child). */
let server: EmbeddedServer | null = null;
let api: ApiProcess | null = null;

const dbUrl = () => `postgresql://marketplace:marketplace@127.0.0.1:${port}/${DB_NAME}`;
const postmasterPid = () => {
  const file = path.join(dir, 'postgres', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
};
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A fast shutdown of whichever postmaster runs on the data directory; resolves once it is gone. */
async function stopPostgres() {
  const pid = postmasterPid();
  if (pid === null || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  await waitUntil(
    async () => isAlive(pid),
    (alive) => !alive,
    60_000,
    'PostgreSQL to shut down',
  );
}

/** One-off SQL on the test's server (a client per call: the server comes and goes). */
async function sql(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: dbUrl() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

const newEmail = async (subject: string) =>
  (
    await sql(
      `insert into email_message ("to", locale, template, subject, text)
       values ('restart@example.com', 'en', 'test.restart', $1, 'Delivered.') returning id`,
      [subject],
    )
  )[0].id as number;

const emailStatus = async (id: number) =>
  (await sql('select status from email_message where id = $1', [id]))[0]?.status as string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mp-crash-pg-'));
  port = await freePort();
});

afterAll(async () => {
  await api?.kill();
  if (server) await server.stop();
  else await stopPostgres();
  await rm(dir, { recursive: true, force: true });
});

async function health(url: string) {
  const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(15_000) });
  return res.status;
}

/** Starts the stopped server on the same data and port; resolves once the API's /health is 200 again. */
async function startPostgresAgain(what: string) {
  server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port, persistent: true });
  await waitUntil(
    () => health(api!.url),
    (s) => s === 200,
    60_000,
    what,
  );
}

/** One request, timed: the answer must come back promptly however the database is. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

describe('a restart of the embedded PostgreSQL under a running API', () => {
  it('fails requests cleanly while it is down, then recovers requests, sessions and jobs', async () => {
    api = await startApiProcess({
      // No DATABASE_URL: the API starts the embedded server in DATA_DIR, migrates and seeds it.
      databaseUrl: '',
      mediaDir: path.join(dir, 'media'),
      env: {
        DATA_DIR: dir,
        EMBEDDED_PG_PORT: String(port),
        SEED_DEMO_DATA: 'true',
        JOB_HEARTBEAT_SECONDS: '1',
        JOB_WORKER_EXPIRY_SECONDS: '4',
        LOG_LEVEL: 'debug',
      },
    });
    const login = await gqlAt(
      api.url,
      'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
      { input: { email: 'shopper@example.com', password: 'demo-pass-2026' } },
    );
    const token = login.data.login.token as string;
    expect(token).toBeTruthy();
    expect((await gqlAt(api.url, PRODUCTS)).data.products.edges).toHaveLength(3);

    // A job is running when the server goes: it waits on a row lock held by a PREPARED transaction.
    // A lock of an ordinary session would go with that session's backend, and in a fast shutdown the
    // holder may die a moment before the job's backend, letting the job finish in between (seen under
    // load: "email delivered" as the server stopped). A prepared transaction holds its locks without
    // a backend, through the shutdown and the restart, until the test rolls it back. Prepared
    // transactions are off by default: switched on first, with a restart the API must ride out too.
    await sql('alter system set max_prepared_transactions = 4');
    await stopPostgres();
    await startPostgresAgain('the API to reach the database after the first restart');
    const inFlight = await newEmail('In flight during the restart');
    const holder = new pg.Client({ connectionString: dbUrl() });
    holder.on('error', () => undefined);
    await holder.connect();
    await holder.query('begin');
    await holder.query('select id from email_message where id = $1 for update', [inFlight]);
    await holder.query(`prepare transaction '${HOLD}'`);
    await holder.end();
    await sql(`select graphile_worker.add_job('email.deliver', json_build_object('id', $1::int))`, [
      inFlight,
    ]);
    // That job's own statement, waiting for the prepared transaction's lock (reported as pid 0).
    await waitUntil(
      () =>
        sql(
          `select pid from pg_stat_activity
            where wait_event_type = 'Lock' and query ilike '%email_message%' and 0 = any(pg_blocking_pids(pid))`,
        ),
      (rows) => rows.length > 0,
      30_000,
      'the delivery job to wait on the held row',
    );

    await stopPostgres();

    // Down: typed, masked, 503 with Retry-After, within seconds — for reads, writes and /health.
    const read = await timed(() => gqlAt(api!.url, PRODUCTS));
    expect(read.value.status).toBe(503);
    expect(read.value.headers.get('retry-after')).toBe('5');
    expect(read.value.errors).toEqual([
      {
        message: 'The service is temporarily unavailable. Try again in a few seconds.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ]);
    const write = await timed(() => gqlAt(api!.url, ADD_ADDRESS, { input: ADDRESS }, { token }));
    expect(write.value.status).toBe(503);
    expect(write.value.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await health(api.url)).toBe(503);
    expect(Math.max(read.ms, write.ms)).toBeLessThan(10_000);
    // Nothing about the database leaks to the client.
    expect(JSON.stringify([read.value, write.value])).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);

    // The cut-off job has failed; the outage lasts on (graphile-worker retries its own writes for a few
    // seconds only, then gives up — which used to end the process): the job waits for the server.
    await waitUntil(
      async () => api!.lines().some((l) => l.includes('job cut off by the database')),
      (failed) => failed,
      30_000,
      'the cut-off job to fail',
    ).catch((error: Error) => {
      // What the job and the runner said instead is the diagnosis.
      throw new Error(`${error.message}\nthe API's last lines:\n${api!.lines().slice(-40).join('\n')}`);
    });
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    expect(api.child.exitCode).toBeNull();
    // Back: the same process serves again — no restart.
    await startPostgresAgain('the API to reach the database again');
    expect(api.child.exitCode).toBeNull();
    expect((await gqlAt(api.url, PRODUCTS)).data.products.edges).toHaveLength(3);
    const added = await gqlAt(api.url, ADD_ADDRESS, { input: ADDRESS }, { token });
    expect(added.status).toBe(200);
    expect(added.data.createAddress.userErrors).toEqual([]);
    expect(added.data.createAddress.address.id).toBeTruthy();

    // The job runner recovered too: once the held row is let go, the job cut off by the restart is
    // retried and done, and a new one runs.
    await sql(`rollback prepared '${HOLD}'`);
    expect(
      await waitUntil(
        () => emailStatus(inFlight),
        (st) => st === 'SENT',
        60_000,
        'the cut-off job',
      ),
    ).toBe('SENT');
    const after = await newEmail('After the restart');
    await sql(`select graphile_worker.add_job('email.deliver', json_build_object('id', $1::int))`, [after]);
    await waitUntil(
      () => emailStatus(after),
      (st) => st === 'SENT',
      60_000,
      'a job added after the restart',
    );
    await waitUntil(
      () => sql(`select id from graphile_worker.jobs where task_identifier = 'email.deliver'`),
      (rows) => rows.length === 0,
      30_000,
      'both jobs to be recorded as done',
    );
    const [beat] = await sql(
      `select extract(epoch from now() - seen_at)::float as age from job_worker order by seen_at desc limit 1`,
    );
    expect(beat.age).toBeLessThan(5);
    // The process never crashed and logged no unhandled error.
    expect(api.lines().join('\n')).not.toMatch(/uncaught|unhandled/i);
  });
});

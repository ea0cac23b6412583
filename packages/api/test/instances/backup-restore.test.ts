import { execFile as execFileCb } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type ApiProcess, createTestDatabase, gqlAt, startApiProcess } from '../processes.js';
import { login, stockedVariant, submittedCheckout } from './cluster.js';
import { type PgClientTools, pgClientTools } from './postgres-client-tools.js';

/**
 * Issue 9 §3, backups (docs/deploy.md "Backups"): pg_dump of the demo database while the API
 * serves it, pg_restore into a NEW database, and the API started on the restored copy —
 * without migrating (the restored schema is current) — where the shopper signs in, browses the
 * catalog, finds the order placed before the backup and places a new one.
 */

const execFile = promisify(execFileCb);

let tools: PgClientTools;
let workDir: string;
const processes: ApiProcess[] = [];
const pools: pg.Pool[] = [];

beforeAll(async () => {
  const db = inject('testDb');
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ v: string }>(`select current_setting('server_version_num') as v`);
  await admin.end();
  // First run on a machine: pg_dump for this server major is built from source (a few minutes).
  tools = await pgClientTools(Math.floor(Number(rows[0]!.v) / 10_000), (m) =>
    console.info(`[pg client] ${m}`),
  );
  workDir = await mkdtemp(path.join(os.tmpdir(), 'mp-backup-'));
}, 900_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await Promise.all(pools.map((p) => p.end()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function sqlOn(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pools.push(pool);
  return async (text: string, params?: unknown[]) => (await pool.query(text, params)).rows;
}

/** Rows of every table of the application and of the job queue: what a restore must bring back. */
async function tableCounts(sql: ReturnType<typeof sqlOn>) {
  const tables = await sql(
    `select schemaname || '.' || quote_ident(tablename) as t from pg_tables
     where schemaname in ('public', 'graphile_worker') order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { t } of tables) counts[t] = Number((await sql(`select count(*) from ${t}`))[0]!.count);
  return counts;
}

const ORDERS = `query { viewer { orders(first: 10) { totalCount nodes { number status } } } }`;

describe('backup and restore with pg_dump / pg_restore', () => {
  test('a dump of the live demo database restores into a new database that the API serves as it was', async () => {
    const db = inject('testDb');
    const source = await createTestDatabase(db);
    const sourceSql = sqlOn(source.databaseUrl);
    const live = await startApiProcess({
      databaseUrl: source.databaseUrl,
      mediaDir: db.mediaDir,
      env: { JOBS_ENABLED: 'false' },
    });
    processes.push(live);

    // Business before the backup: the demo shopper places an order.
    const shopper = await login(live.url, 'shopper@example.com');
    expect(shopper.userErrors).toEqual([]);
    const coffee = await stockedVariant(sourceSql, 'CAF-ETH-500', 3200);
    await submittedCheckout(live.url, shopper.token!, [coffee]);
    const placed = await gqlAt(live.url, ORDERS, {}, { token: shopper.token });
    const ordersBefore = placed.data.viewer.orders;
    expect(ordersBefore.totalCount).toBeGreaterThan(0);
    const catalogBefore = await gqlAt(live.url, '{ products(first: 5) { totalCount nodes { handle } } }');

    // Online backup: pg_dump reads one consistent snapshot while the API keeps serving.
    const dumpFile = path.join(workDir, 'marketplace.dump');
    await execFile(tools.pgDump, ['--format=custom', `--file=${dumpFile}`, `--dbname=${source.databaseUrl}`]);
    expect((await stat(dumpFile)).size).toBeGreaterThan(10_000);
    const countsAtBackup = await tableCounts(sourceSql);

    // Restore into a new, empty database (as onto a fresh managed instance).
    const restoredName = `r_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`create database ${restoredName} template template0 encoding 'UTF8'`);
    await admin.end();
    const restoredUrl = db.baseUrl + restoredName;
    await execFile(tools.pgRestore, [
      '--exit-on-error',
      '--single-transaction',
      '--no-owner',
      `--dbname=${restoredUrl}`,
      dumpFile,
    ]);
    const restoredSql = sqlOn(restoredUrl);
    expect(await tableCounts(restoredSql)).toEqual(countsAtBackup);

    // The API on the restored copy: the schema is current (no migration needed), jobs run.
    const restored = await startApiProcess({
      databaseUrl: restoredUrl,
      mediaDir: db.mediaDir,
      env: { MIGRATE_ON_START: 'false', JOBS_ENABLED: 'true' },
    });
    processes.push(restored);
    await live.stop();

    // A session from before the backup is still valid; a new sign-in works too.
    const old = await gqlAt(restored.url, 'query { viewer { email } }', {}, { token: shopper.token });
    expect(old.data.viewer).toEqual({ email: 'shopper@example.com' });
    const again = await login(restored.url, 'shopper@example.com');
    expect(again.userErrors).toEqual([]);

    const catalog = await gqlAt(restored.url, '{ products(first: 5) { totalCount nodes { handle } } }');
    expect(catalog.errors).toBeUndefined();
    expect(catalog.data).toEqual(catalogBefore.data);
    const orders = await gqlAt(restored.url, ORDERS, {}, { token: again.token });
    expect(orders.data.viewer.orders).toEqual(ordersBefore);

    // A new order on the restored database: sequences were restored past the existing rows.
    const mug = await stockedVariant(restoredSql, 'HOM-MUG-CHR', 1800);
    const { total } = await submittedCheckout(restored.url, again.token!, [mug]);
    expect(total).toBeGreaterThan(0);
    const after = await gqlAt(restored.url, ORDERS, {}, { token: again.token });
    expect(after.data.viewer.orders.totalCount).toBe(ordersBefore.totalCount + 1);
    const numbers = after.data.viewer.orders.nodes.map((o: { number: string }) => o.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  }, 240_000);
});

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { MIGRATION_LOCK_KEY } from '../../src/db/orm.js';
import { DEMO_MERCHANTS, DEMO_PRODUCTS } from '../../src/modules/seed/demo-data.js';
import { type ApiProcess, gqlAt, startApiProcess } from '../processes.js';

/**
 * Issue 9 §3, migrations in a deployment: N instances starting at once on a database that has
 * never been migrated each apply nothing twice (a session advisory lock serialises migrations and
 * the demo seed), and the `migrate` command is the release step that runs them once on its own —
 * after which instances started with MIGRATE_ON_START=false only check that the schema is current.
 */

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started: ApiProcess[] = [];
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  for (const c of cleanup) await c();
});

/** An empty database (never migrated) on the test server, and a client on it. */
async function emptyDatabase() {
  const db = inject('testDb');
  const name = `m_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = db.baseUrl + name;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'mp-instances-media-'));
  cleanup.push(async () => {
    await pool.end();
    await rm(mediaDir, { recursive: true, force: true });
  });
  const sql = async (text: string, params?: unknown[]) => (await pool.query(text, params)).rows;
  return { databaseUrl, mediaDir, sql };
}

/** `pnpm --filter @marketplace/api migrate [--status]`, as a deployment's release step runs it. */
function migrateCommand(databaseUrl: string, args: string[] = []) {
  return new Promise<{ code: number | null; logs: Record<string, unknown>[] }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', '--import', '@oxc-node/core/register', 'src/migrate.ts', ...args],
      {
        cwd: API_DIR,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/root',
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          DATABASE_URL: databaseUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.once('exit', (code) =>
      resolve({
        code,
        logs: out.split('\n').flatMap((l) => {
          try {
            return [JSON.parse(l) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
      }),
    );
  });
}

const appliedMigrations = (sql: (t: string) => Promise<Record<string, unknown>[]>) =>
  sql('select name, count(*)::int as times from mikro_orm_migrations group by name order by name');

describe('migrations with several instances', () => {
  test('three instances starting at once on an unmigrated database: every migration and the demo seed happen once, all three serve', async () => {
    const { databaseUrl, mediaDir, sql } = await emptyDatabase();
    const env = { SEED_DEMO_DATA: 'true', JOBS_ENABLED: 'true' };
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => startApiProcess({ databaseUrl, mediaDir, env, timeoutMs: 180_000 })),
    );
    for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ready'))).toEqual([
      'ready',
      'ready',
      'ready',
    ]);
    const instances = results.map((r) => (r as PromiseFulfilledResult<ApiProcess>).value);

    const applied = await appliedMigrations(sql);
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(applied.every((m) => m.times === 1)).toBe(true);
    // Exactly one process applied them; the others found nothing left to do.
    const appliedBy = instances.filter((p) => p.logs().some((l) => l.msg === 'migrations applied'));
    expect(appliedBy).toHaveLength(1);
    const [counts] = await sql(
      `select (select count(*) from merchant)::int as merchants, (select count(*) from product)::int as products,
              (select count(*) from graphile_worker.migrations)::int > 0 as job_queue`,
    );
    expect(counts).toEqual({
      merchants: DEMO_MERCHANTS.length,
      products: DEMO_PRODUCTS.length,
      job_queue: true,
    });
    for (const p of instances) {
      const res = await gqlAt(p.url, '{ products(first: 1) { totalCount } }');
      expect(res.errors).toBeUndefined();
      expect(res.data.products.totalCount).toBeGreaterThan(0);
    }
    // No process failed on a migration or a duplicate seed row.
    const problems = instances.flatMap((p) => p.logs().filter((l) => Number(l.level) >= 50));
    expect(problems).toEqual([]);
  }, 240_000);

  test('an instance waits while another process holds the migration lock, and goes on when that process dies', async () => {
    const { databaseUrl, mediaDir, sql } = await emptyDatabase();
    // Another process in the middle of migrating: it holds the lock on its own session.
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    holder.on('error', () => undefined);
    await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;

    const starting = startApiProcess({
      databaseUrl,
      mediaDir,
      env: { JOBS_ENABLED: 'false' },
      timeoutMs: 180_000,
    });
    // The instance queues on the lock (PostgreSQL shows its ungranted advisory lock) and touches nothing.
    const waiting = async () =>
      (
        await sql(
          `select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted
           and database = (select oid from pg_database where datname = current_database())`,
        )
      )[0]!.n;
    const deadline = Date.now() + 120_000;
    while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await waiting()).toBe(1);
    expect(await sql(`select to_regclass('public.merchant') as t`)).toEqual([{ t: null }]);

    // The holder dies (its backend is terminated, as when its process is killed): the lock goes with it.
    await sql('select pg_terminate_backend($1)', [holderPid]);
    const instance = await starting;
    started.push(instance);
    const applied = await appliedMigrations(sql);
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(
      instance.logs().some((l) => l.msg === 'another process is migrating the database: waiting for it'),
    ).toBe(true);
    expect(instance.logs().some((l) => l.msg === 'migrations applied')).toBe(true);
    await holder.end().catch(() => undefined);
  }, 240_000);

  test('the migrate command is the release step: --status gates, two concurrent runs apply once, MIGRATE_ON_START=false refuses an older schema', async () => {
    const { databaseUrl, mediaDir, sql } = await emptyDatabase();
    const env = { MIGRATE_ON_START: 'false', JOBS_ENABLED: 'false' };

    const before = await migrateCommand(databaseUrl, ['--status']);
    expect(before.code).toBe(3);
    const pending = before.logs.find((l) => l.msg === 'migrations pending')?.pending as string[];
    expect(pending).toHaveLength(MIGRATIONS.length);

    // An instance of the new release before the release step: it refuses to start, saying why.
    const refused = await startApiProcess({ databaseUrl, mediaDir, env, timeoutMs: 120_000 }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/database schema is behind this release: \d+ migration\(s\) pending/);
    expect(refused).toContain('pnpm --filter @marketplace/api migrate');
    // Neither the status check nor the refused instance changed the schema.
    expect(await sql(`select to_regclass('public.merchant') as t`)).toEqual([{ t: null }]);

    const runs = await Promise.all([migrateCommand(databaseUrl), migrateCommand(databaseUrl)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const applied = await appliedMigrations(sql);
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(applied.every((m) => m.times === 1)).toBe(true);
    expect(runs.filter((r) => r.logs.some((l) => l.msg === 'migrations applied'))).toHaveLength(1);

    const after = await migrateCommand(databaseUrl, ['--status']);
    expect(after.code).toBe(0);
    expect(after.logs.some((l) => l.msg === 'database schema is current')).toBe(true);

    const instance = await startApiProcess({ databaseUrl, mediaDir, env, timeoutMs: 120_000 });
    started.push(instance);
    const res = await gqlAt(instance.url, '{ categories { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.categories).toEqual([]);
    expect(instance.logs().some((l) => l.msg === 'migrations applied')).toBe(false);
  }, 240_000);
});

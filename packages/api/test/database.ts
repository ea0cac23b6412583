import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { initOrm, migrate } from '../src/db/orm.js';
import { ensureDatabase } from '../src/platform.js';
import { seedDemoData } from '../src/modules/seed/seeder.js';

export const TEMPLATE_DB = 'mp_template';
const TMP_PREFIX = 'mp-test-';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Directories of earlier runs that were killed before their teardown. */
async function removeStaleRuns(): Promise<void> {
  const tmp = os.tmpdir();
  for (const name of await readdir(tmp)) {
    if (!name.startsWith(TMP_PREFIX)) continue;
    const dir = path.join(tmp, name);
    const pid = Number(name.split('-')[2]);
    const alive =
      Number.isInteger(pid) &&
      (() => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      })();
    const old = Date.now() - (await stat(dir)).mtimeMs > 6 * 3_600_000;
    if (!alive || old) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface TestDatabaseServer {
  /** Connection URL of the maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** A URL of the same server for another database. */
  baseUrl: string;
  mediaDir: string;
  stop(): Promise<void>;
}

/**
 * One throwaway embedded PostgreSQL for a whole test run, with a template database that is
 * migrated and seeded once; each test file clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export async function startTestDatabaseServer(): Promise<TestDatabaseServer> {
  await removeStaleRuns();
  const dir = await mkdtemp(path.join(os.tmpdir(), `${TMP_PREFIX}${process.pid}-`));
  const mediaDir = path.join(dir, 'media');
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    port: await freePort(),
    persistent: false,
  });
  const adminUrl = pg.url('postgres');
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  const config = testConfig({ databaseUrl: pg.url(TEMPLATE_DB), mediaDir });
  const orm = await initOrm({ clientUrl: pg.url(TEMPLATE_DB) });
  await migrate(orm);
  await seedDemoData(orm.em.fork(), config);
  await orm.close();
  return {
    adminUrl,
    baseUrl: pg.url(''),
    mediaDir,
    stop: async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function testConfig(overrides: Partial<Config>): Config {
  const base = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    API_PORT: '0',
    // Tests fire requests far faster than any client: the query budget stays out of their way
    // (the limits' own tests set a small one).
    RATE_LIMIT_MAX_AVAILABLE: '100000000',
  });
  return { ...base, ...overrides };
}

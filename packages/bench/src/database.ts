import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type EmbeddedServer, startEmbeddedPostgres } from '@marketplace/api/src/db/embedded-postgres.js';
import {
  generateLargeDataset,
  type LargeDatasetOptions,
  type LargeDatasetSummary,
} from '@marketplace/api/src/modules/seed/large-dataset.js';
import type { Logger } from '@marketplace/api/src/logger.js';
import pg from 'pg';
import { API_DIR, startService } from './children.js';

export interface BenchDatabases {
  server: EmbeddedServer;
  adminUrl: string;
  url(name: string): string;
  pgVersion: string;
  /** Collects the server's log output (for auto_explain) between start and stop. */
  logCapture: { start(): void; stop(): string };
}

/** The bench's own PostgreSQL (throwaway data directory, durable commits: fsync on). */
export async function startBenchPostgres(
  dataDir: string,
  port: number,
  settings: Record<string, string> = {},
): Promise<BenchDatabases> {
  await rm(dataDir, { recursive: true, force: true });
  let capturing = false;
  let chunks: string[] = [];
  const sink = (fields: { pg?: string }) => {
    if (capturing && fields?.pg) chunks.push(fields.pg);
  };
  const noop = () => undefined;
  const logger = {
    trace: sink,
    debug: sink,
    info: noop,
    warn: noop,
    error: noop,
    fatal: noop,
  } as unknown as Logger;
  // fsync on, as in production (`persistent: true`); the data directory is still removed at the end.
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: true, logger, settings });
  const adminUrl = server.url('postgres');
  const pgVersion = String((await query(adminUrl, 'show server_version'))[0]?.server_version ?? '?');
  return {
    server,
    adminUrl,
    url: (name) => server.url(name),
    pgVersion,
    logCapture: {
      start: () => {
        chunks = [];
        capturing = true;
      },
      stop: () => {
        capturing = false;
        // Chunks were trimmed: join with a space, which stays valid JSON inside and between tokens.
        return chunks.join(' ');
      },
    },
  };
}

export async function query<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * `base`: migrated and seeded with the demo data by the API itself (started on it once, then
 * stopped), so the schema is exactly what the API's migrations make; the scenario databases are
 * copies of it (CREATE DATABASE … TEMPLATE) filled by the large-dataset generator.
 */
export async function buildDatabases(
  db: BenchDatabases,
  opts: {
    apiEnv: Record<string, string>;
    apiPort: number;
    datasets: { name: string; options: LargeDatasetOptions }[];
    log: (line: string) => void;
  },
): Promise<Record<string, LargeDatasetSummary>> {
  await query(db.adminUrl, 'create database bench_base');
  const t0 = Date.now();
  const api = await startService({
    name: 'API (migrate + demo seed)',
    cwd: API_DIR,
    script: 'src/main.ts',
    env: {
      ...opts.apiEnv,
      DATABASE_URL: db.url('bench_base'),
      API_PORT: String(opts.apiPort),
      JOBS_ENABLED: 'false',
    },
    port: opts.apiPort,
    healthPath: '/health',
    timeoutMs: 180_000,
  });
  await api.stop();
  opts.log(`  migrated + demo seed: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const out: Record<string, LargeDatasetSummary> = {};
  for (const { name, options } of opts.datasets) {
    await query(db.adminUrl, `create database ${name} template bench_base`);
    const summary = await generateLargeDataset(db.url(name), options);
    opts.log(
      `  ${name}: ${summary.merchants} merchants, ${summary.products} products (${summary.variants} variants), ` +
        `${summary.orders} orders, ${summary.shoppers} shoppers in ${(summary.durationMs / 1000).toFixed(1)} s`,
    );
    out[name] = summary;
  }
  return out;
}

export function dataDirFor(tmp: string): string {
  return path.join(tmp, 'pg');
}

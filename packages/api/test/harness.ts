import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startPlatform, type RunningPlatform } from '../src/platform.js';
import { TEMPLATE_DB, testConfig } from './database.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
  headers: Headers;
}

export interface TestApi {
  url: string;
  platform: RunningPlatform;
  /** This test's database (a copy of the seeded template). */
  databaseUrl: string;
  /** POSTs a GraphQL operation; `token` is sent as a bearer token, `cookie` as a Cookie header. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string | null; cookie?: string; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  /** Runs SQL directly against this test's database (for arranging and asserting state). */
  sql<R extends Record<string, unknown> = any>(text: string, params?: unknown[]): Promise<R[]>;
  /** Log lines written by the API in this test (JSON objects). */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** A fresh copy of the seeded template database and an API server on a free port. */
export async function startTestApi(
  db: {
    adminUrl: string;
    baseUrl: string;
    mediaDir: string;
  },
  overrides: Partial<Config> = {},
): Promise<TestApi> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const databaseUrl = db.baseUrl + name;

  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const platform = await startPlatform(
    testConfig({
      databaseUrl,
      mediaDir: db.mediaDir,
      seedDemoData: false,
      port: 0,
      host: '127.0.0.1',
      ...overrides,
    }),
    logger,
  );
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const url = `http://127.0.0.1:${platform.port}`;

  return {
    url,
    platform,
    databaseUrl,
    logs,
    async gql(query, variables, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.cookie) headers.cookie = opts.cookie;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: any; errors?: GqlResponse['errors'] };
      return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
    },
    async sql(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async stop() {
      await pool.end();
      await platform.stop();
      // The database is left in place: the whole throwaway server is deleted at the end of the run,
      // and a forced DROP would kill connections a still-draining pool has not closed yet.
    },
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, TEMPLATE_DB } from './database.js';

/**
 * Real API processes for tests that must kill, restart or multiply the server (crash safety,
 * several instances): `node src/main.ts` as a child process, exactly as `npm start` runs it.
 * In-process servers (harness.ts) stay the default for everything else: they are much cheaper.
 */

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_ARGS = ['--enable-source-maps', '--import', '@oxc-node/core/register'];

export interface TestDbInfo {
  adminUrl: string;
  baseUrl: string;
  mediaDir: string;
}

/** A fresh copy of the seeded template database (the same copy `startTestApi` makes). */
export async function createTestDatabase(db: TestDbInfo): Promise<{ name: string; databaseUrl: string }> {
  const name = `p_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return { name, databaseUrl: db.baseUrl + name };
}

export interface ApiProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Every line the process wrote to stdout/stderr so far (JSON log lines with LOG_LEVEL set). */
  lines(): string[];
  /** Log lines parsed as JSON (non-JSON lines skipped). */
  logs(): Record<string, unknown>[];
  /** Resolves when the process has exited (code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL (default) or another signal, then waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Clean shutdown: SIGINT, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartApiProcessOptions {
  databaseUrl: string;
  mediaDir: string;
  /** A fixed port (e.g. to restart on the same one); default a free port. */
  port?: number;
  /** Extra environment (PAYPAL_API_URL, CARD_API_URL, JOBS_ENABLED, …); wins over the defaults below. */
  env?: Record<string, string>;
  /** Wait for /health for this long (default 60 s). */
  timeoutMs?: number;
}

const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/** Starts `src/main.ts` against an existing (migrated) database and waits until it answers. */
export async function startApiProcess(opts: StartApiProcessOptions): Promise<ApiProcess> {
  const port = opts.port ?? (await freePort());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    DATABASE_URL: opts.databaseUrl,
    MEDIA_DIR: opts.mediaDir,
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_MAX_AVAILABLE: '100000000',
    ...opts.env,
  };
  const child = spawn(process.execPath, [...NODE_ARGS, 'src/main.ts'], {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  alive.add(child);
  const lines: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      alive.delete(child);
      if (partial) lines.push(partial);
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const proc: ApiProcess = {
    url,
    port,
    pid: child.pid ?? -1,
    child,
    lines: () => [...lines],
    logs: () =>
      lines.flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGINT');
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`API process exited before it was ready:\n${lines.slice(-30).join('\n')}`);
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.status < 500) return proc;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.kill();
      throw new Error(
        `API process not ready after ${opts.timeoutMs ?? 60_000} ms:\n${lines.slice(-30).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** POSTs a GraphQL operation to a running process (bearer token or cookie optional). */
export async function gqlAt<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  opts: { token?: string | null; cookie?: string; headers?: Record<string, string> } = {},
): Promise<{
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  headers: Headers;
}> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON answer (HTTP ${res.status}): ${text.slice(0, 500)}`);
  }
  return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
}

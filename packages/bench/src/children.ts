import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths of the monorepo, from this file. */
export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '../..');
export const API_DIR = path.join(REPO_ROOT, 'packages/api');
export const SANDBOX_DIR = path.join(REPO_ROOT, 'packages/gateway-sandbox');

const NODE_ARGS = ['--enable-source-maps', '--import', '@oxc-node/core/register'];

/** Every child process the bench started, so each one is stopped on exit, Ctrl-C and failure. */
const running = new Set<ChildProcess>();

export interface Service {
  name: string;
  url: string;
  child: ChildProcess;
  /** The last lines the service wrote (its warnings and errors: services run with LOG_LEVEL=warn). */
  logs(): string;
  stop(): Promise<void>;
}

/** Lines a child wrote to stderr/stdout lately, for error messages. */
function tail(child: ChildProcess, max = 40): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > max) lines.splice(0, lines.length - max);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

/** Sends SIGINT (the services shut down cleanly), then SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      running.delete(child);
      resolve();
    });
    child.kill('SIGINT');
  });
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => stopChild(c, 5_000)));
}

/** Synchronous last resort (process 'exit' handler): SIGKILL whatever is still running. */
export function killAllChildrenNow(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

async function waitForHttp(url: string, child: ChildProcess, logs: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}:\n${logs()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${logs()}`);
}

/** Starts a long-running TypeScript service (API, sandbox, in-memory server) and waits for its health URL. */
export async function startService(opts: {
  name: string;
  cwd: string;
  script: string;
  env: Record<string, string>;
  port: number;
  healthPath: string;
  timeoutMs?: number;
  nodeArgs?: string[];
}): Promise<Service> {
  const child = spawn(process.execPath, [...NODE_ARGS, ...(opts.nodeArgs ?? []), opts.script], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const logs = tail(child);
  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitForHttp(`${url}${opts.healthPath}`, child, logs, opts.timeoutMs ?? 120_000);
  } catch (error) {
    await stopChild(child, 2_000);
    throw new Error(`${opts.name}: ${(error as Error).message}`);
  }
  return { name: opts.name, url, child, logs, stop: () => stopChild(child) };
}

/**
 * Runs a worker script (load generator, baseline loop, checkout shoppers) in its own process: the
 * config goes in as JSON on stdin, the result comes back as JSON on the last stdout line.
 */
export async function runWorker<T>(script: string, config: unknown, timeoutMs: number): Promise<T> {
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(BENCH_DIR, 'src/workers', script)], {
    cwd: BENCH_DIR,
    env: process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
    if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
  });
  // A worker killed early (Ctrl-C reaches the whole process group) closes its stdin: not an error here.
  child.stdin.on('error', () => undefined);
  child.stdin.end(JSON.stringify(config));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  running.delete(child);
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) {
    throw new Error(
      `worker ${script} failed (exit ${code}):\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`,
    );
  }
  return JSON.parse(last) as T;
}

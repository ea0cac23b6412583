import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: process exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

export interface RunningStack {
  apiUrl: string;
  /** The payment gateway sandbox (PayPal + UnionPay card). */
  gatewayUrl: string;
  storefrontUrl: string;
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The platform as a user starts it: the API process with its own embedded PostgreSQL and demo
 * data (in a throwaway data directory), and the production builds of both SPAs served by
 * `vite preview`, which proxies /graphql and /media to the API.
 */
export async function startStack(): Promise<RunningStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mp-e2e-'));
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const gatewayPort = await freePort();
  // Known before the API starts, so the links in its emails point at the storefront under test.
  const storefrontPort = await freePort();
  const adminPort = await freePort();
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const output: string[] = [];
  const gateway = spawn(process.execPath, ['--import', '@oxc-node/core/register', 'src/main.ts'], {
    cwd: path.join(root, 'packages/gateway-sandbox'),
    env: {
      ...process.env,
      GATEWAY_SANDBOX_PORT: String(gatewayPort),
      GATEWAY_SANDBOX_HOST: '127.0.0.1',
      GATEWAY_SANDBOX_PUBLIC_URL: gatewayUrl,
      PAYPAL_WEBHOOK_URL: `${apiUrl}/webhooks/paypal`,
      PAYPAL_WEBHOOK_RETRY_BASE_MS: '50',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  gateway.stdout?.on('data', (d: Buffer) => output.push(`[gateway] ${d}`));
  gateway.stderr?.on('data', (d: Buffer) => output.push(`[gateway] ${d}`));
  const api = spawn(process.execPath, ['--import', '@oxc-node/core/register', 'src/main.ts'], {
    cwd: path.join(root, 'packages/api'),
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      API_HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      STOREFRONT_URL: `http://127.0.0.1:${storefrontPort}`,
      PAYPAL_API_URL: gatewayUrl,
      CARD_API_URL: gatewayUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  api.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const servers: PreviewServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(
      [api, gateway].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }),
    );
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${gatewayUrl}/health`, gateway, 30_000);
    await waitFor(`${apiUrl}/health`, api, 90_000);
    process.env.API_URL = apiUrl;
    // The storefront's CSP lets it frame the card gateway's hosted field (vite.security-headers.ts).
    process.env.CARD_API_URL = gatewayUrl;
    const serve = async (pkg: string, port: number) => {
      const server = await preview({
        root: path.join(root, 'packages', pkg),
        configFile: path.join(root, 'packages', pkg, 'vite.config.ts'),
        logLevel: 'warn',
        preview: { port, strictPort: true, host: '127.0.0.1' },
      });
      servers.push(server);
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error(`no URL for ${pkg} preview`);
      return url.replace(/\/$/, '');
    };
    const storefrontUrl = await serve('storefront', storefrontPort);
    const adminUrl = await serve('admin', adminPort);
    return { apiUrl, gatewayUrl, storefrontUrl, adminUrl, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nAPI output:\n${output.join('')}`);
  }
}

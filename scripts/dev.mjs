// Runs the API (with its embedded PostgreSQL and demo data), the storefront and the admin SPA.
// Invoked through pnpm (`pnpm dev`), so `node` here is the workspace's Node 24.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import concurrently from 'concurrently';
import { devSecrets } from './dev-secrets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.API_PORT ?? '4000';
const env = { API_URL: process.env.API_URL ?? `http://localhost:${apiPort}` };
// Generated once per checkout (.data/dev-secrets.json), shared by the API and the gateway sandbox.
const secrets = devSecrets();
const { PAYPAL_WEBHOOK_SECRET, ...apiSecrets } = secrets;
const vite = (pkg) => ({
  cwd: path.join(root, 'packages', pkg),
  command: 'node node_modules/vite/bin/vite.js',
  env,
});

const { commands, result } = concurrently(
  [
    {
      name: 'api',
      prefixColor: 'blue',
      cwd: path.join(root, 'packages/api'),
      command: 'node --enable-source-maps --import @oxc-node/core/register src/main.ts',
      env: apiSecrets,
    },
    {
      // Imitates PayPal and the UnionPay card acquirer locally (see packages/gateway-sandbox).
      name: 'gateway',
      prefixColor: 'yellow',
      cwd: path.join(root, 'packages/gateway-sandbox'),
      command: 'node --enable-source-maps --import @oxc-node/core/register src/main.ts',
      env: {
        ...secrets,
        PAYPAL_WEBHOOK_URL: process.env.PAYPAL_WEBHOOK_URL ?? `http://localhost:${apiPort}/webhooks/paypal`,
      },
    },
    { name: 'storefront', prefixColor: 'green', ...vite('storefront') },
    { name: 'admin', prefixColor: 'magenta', ...vite('admin') },
  ],
  { prefix: 'name', killOthersOn: ['failure'], killSignal: 'SIGINT' },
);

console.log(
  `\n  API         http://localhost:${apiPort}/graphql\n  storefront  http://localhost:${process.env.STOREFRONT_PORT ?? 5173}\n  admin       http://localhost:${process.env.ADMIN_PORT ?? 5174}\n  gateway     http://localhost:${process.env.GATEWAY_SANDBOX_PORT ?? 4010} (PayPal + UnionPay sandbox)\n`,
);
void commands;
result.then(
  () => process.exit(0),
  (events) => {
    const failed = events.some((e) => e.exitCode !== 0 && e.exitCode !== 'SIGINT' && e.exitCode !== 130);
    process.exit(failed ? 1 : 0);
  },
);

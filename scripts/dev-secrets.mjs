#!/usr/bin/env node
// Development secrets for `npm start` (scripts/dev.mjs): the API and the gateway sandbox must share
// credentials, and none of them may be a constant from the repository. Generated once per checkout
// under DATA_DIR (default <repo>/.data, gitignored), readable by the owner only, reused afterwards.
// Variables already set in the environment win. The API refuses all of them with NODE_ENV=production
// (they are sandbox credentials: packages/api/src/config.ts).
//   node scripts/dev-secrets.mjs --print   prints the secrets in force as JSON (tests, debugging)
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hex = (bytes) => randomBytes(bytes).toString('hex');

/** The generators, by variable name (shapes accepted by both the API and packages/gateway-sandbox). */
const GENERATE = {
  PAYPAL_CLIENT_ID: () => `dev-client-${hex(8)}`,
  PAYPAL_CLIENT_SECRET: () => hex(24),
  PAYPAL_WEBHOOK_ID: () => `DEVWEBHOOK${hex(6).toUpperCase()}`,
  PAYPAL_WEBHOOK_SECRET: () => hex(24),
  CARD_SECRET_KEY: () => `sk_sandbox_${hex(16)}`,
  CARD_PUBLISHABLE_KEY: () => `pk_sandbox_${hex(16)}`,
};

/** Reads (or creates) DATA_DIR/dev-secrets.json; the environment overrides each value. */
export function devSecrets(env = process.env) {
  const dataDir = path.resolve(env.DATA_DIR || path.join(root, '.data'));
  const file = path.join(dataDir, 'dev-secrets.json');
  let stored = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8'));
  const missing = Object.keys(GENERATE).filter((name) => typeof stored[name] !== 'string');
  if (missing.length > 0) {
    for (const name of missing) stored[name] = GENERATE[name]();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return Object.fromEntries(Object.keys(GENERATE).map((name) => [name, env[name] || stored[name]]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--print')) console.log(JSON.stringify(devSecrets()));
  else console.error('usage: node scripts/dev-secrets.mjs --print');
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from '../../src/config.js';
import { PRODUCTION_ENV } from './production-env.js';

/** Secrets only from the environment (issue 9 §5): production refuses defaults and sandbox credentials. */
describe('production configuration', () => {
  test('starts with its own credentials over https', () => {
    const config = loadConfig(PRODUCTION_ENV);
    expect(config.payments.card.secretKey).toBe(PRODUCTION_ENV.CARD_SECRET_KEY);
    expect(config.payments.paypal.clientSecret).toBe(PRODUCTION_ENV.PAYPAL_CLIENT_SECRET);
  });

  test('refuses to start on the defaults, naming every missing secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    const message = messageOf({ NODE_ENV: 'production' });
    for (const name of Object.keys(PRODUCTION_ENV).filter((n) => n !== 'NODE_ENV')) {
      expect(message).toContain(`${name}: must be set in production`);
    }
  });

  test.for([
    [
      'the sandbox’s default card key',
      { CARD_SECRET_KEY: 'sk_sandbox_marketplace' },
      'CARD_SECRET_KEY: is the sandbox default',
    ],
    [
      'a generated development card key',
      { CARD_SECRET_KEY: 'sk_sandbox_4f0c2a9e' },
      'CARD_SECRET_KEY: is a sandbox credential',
    ],
    [
      'the sandbox’s PayPal secret',
      { PAYPAL_CLIENT_SECRET: 'sandbox-client-secret' },
      'PAYPAL_CLIENT_SECRET: is the sandbox default',
    ],
    [
      'the sandbox’s webhook id',
      { PAYPAL_WEBHOOK_ID: 'SANDBOXWEBHOOK0001' },
      'PAYPAL_WEBHOOK_ID: is the sandbox default',
    ],
    ['the local gateway', { CARD_API_URL: 'http://localhost:4010' }, 'CARD_API_URL: is the sandbox default'],
    [
      'a plain-http gateway',
      { PAYPAL_API_URL: 'http://paypal.internal' },
      'PAYPAL_API_URL: must be an https:// URL',
    ],
  ] as const)('refuses %s', ([, change, problem]) => {
    expect(messageOf({ ...PRODUCTION_ENV, ...change })).toContain(problem);
  });

  test('reports the missing secrets together with every other invalid variable', () => {
    const message = messageOf({ NODE_ENV: 'production', API_PORT: 'abc' });
    expect(message).toContain('API_PORT');
    expect(message).toContain('CARD_SECRET_KEY: must be set in production');
  });

  test('the embedded database is refused, even with the payments waiver', () => {
    const { DATABASE_URL: _external, ...embedded } = PRODUCTION_ENV;
    expect(messageOf(embedded)).toContain('DATABASE_URL: must be set in production');
    expect(messageOf({ NODE_ENV: 'production', PAYMENTS_SANDBOX_IN_PRODUCTION: 'true' })).toContain(
      'DATABASE_URL: must be set in production',
    );
  });

  test('development and tests keep the sandbox defaults; a benchmark may opt in explicitly', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).payments.card.secretKey).toBe('sk_sandbox_marketplace');
    expect(loadConfig({ NODE_ENV: 'test' }).payments.card.secretKey).toBe('sk_sandbox_marketplace');
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: PRODUCTION_ENV.DATABASE_URL,
        PAYMENTS_SANDBOX_IN_PRODUCTION: 'true',
      }).nodeEnv,
    ).toBe('production');
  });
});

describe('development secrets (scripts/dev-secrets.mjs, used by `npm start`)', () => {
  const script = path.join(REPO_ROOT, 'scripts/dev-secrets.mjs');
  const run = (dataDir: string, env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [script, '--print'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, string>;
  };

  test('generates random secrets once, keeps them private under DATA_DIR, and reuses them', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dev-secrets-'));
    const first = run(dataDir);
    expect(first.CARD_SECRET_KEY).toMatch(/^sk_sandbox_[0-9a-f]{32}$/);
    expect(first.CARD_PUBLISHABLE_KEY).toMatch(/^pk_sandbox_[0-9a-f]{32}$/);
    expect(first.PAYPAL_CLIENT_SECRET).toMatch(/^[0-9a-f]{48}$/);
    expect(first.PAYPAL_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{48}$/);
    expect(first.CARD_SECRET_KEY).not.toBe('sk_sandbox_marketplace');
    const file = path.join(dataDir, 'dev-secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(run(dataDir)).toEqual(first);
    // Another checkout (another DATA_DIR) gets its own.
    expect(run(mkdtempSync(path.join(os.tmpdir(), 'dev-secrets-'))).CARD_SECRET_KEY).not.toBe(
      first.CARD_SECRET_KEY,
    );
    // What the environment sets wins.
    expect(run(dataDir, { CARD_SECRET_KEY: 'sk_sandbox_mine' }).CARD_SECRET_KEY).toBe('sk_sandbox_mine');
  });

  test('the generated secrets are accepted by the API in development and refused in production', () => {
    const secrets = run(mkdtempSync(path.join(os.tmpdir(), 'dev-secrets-')));
    const { PAYPAL_WEBHOOK_SECRET: _sandboxOnly, ...apiSecrets } = secrets;
    expect(loadConfig({ NODE_ENV: 'development', ...apiSecrets }).payments.card.secretKey).toBe(
      secrets.CARD_SECRET_KEY,
    );
    expect(messageOf({ ...PRODUCTION_ENV, ...apiSecrets })).toContain(
      'CARD_SECRET_KEY: is a sandbox credential',
    );
  });
});

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the configuration was accepted');
}

import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { isCurrencyCode } from '@marketplace/core';
import { parseTrustProxy } from './http/security-headers.js';

/** The repository root: defaults for data directories are relative to it so every package agrees. */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)));

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(0).max(65535);
const httpUrl = z
  .url()
  .regex(/^https?:\/\//, 'must be an http:// or https:// URL')
  .transform((u) => u.replace(/\/+$/, ''));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_HOST: z.string().min(1).optional(),
  API_PORT: port.default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  // Several instances (docs/deploy.md): a direct (or session-pooled) connection for the migration lock
  // and the job queue's LISTEN when DATABASE_URL goes through a transaction-mode pooler.
  DATABASE_DIRECT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  MIGRATE_ON_START: bool.default(true),
  DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
  EMBEDDED_PG_PORT: port.default(54329),
  MEDIA_DIR: z.string().min(1).optional(),
  CURRENCY: z
    .string()
    .refine((c) => isCurrencyCode(c), 'must be a supported ISO 4217 currency code, e.g. USD')
    .default('USD'),
  SEED_DEMO_DATA: bool.default(true),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Marketplace <no-reply@marketplace.local>'),
  MAIL_SUPPORT: z.email().default('support@example.com'),
  CONTACT_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(5),
  STOREFRONT_URL: z.url().optional(),
  ADMIN_URL: z.url().optional(),
  ORDER_PAYMENT_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  AUTO_CONFIRM_DAYS: z.coerce.number().int().min(1).max(90).default(10),
  SHIPPING_FEE_MINOR: z.coerce.number().int().min(0).max(10_000_000).default(500),
  FREE_SHIPPING_THRESHOLD_MINOR: z.coerce.number().int().min(0).max(1_000_000_000).default(5000),
  PLATFORM_COMMISSION_BPS: z.coerce.number().int().min(0).max(10_000).default(0),
  JOBS_ENABLED: bool.default(true),
  // Job workers beat every JOB_HEARTBEAT_SECONDS; the jobs of one silent for JOB_WORKER_EXPIRY_SECONDS run again.
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  JOB_WORKER_EXPIRY_SECONDS: z.coerce.number().int().min(2).max(86_400).default(60),
  // Payment gateways: the defaults point at the local sandbox (packages/gateway-sandbox).
  PAYPAL_API_URL: httpUrl.default('http://localhost:4010'),
  PAYPAL_CLIENT_ID: z.string().min(1).max(200).default('sandbox-client-id'),
  PAYPAL_CLIENT_SECRET: z.string().min(1).max(200).default('sandbox-client-secret'),
  PAYPAL_WEBHOOK_ID: z.string().min(1).max(100).default('SANDBOXWEBHOOK0001'),
  CARD_API_URL: httpUrl.default('http://localhost:4010'),
  CARD_SECRET_KEY: z
    .string()
    .regex(/^sk_\w+$/, 'must be a secret key (sk_…)')
    .default('sk_sandbox_marketplace'),
  CARD_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_\w+$/, 'must be a publishable key (pk_…)')
    .default('pk_sandbox_marketplace'),
  PAYMENT_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  // Webhooks (modules/webhooks/README.md).
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  WEBHOOK_ALLOW_HTTP: bool.optional(),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: bool.optional(),
  // HTTP (issue 7): browser origins allowed to call the API with credentials (comma list; default: the dev SPAs).
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'each origin must be scheme://host[:port]')))
    .optional(),
  // Which peers may set X-Forwarded-For/-Proto (src/http/security-headers.ts parseTrustProxy).
  TRUST_PROXY: z.string().max(500).optional(),
  GRAPHIQL_ENABLED: bool.optional(),
  INTROSPECTION_ENABLED: bool.optional(),
  PUBLIC_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  REPORTING_TIME_ZONE: z
    .string()
    .refine((tz) => isTimeZone(tz), 'must be an IANA time zone, e.g. Asia/Taipei')
    .default('Asia/Taipei'),
  // GraphQL limits (src/graphql/limits/README.md).
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5000),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  GRAPHQL_ATTEMPT_FIELDS_PER_DOCUMENT: z.coerce.number().int().min(1).max(100).default(1),
  RATE_LIMIT_MAX_AVAILABLE: z.coerce.number().int().min(1).max(100_000_000).default(20000),
  RATE_LIMIT_RESTORE_RATE: z.coerce.number().positive().max(1_000_000).default(1000),
  // Per-request statement tracing (src/db/sql-trace.ts): default on in tests only.
  SQL_TRACE: bool.optional(),
  // Lets NODE_ENV=production run against the local gateway sandbox (benchmarks only); see productionSecretProblems.
  PAYMENTS_SANDBOX_IN_PRODUCTION: bool.default(false),
});

/** The payment secrets and endpoints a production deployment must set itself (never the sandbox's defaults). */
const PRODUCTION_SECRETS = [
  'PAYPAL_API_URL',
  'PAYPAL_CLIENT_ID',
  'PAYPAL_CLIENT_SECRET',
  'PAYPAL_WEBHOOK_ID',
  'CARD_API_URL',
  'CARD_SECRET_KEY',
  'CARD_PUBLISHABLE_KEY',
] as const;

/**
 * Secrets come only from the environment: with NODE_ENV=production each payment credential and gateway URL
 * must be set explicitly, must not be a default or a sandbox credential (`sk_sandbox_…`, `sandbox-…`) and
 * the gateways must be reached over https; and the database must be an external one (DATABASE_URL).
 * Development secrets are generated by the start command (scripts/dev-secrets.mjs).
 * PAYMENTS_SANDBOX_IN_PRODUCTION=true waives the payment checks for benchmarks against the sandbox.
 */
export function productionSecretProblems(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (!env.DATABASE_URL) {
    problems.push(
      "  DATABASE_URL: must be set in production (the embedded PostgreSQL's credentials are constants of the repository)",
    );
  }
  if (/^(true|1|yes)$/.test(env.PAYMENTS_SANDBOX_IN_PRODUCTION ?? '')) return problems;
  const defaults = schema.parse({}) as Record<string, unknown>;
  for (const name of PRODUCTION_SECRETS) {
    const value = env[name];
    if (!value) problems.push(`  ${name}: must be set in production (no default)`);
    else if (value === defaults[name] || value.replace(/\/+$/, '') === defaults[name])
      problems.push(`  ${name}: is the sandbox default; set the real value in production`);
    else if (/sandbox/i.test(value) && !name.endsWith('_URL'))
      problems.push(`  ${name}: is a sandbox credential; refused in production`);
    else if (name.endsWith('_URL') && !value.startsWith('https://'))
      problems.push(`  ${name}: must be an https:// URL in production`);
  }
  return problems;
}

/** Whether the runtime (and so PostgreSQL's tz database, which uses the same names) knows this zone. */
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$/.test(tz);
  } catch {
    return false;
  }
}

export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  host: string | undefined;
  port: number;
  databaseUrl: string | undefined;
  /** Session-capable connection for the migration lock and the job runner (default: databaseUrl). */
  databaseDirectUrl: string | undefined;
  /** Apply pending migrations at start (under the migration lock); else refuse to start on an older schema. */
  migrateOnStart: boolean;
  dataDir: string;
  embeddedPgPort: number;
  mediaDir: string;
  currency: string;
  seedDemoData: boolean;
  sessionTtlDays: number;
  logLevel: string;
  dbPoolMax: number;
  /** SMTP server for real email; without it emails stay in the development mailbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Customer service's address: contact-form requests are sent there. */
  mailSupport: string;
  /** Contact-form requests accepted per client address per hour. */
  contactRateLimitPerHour: number;
  /** Public URL of the storefront, for links in emails. */
  storefrontUrl: string;
  /** Public URL of the admin SPA (management center), for staff invitation links. */
  adminUrl: string;
  orderPaymentTimeoutMinutes: number;
  autoConfirmDays: number;
  /** Flat shipping fee (minor units) of each merchant order with goods… */
  shippingFeeMinor: number;
  /** …waived when the order's items cost at least this much after discount. */
  freeShippingThresholdMinor: number;
  /** The platform's commission on each paid order, in basis points (500 = 5 %); the rest is the merchant's. */
  platformCommissionBps: number;
  /** Whether this process runs background jobs (several API instances may all do so safely). */
  jobsEnabled: boolean;
  /** Worker heartbeat and the sweep of jobs held by dead workers (jobs/worker-heartbeat.ts). */
  jobWorker: { heartbeatSeconds: number; expirySeconds: number };
  /** Payment gateways (PayPal Orders v2 and the card acquirer); sandbox defaults. */
  payments: PaymentsConfig;
  /** IANA time zone whose calendar days the dashboard's "sales per day" are counted in. */
  reportingTimeZone: string;
  /** Limits of GraphQL documents and the query-cost budget (src/graphql/limits/README.md). */
  graphqlLimits: GraphqlLimitsConfig;
  /** Browser origins allowed to call the API with credentials (CORS); others get no CORS headers. */
  corsOrigins: string[];
  /** Express `trust proxy`: who may report the client's address and TLS (X-Forwarded-*); default loopback. */
  trustProxy: boolean | number | string;
  /** Whether GET /graphql with Accept: text/html serves GraphiQL (default: on except in production). */
  graphiqlEnabled: boolean;
  /** Whether introspection queries are answered (default: on except in production). */
  introspectionEnabled: boolean;
  /** `Cache-Control: public, max-age=…` of anonymous GET queries of public catalog/help data. */
  publicCacheMaxAgeSeconds: number;
  /** Webhook deliveries (modules/webhooks/README.md). */
  webhooks: WebhooksConfig;
  /** Record the SQL statements of each /graphql request (src/db/sql-trace.ts); off in production. */
  sqlTrace: boolean;
}

export interface WebhooksConfig {
  /** Each delivery attempt is abandoned (and counted as failed) after this long. */
  timeoutMs: number;
  /** Attempts per delivery before it is FAILED. */
  maxAttempts: number;
  /** Retry n waits `retryBaseMs × 2^(n-1)`. */
  retryBaseMs: number;
  /** Whether endpoint URLs may be plain `http://` (loopback only); never in production by default. */
  allowHttp: boolean;
  /**
   * Whether endpoints may resolve to loopback, private or link-local addresses (SSRF guard,
   * webhooks/webhook-target.ts); never in production by default.
   */
  allowPrivateNetworks: boolean;
}

export interface GraphqlLimitsConfig {
  maxDepth: number;
  maxAliases: number;
  /** Tokens the parser reads before giving up on a document. */
  maxTokens: number;
  /** Highest requested cost of one operation. */
  maxCost: number;
  /** Occurrences of one attempt-counting field (login, coupon checks, order keys…) per document. */
  attemptFieldsPerDocument: number;
  /** The leaky bucket of each API key / user / client IP: size (points) and restore rate (points per second). */
  budget: { maximumAvailable: number; restoreRate: number };
}

export interface PaymentsConfig {
  paypal: { apiUrl: string; clientId: string; clientSecret: string; webhookId: string };
  /** The card acquirer: its API (`/card/v1`) and hosted card field live under `apiUrl`. */
  card: { apiUrl: string; secretKey: string; publishableKey: string };
  /** Each gateway request is abandoned after this long (the outcome is then reconciled later). */
  timeoutMs: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once at start; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(clean);
  const secrets = productionSecretProblems(clean);
  if (!parsed.success || secrets.length > 0) {
    const lines = (parsed.error?.issues ?? []).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${[...lines, ...secrets].join('\n')}`);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    host: e.API_HOST,
    port: e.API_PORT,
    databaseUrl: e.DATABASE_URL,
    databaseDirectUrl: e.DATABASE_DIRECT_URL,
    migrateOnStart: e.MIGRATE_ON_START,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    mediaDir: path.resolve(e.MEDIA_DIR ?? path.join(e.DATA_DIR, 'media')),
    currency: e.CURRENCY,
    seedDemoData: e.SEED_DEMO_DATA,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    logLevel: e.LOG_LEVEL,
    dbPoolMax: e.DB_POOL_MAX,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailSupport: e.MAIL_SUPPORT,
    contactRateLimitPerHour: e.CONTACT_RATE_LIMIT_PER_HOUR,
    storefrontUrl: (e.STOREFRONT_URL ?? `http://localhost:${env.STOREFRONT_PORT ?? 5173}`).replace(/\/$/, ''),
    adminUrl: (e.ADMIN_URL ?? `http://localhost:${env.ADMIN_PORT ?? 5174}`).replace(/\/$/, ''),
    orderPaymentTimeoutMinutes: e.ORDER_PAYMENT_TIMEOUT_MINUTES,
    autoConfirmDays: e.AUTO_CONFIRM_DAYS,
    shippingFeeMinor: e.SHIPPING_FEE_MINOR,
    freeShippingThresholdMinor: e.FREE_SHIPPING_THRESHOLD_MINOR,
    platformCommissionBps: e.PLATFORM_COMMISSION_BPS,
    jobsEnabled: e.JOBS_ENABLED,
    jobWorker: {
      heartbeatSeconds: e.JOB_HEARTBEAT_SECONDS,
      // At least three beats: one late beat never makes a live worker look dead.
      expirySeconds: Math.max(e.JOB_WORKER_EXPIRY_SECONDS, 3 * e.JOB_HEARTBEAT_SECONDS),
    },
    payments: {
      paypal: {
        apiUrl: e.PAYPAL_API_URL,
        clientId: e.PAYPAL_CLIENT_ID,
        clientSecret: e.PAYPAL_CLIENT_SECRET,
        webhookId: e.PAYPAL_WEBHOOK_ID,
      },
      card: { apiUrl: e.CARD_API_URL, secretKey: e.CARD_SECRET_KEY, publishableKey: e.CARD_PUBLISHABLE_KEY },
      timeoutMs: e.PAYMENT_GATEWAY_TIMEOUT_MS,
    },
    reportingTimeZone: e.REPORTING_TIME_ZONE,
    graphqlLimits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      attemptFieldsPerDocument: e.GRAPHQL_ATTEMPT_FIELDS_PER_DOCUMENT,
      budget: { maximumAvailable: e.RATE_LIMIT_MAX_AVAILABLE, restoreRate: e.RATE_LIMIT_RESTORE_RATE },
    },
    corsOrigins:
      e.CORS_ORIGINS ??
      [
        e.STOREFRONT_URL ?? `http://localhost:${env.STOREFRONT_PORT ?? 5173}`,
        e.ADMIN_URL ?? `http://localhost:${env.ADMIN_PORT ?? 5174}`,
      ].map((u) => new URL(u).origin),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    graphiqlEnabled: e.GRAPHIQL_ENABLED ?? e.NODE_ENV !== 'production',
    introspectionEnabled: e.INTROSPECTION_ENABLED ?? e.NODE_ENV !== 'production',
    publicCacheMaxAgeSeconds: e.PUBLIC_CACHE_MAX_AGE_SECONDS,
    sqlTrace: e.SQL_TRACE ?? e.NODE_ENV === 'test',
    webhooks: {
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      allowHttp: e.WEBHOOK_ALLOW_HTTP ?? e.NODE_ENV !== 'production',
      allowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? e.NODE_ENV !== 'production',
    },
  };
}

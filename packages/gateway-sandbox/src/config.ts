import { z } from 'zod';
import { DEFAULTS, type SandboxOptions } from './options.js';
import { checkOriginPattern, DEFAULT_FRAME_ORIGINS } from './util/origins.js';

const port = z.coerce.number().int().min(0).max(65535);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const schema = z.object({
  GATEWAY_SANDBOX_PORT: port.default(DEFAULTS.port),
  GATEWAY_SANDBOX_HOST: z.string().min(1).optional(),
  GATEWAY_SANDBOX_PUBLIC_URL: httpUrl.optional(),
  GATEWAY_SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  PAYPAL_CLIENT_ID: z.string().min(1).default(DEFAULTS.paypalClientId),
  PAYPAL_CLIENT_SECRET: z.string().min(1).default(DEFAULTS.paypalClientSecret),
  PAYPAL_ORDER_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 3600)
    .default(DEFAULTS.orderTtlSeconds),
  PAYPAL_MERCHANT_NAME: z.string().min(1).max(127).default(DEFAULTS.merchantName),
  PAYPAL_WEBHOOK_URL: z.string().transform(list).pipe(z.array(httpUrl)).optional(),
  PAYPAL_WEBHOOK_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (at most 64)')
    .default(DEFAULTS.webhookId),
  PAYPAL_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  PAYPAL_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(8),
  PAYPAL_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(1000),
  PAYPAL_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(60_000),
  PAYPAL_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PAYPAL_WEBHOOK_DUPLICATE_RATE: z.coerce.number().min(0).max(1).default(0),
  PAYPAL_WEBHOOK_REORDER_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  CARD_SECRET_KEY: z
    .string()
    .regex(/^sk_sandbox_\w+$/, 'must look like sk_sandbox_…')
    .default(DEFAULTS.cardSecretKey),
  CARD_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_sandbox_\w+$/, 'must look like pk_sandbox_…')
    .default(DEFAULTS.cardPublishableKey),
  ALLOWED_FRAME_ORIGINS: z
    .string()
    .transform(list)
    .superRefine((patterns, c) => {
      for (const p of patterns) {
        const problem = checkOriginPattern(p);
        if (problem) c.addIssue({ code: 'custom', message: problem });
      }
    })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export class ConfigError extends Error {}

export interface SandboxConfig {
  options: SandboxOptions;
  logLevel: string;
}

/** Reads and validates the environment; every problem is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid gateway sandbox configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    logLevel: e.LOG_LEVEL,
    options: {
      port: e.GATEWAY_SANDBOX_PORT,
      host: e.GATEWAY_SANDBOX_HOST,
      publicUrl: e.GATEWAY_SANDBOX_PUBLIC_URL,
      latencyMs: e.GATEWAY_SANDBOX_LATENCY_MS,
      paypal: {
        clientId: e.PAYPAL_CLIENT_ID,
        clientSecret: e.PAYPAL_CLIENT_SECRET,
        orderTtlSeconds: e.PAYPAL_ORDER_TTL_SECONDS,
        merchantName: e.PAYPAL_MERCHANT_NAME,
      },
      webhookUrl: e.PAYPAL_WEBHOOK_URL,
      webhookId: e.PAYPAL_WEBHOOK_ID,
      webhookSecret: e.PAYPAL_WEBHOOK_SECRET,
      webhooks: {
        maxAttempts: e.PAYPAL_WEBHOOK_MAX_ATTEMPTS,
        baseDelayMs: e.PAYPAL_WEBHOOK_RETRY_BASE_MS,
        maxDelayMs: e.PAYPAL_WEBHOOK_RETRY_MAX_MS,
        timeoutMs: e.PAYPAL_WEBHOOK_TIMEOUT_MS,
        duplicateRate: e.PAYPAL_WEBHOOK_DUPLICATE_RATE,
        reorder:
          e.PAYPAL_WEBHOOK_REORDER_WINDOW_MS > 0 ? { windowMs: e.PAYPAL_WEBHOOK_REORDER_WINDOW_MS } : false,
      },
      card: { secretKey: e.CARD_SECRET_KEY, publishableKey: e.CARD_PUBLISHABLE_KEY },
      allowedFrameOrigins: e.ALLOWED_FRAME_ORIGINS ?? [...DEFAULT_FRAME_ORIGINS],
    },
  };
}

import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from './logger.js';
import { checkOriginPattern, DEFAULT_FRAME_ORIGINS } from './util/origins.js';

/** A PayPal sandbox buyer account that can sign in on the approval page. */
export interface SandboxBuyer {
  email: string;
  password: string;
  givenName: string;
  surname: string;
  /** PayPal payer id (13 characters); generated when omitted. */
  payerId?: string;
  countryCode?: string;
}

export const DEFAULT_BUYER: SandboxBuyer = {
  email: 'buyer@sandbox.paypal.example',
  password: 'sandbox-buyer-pass',
  givenName: 'Sandbox',
  surname: 'Buyer',
  payerId: 'SANDBOXBUYER1',
  countryCode: 'US',
};

export const DEFAULTS = {
  port: 4010,
  paypalClientId: 'sandbox-client-id',
  paypalClientSecret: 'sandbox-client-secret',
  webhookId: 'SANDBOXWEBHOOK0001',
  cardSecretKey: 'sk_sandbox_marketplace',
  cardPublishableKey: 'pk_sandbox_marketplace',
  orderTtlSeconds: 3 * 60 * 60,
  accessTokenTtlSeconds: 9 * 60 * 60,
  merchantName: 'Marketplace',
} as const;

/** Options of {@link startSandbox}; everything has a default. */
export interface SandboxOptions {
  /** Port to listen on (0 = any free port). Default 4010. */
  port?: number;
  /** Interface to bind. Default: all interfaces. */
  host?: string;
  /** Base URL written into links (approval page, HATEOAS links, cert URL). Default http://<host>:<port>. */
  publicUrl?: string;
  paypal?: {
    clientId?: string;
    clientSecret?: string;
    /** Unapproved orders expire after this many seconds. Default 10800 (3 h), as at PayPal. */
    orderTtlSeconds?: number;
    /** Lifetime of OAuth access tokens. Default 32400 (9 h), as at PayPal. */
    accessTokenTtlSeconds?: number;
    /** Shown on the approval page when the order has no `brand_name`. Default "Marketplace". */
    merchantName?: string;
    merchantEmail?: string;
    /** Refuse a capture whose `invoice_id` was already captured (PayPal's default account setting). Default true. */
    blockDuplicateInvoiceId?: boolean;
    /** Buyer accounts for the approval page. Default: the documented sandbox buyer. */
    buyers?: SandboxBuyer[];
  };
  /** Webhook listener URL(s) of the platform, subscribed to every event type. */
  webhookUrl?: string | string[];
  /** Id of the webhook for the first `webhookUrl` (the receiver passes it to verify-webhook-signature). */
  webhookId?: string;
  /** HMAC key of webhook signatures. Default: random per process. */
  webhookSecret?: string;
  webhooks?: {
    /** Delivery attempts per event and endpoint, the first included. Default 8. */
    maxAttempts?: number;
    /** Delay before the first retry; doubles each time. Default 1000 ms. */
    baseDelayMs?: number;
    /** Upper bound of a retry delay. Default 60000 ms. */
    maxDelayMs?: number;
    /** An attempt without a response within this time counts as failed. Default 10000 ms. */
    timeoutMs?: number;
    /** Probability (0–1) that an event is delivered twice. Default 0. */
    duplicateRate?: number;
    /** Deliver events out of order: events emitted within the window go out newest first. Default off. */
    reorder?: boolean | { windowMs: number };
  };
  card?: {
    /** Secret key of the card API (`sk_sandbox_…`). */
    secretKey?: string;
    /** Publishable key of the hosted card field (`pk_sandbox_…`). */
    publishableKey?: string;
    /** Lifetime of a card token. Default 900 s (15 min). */
    tokenTtlSeconds?: number;
    /** Lifetime of an SMS one-time code. Default 600 s. */
    challengeTtlSeconds?: number;
  };
  /** Origins allowed to frame the hosted card field (`http://localhost:*` = any port). */
  allowedFrameOrigins?: string[];
  /** Artificial processing time of each payment operation, to widen race windows in tests. Default 0. */
  latencyMs?: number;
  /** Logger (pino). Default: silent. */
  logger?: Logger;
  /** Time source (ms since epoch). Default Date.now. */
  now?: () => number;
  /** Randomness for duplicate deliveries (0 ≤ x < 1). Default Math.random. */
  random?: () => number;
}

export interface ResolvedOptions {
  port: number;
  host: string | undefined;
  publicUrl: string | undefined;
  paypal: {
    clientId: string;
    clientSecret: string;
    orderTtlSeconds: number;
    accessTokenTtlSeconds: number;
    merchantName: string;
    merchantEmail: string;
    merchantId: string;
    blockDuplicateInvoiceId: boolean;
    buyers: Required<SandboxBuyer>[];
  };
  webhookEndpoints: { id: string; url: string }[];
  webhookSecret: string;
  webhooks: {
    maxAttempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
    timeoutMs: number;
    duplicateRate: number;
    reorderWindowMs: number;
  };
  card: {
    secretKey: string;
    publishableKey: string;
    tokenTtlSeconds: number;
    challengeTtlSeconds: number;
    maxCodeAttempts: number;
  };
  allowedFrameOrigins: string[];
  latencyMs: number;
  random: () => number;
}

/** A stable 13-character payer id derived from the buyer's email. */
function payerIdFor(email: string, index: number): string {
  const digest = createHash('sha256').update(`${index}:${email}`).digest('hex').toUpperCase();
  return `P${digest.slice(0, 12)}`;
}

export function resolveOptions(o: SandboxOptions): ResolvedOptions {
  const urls = o.webhookUrl === undefined ? [] : Array.isArray(o.webhookUrl) ? o.webhookUrl : [o.webhookUrl];
  const webhookId = o.webhookId ?? DEFAULTS.webhookId;
  const reorder = o.webhooks?.reorder;
  const buyers = (o.paypal?.buyers ?? [DEFAULT_BUYER]).map((b, i) => ({
    payerId: b.payerId ?? payerIdFor(b.email, i),
    countryCode: b.countryCode ?? 'US',
    ...b,
  })) as Required<SandboxBuyer>[];
  const secretKey = o.card?.secretKey ?? DEFAULTS.cardSecretKey;
  const publishableKey = o.card?.publishableKey ?? DEFAULTS.cardPublishableKey;
  if (!secretKey.startsWith('sk_sandbox_')) throw new Error('card.secretKey must start with sk_sandbox_');
  if (!publishableKey.startsWith('pk_sandbox_')) {
    throw new Error('card.publishableKey must start with pk_sandbox_');
  }
  const duplicateRate = o.webhooks?.duplicateRate ?? 0;
  if (!(duplicateRate >= 0 && duplicateRate <= 1))
    throw new Error('webhooks.duplicateRate must be between 0 and 1');
  const allowedFrameOrigins = o.allowedFrameOrigins ?? [...DEFAULT_FRAME_ORIGINS];
  for (const pattern of allowedFrameOrigins) {
    const problem = checkOriginPattern(pattern);
    if (problem) throw new Error(`allowedFrameOrigins: ${problem}`);
  }
  for (const url of urls) {
    if (!/^https?:\/\//.test(url)) throw new Error(`webhookUrl: ${url} is not an http(s) URL`);
  }
  return {
    port: o.port ?? DEFAULTS.port,
    host: o.host,
    publicUrl: o.publicUrl?.replace(/\/+$/, ''),
    paypal: {
      clientId: o.paypal?.clientId ?? DEFAULTS.paypalClientId,
      clientSecret: o.paypal?.clientSecret ?? DEFAULTS.paypalClientSecret,
      orderTtlSeconds: o.paypal?.orderTtlSeconds ?? DEFAULTS.orderTtlSeconds,
      accessTokenTtlSeconds: o.paypal?.accessTokenTtlSeconds ?? DEFAULTS.accessTokenTtlSeconds,
      merchantName: o.paypal?.merchantName ?? DEFAULTS.merchantName,
      merchantEmail: o.paypal?.merchantEmail ?? 'merchant@sandbox.paypal.example',
      merchantId: 'SANDBOXMERCH1',
      blockDuplicateInvoiceId: o.paypal?.blockDuplicateInvoiceId ?? true,
      buyers,
    },
    webhookEndpoints: urls.map((url, i) => ({ id: i === 0 ? webhookId : `${webhookId}-${i + 1}`, url })),
    webhookSecret: o.webhookSecret ?? randomBytes(32).toString('hex'),
    webhooks: {
      maxAttempts: Math.max(1, o.webhooks?.maxAttempts ?? 8),
      baseDelayMs: o.webhooks?.baseDelayMs ?? 1000,
      maxDelayMs: o.webhooks?.maxDelayMs ?? 60_000,
      timeoutMs: o.webhooks?.timeoutMs ?? 10_000,
      duplicateRate,
      reorderWindowMs: reorder === true ? 250 : reorder ? reorder.windowMs : 0,
    },
    card: {
      secretKey,
      publishableKey,
      tokenTtlSeconds: o.card?.tokenTtlSeconds ?? 15 * 60,
      challengeTtlSeconds: o.card?.challengeTtlSeconds ?? 10 * 60,
      maxCodeAttempts: 3,
    },
    allowedFrameOrigins,
    latencyMs: o.latencyMs ?? 0,
    random: o.random ?? Math.random,
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { CardStore } from './card/store.js';
import type { SandboxContext } from './context.js';
import { createLogger } from './logger.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { PayPalStore } from './paypal/store.js';
import { WebhookDispatcher } from './paypal/webhooks.js';
import { type SandboxState, stateSnapshot } from './sandbox-routes.js';
import { Clock } from './util/time.js';

export { TEST_CARDS, TEST_PHONE, type CardScenario, type TestCard } from './card/cards.js';
export { createLogger, type Logger } from './logger.js';
export { DEFAULT_BUYER, DEFAULTS, type SandboxBuyer, type SandboxOptions } from './options.js';
export { AUTH_ALGO, sign, signatureBase, type WebhookEvent, type Delivery } from './paypal/webhooks.js';
export { crc32 } from './util/crc32.js';
export type { SandboxState };

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:41234 (the configured publicUrl when given). */
  url: string;
  port: number;
  /** What a client needs to talk to this sandbox. */
  credentials: {
    paypalClientId: string;
    paypalClientSecret: string;
    /** Ids of the webhooks configured at start (`webhookUrl`), in order. */
    webhookIds: string[];
    cardSecretKey: string;
    cardPublishableKey: string;
  };
  /** Stops listening, cancels pending webhook deliveries and closes open connections. */
  stop(): Promise<void>;
  /** Forgets all orders, payments, tokens, messages, deliveries and runtime webhooks (like POST /sandbox/reset). */
  reset(): void;
  /** Moves the sandbox's clock forward (expiry of orders, tokens and codes). */
  advanceClock(seconds: number): void;
  /** Resolves once no webhook delivery is waiting to be sent or retried. */
  webhooksIdle(): Promise<void>;
  /** The same view as GET /sandbox/state. */
  state(): SandboxState;
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the sandbox HTTP server (in-process: tests of other packages use this). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const opts = resolveOptions(options);
  const logger = options.logger ?? createLogger('silent');
  const clock = new Clock(options.now);
  let baseUrl = opts.publicUrl ?? `http://${urlHost(opts.host)}:${opts.port}`;
  const base = () => baseUrl;

  const webhooks = new WebhookDispatcher(opts, clock, logger, base);
  const paypal = new PayPalStore(opts, clock, base, (type, resourceType, resource, summary) =>
    webhooks.emit(type, resourceType, resource, summary),
  );
  const card = new CardStore(opts, clock, logger);
  const ctx: SandboxContext = { opts, clock, logger, baseUrl: base, paypal, card, webhooks };
  const reset = () => {
    paypal.reset();
    card.reset();
    webhooks.reset();
    clock.reset();
  };

  const server = createServer(createApp(ctx, { reset }));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  if (!opts.publicUrl) baseUrl = `http://${urlHost(opts.host)}:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    credentials: {
      paypalClientId: opts.paypal.clientId,
      paypalClientSecret: opts.paypal.clientSecret,
      webhookIds: opts.webhookEndpoints.map((e) => e.id),
      cardSecretKey: opts.card.secretKey,
      cardPublishableKey: opts.card.publishableKey,
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        webhooks.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
    reset,
    advanceClock: (seconds) => clock.advance(seconds * 1000),
    webhooksIdle: () => webhooks.idle(),
    state: () => stateSnapshot(ctx),
  };
}

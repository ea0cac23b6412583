import type { CardStore } from './card/store.js';
import type { Logger } from './logger.js';
import type { ResolvedOptions } from './options.js';
import type { PayPalStore } from './paypal/store.js';
import type { WebhookDispatcher } from './paypal/webhooks.js';
import type { Clock } from './util/time.js';

/** Everything a route needs: options, clock, logger and the in-memory state. */
export interface SandboxContext {
  opts: ResolvedOptions;
  clock: Clock;
  logger: Logger;
  /** Public base URL, without a trailing slash (known once the server listens). */
  baseUrl: () => string;
  paypal: PayPalStore;
  card: CardStore;
  webhooks: WebhookDispatcher;
}

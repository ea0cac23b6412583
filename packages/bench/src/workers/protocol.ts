/** What the bench sends to and gets back from its worker processes. */

export interface LoadResult {
  requests: number;
  durationSec: number;
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  mean: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Responses parsed and checked; those with `errors` or without `data`. */
  checked: number;
  invalid: number;
  invalidSamples: string[];
}

export interface HttpLoadConfig {
  url: string;
  path?: string;
  connections: number;
  durationSec: number;
  headers: Record<string, string>;
  /** Request bodies; each request sends one picked at random. */
  bodies: string[];
  /** Parse and check one response in this many. */
  validateEvery: number;
}

export interface PgBaselineConfig {
  databaseUrl: string;
  connections: number;
  durationSec: number;
  /** Runs `sql` with one of these parameter lists per query (prepared statement). */
  sql: string;
  params: unknown[][];
}

export interface CheckoutConfig {
  apiUrl: string;
  sandboxUrl: string;
  cardPublishableKey: string;
  cardNumber: string;
  durationSec: number;
  shoppers: { email: string; password: string; variantId: string }[];
  documents: { login: string; addToCart: string; submitOrder: string; payOrder: string; removeLines: string };
  quantity: number;
}

export interface StepStats {
  count: number;
  p50: number;
  p99: number;
  mean: number;
}

export interface CheckoutResult {
  durationSec: number;
  flows: number;
  flowsPerSec: number;
  steps: Record<string, StepStats>;
  /** Expected refusals by code (OUT_OF_STOCK, …), per mutation. */
  userErrors: Record<string, number>;
  /** Unexpected failures: HTTP errors, GraphQL `errors`, payments that did not succeed. */
  errors: number;
  errorSamples: string[];
}

export async function readStdinJson<T>(): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

/** Percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function stepStats(values: number[]): StepStats {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : 0,
  };
}

export interface SustainedConfig {
  apiUrl: string;
  sandboxUrl: string;
  cardPublishableKey: string;
  cardNumber: string;
  durationSec: number;
  /** Single-request streams: `rate` arrivals per second, a body picked at random per arrival. */
  requests: { kind: string; rate: number; bodies: string[]; cookie?: string }[];
  cartVisitsPerSec: number;
  checkoutsPerSec: number;
  /** Signed in before the clock starts; each flow borrows a free shopper of its role. */
  shoppers: { email: string; password: string; variantId: string; role: 'cart' | 'checkout' }[];
  /** More requests open than this: the arrival is counted as an error (the rate is not sustained). */
  maxInFlight: number;
  documents: {
    login: string;
    addToCart: string;
    cart: string;
    removeLines: string;
    submitOrder: string;
    payOrder: string;
  };
}

export interface KindStats {
  count: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

export interface SustainedResult {
  durationSec: number;
  elapsedSec: number;
  /** Arrivals scheduled per stream, and the configured rates (per second). */
  arrivals: Record<string, number>;
  rates: Record<string, number>;
  /** Per minute of the run: statistics per kind (single requests, flow steps, whole flows). */
  minutes: Record<string, KindStats>[];
  total: Record<string, KindStats>;
  checkouts: number;
  errors: number;
  errorsByReason: Record<string, number>;
  errorSamples: string[];
  maxInFlight: number;
  /** Requests still open when the driver gave up waiting at the end. */
  unfinished: number;
  /** Scheduler wake-ups that found the next arrival already due (the driver itself was late). */
  lateTicks: number;
}

/** The shipping address and card expiry year the checkout drivers (checkout.ts, sustained.ts) use. */
export const ADDRESS = {
  recipientName: 'Bench Shopper',
  phone: '+886 912 345 678',
  countryCode: 'tw',
  city: 'Taipei',
  postalCode: '106',
  line1: 'No. 1, Section 4, Roosevelt Rd',
  line2: '',
};
export const EXPIRY_YEAR = new Date().getUTCFullYear() + 3;

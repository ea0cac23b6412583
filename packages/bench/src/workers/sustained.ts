/**
 * Sustained-load driver (issue 9 §4): an OPEN-LOOP mix of traffic — every stream has a fixed
 * arrival rate and a request is started at its scheduled instant whether or not earlier ones have
 * answered (a slow server does not slow the load down, as real shoppers do not wait for each
 * other). Latency is measured from the scheduled instant, so time spent queued behind a slow
 * answer counts (no coordinated omission).
 *
 * Streams: single requests (catalog, detail, search, My Orders, admin lists: bodies picked at
 * random) and flows run by a pool of signed-in shoppers — a cart visit (addToCart → cart → remove
 * the line) and a checkout (addToCart → submitOrder → card token at the acquirer → payOrder); an
 * arrival that finds every shopper busy waits for one (the wait counts in its latency).
 * EVERY answer is parsed: an HTTP status other than 200, GraphQL `errors`, a missing `data`, a
 * userError or a payment that did not succeed is an error (nothing is expected to be refused in
 * this mix). An arrival that finds more than `maxInFlight` requests open is an error too
 * ("overloaded"): the rate was not sustained.
 * Config as JSON on stdin; the result as one JSON line on stdout.
 */
import { randomUUID } from 'node:crypto';
import {
  ADDRESS,
  EXPIRY_YEAR,
  percentile,
  readStdinJson,
  type SustainedConfig,
  type SustainedResult,
} from './protocol.js';

const config = await readStdinJson<SustainedConfig>();
const TIMEOUT_MS = 15_000;

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below
type Answer = { data?: any; errors?: unknown[] };

class Failure extends Error {}

// ---------------------------------------------------------------- recording, per minute and kind
interface Bucket {
  latencies: number[];
  errors: number;
}
const minutes: Map<string, Bucket>[] = [];
const errorSamples: string[] = [];
const errorsByReason: Record<string, number> = {};
let started = 0;

function bucket(kind: string, at: number): Bucket {
  const minute = Math.max(0, Math.floor((at - started) / 60_000));
  minutes[minute] ??= new Map();
  let b = minutes[minute]!.get(kind);
  if (!b) {
    b = { latencies: [], errors: 0 };
    minutes[minute]!.set(kind, b);
  }
  return b;
}

function recordError(kind: string, at: number, reason: string, detail: string) {
  bucket(kind, at).errors++;
  errorsByReason[reason] = (errorsByReason[reason] ?? 0) + 1;
  if (errorSamples.length < 10) errorSamples.push(`${kind}: ${detail}`.slice(0, 600));
}

// ---------------------------------------------------------------- HTTP
async function gql(body: string, cookie?: string): Promise<{ body: Answer; setCookies: string[] }> {
  const res = await fetch(`${config.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Failure(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  let parsed: Answer;
  try {
    parsed = JSON.parse(text) as Answer;
  } catch {
    throw new Failure(`not JSON: ${text.slice(0, 300)}`);
  }
  if (parsed.errors) throw new Failure(`GraphQL errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`);
  if (parsed.data == null) throw new Failure(`no data: ${text.slice(0, 300)}`);
  return { body: parsed, setCookies: res.headers.getSetCookie() };
}

const op = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** A mutation payload: present, without userErrors (none is expected in this mix). */
function payload(answer: Answer, field: string) {
  const p = answer.data?.[field];
  if (!p) throw new Failure(`${field}: no payload`);
  if (p.userErrors?.length) throw new Failure(`${field} userErrors: ${JSON.stringify(p.userErrors)}`);
  return p;
}

/**
 * Times one step from `from` (the scheduled arrival for a single request; for a flow step, when
 * it was sent — a whole flow is timed from its arrival, the wait for a shopper included); counted
 * in the minute of the arrival `at`.
 */
async function step<T>(kind: string, at: number, from: number, run: () => Promise<T>): Promise<T> {
  try {
    const out = await run();
    bucket(kind, at).latencies.push(performance.now() - from);
    return out;
  } catch (error) {
    const e = error as Error;
    const reason = e instanceof Failure ? 'answer' : e.name === 'TimeoutError' ? 'timeout' : 'transport';
    recordError(kind, at, reason, e.message ?? String(e));
    throw new Failure('recorded');
  }
}

async function cardToken(): Promise<string> {
  const res = await fetch(`${config.sandboxUrl}/card/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.cardPublishableKey}` },
    body: JSON.stringify({ number: config.cardNumber, exp_month: 12, exp_year: EXPIRY_YEAR, cvc: '737' }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id)
    throw new Failure(`card token: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

// ---------------------------------------------------------------- flows of signed-in shoppers
type Shopper = SustainedConfig['shoppers'][number] & { cookie: string };
const d = config.documents;

async function signIn(s: SustainedConfig['shoppers'][number]): Promise<Shopper> {
  const login = await gql(op(d.login, { input: { email: s.email, password: s.password } }));
  payload(login.body, 'login');
  return { ...s, cookie: login.setCookies.map((h) => h.split(';')[0]).join('; ') };
}

async function cartVisit(s: Shopper, at: number) {
  await step('addToCart', at, performance.now(), () =>
    gql(op(d.addToCart, { input: { variantId: s.variantId, quantity: 1 } }), s.cookie).then((a) =>
      payload(a.body, 'addToCart'),
    ),
  );
  const cart = await step('cart', at, performance.now(), () =>
    gql(op(d.cart, { token: null, locale: 'EN' }), s.cookie),
  );
  const lineIds = ((cart.body.data?.cart?.lines ?? []) as { id: string }[]).map((l) => l.id);
  if (lineIds.length === 0) {
    recordError('cart', at, 'answer', 'cart without the line just added');
    return;
  }
  await step('removeCartLines', at, performance.now(), () =>
    gql(op(d.removeLines, { input: { lineIds }, locale: 'EN' }), s.cookie).then((a) =>
      payload(a.body, 'removeCartLines'),
    ),
  );
  bucket('cart visit', at).latencies.push(performance.now() - at);
}

let checkouts = 0;
async function checkoutFlow(s: Shopper, at: number) {
  await step('addToCart', at, performance.now(), () =>
    gql(op(d.addToCart, { input: { variantId: s.variantId, quantity: 1 } }), s.cookie).then((a) =>
      payload(a.body, 'addToCart'),
    ),
  );
  const submitted = await step('submitOrder', at, performance.now(), () =>
    gql(
      op(d.submitOrder, {
        input: { paymentMethod: 'UNIONPAY_CARD', idempotencyKey: randomUUID(), shippingAddress: ADDRESS },
      }),
      s.cookie,
    ).then((a) => payload(a.body, 'submitOrder')),
  );
  const checkoutId = submitted.checkout?.id as string | undefined;
  if (!checkoutId) {
    recordError('submitOrder', at, 'answer', `no checkout: ${JSON.stringify(submitted).slice(0, 300)}`);
    return;
  }
  const token = await step('cardToken', at, performance.now(), cardToken);
  const paid = await step('payOrder', at, performance.now(), () =>
    gql(
      op(d.payOrder, {
        input: { checkoutId, method: 'UNIONPAY_CARD', cardToken: token, idempotencyKey: randomUUID() },
      }),
      s.cookie,
    ).then((a) => payload(a.body, 'payOrder')),
  );
  if (paid.payment?.status !== 'SUCCEEDED') {
    recordError('payOrder', at, 'answer', `payment not SUCCEEDED: ${JSON.stringify(paid).slice(0, 300)}`);
    return;
  }
  bucket('checkout flow', at).latencies.push(performance.now() - at);
  checkouts++;
}

// ---------------------------------------------------------------- the open-loop schedule
interface Stream {
  kind: string;
  rate: number;
  next: number;
  fire: (at: number) => Promise<void>;
  arrivals: number;
}

let inFlight = 0;
let maxInFlight = 0;
const pending = new Set<Promise<void>>();

function launch(stream: Stream, at: number) {
  stream.arrivals++;
  if (inFlight >= config.maxInFlight) {
    recordError(stream.kind, at, 'overloaded', `more than ${config.maxInFlight} requests open`);
    return;
  }
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  const p = stream
    .fire(at)
    .catch((error: Error) => {
      if (!(error instanceof Failure)) recordError(stream.kind, at, 'driver', String(error?.stack ?? error));
    })
    .finally(() => {
      inFlight--;
      pending.delete(p);
    });
  pending.add(p);
}

/**
 * Flows borrow a signed-in shopper (one cart each). An arrival that finds them all busy waits for
 * the next free one, first come first served: the wait counts in the flow's latency (measured from
 * the arrival), as the wait of a real shopper would — the arrival is never dropped or delayed.
 */
function pool(shoppers: Shopper[], run: (s: Shopper, at: number) => Promise<void>) {
  const free = [...shoppers];
  const waiting: ((s: Shopper) => void)[] = [];
  return async (at: number) => {
    const s = free.shift() ?? (await new Promise<Shopper>((resolve) => waiting.push(resolve)));
    try {
      await run(s, at);
    } finally {
      const next = waiting.shift();
      if (next) next(s);
      else free.push(s);
    }
  };
}

let pick = 0;
const randomOf = <T>(items: T[]): T => {
  pick = (pick * 1103515245 + 12345 + Math.floor(Math.random() * 7)) % 2147483648;
  return items[pick % items.length]!;
};

// Signed in before the clock starts (argon2 is deliberately slow), two at a time: each hash takes
// a large block of memory, and 40 at once would inflate the API's RSS before it is measured.
const shoppers: Shopper[] = [];
for (let i = 0; i < config.shoppers.length; i += 2) {
  shoppers.push(...(await Promise.all(config.shoppers.slice(i, i + 2).map(signIn))));
}
const checkoutShoppers = shoppers.filter((s) => s.role === 'checkout');
const cartShoppers = shoppers.filter((s) => s.role === 'cart');

const streams: Stream[] = [
  ...config.requests.map(
    (r): Stream => ({
      kind: r.kind,
      rate: r.rate,
      next: 0,
      arrivals: 0,
      fire: (at) =>
        step(r.kind, at, at, async () => {
          await gql(randomOf(r.bodies), r.cookie);
        }),
    }),
  ),
  {
    kind: 'cart visit',
    rate: config.cartVisitsPerSec,
    next: 0,
    arrivals: 0,
    fire: pool(cartShoppers, cartVisit),
  },
  {
    kind: 'checkout flow',
    rate: config.checkoutsPerSec,
    next: 0,
    arrivals: 0,
    fire: pool(checkoutShoppers, checkoutFlow),
  },
].filter((s) => s.rate > 0);

started = performance.now();
const deadline = started + config.durationSec * 1000;
// Evenly spaced arrivals, each stream with its own phase so they do not all fire together.
streams.forEach((s, i) => {
  s.next = started + ((i + 1) / (streams.length + 1)) * (1000 / s.rate);
});
let lateTicks = 0;
while (true) {
  const now = performance.now();
  if (now >= deadline) break;
  for (const s of streams) {
    // A timer that fired late launches every arrival it missed, at their scheduled instants.
    while (s.next <= now && s.next < deadline) {
      launch(s, s.next);
      s.next += 1000 / s.rate;
    }
  }
  const wake = Math.min(...streams.map((s) => s.next), deadline);
  const wait = Math.max(0, wake - performance.now());
  if (wait === 0) lateTicks++;
  await new Promise((r) => setTimeout(r, wait));
}
const drainedBy = performance.now() + TIMEOUT_MS + 5_000;
while (pending.size > 0 && performance.now() < drainedBy) await Promise.race([...pending]);
const elapsed = (performance.now() - started) / 1000;

const kinds = [...new Set(minutes.flatMap((m) => [...(m?.keys() ?? [])]))];
const stats = (b: Bucket | undefined) => {
  const sorted = [...(b?.latencies ?? [])].sort((x, y) => x - y);
  return {
    count: sorted.length,
    errors: b?.errors ?? 0,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
  };
};
const out: SustainedResult = {
  durationSec: config.durationSec,
  elapsedSec: elapsed,
  arrivals: Object.fromEntries(streams.map((s) => [s.kind, s.arrivals])),
  rates: Object.fromEntries(streams.map((s) => [s.kind, s.rate])),
  minutes: Array.from({ length: minutes.length }, (_, i) =>
    Object.fromEntries(kinds.map((k) => [k, stats(minutes[i]?.get(k))])),
  ),
  total: Object.fromEntries(
    kinds.map((k) => {
      const merged: Bucket = { latencies: [], errors: 0 };
      for (const m of minutes) {
        const b = m?.get(k);
        if (!b) continue;
        for (const l of b.latencies) merged.latencies.push(l);
        merged.errors += b.errors;
      }
      return [k, stats(merged)];
    }),
  ),
  checkouts,
  errors: Object.values(errorsByReason).reduce((a, b) => a + b, 0),
  errorsByReason,
  errorSamples,
  maxInFlight,
  unfinished: pending.size,
  lateTicks,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);

/**
 * Checkout load: virtual shoppers (signed in once, session cookie kept) each loop
 * addToCart → submitOrder → card token at the acquirer → payOrder for a fixed duration, with the
 * storefront's own mutation documents. Expected refusals (OUT_OF_STOCK, …) are counted per code, not
 * as errors; an answer with GraphQL `errors`, an HTTP failure or a payment that did not succeed is
 * an error. Config as JSON on stdin; the result as one JSON line on stdout.
 */
import { randomUUID } from 'node:crypto';
import {
  ADDRESS,
  type CheckoutConfig,
  type CheckoutResult,
  EXPIRY_YEAR,
  readStdinJson,
  stepStats,
} from './protocol.js';

const config = await readStdinJson<CheckoutConfig>();

const timings: Record<string, number[]> = {
  addToCart: [],
  submitOrder: [],
  cardToken: [],
  payOrder: [],
  flow: [],
};
const userErrors: Record<string, number> = {};
const errorSamples: string[] = [];
let errors = 0;
let flows = 0;

function fail(message: string) {
  errors++;
  if (errorSamples.length < 5) errorSamples.push(message.slice(0, 600));
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below
type Answer = { data?: any; errors?: unknown[] };

async function gql(
  cookie: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ body: Answer; setCookies: string[] }> {
  const res = await fetch(`${config.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as Answer;
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return { body, setCookies: res.headers.getSetCookie() };
}

async function timed<T>(step: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await run();
  timings[step]!.push(performance.now() - t0);
  return out;
}

function refused(step: string, list: { code: string }[] | undefined): boolean {
  if (!list?.length) return false;
  for (const e of list) {
    const key = `${step}:${e.code}`;
    userErrors[key] = (userErrors[key] ?? 0) + 1;
  }
  return true;
}

async function cardToken(): Promise<string> {
  const res = await fetch(`${config.sandboxUrl}/card/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.cardPublishableKey}` },
    body: JSON.stringify({ number: config.cardNumber, exp_month: 12, exp_year: EXPIRY_YEAR, cvc: '737' }),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id)
    throw new Error(`card token: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

async function signIn(s: CheckoutConfig['shoppers'][number]): Promise<string> {
  const login = await gql('', config.documents.login, { input: { email: s.email, password: s.password } });
  if (login.body.data?.login?.userErrors?.length) {
    throw new Error(`login ${s.email}: ${JSON.stringify(login.body.data.login.userErrors)}`);
  }
  return login.setCookies.map((h) => h.split(';')[0]).join('; ');
}

async function shopper(s: CheckoutConfig['shoppers'][number], cookie: string, deadline: number) {
  const { documents: d } = config;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    try {
      const added = await timed('addToCart', () =>
        gql(cookie, d.addToCart, { input: { variantId: s.variantId, quantity: config.quantity } }),
      );
      if (refused('addToCart', added.body.data?.addToCart?.userErrors)) {
        // Sold out: nothing to buy; do not spin on the API.
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const submitted = await timed('submitOrder', () =>
        gql(cookie, d.submitOrder, {
          input: { paymentMethod: 'UNIONPAY_CARD', idempotencyKey: randomUUID(), shippingAddress: ADDRESS },
        }),
      );
      const submitErrors = submitted.body.data?.submitOrder?.userErrors as {
        code: string;
        lineId?: string;
      }[];
      if (refused('submitOrder', submitErrors)) {
        // The refused line stays in the cart: take it out, as a shopper would, so the next round starts clean.
        const lineIds = submitErrors.map((e) => e.lineId).filter(Boolean);
        if (lineIds.length) await gql(cookie, d.removeLines, { input: { lineIds }, locale: 'EN' });
        continue;
      }
      const checkoutId = submitted.body.data?.submitOrder?.checkout?.id as string | undefined;
      if (!checkoutId) throw new Error(`submitOrder without checkout: ${JSON.stringify(submitted.body)}`);
      const token = await timed('cardToken', cardToken);
      const paid = await timed('payOrder', () =>
        gql(cookie, d.payOrder, {
          input: { checkoutId, method: 'UNIONPAY_CARD', cardToken: token, idempotencyKey: randomUUID() },
        }),
      );
      const payment = paid.body.data?.payOrder;
      if (refused('payOrder', payment?.userErrors)) continue;
      if (payment?.payment?.status !== 'SUCCEEDED') {
        fail(`payOrder: ${JSON.stringify(payment).slice(0, 400)}`);
        continue;
      }
      flows++;
      timings.flow!.push(performance.now() - t0);
    } catch (error) {
      fail(String((error as Error).message ?? error));
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

// Signed in once, before the clock starts (argon2 is deliberately slow).
const cookies = await Promise.all(config.shoppers.map(signIn));
const started = performance.now();
const deadline = started + config.durationSec * 1000;
await Promise.all(config.shoppers.map((s, i) => shopper(s, cookies[i]!, deadline)));
const elapsed = (performance.now() - started) / 1000;
const out: CheckoutResult = {
  durationSec: elapsed,
  flows,
  flowsPerSec: flows / elapsed,
  steps: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, stepStats(v)])),
  userErrors,
  errors,
  errorSamples,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);

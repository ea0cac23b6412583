import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../../gateway-sandbox/src/sandbox.js';
import { freePort, testConfig } from '../../../test/database.js';
import { test as base } from '../../../test/fixtures.js';
import { startTestApi, type TestApi } from '../../../test/harness.js';
import type { PaymentsConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import {
  ADDRESS,
  addToCart,
  CONTACT,
  type Gql,
  newShopper,
  submit,
  variant,
} from '../checkout/checkout.test-support.js';

/** Arrange-and-assert helpers of the payments tests: an API wired to a real gateway sandbox over HTTP. */

export const CARDS = {
  success: '6200000000000005',
  challenge: '6200000000000013',
  declined: '6200000000000021',
  insufficient: '6200000000000039',
  expired: '6200000000000047',
} as const;
export const CVC = '737';
export const FUTURE_YEAR = new Date().getUTCFullYear() + 3;
export const BUYER = { email: 'buyer@sandbox.paypal.example', password: 'sandbox-buyer-pass' };

/**
 * `sandbox`: the gateway sandbox (PayPal + card acquirer) on a free port, sending its webhooks to
 * the test API; `api`: the API configured against it (one per test file, like the base fixture).
 */
export const test = base
  .extend('apiPort', { scope: 'file' }, () => freePort())
  .extend('sandbox', { scope: 'file' }, async ({ apiPort }, { onCleanup }) => {
    const sandbox = await startSandbox({
      port: 0,
      host: '127.0.0.1',
      webhookUrl: `http://127.0.0.1:${apiPort}/webhooks/paypal`,
      webhooks: { baseDelayMs: 50, maxDelayMs: 500, maxAttempts: 6 },
    });
    onCleanup(() => sandbox.stop());
    return sandbox;
  })
  .extend('api', { scope: 'file' }, async ({ sandbox, apiPort }, { onCleanup }) => {
    const api = await startTestApi(inject('testDb'), { port: apiPort, payments: paymentsConfigFor(sandbox) });
    onCleanup(() => api.stop());
    return api;
  });

/** The API's payment settings for a running sandbox. */
export function paymentsConfigFor(sandbox: RunningSandbox, timeoutMs = 5000): PaymentsConfig {
  return {
    paypal: {
      apiUrl: sandbox.url,
      clientId: sandbox.credentials.paypalClientId,
      clientSecret: sandbox.credentials.paypalClientSecret,
      webhookId: sandbox.credentials.webhookIds[0]!,
    },
    card: {
      apiUrl: sandbox.url,
      secretKey: sandbox.credentials.cardSecretKey,
      publishableKey: sandbox.credentials.cardPublishableKey,
    },
    timeoutMs,
  };
}

/** What a background job gets, for running one directly in a test. */
export function jobDeps(api: TestApi, sandbox: RunningSandbox, timeoutMs = 5000) {
  return {
    orm: api.platform.orm,
    config: testConfig({ payments: paymentsConfigFor(sandbox, timeoutMs) }),
    logger: createLogger('silent'),
    em: api.platform.orm.em.fork(),
  };
}

/** Talks to the sandbox as PayPal's API directly (to play "PayPal did it but our commit was lost"). */
export async function paypalDirect(sandbox: RunningSandbox) {
  const basic = Buffer.from(
    `${sandbox.credentials.paypalClientId}:${sandbox.credentials.paypalClientSecret}`,
  ).toString('base64');
  const auth = await fetch(`${sandbox.url}/v1/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = (await auth.json()) as { access_token: string };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Gql };
  };
  return {
    capture: (orderId: string) => call('POST', `/v2/checkout/orders/${orderId}/capture`, {}),
    refund: (captureId: string, body: unknown) =>
      call('POST', `/v2/payments/captures/${captureId}/refund`, body),
  };
}

export async function sandboxControl(sandbox: RunningSandbox, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}/sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status}`);
  return res.json() as Promise<Gql>;
}

export { describe, expect } from 'vitest';
export type { Gql };

export const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);
export const newKey = () => `pay-${randomUUID()}`;

const MONEY = 'minorUnits currencyCode';
export const PAYMENT_FIELDS = `id reference method status amount { ${MONEY} } refundedAmount { ${MONEY} }
  card { brand last4 masked expMonth expYear } payerEmail failureReason succeededAt
  nextAction { __typename ... on RedirectAction { url } ... on CodeChallengeAction { paymentId challengeId phoneHint } }`;
const PAYLOAD = `payment { ${PAYMENT_FIELDS} } checkout { id } orderKeys { orderId orderNumber key }
  nextAction { __typename ... on RedirectAction { url } ... on CodeChallengeAction { paymentId challengeId phoneHint } }
  userErrors { code field message }`;

export const PAY = `mutation Pay($input: PayOrderInput!) { payOrder(input: $input) { ${PAYLOAD} } }`;
export const COMPLETE = `mutation Complete($input: CompletePayPalPaymentInput!) { completePayPalPayment(input: $input) { ${PAYLOAD} } }`;
export const CANCEL_PAYPAL = `mutation CancelPP($input: CancelPayPalPaymentInput!) { cancelPayPalPayment(input: $input) { ${PAYLOAD} } }`;
export const CONFIRM = `mutation Confirm($input: ConfirmCardPaymentInput!) { confirmCardPayment(input: $input) { ${PAYLOAD} } }`;

/** A fresh shopper with a submitted checkout: goods of two merchants, or one consulting service. */
export async function checkoutWith(
  api: TestApi,
  kind: 'goods' | 'service' | 'mixed' = 'goods',
  locale: 'en' | 'zh-TW' = 'en',
) {
  const shopper = await newShopper(api, locale);
  const coffee = await variant(api, 'CAF-ETH-500', { price: 3200, stock: 50 });
  const mug = await variant(api, 'HOM-MUG-CHR', { price: 1800, stock: 50 });
  const consult = await variant(api, 'SVC-EXP-60', { price: 11000 });
  if (kind !== 'service') {
    await addToCart(api, shopper.token, coffee, 1);
    await addToCart(api, shopper.token, mug, 2);
  }
  if (kind !== 'goods') await addToCart(api, shopper.token, consult, 1);
  const extra: Record<string, unknown> =
    kind === 'service' ? { shippingAddress: null } : { shippingAddress: ADDRESS };
  if (kind !== 'goods') extra.serviceContact = CONTACT;
  const result = await submit(api, shopper.token, extra);
  if (result.userErrors.length) throw new Error(JSON.stringify(result.userErrors));
  const checkout = result.checkout as Gql;
  const total = (checkout.orders as Gql[]).reduce((s, o) => s + o.total.minorUnits, 0);
  return {
    ...shopper,
    checkout,
    checkoutId: checkout.id as string,
    orders: checkout.orders as Gql[],
    total,
    coffee,
    mug,
    consult,
  };
}

export async function pay(api: TestApi, token: string, input: Record<string, unknown>) {
  const res = await api.gql(PAY, { input: { idempotencyKey: newKey(), ...input } }, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.payOrder as Gql;
}

/** A single-use card token from the acquirer, as the hosted card field gets it. */
export async function cardToken(sandbox: RunningSandbox, number: string): Promise<string> {
  const res = await fetch(`${sandbox.url}/card/v1/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${sandbox.credentials.cardPublishableKey}`,
    },
    body: JSON.stringify({ number, exp_month: 12, exp_year: FUTURE_YEAR, cvc: CVC }),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`tokenize: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** The shopper on PayPal's approval page: sign in as the sandbox buyer, approve (or cancel); follows to the return URL. */
export async function approveAtPayPal(
  approvalUrl: string,
  action: 'approve' | 'cancel' = 'approve',
): Promise<URL> {
  const url = new URL(approvalUrl);
  const token = url.searchParams.get('token')!;
  if (action === 'cancel') {
    const res = await fetch(`${url.origin}/checkoutnow/cancel?token=${encodeURIComponent(token)}`, {
      redirect: 'manual',
    });
    if (res.status !== 303) throw new Error(`cancel: ${res.status}`);
    return new URL(res.headers.get('location')!);
  }
  const page = await fetch(approvalUrl);
  if (page.status !== 200) throw new Error(`approval page: ${page.status}`);
  const login = await fetch(`${url.origin}/checkoutnow/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, email: BUYER.email, password: BUYER.password }).toString(),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (login.status !== 303 || !cookie) throw new Error(`login: ${login.status}`);
  const review = await (
    await fetch(`${url.origin}/checkoutnow?token=${token}`, { headers: { cookie } })
  ).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(review)?.[1];
  if (!csrf) throw new Error('no csrf on the review page');
  const approve = await fetch(`${url.origin}/checkoutnow/approve`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ token, csrf }).toString(),
  });
  if (approve.status !== 303) throw new Error(`approve: ${approve.status}`);
  return new URL(approve.headers.get('location')!);
}

/** The newest SMS code the sandbox "sent" for a charge. */
export async function smsCode(sandbox: RunningSandbox, chargeId?: string): Promise<string> {
  const res = await fetch(`${sandbox.url}/sandbox/sms.json${chargeId ? `?charge_id=${chargeId}` : ''}`);
  const body = (await res.json()) as { messages: { code: string }[] };
  if (!body.messages[0]) throw new Error('no SMS');
  return body.messages[0].code;
}

export async function orderStatuses(api: TestApi, checkoutId: string): Promise<string[]> {
  const rows = await api.sql('select status from customer_order where checkout_id = $1 order by id', [
    dbId(checkoutId),
  ]);
  return rows.map((r) => r.status);
}

/** Emails in the development mailbox (the outbox table) of one recipient. */
export async function mailbox(api: TestApi, to: string) {
  return api.sql<{ template: string; subject: string; text: string; locale: string }>(
    'select template, subject, text, locale from email_message where "to" = $1 order by id',
    [to],
  );
}

export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  tries = 100,
): Promise<T> {
  let value = await read();
  for (let i = 0; i < tries && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type RunningSandbox, type SandboxOptions, startSandbox } from '../src/sandbox.js';

export interface TestSandbox extends RunningSandbox {
  /** Every log line the sandbox wrote (raw JSON text). */
  logs: string[];
}

/** A sandbox on a free loopback port, logging into memory. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const logs: string[] = [];
  const logger = createLogger('trace', { write: (line: string) => void logs.push(line) });
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', logger, ...options });
  return Object.assign(sandbox, { logs });
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies in tests are free-form JSON
export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

async function toResult(res: Response): Promise<HttpResult> {
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: res.status, body, headers: res.headers };
}

export async function http(
  url: string,
  init: { method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(url, {
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
    redirect: 'manual',
  });
  return toResult(res);
}

// ── PayPal ───────────────────────────────────────────────────────────────────────────────

export async function paypalToken(sb: RunningSandbox): Promise<string> {
  const { paypalClientId, paypalClientSecret } = sb.credentials;
  const res = await http(`${sb.url}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${paypalClientId}:${paypalClientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`token: ${res.status}`);
  return res.body.access_token;
}

export function paypalClient(sb: RunningSandbox, token: string) {
  const call = (method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
    http(`${sb.url}${path}`, {
      method,
      json,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    });
  return {
    call,
    createOrder: (overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      call('POST', '/v2/checkout/orders', orderBody(overrides), headers),
    getOrder: (id: string) => call('GET', `/v2/checkout/orders/${id}`),
    capture: (id: string, headers: Record<string, string> = {}) =>
      call('POST', `/v2/checkout/orders/${id}/capture`, {}, headers),
    refund: (captureId: string, json: unknown = {}, headers: Record<string, string> = {}) =>
      call('POST', `/v2/payments/captures/${captureId}/refund`, json, headers),
  };
}

export const RETURN_URL = 'http://localhost:5173/checkout/paypal/return';
export const CANCEL_URL = 'http://localhost:5173/checkout/paypal/cancel';

export function orderBody(
  overrides: { value?: string; currency?: string; invoiceId?: string; [k: string]: unknown } = {},
): Record<string, unknown> {
  const { value = '25.00', currency = 'USD', invoiceId, ...rest } = overrides;
  return {
    intent: 'CAPTURE',
    purchase_units: [
      {
        reference_id: 'checkout-1',
        custom_id: 'checkout-1',
        ...(invoiceId ? { invoice_id: invoiceId } : {}),
        amount: { currency_code: currency, value },
      },
    ],
    payment_source: {
      paypal: {
        experience_context: {
          return_url: RETURN_URL,
          cancel_url: CANCEL_URL,
          brand_name: 'Marketplace Demo',
          user_action: 'PAY_NOW',
        },
      },
    },
    ...rest,
  };
}

export const BUYER = { email: 'buyer@sandbox.paypal.example', password: 'sandbox-buyer-pass' };

function cookieFrom(res: HttpResult): string {
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('paypal_sandbox_session='));
  if (!setCookie) throw new Error('no session cookie');
  return setCookie.split(';')[0]!;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Signs in on the approval page with plain form posts; returns the session cookie. */
export async function signIn(
  sb: RunningSandbox,
  orderId: string,
  credentials = BUYER,
): Promise<HttpResult & { cookie?: string }> {
  const res = await http(`${sb.url}/checkoutnow/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ token: orderId, email: credentials.email, password: credentials.password }),
  });
  return res.status === 303 ? { ...res, cookie: cookieFrom(res) } : res;
}

/** Drives the approval page like a buyer (sign in, press Pay Now); returns where PayPal redirects. */
export async function approveOrder(sb: RunningSandbox, orderId: string): Promise<URL> {
  const login = await signIn(sb, orderId);
  if (login.status !== 303 || !login.cookie) throw new Error(`login: ${login.status}`);
  const review = await http(`${sb.url}/checkoutnow?token=${orderId}`, { headers: { cookie: login.cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(review.body as string)?.[1];
  if (!csrf) throw new Error('no csrf field on the review page');
  const approve = await http(`${sb.url}/checkoutnow/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: login.cookie },
    body: form({ token: orderId, csrf }),
  });
  if (approve.status !== 303) throw new Error(`approve: ${approve.status}`);
  return new URL(approve.headers.get('location')!);
}

/** Creates, approves and captures an order; returns the order and its first capture. */
export async function capturedOrder(
  sb: RunningSandbox,
  token: string,
  overrides: Record<string, unknown> = {},
) {
  const client = paypalClient(sb, token);
  const created = await client.createOrder(overrides);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  await approveOrder(sb, created.body.id);
  const captured = await client.capture(created.body.id);
  if (captured.status !== 201)
    throw new Error(`capture: ${captured.status} ${JSON.stringify(captured.body)}`);
  return { order: captured.body, capture: captured.body.purchase_units[0].payments.captures[0] };
}

// ── Card ─────────────────────────────────────────────────────────────────────────────────

export const FUTURE_YEAR = new Date().getUTCFullYear() + 3;

export async function cardToken(
  sb: RunningSandbox,
  number: string,
  card: { exp_month?: number; exp_year?: number; cvc?: string } = {},
): Promise<HttpResult> {
  return http(`${sb.url}/card/v1/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sb.credentials.cardPublishableKey}` },
    json: {
      number,
      exp_month: card.exp_month ?? 12,
      exp_year: card.exp_year ?? FUTURE_YEAR,
      cvc: card.cvc ?? '123',
    },
  });
}

export function cardClient(sb: RunningSandbox) {
  const call = (method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
    http(`${sb.url}/card/v1${path}`, {
      method,
      json,
      headers: { authorization: `Bearer ${sb.credentials.cardSecretKey}`, ...headers },
    });
  return {
    call,
    charge: (json: Record<string, unknown>, headers: Record<string, string> = {}) =>
      call(
        'POST',
        '/charges',
        { amount: 12_345, currency: 'USD', reference: 'checkout-1', ...json },
        headers,
      ),
    confirm: (id: string, code: string) => call('POST', `/charges/${id}/confirm`, { code }),
    refund: (id: string, json: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      call('POST', `/charges/${id}/refunds`, json, headers),
  };
}

/** Tokenizes a test card and charges it. */
export async function chargeCard(sb: RunningSandbox, number: string, json: Record<string, unknown> = {}) {
  const token = await cardToken(sb, number);
  if (token.status !== 201) throw new Error(`token: ${token.status} ${JSON.stringify(token.body)}`);
  return cardClient(sb).charge({ token: token.body.id, ...json });
}

export async function smsCodeFor(sb: RunningSandbox, chargeId: string): Promise<string> {
  const res = await http(`${sb.url}/sandbox/sms.json?charge_id=${chargeId}`);
  const code = res.body.messages[0]?.code;
  if (!code) throw new Error('no SMS for this charge');
  return code;
}

// ── A webhook listener on loopback ───────────────────────────────────────────────────────

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  // biome-ignore lint/suspicious/noExplicitAny: webhook bodies in tests are free-form JSON
  json: any;
  at: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Decides each answer (status code, or 'hang' to never answer). Default 200. */
  respond: (r: Received, index: number) => number | 'hang';
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const receiver = {} as Receiver;
  receiver.received = received;
  receiver.respond = () => 200;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const entry: Received = {
        headers: req.headers,
        raw,
        json: raw ? JSON.parse(raw) : undefined,
        at: Date.now(),
      };
      received.push(entry);
      const answer = receiver.respond(entry, received.length - 1);
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      res.statusCode = answer;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/paypal`;
  receiver.waitFor = async (count, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} webhook deliveries, got ${received.length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return received;
  };
  receiver.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

/** Asks the sandbox whether a delivery's signature is valid, as the platform's receiver does. */
export async function verifyDelivery(
  sb: RunningSandbox,
  token: string,
  delivery: { headers: IncomingHttpHeaders; raw: string },
  webhookId: string,
  overrides: Record<string, unknown> = {},
): Promise<HttpResult> {
  const h = delivery.headers;
  return http(`${sb.url}/v1/notifications/verify-webhook-signature`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    json: {
      auth_algo: h['paypal-auth-algo'],
      cert_url: h['paypal-cert-url'],
      transmission_id: h['paypal-transmission-id'],
      transmission_sig: h['paypal-transmission-sig'],
      transmission_time: h['paypal-transmission-time'],
      webhook_id: webhookId,
      webhook_event: JSON.parse(delivery.raw),
      ...overrides,
    },
  });
}

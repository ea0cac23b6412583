import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../gateway-sandbox/src/sandbox.js';
import { tokenFrom } from '../../src/modules/accounts/accounts.testing.js';
import {
  addToCart,
  ADDRESS,
  type Gql,
  submit,
  variant,
} from '../../src/modules/checkout/checkout.test-support.js';
import {
  approveAtPayPal,
  BUYER,
  CARDS,
  COMPLETE,
  cardToken,
  pay,
} from '../../src/modules/payments/payments.test-support.js';
import { freePort } from '../database.js';
import type { TestApi } from '../harness.js';
import { type ApiProcess, createTestDatabase, gqlAt, startApiProcess } from '../processes.js';

/**
 * No personal data, credentials, session or API tokens, card data, order keys, one-time links or webhook
 * secrets in the logs (issue 9 §5): a real API process at LOG_LEVEL=trace against the gateway sandbox
 * goes through a whole journey — register, verify the address, sign in (and fail once), cart, checkout
 * with an address, address book, a message to the store, the contact form, card payment, PayPal payment
 * with its webhooks, a consultation order and its order key, a merchant's webhook subscription and API
 * key, password reset, sign-out — then every line it wrote is searched for every secret the journey used.
 */

const SHOPPER = {
  email: `ada.zyxwv.${randomBytes(3).toString('hex')}@example.com`,
  password: 'correct horse battery staple 9',
  displayName: 'Ada Zyxwvuts Lovelace',
  phone: '+886912000777',
};
const WRONG_PASSWORD = 'a wrong guess that is secret 42';
const NEW_PASSWORD = 'brand new secret passphrase 7';
const SHIPPING = {
  ...ADDRESS,
  recipientName: 'Qwerton Recipientname',
  phone: '+886 912 000 778',
  line1: 'No. 77, Zyxwvut Secretlane Rd',
};
const CONTACT = {
  name: 'Contactperson Vutsrq',
  email: `contact.vutsrq.${randomBytes(3).toString('hex')}@example.com`,
  phone: '0912000779',
  notes: 'Confidential strategy notes ZQX',
};
const SAVED_ADDRESS_LINE = 'No. 12, Savedaddress Qwvbn St';
const MESSAGE_BODY = 'Please wrap it, my flat is 5F-Zxqv';
const CONTACT_FORM = {
  name: 'Formsender Plokij',
  email: `form.plokij.${randomBytes(3).toString('hex')}@example.com`,
  message: 'My neighbour Mrs Ujmyhn can sign for it.',
};
const MERCHANT_STAFF = 'staff@formosa-roasters.example.com';
const CONSULTANT_STAFF = 'staff@harbor-bridge-consulting.example.com';
const DEMO_PASSWORD = 'demo-pass-2026';

let sandbox: RunningSandbox;
let proc: ApiProcess;
let pool: pg.Pool;
let api: TestApi;
let receiver: ReturnType<typeof createServer>;
let received = 0;

beforeAll(async () => {
  const apiPort = await freePort();
  sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    webhookUrl: `http://127.0.0.1:${apiPort}/webhooks/paypal`,
    webhooks: { baseDelayMs: 50, maxDelayMs: 500, maxAttempts: 6 },
  });
  const db = inject('testDb');
  const { databaseUrl } = await createTestDatabase(db);
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  proc = await startApiProcess({
    databaseUrl,
    mediaDir: db.mediaDir,
    port: apiPort,
    env: {
      LOG_LEVEL: 'trace',
      PAYPAL_API_URL: sandbox.url,
      CARD_API_URL: sandbox.url,
      PAYPAL_CLIENT_ID: sandbox.credentials.paypalClientId,
      PAYPAL_CLIENT_SECRET: sandbox.credentials.paypalClientSecret,
      PAYPAL_WEBHOOK_ID: sandbox.credentials.webhookIds[0]!,
      CARD_SECRET_KEY: sandbox.credentials.cardSecretKey,
      CARD_PUBLISHABLE_KEY: sandbox.credentials.cardPublishableKey,
      WEBHOOK_RETRY_BASE_MS: '100',
    },
  });
  // The helpers of the payments tests drive the process through this (GraphQL over HTTP + direct SQL).
  api = {
    url: proc.url,
    platform: undefined as never,
    databaseUrl,
    logs: [],
    gql: (query, variables, opts) => gqlAt(proc.url, query, variables, opts),
    sql: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    stop: async () => undefined,
  };
  receiver = createServer((req, res) => {
    req.resume();
    received += 1;
    res.writeHead(200).end();
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
}, 120_000);

afterAll(async () => {
  await proc?.stop();
  await sandbox?.stop();
  await pool?.end();
  receiver?.close();
});

/** Waits (polling) until `read` gives something truthy. */
async function until<T>(what: string, read: () => Promise<T | undefined | null | false>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const emailText = (to: string, template: string) =>
  until(`${template} to ${to}`, async () => {
    const [row] = await api.sql<{ text: string }>(
      `select text from email_message where "to" = $1 and template = $2 and status = 'SENT' order by id desc limit 1`,
      [to, template],
    );
    return row?.text;
  });

async function ok(query: string, variables: Record<string, unknown>, token?: string | null): Promise<Gql> {
  const res = await api.gql<Gql>(query, variables, { token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

describe('logs after a full journey at LOG_LEVEL=trace', () => {
  test('hold no personal data, passwords, tokens, card data, order keys or secrets', async () => {
    const secrets: Record<string, string> = {
      'shopper email': SHOPPER.email,
      'shopper password': SHOPPER.password,
      'wrong password': WRONG_PASSWORD,
      'new password': NEW_PASSWORD,
      'display name': SHOPPER.displayName,
      'shopper phone': SHOPPER.phone,
      'recipient name': SHIPPING.recipientName,
      'address line': SHIPPING.line1,
      'address phone': SHIPPING.phone,
      'service contact name': CONTACT.name,
      'service contact email': CONTACT.email,
      'service contact notes': CONTACT.notes,
      'saved address line': SAVED_ADDRESS_LINE,
      'message to the store': MESSAGE_BODY,
      'contact form name': CONTACT_FORM.name,
      'contact form email': CONTACT_FORM.email,
      'contact form message': CONTACT_FORM.message,
      'card number': CARDS.success,
      'PayPal buyer email': BUYER.email,
      'PayPal buyer password': BUYER.password,
      'card gateway secret key': sandbox.credentials.cardSecretKey,
      'PayPal client secret': sandbox.credentials.paypalClientSecret,
      'demo password': DEMO_PASSWORD,
    };

    // Merchant side first, so the orders below produce webhook deliveries.
    const staff = (
      await ok(`mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`, {
        input: { email: MERCHANT_STAFF, password: DEMO_PASSWORD },
      })
    ).login.token as string;
    secrets['staff session token'] = staff;
    const sub = (
      await ok(
        `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret userErrors { code } } }`,
        {
          input: {
            url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
            events: ['ORDER_PAID'],
          },
        },
        staff,
      )
    ).createWebhookSubscription;
    expect(sub.userErrors).toEqual([]);
    secrets['webhook secret'] = sub.secret;
    const key = (
      await ok(
        `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code } } }`,
        { input: { name: 'ERP', scopes: ['ORDERS_READ'] } },
        staff,
      )
    ).createApiKey;
    expect(key.userErrors).toEqual([]);
    secrets['API key'] = key.secret;
    await ok('{ staffOrders(first: 1) { totalCount } }', {}, key.secret);

    // Register, verify the address, fail one sign-in, sign in.
    const registered = (
      await ok(
        `mutation ($input: RegisterInput!) { register(input: $input) { token userErrors { code message } } }`,
        { input: SHOPPER },
      )
    ).register;
    expect(registered.userErrors).toEqual([]);
    secrets['register session token'] = registered.token;
    const verifyToken = tokenFrom(await emailText(SHOPPER.email, 'accounts.verify-email'), '/verify-email');
    secrets['email verification token'] = verifyToken;
    expect(
      (await ok('mutation ($t: String!) { verifyEmail(token: $t) { emailVerified } }', { t: verifyToken }))
        .verifyEmail.emailVerified,
    ).toBe(true);
    const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
    expect(
      (await ok(LOGIN, { input: { email: SHOPPER.email, password: WRONG_PASSWORD } })).login.userErrors,
    ).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    const token = (await ok(LOGIN, { input: { email: SHOPPER.email, password: SHOPPER.password } })).login
      .token as string;
    secrets['login session token'] = token;

    // Goods, paid by card.
    const coffee = await variant(api, 'CAF-ETH-500', { price: 3200, stock: 50 });
    await addToCart(api, token, coffee, 1);
    const goods = await submit(api, token, { shippingAddress: SHIPPING, paymentMethod: 'UNIONPAY_CARD' });
    expect(goods.userErrors).toEqual([]);
    const cardTok = await cardToken(sandbox, CARDS.success);
    secrets['card token'] = cardTok;
    const paidByCard = await pay(api, token, {
      checkoutId: goods.checkout.id,
      method: 'UNIONPAY_CARD',
      cardToken: cardTok,
    });
    expect(paidByCard.payment.status).toBe('SUCCEEDED');

    // An address book entry, a message to the store about the order, the contact form.
    const saved = await ok(
      'mutation ($input: AddressInput!) { createAddress(input: $input) { userErrors { code field } } }',
      { input: { ...SHIPPING, line1: SAVED_ADDRESS_LINE } },
      token,
    );
    expect(saved.createAddress.userErrors).toEqual([]);
    const started = await ok(
      'mutation ($input: StartConversationInput!) { startConversation(input: $input) { userErrors { code } } }',
      {
        input: { to: 'MERCHANT', orderId: goods.checkout.orders[0].id, subject: 'Gift', body: MESSAGE_BODY },
      },
      token,
    );
    expect(started.startConversation.userErrors).toEqual([]);
    const contact = await ok(
      'mutation ($input: SubmitContactRequestInput!) { submitContactRequest(input: $input) { userErrors { code field } } }',
      { input: { topic: 'OTHER', ...CONTACT_FORM } },
    );
    expect(contact.submitContactRequest.userErrors).toEqual([]);

    // Goods, paid with PayPal (its webhooks reach /webhooks/paypal).
    await addToCart(api, token, coffee, 2);
    const second = await submit(api, token, { shippingAddress: SHIPPING });
    expect(second.userErrors).toEqual([]);
    const paypal = await pay(api, token, { checkoutId: second.checkout.id, method: 'PAYPAL' });
    const back = await approveAtPayPal(paypal.nextAction.url);
    const payerId = back.searchParams.get('PayerID')!;
    secrets['PayPal payer id'] = payerId;
    const done = (
      await ok(
        COMPLETE,
        { input: { checkoutId: second.checkout.id, token: back.searchParams.get('token'), payerId } },
        token,
      )
    ).completePayPalPayment;
    expect(done.payment.status).toBe('SUCCEEDED');

    // A consultation, its order key and the report page opened with it.
    const consult = await variant(api, 'SVC-EXP-60', { price: 11000 });
    await addToCart(api, token, consult, 1);
    const service = await submit(api, token, {
      shippingAddress: null,
      serviceContact: CONTACT,
      paymentMethod: 'UNIONPAY_CARD',
    });
    expect(service.userErrors).toEqual([]);
    const paidService = await pay(api, token, {
      checkoutId: service.checkout.id,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    const orderKey = paidService.orderKeys[0].key as string;
    secrets['order key'] = orderKey;
    const consultant = (await ok(LOGIN, { input: { email: CONSULTANT_STAFF, password: DEMO_PASSWORD } }))
      .login.token as string;
    secrets['consultant session token'] = consultant;
    const opened = await ok(
      'query ($n: String!, $k: String!) { consultationReport(orderNumber: $n, key: $k) { status } }',
      { n: service.checkout.orders[0].number, k: orderKey },
    );
    expect(opened.consultationReport.status).toBe('NOT_DELIVERED');

    // Password reset by email, then sign in with the new password and sign out.
    expect(
      (
        await ok('mutation ($e: String!) { requestPasswordReset(email: $e) { requested } }', {
          e: SHOPPER.email,
        })
      ).requestPasswordReset.requested,
    ).toBe(true);
    const resetToken = tokenFrom(
      await emailText(SHOPPER.email, 'accounts.reset-password'),
      '/reset-password',
    );
    secrets['password reset token'] = resetToken;
    expect(
      (
        await ok(
          'mutation ($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { passwordReset } }',
          { t: resetToken, p: NEW_PASSWORD },
        )
      ).resetPassword.passwordReset,
    ).toBe(true);
    const last = (await ok(LOGIN, { input: { email: SHOPPER.email, password: NEW_PASSWORD } })).login
      .token as string;
    secrets['session token after reset'] = last;
    expect((await ok('mutation { logout { loggedOut } }', {}, last)).logout.loggedOut).toBe(true);

    // Everything asynchronous has happened: PayPal's webhooks, order.paid deliveries, every email.
    await sandbox.webhooksIdle();
    await until('order.paid deliveries', async () => received >= 2);
    await until('every email sent', async () => {
      const [row] = await api.sql<{ n: number }>(
        `select count(*)::int as n from email_message where status <> 'SENT'`,
      );
      return row?.n === 0;
    });
    await proc.stop();

    const lines = proc.lines();
    // The log is not empty or quiet: requests, jobs, webhooks and debug output are all there.
    expect(lines.length).toBeGreaterThan(50);
    const logs = proc.logs();
    expect(logs.some((l) => l.level === 20)).toBe(true);
    expect(logs.some((l) => l.msg === 'request' && l.url === '/webhooks/paypal')).toBe(true);
    expect(logs.some((l) => l.msg === 'email delivered')).toBe(true);
    expect(logs.filter((l) => l.msg === 'request' && l.url === '/graphql').length).toBeGreaterThan(20);

    const leaks: string[] = [];
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret, what).toBeTruthy();
      const forms = new Set([
        secret,
        secret.toLowerCase(),
        encodeURIComponent(secret),
        JSON.stringify(secret).slice(1, -1),
      ]);
      for (const line of lines) {
        const lower = line.toLowerCase();
        if ([...forms].some((f) => line.includes(f) || lower.includes(f.toLowerCase()))) {
          leaks.push(`${what}: ${line.slice(0, 400)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 240_000);
});

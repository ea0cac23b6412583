import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  approveOrder,
  CANCEL_URL,
  http,
  orderBody,
  paypalClient,
  paypalToken,
  RETURN_URL,
  signIn,
  startTestSandbox,
  type TestSandbox,
} from './helpers.js';

let sb: TestSandbox;
let token: string;
let pp: ReturnType<typeof paypalClient>;

beforeAll(async () => {
  sb = await startTestSandbox({ latencyMs: 15 });
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.reset();
  token = await paypalToken(sb);
  pp = paypalClient(sb, token);
});

describe('OAuth 2.0 client credentials', () => {
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const tokenRequest = (authorization?: string, body = 'grant_type=client_credentials') =>
    http(`${sb.url}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(authorization ? { authorization } : {}),
      },
      body,
    });

  it('issues a bearer token for the right client id and secret', async () => {
    const res = await tokenRequest(basic('sandbox-client-id', 'sandbox-client-secret'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 32400 });
    expect(res.body.access_token).toMatch(/^A21AA[\w-]{40,}$/);
  });

  it('refuses wrong or missing credentials with invalid_client', async () => {
    for (const auth of [
      basic('sandbox-client-id', 'wrong'),
      basic('other', 'sandbox-client-secret'),
      undefined,
    ]) {
      const res = await tokenRequest(auth);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: 'invalid_client',
        error_description: 'Client Authentication failed',
      });
    }
  });

  it('needs grant_type=client_credentials', async () => {
    const res = await tokenRequest(basic('sandbox-client-id', 'sandbox-client-secret'), '');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('unsupported_grant_type');
  });

  it('guards every API endpoint with the bearer token, which expires', async () => {
    const id = (await pp.createOrder()).body.id;
    for (const auth of [undefined, 'Bearer nope', `Basic ${token}`]) {
      const res = await http(`${sb.url}/v2/checkout/orders/${id}`, {
        headers: auth ? { authorization: auth } : {},
      });
      expect(res.status).toBe(401);
      expect(res.body.name).toBe('AUTHENTICATION_FAILURE');
      expect(res.body.debug_id).toMatch(/^[0-9a-f]{13}$/);
    }
    expect((await pp.getOrder(id)).status).toBe(200);
    sb.advanceClock(32_400);
    expect((await pp.getOrder(id)).status).toBe(401);
  });
});

describe('create order', () => {
  it('answers 201 PAYER_ACTION_REQUIRED with self, payer-action and approve links', async () => {
    const res = await pp.createOrder({ value: '10' });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[A-Z0-9]{17}$/);
    expect(res.body).toMatchObject({
      intent: 'CAPTURE',
      status: 'PAYER_ACTION_REQUIRED',
      purchase_units: [
        {
          reference_id: 'checkout-1',
          custom_id: 'checkout-1',
          amount: { currency_code: 'USD', value: '10.00' },
        },
      ],
    });
    const links = Object.fromEntries(
      res.body.links.map((l: { rel: string; href: string }) => [l.rel, l.href]),
    );
    expect(links.self).toBe(`${sb.url}/v2/checkout/orders/${res.body.id}`);
    expect(links['payer-action']).toBe(`${sb.url}/checkoutnow?token=${res.body.id}`);
    expect(links.approve).toBe(links['payer-action']);
  });

  it('answers CREATED for the legacy application_context flow', async () => {
    const res = await pp.call('POST', '/v2/checkout/orders', {
      intent: 'CAPTURE',
      purchase_units: [{ amount: { currency_code: 'EUR', value: '5.50' } }],
      application_context: { return_url: RETURN_URL, cancel_url: CANCEL_URL },
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('CREATED');
    expect(res.body.purchase_units[0].reference_id).toBe('default');
  });

  it.each([
    [{ intent: undefined }, 400, 'MISSING_REQUIRED_PARAMETER', '/intent'],
    [{ intent: 'SALE' }, 400, 'INVALID_PARAMETER_VALUE', '/intent'],
    [{ purchase_units: [] }, 400, 'MISSING_REQUIRED_PARAMETER', '/purchase_units'],
    [
      { value: '12.345' },
      422,
      'DECIMAL_PRECISION',
      "/purchase_units/@reference_id=='checkout-1'/amount/value",
    ],
    [
      { value: '1,00' },
      400,
      'INVALID_PARAMETER_SYNTAX',
      "/purchase_units/@reference_id=='checkout-1'/amount/value",
    ],
    [
      { value: '0.00' },
      422,
      'CANNOT_BE_ZERO_OR_NEGATIVE',
      "/purchase_units/@reference_id=='checkout-1'/amount/value",
    ],
    [
      { value: '-3.00' },
      422,
      'CANNOT_BE_ZERO_OR_NEGATIVE',
      "/purchase_units/@reference_id=='checkout-1'/amount/value",
    ],
    [
      { value: '100.5', currency: 'JPY' },
      422,
      'DECIMALS_NOT_SUPPORTED',
      "/purchase_units/@reference_id=='checkout-1'/amount/value",
    ],
    [
      { currency: 'XYZ' },
      422,
      'CURRENCY_NOT_SUPPORTED',
      "/purchase_units/@reference_id=='checkout-1'/amount/currency_code",
    ],
    [
      { currency: 'usd' },
      400,
      'INVALID_PARAMETER_SYNTAX',
      "/purchase_units/@reference_id=='checkout-1'/amount/currency_code",
    ],
  ])('validates %j like PayPal (%i %s)', async (overrides, status, issue, field) => {
    const res = await pp.createOrder(overrides);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      name: status === 400 ? 'INVALID_REQUEST' : 'UNPROCESSABLE_ENTITY',
      message: expect.any(String),
      debug_id: expect.stringMatching(/^[0-9a-f]{13}$/),
      details: [{ issue, field, description: expect.any(String) }],
    });
    expect(res.headers.get('paypal-debug-id')).toBe(res.body.debug_id);
  });

  it('accepts whole amounts in currencies without decimals', async () => {
    const res = await pp.createOrder({ value: '1500', currency: 'TWD' });
    expect(res.status).toBe(201);
    expect(res.body.purchase_units[0].amount).toEqual({ currency_code: 'TWD', value: '1500' });
  });

  it('checks the breakdown and the items against the total', async () => {
    const unit = (amount: unknown, items?: unknown) => ({
      intent: 'CAPTURE',
      purchase_units: [{ amount, ...(items ? { items } : {}) }],
    });
    const usd = (value: string) => ({ currency_code: 'USD', value });
    const ok = await pp.call(
      'POST',
      '/v2/checkout/orders',
      unit(
        {
          ...usd('25.00'),
          breakdown: { item_total: usd('20.00'), shipping: usd('7.00'), discount: usd('2.00') },
        },
        [{ name: 'Mug', quantity: '2', unit_amount: usd('10.00') }],
      ),
    );
    expect(ok.status).toBe(201);
    const mismatch = await pp.call(
      'POST',
      '/v2/checkout/orders',
      unit({ ...usd('25.00'), breakdown: { item_total: usd('20.00') } }),
    );
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.details[0].issue).toBe('AMOUNT_MISMATCH');
    const items = await pp.call(
      'POST',
      '/v2/checkout/orders',
      unit({ ...usd('20.00'), breakdown: { item_total: usd('20.00') } }, [
        { name: 'Mug', quantity: '3', unit_amount: usd('10.00') },
      ]),
    );
    expect(items.status).toBe(422);
    expect(items.body.details[0].issue).toBe('ITEM_TOTAL_MISMATCH');
  });

  it('rejects malformed JSON with MALFORMED_REQUEST_JSON', async () => {
    const res = await http(`${sb.url}/v2/checkout/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"intent": "CAPTURE",',
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0].issue).toBe('MALFORMED_REQUEST_JSON');
  });

  it('requires unique reference ids when there are several purchase units, and captures each', async () => {
    const unit = (ref: string | undefined, value: string) => ({
      ...(ref ? { reference_id: ref } : {}),
      amount: { currency_code: 'USD', value },
    });
    const missing = await pp.createOrder({ purchase_units: [unit('a', '1.00'), unit(undefined, '2.00')] });
    expect(missing.body.details[0].issue).toBe('REFERENCE_ID_REQUIRED');
    const dup = await pp.createOrder({ purchase_units: [unit('a', '1.00'), unit('a', '2.00')] });
    expect(dup.body.details[0].issue).toBe('DUPLICATE_REFERENCE_ID');
    const ok = await pp.createOrder({
      purchase_units: [unit('merchant-1', '1.00'), unit('merchant-2', '2.00')],
    });
    expect(ok.status).toBe(201);
    await approveOrder(sb, ok.body.id);
    const captured = await pp.capture(ok.body.id);
    expect(captured.status).toBe(201);
    expect(
      captured.body.purchase_units.map(
        (u: { payments: { captures: { amount: { value: string } }[] } }) =>
          u.payments.captures[0]!.amount.value,
      ),
    ).toEqual(['1.00', '2.00']);
  });
});

describe('approval page and capture', () => {
  it('create → sign in → approve → return URL → capture → COMPLETED', async () => {
    const created = await pp.createOrder({ value: '42.50', invoiceId: 'INV-1' });
    const id = created.body.id;

    const page = await http(`${sb.url}/checkoutnow?token=${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body).toContain('Marketplace Demo');
    expect(page.body).toContain('$42.50 USD');
    for (const hook of ['name="email"', 'name="password"', 'id="login"', 'id="cancel"'])
      expect(page.body).toContain(hook);

    const wrong = await signIn(sb, id, { email: 'buyer@sandbox.paypal.example', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain(
      'role="alert" id="login-error">Some of your info isn&#39;t correct. Please try again.',
    );
    expect((await pp.getOrder(id)).body.status).toBe('PAYER_ACTION_REQUIRED');

    const back = await approveOrder(sb, id);
    expect(`${back.origin}${back.pathname}`).toBe(RETURN_URL);
    expect(back.searchParams.get('token')).toBe(id);
    const payerId = back.searchParams.get('PayerID');
    expect(payerId).toMatch(/^[A-Z0-9]{13}$/);

    const approved = await pp.getOrder(id);
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.payer).toMatchObject({
      email_address: 'buyer@sandbox.paypal.example',
      payer_id: payerId,
    });

    const captured = await pp.capture(id);
    expect(captured.status).toBe(201);
    expect(captured.body.status).toBe('COMPLETED');
    expect(captured.body.payer.payer_id).toBe(payerId);
    expect(captured.body.payment_source.paypal.email_address).toBe('buyer@sandbox.paypal.example');
    const capture = captured.body.purchase_units[0].payments.captures[0];
    expect(capture).toMatchObject({
      id: expect.stringMatching(/^[A-Z0-9]{17}$/),
      status: 'COMPLETED',
      amount: { currency_code: 'USD', value: '42.50' },
      final_capture: true,
      invoice_id: 'INV-1',
      custom_id: 'checkout-1',
      create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(capture.seller_receivable_breakdown.gross_amount.value).toBe('42.50');

    const fetched = await pp.call('GET', `/v2/payments/captures/${capture.id}`);
    expect(fetched.body).toMatchObject({ id: capture.id, status: 'COMPLETED' });
    expect(fetched.body.supplementary_data.related_ids.order_id).toBe(id);
    expect((await pp.getOrder(id)).body.status).toBe('COMPLETED');

    const done = await http(`${sb.url}/checkoutnow?token=${id}`);
    expect(done.body).toContain('already complete');
  });

  it('refuses to capture before approval (ORDER_NOT_APPROVED) and twice (ORDER_ALREADY_CAPTURED)', async () => {
    const id = (await pp.createOrder()).body.id;
    const early = await pp.capture(id);
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({
      name: 'UNPROCESSABLE_ENTITY',
      details: [{ issue: 'ORDER_NOT_APPROVED' }],
    });
    await approveOrder(sb, id);
    expect((await pp.capture(id)).status).toBe(201);
    const again = await pp.capture(id);
    expect(again.status).toBe(422);
    expect(again.body.details[0].issue).toBe('ORDER_ALREADY_CAPTURED');
    expect(sb.state().paypal.captures).toHaveLength(1);
  });

  it('answers 404 RESOURCE_NOT_FOUND for unknown orders and captures', async () => {
    for (const path of [
      '/v2/checkout/orders/NOPE',
      '/v2/payments/captures/NOPE',
      '/v2/payments/refunds/NOPE',
    ]) {
      const res = await pp.call('GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        name: 'RESOURCE_NOT_FOUND',
        details: [{ issue: 'INVALID_RESOURCE_ID' }],
      });
    }
    expect((await pp.capture('NOPE')).status).toBe(404);
  });

  it('"Cancel and return" goes to the cancel URL and leaves the order awaiting approval', async () => {
    const id = (await pp.createOrder()).body.id;
    const res = await http(`${sb.url}/checkoutnow/cancel?token=${id}`);
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CANCEL_URL);
    expect(location.searchParams.get('token')).toBe(id);
    expect((await pp.getOrder(id)).body.status).toBe('PAYER_ACTION_REQUIRED');
  });

  it('needs the session and its form token to approve', async () => {
    const id = (await pp.createOrder()).body.id;
    const noSession = await http(`${sb.url}/checkoutnow/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${id}&csrf=x`,
    });
    expect(noSession.status).toBe(303);
    expect(noSession.headers.get('location')).toBe(`/checkoutnow?token=${id}`);
    const login = await signIn(sb, id);
    const forged = await http(`${sb.url}/checkoutnow/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: login.cookie! },
      body: `token=${id}&csrf=forged`,
    });
    expect(forged.status).toBe(403);
    expect((await pp.getOrder(id)).body.status).toBe('PAYER_ACTION_REQUIRED');
  });

  it('shows the approval page in Traditional Chinese when the order asks for zh-TW', async () => {
    const body = orderBody();
    (
      body.payment_source as { paypal: { experience_context: Record<string, unknown> } }
    ).paypal.experience_context.locale = 'zh-TW';
    const id = (await pp.call('POST', '/v2/checkout/orders', body)).body.id;
    const page = await http(`${sb.url}/checkoutnow?token=${id}`);
    expect(page.body).toContain('lang="zh-TW"');
    expect(page.body).toContain('登入您的 PayPal 帳戶');
  });

  it('supports negative testing with PayPal-Mock-Response', async () => {
    const id = (await pp.createOrder()).body.id;
    await approveOrder(sb, id);
    const declined = await pp.capture(id, {
      'PayPal-Mock-Response': JSON.stringify({ mock_application_codes: 'INSTRUMENT_DECLINED' }),
    });
    expect(declined.status).toBe(422);
    expect(declined.body.details[0].issue).toBe('INSTRUMENT_DECLINED');
    expect((await pp.getOrder(id)).body.status).toBe('APPROVED');
    expect((await pp.capture(id)).status).toBe(201);
  });

  it('refuses a second capture of the same invoice_id (DUPLICATE_INVOICE_ID)', async () => {
    const first = (await pp.createOrder({ invoiceId: 'CHECKOUT-77' })).body.id;
    const second = (await pp.createOrder({ invoiceId: 'CHECKOUT-77' })).body.id;
    await approveOrder(sb, first);
    await approveOrder(sb, second);
    expect((await pp.capture(first)).status).toBe(201);
    const dup = await pp.capture(second);
    expect(dup.status).toBe(422);
    expect(dup.body.details[0].issue).toBe('DUPLICATE_INVOICE_ID');
  });
});

describe('expiry of unapproved orders', () => {
  it('forgets an unapproved order after the TTL (3 h): 404 on GET, ORDER_EXPIRED on capture', async () => {
    const id = (await pp.createOrder()).body.id;
    const approvedId = (await pp.createOrder()).body.id;
    await approveOrder(sb, approvedId);
    sb.advanceClock(3 * 3600 - 5);
    expect((await pp.getOrder(id)).status).toBe(200);
    sb.advanceClock(10);
    token = await paypalToken(sb);
    pp = paypalClient(sb, token);
    const get = await pp.getOrder(id);
    expect(get.status).toBe(404);
    expect(get.body.name).toBe('RESOURCE_NOT_FOUND');
    const capture = await pp.capture(id);
    expect(capture.status).toBe(422);
    expect(capture.body.details[0].issue).toBe('ORDER_EXPIRED');
    const page = await http(`${sb.url}/checkoutnow?token=${id}`);
    expect(page.status).toBe(410);
    expect(page.body).toContain('expired');
    expect(sb.state().paypal.orders.find((o) => o.id === id)?.status).toBe('EXPIRED');
    // An order approved in time can still be captured.
    expect((await pp.capture(approvedId)).status).toBe(201);
  });

  it('honours a configured TTL', async () => {
    const short = await startTestSandbox({ paypal: { orderTtlSeconds: 60 } });
    try {
      const t = await paypalToken(short);
      const client = paypalClient(short, t);
      const id = (await client.createOrder()).body.id;
      short.advanceClock(61);
      expect((await client.getOrder(id)).status).toBe(404);
    } finally {
      await short.stop();
    }
  });
});

describe('PayPal-Request-Id idempotency', () => {
  it('create: the same id returns the same order (200 on replay), a new id a new order', async () => {
    const headers = { 'PayPal-Request-Id': 'create-abc' };
    const first = await pp.createOrder({}, headers);
    const replay = await pp.createOrder({}, headers);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    const other = await pp.createOrder({}, { 'PayPal-Request-Id': 'create-def' });
    expect(other.body.id).not.toBe(first.body.id);
    expect(sb.state().paypal.orders).toHaveLength(2);
  });

  it('create: concurrent requests with one id make one order', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => pp.createOrder({}, { 'PayPal-Request-Id': 'create-race' })),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(sb.state().paypal.orders).toHaveLength(1);
  });

  it('capture: 10 concurrent identical captures → one capture, every answer the same COMPLETED order', async () => {
    const id = (await pp.createOrder()).body.id;
    await approveOrder(sb, id);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => pp.capture(id, { 'PayPal-Request-Id': `capture-${id}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const captureIds = new Set(results.map((r) => r.body.purchase_units[0].payments.captures[0].id));
    expect(captureIds.size).toBe(1);
    expect(sb.state().paypal.captures).toHaveLength(1);
    // Later, with the same id: the original result, not ORDER_ALREADY_CAPTURED.
    const later = await pp.capture(id, { 'PayPal-Request-Id': `capture-${id}` });
    expect(later.status).toBe(200);
    expect(later.body.status).toBe('COMPLETED');
  });

  it('capture: 10 concurrent captures without an id → one succeeds, the rest ORDER_ALREADY_CAPTURED', async () => {
    const id = (await pp.createOrder()).body.id;
    await approveOrder(sb, id);
    const results = await Promise.all(Array.from({ length: 10 }, () => pp.capture(id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422).map((r) => r.body.details[0].issue)).toEqual(
      Array(9).fill('ORDER_ALREADY_CAPTURED'),
    );
    expect(sb.state().paypal.captures).toHaveLength(1);
  });

  it('capture: a refused attempt is not remembered, so the same id works once approved', async () => {
    const id = (await pp.createOrder()).body.id;
    const headers = { 'PayPal-Request-Id': 'capture-retry' };
    expect((await pp.capture(id, headers)).status).toBe(422);
    await approveOrder(sb, id);
    expect((await pp.capture(id, headers)).status).toBe(201);
  });
});

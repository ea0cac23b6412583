import { afterEach, describe, expect, it } from 'vitest';
import { crc32, type SandboxOptions, signatureBase } from '../src/sandbox.js';
import {
  approveOrder,
  capturedOrder,
  http,
  paypalClient,
  paypalToken,
  type Receiver,
  startReceiver,
  startTestSandbox,
  type TestSandbox,
  verifyDelivery,
} from './helpers.js';

const WEBHOOK_ID = 'WH-TEST-0001';
let sb: TestSandbox | undefined;
let receiver: Receiver | undefined;

async function setup(options: SandboxOptions = {}) {
  receiver = await startReceiver();
  sb = await startTestSandbox({
    webhookUrl: receiver.url,
    webhookId: WEBHOOK_ID,
    webhookSecret: 'test-webhook-secret-0123456789',
    ...options,
    webhooks: { baseDelayMs: 25, maxDelayMs: 1000, timeoutMs: 1000, ...options.webhooks },
  });
  const token = await paypalToken(sb);
  return { sb, receiver, token, pp: paypalClient(sb, token) };
}

afterEach(async () => {
  await sb?.stop();
  await receiver?.close();
  sb = undefined;
  receiver = undefined;
});

describe('webhook events', () => {
  it('delivers APPROVED, CAPTURE.COMPLETED and CAPTURE.REFUNDED, signed and verifiable', async () => {
    const { sb, receiver, token, pp } = await setup();
    const { order, capture } = await capturedOrder(sb, token, { value: '30.00' });
    await pp.refund(capture.id, { amount: { currency_code: 'USD', value: '5.00' } });
    await receiver.waitFor(3);
    await sb.webhooksIdle();

    expect(receiver.received.map((r) => r.json.event_type)).toEqual([
      'CHECKOUT.ORDER.APPROVED',
      'PAYMENT.CAPTURE.COMPLETED',
      'PAYMENT.CAPTURE.REFUNDED',
    ]);
    const [approved, completed, refunded] = receiver.received.map((r) => r.json);
    for (const event of [approved, completed, refunded]) {
      expect(event).toMatchObject({
        id: expect.stringMatching(/^WH-[A-Z0-9]{17}-[A-Z0-9]{17}$/),
        event_version: '1.0',
        resource_version: '2.0',
        create_time: expect.any(String),
        summary: expect.any(String),
      });
    }
    expect(approved).toMatchObject({
      resource_type: 'checkout-order',
      resource: { id: order.id, status: 'APPROVED' },
    });
    expect(completed).toMatchObject({
      resource_type: 'capture',
      resource: {
        id: capture.id,
        status: 'COMPLETED',
        amount: { value: '30.00' },
        custom_id: 'checkout-1',
        supplementary_data: { related_ids: { order_id: order.id } },
      },
    });
    expect(refunded).toMatchObject({
      resource_type: 'refund',
      resource: { status: 'COMPLETED', amount: { value: '5.00' } },
    });

    for (const delivery of receiver.received) {
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.headers['paypal-transmission-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(delivery.headers['paypal-transmission-time'] as string)).not.toBeNaN();
      expect(delivery.headers['paypal-auth-algo']).toBe('HMACSHA256');
      expect(delivery.headers['paypal-cert-url']).toBe(
        `${sb.url}/v1/notifications/certs/CERT-SANDBOX-HMAC-SHA256`,
      );
      const verified = await verifyDelivery(sb, token, delivery, WEBHOOK_ID);
      expect(verified.status).toBe(200);
      expect(verified.body).toEqual({ verification_status: 'SUCCESS' });
    }
    const state = sb.state().webhooks;
    expect(state.deliveries).toHaveLength(3);
    expect(
      state.deliveries.every((d) => d.status === 'delivered' && d.attempts[0]?.status_code === 200),
    ).toBe(true);
  });

  it('the signature is HMAC-SHA256 over id|time|webhook id|crc32(body), as documented', async () => {
    const { sb, receiver, token } = await setup();
    await capturedOrder(sb, token);
    const [delivery] = await receiver.waitFor(1);
    const h = delivery!.headers;
    const base = signatureBase({
      transmissionId: h['paypal-transmission-id'] as string,
      transmissionTime: h['paypal-transmission-time'] as string,
      webhookId: WEBHOOK_ID,
      body: delivery!.raw,
    });
    expect(base).toBe(
      `${h['paypal-transmission-id']}|${h['paypal-transmission-time']}|${WEBHOOK_ID}|${crc32(delivery!.raw)}`,
    );
    const { createHmac } = await import('node:crypto');
    expect(h['paypal-transmission-sig']).toBe(
      createHmac('sha256', 'test-webhook-secret-0123456789').update(base).digest('base64'),
    );
  });

  it('fails verification for a tampered body, another webhook id, algorithm or signature', async () => {
    const { sb, receiver, token } = await setup();
    await capturedOrder(sb, token, { value: '30.00' });
    const [, completed] = await receiver.waitFor(2);
    const tampered = JSON.parse(completed!.raw);
    tampered.resource.amount.value = '0.01';
    const cases: [Record<string, unknown>, string][] = [
      [{ webhook_event: tampered }, WEBHOOK_ID],
      [{}, 'WH-OTHER'],
      [{ auth_algo: 'SHA256withRSA' }, WEBHOOK_ID],
      [{ transmission_sig: Buffer.from('forged').toString('base64') }, WEBHOOK_ID],
      [{ transmission_time: new Date().toISOString() }, WEBHOOK_ID],
      [{ cert_url: 'https://evil.example/cert.pem' }, WEBHOOK_ID],
    ];
    for (const [overrides, webhookId] of cases) {
      const res = await verifyDelivery(sb, token, completed!, webhookId, overrides);
      expect(res.body, JSON.stringify(overrides)).toEqual({ verification_status: 'FAILURE' });
    }
    const unauthenticated = await http(`${sb.url}/v1/notifications/verify-webhook-signature`, {
      json: { webhook_id: WEBHOOK_ID },
    });
    expect(unauthenticated.status).toBe(401);
    const incomplete = await verifyDelivery(sb, token, completed!, WEBHOOK_ID, {
      transmission_id: undefined,
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details[0]).toMatchObject({
      issue: 'MISSING_REQUIRED_PARAMETER',
      field: '/transmission_id',
    });
  });

  it('retries after 500s with exponential backoff until a 2xx', async () => {
    const { sb, receiver, token, pp } = await setup({ webhooks: { baseDelayMs: 40 } });
    receiver.respond = (_r, i) => (i < 3 ? 500 : 200);
    const id = (await pp.createOrder()).body.id;
    await approveOrder(sb, id);
    await receiver.waitFor(4);
    await sb.webhooksIdle();
    const deliveries = receiver.received;
    expect(new Set(deliveries.map((d) => d.json.id)).size).toBe(1);
    expect(new Set(deliveries.map((d) => d.headers['paypal-transmission-id'])).size).toBe(4);
    const gaps = deliveries.slice(1).map((d, i) => d.at - deliveries[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(155);
    const [delivery] = sb.state().webhooks.deliveries;
    expect(delivery).toMatchObject({ status: 'delivered', event_type: 'CHECKOUT.ORDER.APPROVED' });
    expect(delivery!.attempts.map((a) => a.status_code)).toEqual([500, 500, 500, 200]);
    // Every retry is signed afresh and verifies.
    for (const d of deliveries)
      expect((await verifyDelivery(sb, token, d, WEBHOOK_ID)).body.verification_status).toBe('SUCCESS');
  });

  it('counts a timeout as a failed attempt and gives up after maxAttempts', async () => {
    const { sb, receiver, pp } = await setup({
      webhooks: { maxAttempts: 3, timeoutMs: 300, baseDelayMs: 10 },
    });
    receiver.respond = (_r, i) => (i === 0 ? 'hang' : 503);
    const id = (await pp.createOrder()).body.id;
    await approveOrder(sb, id);
    await sb.webhooksIdle();
    const [delivery] = sb.state().webhooks.deliveries;
    expect(delivery!.status).toBe('failed');
    expect(delivery!.attempts).toHaveLength(3);
    expect(delivery!.attempts[0]!.error).toMatch(/timeout/);
    expect(delivery!.attempts.slice(1).map((a) => a.status_code)).toEqual([503, 503]);
    expect(receiver.received).toHaveLength(3);
  });

  it('duplicateRate 1 delivers every event twice, each copy verifiable', async () => {
    const { sb, receiver, token, pp } = await setup({ webhooks: { duplicateRate: 1 } });
    const id = (await pp.createOrder()).body.id;
    await approveOrder(sb, id);
    await receiver.waitFor(2);
    await sb.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received;
    expect(a!.json.id).toBe(b!.json.id);
    expect(a!.raw).toBe(b!.raw);
    expect(a!.headers['paypal-transmission-id']).not.toBe(b!.headers['paypal-transmission-id']);
    for (const d of [a!, b!])
      expect((await verifyDelivery(sb, token, d, WEBHOOK_ID)).body.verification_status).toBe('SUCCESS');
    expect(
      sb
        .state()
        .webhooks.deliveries.map((d) => d.duplicate)
        .sort(),
    ).toEqual([false, true]);
  });

  it('reorder delivers events of the same window newest first', async () => {
    const { sb, receiver, token, pp } = await setup({ webhooks: { reorder: { windowMs: 1500 } } });
    const { capture } = await capturedOrder(sb, token);
    await pp.refund(capture.id);
    await receiver.waitFor(3);
    expect(receiver.received.map((r) => r.json.event_type)).toEqual([
      'PAYMENT.CAPTURE.REFUNDED',
      'PAYMENT.CAPTURE.COMPLETED',
      'CHECKOUT.ORDER.APPROVED',
    ]);
  });

  it('pause and resume in reverse order over HTTP', async () => {
    const { sb, receiver, token } = await setup();
    expect((await http(`${sb.url}/sandbox/webhooks/pause`, { method: 'POST' })).status).toBe(200);
    await capturedOrder(sb, token);
    await new Promise((r) => setTimeout(r, 50));
    expect(receiver.received).toHaveLength(0);
    const resumed = await http(`${sb.url}/sandbox/webhooks/resume`, { json: { order: 'reverse' } });
    expect(resumed.body).toEqual({ paused: false, released: 2 });
    await receiver.waitFor(2);
    expect(receiver.received.map((r) => r.json.event_type)).toEqual([
      'PAYMENT.CAPTURE.COMPLETED',
      'CHECKOUT.ORDER.APPROVED',
    ]);
  });

  it('runtime duplicate/reorder settings over HTTP', async () => {
    const { sb, receiver, pp } = await setup();
    const settings = await http(`${sb.url}/sandbox/webhooks/settings`, { json: { duplicate_rate: 1 } });
    expect(settings.body).toEqual({ duplicate_rate: 1, reorder_window_ms: 0 });
    await approveOrder(sb, (await pp.createOrder()).body.id);
    await receiver.waitFor(2);
    expect(receiver.received[0]!.json.id).toBe(receiver.received[1]!.json.id);
    expect((await http(`${sb.url}/sandbox/webhooks/settings`, { json: { duplicate_rate: 2 } })).status).toBe(
      400,
    );
  });

  it('redelivers an event on request (sandbox endpoint and PayPal resend)', async () => {
    const { sb, receiver, token, pp } = await setup();
    await approveOrder(sb, (await pp.createOrder()).body.id);
    const [first] = await receiver.waitFor(1);
    const eventId = first!.json.id;
    const res = await http(`${sb.url}/sandbox/webhooks/redeliver/${eventId}`, { method: 'POST' });
    expect(res.status).toBe(202);
    expect(res.body.deliveries).toHaveLength(1);
    const resend = await pp.call('POST', `/v1/notifications/webhooks-events/${eventId}/resend`, {});
    expect(resend.status).toBe(202);
    expect(resend.body.id).toBe(eventId);
    await receiver.waitFor(3);
    expect(receiver.received.map((r) => r.json.id)).toEqual([eventId, eventId, eventId]);
    for (const d of receiver.received)
      expect((await verifyDelivery(sb, token, d, WEBHOOK_ID)).body.verification_status).toBe('SUCCESS');
    expect((await http(`${sb.url}/sandbox/webhooks/redeliver/WH-NOPE`, { method: 'POST' })).status).toBe(404);
    const event = await pp.call('GET', `/v1/notifications/webhooks-events/${eventId}`);
    expect(event.body.event_type).toBe('CHECKOUT.ORDER.APPROVED');
  });

  it('registers listeners at runtime with a chosen id (sandbox) or PayPal’s webhooks API', async () => {
    const { sb, token, pp } = await setup();
    const second = await startReceiver();
    const third = await startReceiver();
    try {
      const reg = await http(`${sb.url}/sandbox/webhooks`, {
        json: { url: second.url, id: 'WH-RUNTIME', event_types: ['PAYMENT.CAPTURE.COMPLETED'] },
      });
      expect(reg.status).toBe(201);
      expect(reg.body).toEqual({
        id: 'WH-RUNTIME',
        url: second.url,
        event_types: ['PAYMENT.CAPTURE.COMPLETED'],
        source: 'runtime',
      });
      expect((await http(`${sb.url}/sandbox/webhooks`, { json: { url: 'ftp://x' } })).status).toBe(400);
      expect(
        (await http(`${sb.url}/sandbox/webhooks`, { json: { url: second.url, id: 'WH-RUNTIME' } })).status,
      ).toBe(409);

      const viaApi = await pp.call('POST', '/v1/notifications/webhooks', {
        url: third.url,
        event_types: [{ name: '*' }],
      });
      expect(viaApi.status).toBe(201);
      expect(viaApi.body.event_types).toEqual([{ name: '*', description: 'ALL' }]);
      const dup = await pp.call('POST', '/v1/notifications/webhooks', {
        url: third.url,
        event_types: [{ name: '*' }],
      });
      expect(dup.body.details[0].issue).toBe('WEBHOOK_URL_ALREADY_EXISTS');
      const list = await pp.call('GET', '/v1/notifications/webhooks');
      expect(list.body.webhooks.map((w: { id: string }) => w.id)).toEqual([
        WEBHOOK_ID,
        'WH-RUNTIME',
        viaApi.body.id,
      ]);

      await capturedOrder(sb, token);
      const [only] = await second.waitFor(1);
      expect(only!.json.event_type).toBe('PAYMENT.CAPTURE.COMPLETED');
      expect((await verifyDelivery(sb, token, only!, 'WH-RUNTIME')).body.verification_status).toBe('SUCCESS');
      expect((await verifyDelivery(sb, token, only!, WEBHOOK_ID)).body.verification_status).toBe('FAILURE');
      await third.waitFor(2);
      await sb.webhooksIdle();
      expect(second.received).toHaveLength(1);

      expect((await pp.call('DELETE', `/v1/notifications/webhooks/${viaApi.body.id}`)).status).toBe(204);
      expect((await http(`${sb.url}/sandbox/webhooks/WH-RUNTIME`, { method: 'DELETE' })).status).toBe(204);
      expect(
        (await http(`${sb.url}/sandbox/webhooks`)).body.webhooks.map((w: { id: string }) => w.id),
      ).toEqual([WEBHOOK_ID]);
    } finally {
      await second.close();
      await third.close();
    }
  });

  it('reset keeps the configured webhook and cancels pending retries', async () => {
    const { sb, receiver, pp } = await setup({ webhooks: { baseDelayMs: 60_000 } });
    receiver.respond = () => 500;
    await approveOrder(sb, (await pp.createOrder()).body.id);
    await receiver.waitFor(1);
    expect(sb.state().webhooks.deliveries[0]!.status).toBe('pending');
    expect((await http(`${sb.url}/sandbox/reset`, { method: 'POST' })).body).toEqual({ status: 'reset' });
    await sb.webhooksIdle();
    const state = sb.state();
    expect(state.webhooks.deliveries).toHaveLength(0);
    expect(state.webhooks.webhooks.map((w) => w.id)).toEqual([WEBHOOK_ID]);
    expect(state.paypal.orders).toHaveLength(0);
  });
});

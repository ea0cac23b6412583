import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, paypalClient, paypalToken, startTestSandbox, type TestSandbox } from './helpers.js';

let sb: TestSandbox;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());

const fieldUrl = (params: Record<string, string>) => `${sb.url}/card/field?${new URLSearchParams(params)}`;

describe('hosted card field page', () => {
  it('serves accessible inputs for card number, expiry and CVC', async () => {
    const res = await http(
      fieldUrl({ pk: sb.credentials.cardPublishableKey, origin: 'http://localhost:5173' }),
    );
    expect(res.status).toBe(200);
    const html = res.body as string;
    for (const [name, autocomplete] of [
      ['cardnumber', 'cc-number'],
      ['exp-date', 'cc-exp'],
      ['cvc', 'cc-csc'],
    ]) {
      expect(html).toContain(`<label for="${name}">`);
      expect(html).toMatch(
        new RegExp(
          `<input id="${name}" name="${name}" [^>]*inputmode="numeric" autocomplete="${autocomplete}"[^>]*aria-describedby="${name}-error"`,
        ),
      );
    }
    expect(html).toContain('id="submit"');
    expect(html).toContain('"origin":"http://localhost:5173"');
    expect(html).not.toContain(sb.credentials.cardSecretKey);
  });

  it('may be framed only by the given (allowed) storefront origin', async () => {
    const res = await http(
      fieldUrl({ pk: sb.credentials.cardPublishableKey, origin: 'http://127.0.0.1:5173' }),
    );
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain('frame-ancestors http://127.0.0.1:5173');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('refuses unknown keys and origins that are not allowed', async () => {
    const badKey = await http(fieldUrl({ pk: 'pk_sandbox_other', origin: 'http://localhost:5173' }));
    expect(badKey.status).toBe(400);
    const evil = await http(
      fieldUrl({ pk: sb.credentials.cardPublishableKey, origin: 'https://evil.example' }),
    );
    expect(evil.status).toBe(403);
    expect(evil.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(evil.headers.get('x-frame-options')).toBe('DENY');
    const path = await http(
      fieldUrl({ pk: sb.credentials.cardPublishableKey, origin: 'http://localhost:5173/x' }),
    );
    expect(path.status).toBe(403);
  });

  it('honours ALLOWED_FRAME_ORIGINS-style configuration', async () => {
    const strict = await startTestSandbox({ allowedFrameOrigins: ['https://shop.example'] });
    try {
      const pk = strict.credentials.cardPublishableKey;
      expect(
        (await http(`${strict.url}/card/field?pk=${pk}&origin=${encodeURIComponent('https://shop.example')}`))
          .status,
      ).toBe(200);
      expect(
        (
          await http(
            `${strict.url}/card/field?pk=${pk}&origin=${encodeURIComponent('http://localhost:5173')}`,
          )
        ).status,
      ).toBe(403);
      // Its own origin (the demo page) is always allowed.
      expect(
        (await http(`${strict.url}/card/field?pk=${pk}&origin=${encodeURIComponent(strict.url)}`)).status,
      ).toBe(200);
    } finally {
      await strict.stop();
    }
  });

  it('speaks Traditional Chinese on request', async () => {
    const res = await http(
      fieldUrl({ pk: sb.credentials.cardPublishableKey, origin: 'http://localhost:5173', locale: 'zh-TW' }),
    );
    expect(res.body).toContain('lang="zh-TW"');
    expect(res.body).toContain('卡號');
  });
});

describe('security headers and CORS', () => {
  it('other pages refuse to be framed', async () => {
    const token = await paypalToken(sb);
    const order = await paypalClient(sb, token).createOrder();
    for (const path of ['/', `/checkoutnow?token=${order.body.id}`, '/sandbox/sms', '/card/demo']) {
      const res = await http(`${sb.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('sends no CORS headers: the hosted field posts to its own origin', async () => {
    for (const path of ['/card/v1/tokens', '/card/v1/charges', '/v2/checkout/orders', '/v1/oauth2/token']) {
      const preflight = await http(`${sb.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers'), path).toBeNull();
    }
  });

  it('the index page lists test cards, the sandbox buyer and links', async () => {
    const res = await http(`${sb.url}/`);
    const html = res.body as string;
    for (const text of [
      '6200 0000 0000 0005',
      '6200 0000 0000 0013',
      '6200 0000 0000 0021',
      '6200 0000 0000 0039',
      '6200 0000 0000 0047',
      'buyer@sandbox.paypal.example',
      'sandbox-buyer-pass',
      'href="/sandbox/sms"',
      'href="/sandbox/state"',
      sb.credentials.cardPublishableKey,
    ]) {
      expect(html).toContain(text);
    }
  });

  it('has a health check, a state view and a 404 for unknown paths', async () => {
    expect((await http(`${sb.url}/health`)).body).toEqual({ status: 'ok' });
    const state = await http(`${sb.url}/sandbox/state`);
    expect(Object.keys(state.body)).toEqual([
      'now',
      'clock_offset_seconds',
      'paypal',
      'webhooks',
      'card',
      'sms',
    ]);
    expect((await http(`${sb.url}/nope`)).status).toBe(404);
    const card404 = await http(`${sb.url}/card/v1/nope`);
    expect(card404.body.error.code).toBe('resource_missing');
  });

  it('the clock can be advanced over HTTP and is reset with the state', async () => {
    const res = await http(`${sb.url}/sandbox/clock`, { json: { advance_seconds: 3600 } });
    expect(res.body.clock_offset_seconds).toBe(3600);
    expect((await http(`${sb.url}/sandbox/clock`, { json: { advance_seconds: -1 } })).status).toBe(400);
    await http(`${sb.url}/sandbox/reset`, { method: 'POST' });
    expect((await http(`${sb.url}/sandbox/state`)).body.clock_offset_seconds).toBe(0);
  });
});

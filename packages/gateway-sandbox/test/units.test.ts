import { describe, expect, it } from 'vitest';
import { luhnValid, TEST_CARDS, validateCard } from '../src/card/cards.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { crc32 } from '../src/util/crc32.js';
import { IdempotencyStore } from '../src/util/idempotency.js';
import { formatDecimal, parseDecimal } from '../src/util/money.js';
import { checkOriginPattern, originAllowed } from '../src/util/origins.js';

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
    expect(crc32('')).toBe(0);
    expect(crc32('銀聯')).toBe(crc32(Buffer.from('銀聯', 'utf8')));
  });
});

describe('PayPal decimals', () => {
  it('parses and formats by currency digits', () => {
    expect(parseDecimal('10', 2)).toEqual({ minor: 1000 });
    expect(parseDecimal('10.5', 2)).toEqual({ minor: 1050 });
    expect(parseDecimal('.99', 2)).toEqual({ minor: 99 });
    expect(parseDecimal('10.555', 2)).toEqual({ issue: 'DECIMAL_PRECISION' });
    expect(parseDecimal('100.0', 0)).toEqual({ issue: 'DECIMALS_NOT_SUPPORTED' });
    expect(parseDecimal('abc', 2)).toEqual({ issue: 'INVALID_PARAMETER_SYNTAX' });
    expect(parseDecimal('0', 2)).toEqual({ issue: 'CANNOT_BE_ZERO_OR_NEGATIVE' });
    expect(parseDecimal('0', 2, { allowZero: true })).toEqual({ minor: 0 });
    expect(formatDecimal(1050, 2)).toBe('10.50');
    expect(formatDecimal(7, 2)).toBe('0.07');
    expect(formatDecimal(1500, 0)).toBe('1500');
  });
});

describe('card rules', () => {
  const now = new Date('2026-06-15T00:00:00Z');
  const card = { number: '6200000000000005', expMonth: 6, expYear: 2026, cvc: '123' };

  it('every documented test card passes the Luhn check', () => {
    for (const c of TEST_CARDS) expect(luhnValid(c.number), c.number).toBe(true);
  });

  it('a card is valid through the end of its expiry month', () => {
    expect(validateCard(card, now)).toBeNull();
    expect(validateCard({ ...card, expMonth: 5 }, now)?.code).toBe('expiry_past');
    expect(validateCard({ ...card, number: '6200 0000 0000 0005' }, now)).toBeNull();
  });
});

describe('frame origins', () => {
  const patterns = ['http://localhost:5173', 'http://127.0.0.1:*', 'https://shop.example'];
  it('matches exact origins and wildcard ports', () => {
    expect(originAllowed('http://localhost:5173', patterns)).toBe(true);
    expect(originAllowed('http://localhost:5174', patterns)).toBe(false);
    expect(originAllowed('http://127.0.0.1:40123', patterns)).toBe(true);
    expect(originAllowed('https://shop.example', patterns)).toBe(true);
    expect(originAllowed('https://shop.example.evil.com', patterns)).toBe(false);
    expect(originAllowed('https://shop.example/path', patterns)).toBe(false);
    expect(originAllowed('null', patterns)).toBe(false);
  });
  it('checks configured patterns', () => {
    expect(checkOriginPattern('http://localhost:*')).toBeNull();
    expect(checkOriginPattern('https://shop.example')).toBeNull();
    expect(checkOriginPattern('https://shop.example/')).not.toBeNull();
    expect(checkOriginPattern('shop.example')).not.toBeNull();
  });
});

describe('idempotency store', () => {
  it('runs once per key, replays 2xx, forgets refusals and reports conflicts', async () => {
    const store = new IdempotencyStore();
    let runs = 0;
    const ok = async () => ({ status: 201, body: ++runs });
    const [a, b] = await Promise.all([store.run('k', 'f', ok), store.run('k', 'f', ok)]);
    expect(a).toEqual({ kind: 'fresh', response: { status: 201, body: 1 } });
    expect(b).toEqual({ kind: 'replay', response: { status: 201, body: 1 } });
    expect((await store.run('k', 'other', ok)).kind).toBe('conflict');
    const refused = await store.run('r', 'f', async () => ({ status: 422, body: 'no' }));
    expect(refused.kind).toBe('fresh');
    expect((await store.run('r', 'f', ok)).kind).toBe('fresh');
    await expect(store.run('t', 'f', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await store.run('t', 'f', ok)).kind).toBe('fresh');
  });
});

describe('environment configuration', () => {
  it('has working defaults', () => {
    const { options, logLevel } = loadConfig({});
    expect(logLevel).toBe('info');
    expect(options).toMatchObject({
      port: 4010,
      paypal: {
        clientId: 'sandbox-client-id',
        clientSecret: 'sandbox-client-secret',
        orderTtlSeconds: 10_800,
      },
      card: { secretKey: 'sk_sandbox_marketplace', publishableKey: 'pk_sandbox_marketplace' },
      allowedFrameOrigins: ['http://localhost:5173', 'http://localhost:*', 'http://127.0.0.1:*'],
      webhooks: { duplicateRate: 0, reorder: false },
    });
  });

  it('reads every variable', () => {
    const { options } = loadConfig({
      GATEWAY_SANDBOX_PORT: '5010',
      GATEWAY_SANDBOX_PUBLIC_URL: 'http://sandbox.local:5010',
      PAYPAL_WEBHOOK_URL: 'http://localhost:4000/webhooks/paypal, http://localhost:4001/hook',
      PAYPAL_WEBHOOK_ID: 'WH-DEV',
      PAYPAL_ORDER_TTL_SECONDS: '60',
      PAYPAL_WEBHOOK_DUPLICATE_RATE: '0.5',
      PAYPAL_WEBHOOK_REORDER_WINDOW_MS: '200',
      ALLOWED_FRAME_ORIGINS: 'https://shop.example,http://localhost:*',
    });
    expect(options).toMatchObject({
      port: 5010,
      publicUrl: 'http://sandbox.local:5010',
      webhookUrl: ['http://localhost:4000/webhooks/paypal', 'http://localhost:4001/hook'],
      webhookId: 'WH-DEV',
      paypal: { orderTtlSeconds: 60 },
      webhooks: { duplicateRate: 0.5, reorder: { windowMs: 200 } },
      allowedFrameOrigins: ['https://shop.example', 'http://localhost:*'],
    });
  });

  it('reports every problem at once, clearly', () => {
    let error: unknown;
    try {
      loadConfig({
        GATEWAY_SANDBOX_PORT: 'eighty',
        PAYPAL_WEBHOOK_URL: 'not a url',
        CARD_SECRET_KEY: 'sk_live_123',
        ALLOWED_FRAME_ORIGINS: 'shop.example',
        PAYPAL_WEBHOOK_DUPLICATE_RATE: '2',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of [
      'GATEWAY_SANDBOX_PORT',
      'PAYPAL_WEBHOOK_URL',
      'CARD_SECRET_KEY: must look like sk_sandbox_',
      'ALLOWED_FRAME_ORIGINS',
      'PAYPAL_WEBHOOK_DUPLICATE_RATE',
    ]) {
      expect(message).toContain(name);
    }
  });
});

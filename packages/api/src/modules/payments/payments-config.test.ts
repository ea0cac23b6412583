import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

describe('payment gateway configuration', () => {
  it('defaults to the local sandbox', () => {
    expect(loadConfig({}).payments).toEqual({
      paypal: {
        apiUrl: 'http://localhost:4010',
        clientId: 'sandbox-client-id',
        clientSecret: 'sandbox-client-secret',
        webhookId: 'SANDBOXWEBHOOK0001',
      },
      card: {
        apiUrl: 'http://localhost:4010',
        secretKey: 'sk_sandbox_marketplace',
        publishableKey: 'pk_sandbox_marketplace',
      },
      timeoutMs: 15_000,
    });
  });

  it('points at real PayPal by configuration', () => {
    const c = loadConfig({
      PAYPAL_API_URL: 'https://api-m.paypal.com/',
      PAYPAL_CLIENT_ID: 'AbC',
      PAYPAL_CLIENT_SECRET: 'xyz',
      PAYPAL_WEBHOOK_ID: '8PT597110X687430LKGECATA',
    });
    expect(c.payments.paypal).toEqual({
      apiUrl: 'https://api-m.paypal.com',
      clientId: 'AbC',
      clientSecret: 'xyz',
      webhookId: '8PT597110X687430LKGECATA',
    });
  });

  it('reports every bad gateway setting at once', () => {
    const bad = {
      PAYPAL_API_URL: 'ftp://paypal',
      CARD_SECRET_KEY: 'pk_live_oops',
      PAYMENT_GATEWAY_TIMEOUT_MS: '5',
    };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (e) {
      const message = (e as Error).message;
      for (const key of Object.keys(bad)) expect(message).toContain(key);
    }
  });
});

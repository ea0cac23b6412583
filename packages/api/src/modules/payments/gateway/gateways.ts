import { type CurrencyCode, currencyExponent } from '@marketplace/core';
import type { PaymentsConfig } from '../../../config.js';
import { CardAdapter } from './card.adapter.js';
import type { PaymentGateways } from './gateway.port.js';
import { PayPalAdapter } from './paypal.adapter.js';

const cache = new WeakMap<PaymentsConfig, PaymentGateways>();

/**
 * The gateways of a configuration, created once so the PayPal access token is shared by every
 * request and job of the process (it is valid for hours).
 */
export function paymentGateways(config: PaymentsConfig): PaymentGateways {
  const existing = cache.get(config);
  if (existing) return existing;
  const paypal = new PayPalAdapter(config.paypal, config.timeoutMs, (c) =>
    currencyExponent(c as CurrencyCode),
  );
  const gateways: PaymentGateways = {
    PAYPAL: paypal,
    UNIONPAY_CARD: new CardAdapter(config.card, config.timeoutMs),
    verifyPayPalWebhook: (headers, rawBody) => paypal.verifyWebhook(headers, rawBody),
  };
  cache.set(config, gateways);
  return gateways;
}

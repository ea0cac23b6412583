import type { EntityManager } from '@mikro-orm/postgresql';
import { isPaymentCaptured, isPaymentInFlight } from '@marketplace/core';
import type { Request, Response } from 'express';
import type { Config } from '../../config.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../logger.js';
import { UserEntity } from '../accounts/user.entity.js';
import { SYSTEM_ACTOR } from '../orders/order-transitions.js';
import { fromPayPalValue } from './gateway/paypal.adapter.js';
import { obj, str } from './gateway/http.js';
import type { PaymentGateways } from './gateway/gateway.port.js';
import { paymentGateways } from './gateway/gateways.js';
import { PaymentEntity, PaymentRefundEntity } from './payment.entity.js';
import { describeCheckout, lockCheckout, reconcileLocked, scheduleReconciliation } from './payment-engine.js';
import { completeRefund } from './refund-engine.js';
import { newReference } from './references.js';
import { type CurrencyCode, currencyExponent, statusAfterRefunds } from '@marketplace/core';

export type WebhookResult = 'processed' | 'duplicate' | 'ignored';

/**
 * POST /webhooks/paypal. The raw body is verified through PayPal's verify-webhook-signature (the
 * signature covers the exact bytes), each event id is stored once (a repeat is a no-op), and
 * events are applied by asking the gateway for the current state, so their order does not matter.
 * A 5xx makes PayPal deliver again later.
 */
export function paypalWebhookHandler(opts: { orm: Orm; config: Config; logger: Logger }) {
  const { orm, config, logger } = opts;
  return async (req: Request, res: Response) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const gateways = paymentGateways(config.payments);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]),
    );
    const verdict = await gateways.verifyPayPalWebhook(headers, raw);
    if (verdict === 'UNAVAILABLE') {
      res.status(503).json({ error: 'signature verification unavailable' });
      return;
    }
    if (verdict === 'INVALID') {
      logger.warn(
        { transmissionId: headers['paypal-transmission-id'] },
        'paypal webhook with an invalid signature',
      );
      res.status(400).json({ error: 'invalid signature' });
      return;
    }
    try {
      const result = await handlePayPalEvent(orm.em.fork(), config, gateways, JSON.parse(raw));
      logger.info({ result }, 'paypal webhook');
      res.json({ result });
    } catch (error) {
      logger.error({ err: error }, 'paypal webhook failed');
      res.status(500).json({ error: 'not processed' });
    }
  };
}

export async function handlePayPalEvent(
  em: EntityManager,
  config: Config,
  gateways: PaymentGateways,
  event: unknown,
): Promise<WebhookResult> {
  const e = obj(event);
  const eventId = str(e.id);
  const type = str(e.event_type);
  const resource = obj(e.resource);
  if (!eventId || !type) return 'ignored';
  return em.transactional(async (tx) => {
    // Processing commits with the event id: a failed attempt is retried by PayPal, a done one never again.
    const inserted = await tx.execute<{ id: number }[]>(
      `insert into payment_webhook_event (provider, event_id, event_type, resource_id)
       values ('PAYPAL', ?, ?, ?) on conflict (provider, event_id) do nothing returning id`,
      [eventId.slice(0, 100), type.slice(0, 80), str(resource.id)?.slice(0, 100) ?? null],
    );
    if (inserted.length === 0) return 'duplicate';
    switch (type) {
      case 'CHECKOUT.ORDER.APPROVED': {
        const payment = await tx.findOne(PaymentEntity, { gatewayOrderId: str(resource.id) ?? '' });
        // The shopper normally comes back and the capture happens then; if not, the job captures.
        if (payment && isPaymentInFlight(payment.status)) await scheduleReconciliation(tx, payment, 120);
        return payment ? 'processed' : 'ignored';
      }
      case 'PAYMENT.CAPTURE.COMPLETED': {
        const orderId = str(obj(obj(resource.supplementary_data).related_ids).order_id);
        const payment = orderId ? await tx.findOne(PaymentEntity, { gatewayOrderId: orderId }) : null;
        if (!payment) return 'ignored';
        await settleFromGateway(tx, config, gateways, payment);
        return 'processed';
      }
      case 'PAYMENT.CAPTURE.REFUNDED':
        return refunded(tx, config, resource);
      default:
        return 'ignored';
    }
  });
}

/** A capture reported by PayPal: if we have not recorded it yet (crash, lost answer), do it now. */
async function settleFromGateway(
  em: EntityManager,
  config: Config,
  gateways: PaymentGateways,
  found: PaymentEntity,
) {
  await lockCheckout(em, found.checkout.id);
  const payment = await em.findOneOrFail(PaymentEntity, { id: found.id }, { refresh: true });
  if (!isPaymentInFlight(payment.status)) return;
  const user = await em.findOneOrFail(UserEntity, { id: payment.user.id });
  await reconcileLocked({ em, config, gateways, actor: SYSTEM_ACTOR }, payment, {
    captureApproved: false,
    locale: user.locale,
    description: await describeCheckout(em, payment.checkout.id, user.locale),
  });
}

/** A refund reported by PayPal: ours (matched by custom id) completes; one made elsewhere is recorded. */
async function refunded(
  em: EntityManager,
  config: Config,
  resource: Record<string, unknown>,
): Promise<WebhookResult> {
  const gatewayRefundId = str(resource.id);
  if (!gatewayRefundId) return 'ignored';
  const reference = str(resource.custom_id);
  const ours = reference ? await em.findOne(PaymentRefundEntity, { reference }) : null;
  const known = ours ?? (await em.findOne(PaymentRefundEntity, { gatewayRefundId }));
  if (known) {
    const payment = await em.findOneOrFail(PaymentEntity, { id: known.payment.id });
    await lockCheckout(em, payment.checkout.id);
    const refund = await em.findOneOrFail(PaymentRefundEntity, { id: known.id }, { refresh: true });
    if (refund.status === 'PENDING' && str(resource.status) === 'COMPLETED') {
      await completeRefund(em, config, refund, gatewayRefundId);
    }
    return 'processed';
  }
  // Made in PayPal's dashboard: record it so the refunded total stays true.
  const links = Array.isArray(resource.links) ? resource.links.map(obj) : [];
  const up = str(links.find((l) => l.rel === 'up')?.href) ?? '';
  const captureId = /\/captures\/([^/?#]+)/.exec(up)?.[1];
  const found = captureId ? await em.findOne(PaymentEntity, { gatewayPaymentId: captureId }) : null;
  if (!found) return 'ignored';
  await lockCheckout(em, found.checkout.id);
  const payment = await em.findOneOrFail(PaymentEntity, { id: found.id }, { refresh: true });
  const amount = obj(resource.amount);
  const currency = str(amount.currency_code) ?? payment.currency;
  const minor = fromPayPalValue(
    str(amount.value) ?? '0',
    currency,
    currencyExponent(currency as CurrencyCode),
  );
  if (
    !isPaymentCaptured(payment.status) ||
    minor <= 0 ||
    payment.refundedMinor + minor > payment.amountMinor
  ) {
    return 'ignored';
  }
  em.create(PaymentRefundEntity, {
    reference: newReference('RF'),
    payment,
    order: null,
    amountMinor: minor,
    currency,
    status: 'SUCCEEDED',
    gatewayRefundId,
    reason: 'refunded at PayPal',
    completedAt: new Date(),
  });
  payment.refundedMinor += minor;
  payment.status = statusAfterRefunds(payment.amountMinor, payment.refundedMinor);
  payment.updatedAt = new Date();
  await em.flush();
  return 'processed';
}

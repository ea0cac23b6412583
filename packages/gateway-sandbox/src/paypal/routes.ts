import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { SandboxContext } from '../context.js';
import type { StoredResponse } from '../util/idempotency.js';
import { debugId } from '../util/ids.js';
import { isoTime, sleep } from '../util/time.js';
import { invalidRequest, notFound, type PayPalIssue, PayPalError } from './errors.js';
import { parseCreateOrder } from './orders.js';
import { AUTH_ALGO, CERT_PATH, EVENT_TYPES } from './webhooks.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MOCK_DESCRIPTIONS: Record<string, string> = {
  INSTRUMENT_DECLINED:
    "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.",
  TRANSACTION_REFUSED: 'The request was refused.',
  PAYER_ACTION_REQUIRED: 'Transaction cannot complete successfully, instruct the buyer to return to PayPal.',
  MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED: 'You have exceeded the maximum number of payment attempts.',
  REFUND_NOT_ALLOWED: 'Full refund refused - partial refund has already been done on this payment.',
  DUPLICATE_INVOICE_ID: 'Duplicate Invoice ID detected.',
};

/**
 * PayPal negative testing: `PayPal-Mock-Response: {"mock_application_codes": "INSTRUMENT_DECLINED"}`
 * makes the call fail with that issue (as PayPal's sandbox does).
 */
function mockIssue(req: Request): PayPalIssue | undefined {
  const header = req.get('PayPal-Mock-Response');
  if (!header) return undefined;
  try {
    const parsed = JSON.parse(header) as { mock_application_codes?: unknown };
    const code = parsed.mock_application_codes;
    if (typeof code !== 'string' || !/^[A-Z_]{3,64}$/.test(code)) return undefined;
    return { issue: code, description: MOCK_DESCRIPTIONS[code] ?? `Mocked error: ${code}.` };
  } catch {
    return undefined;
  }
}

/** The PayPal REST API: OAuth, Orders v2, Payments v2, webhooks management and verification. */
export function paypalApiRouter(ctx: SandboxContext): Router {
  const { paypal, webhooks, opts } = ctx;
  const router = Router();

  router.post('/v1/oauth2/token', express.urlencoded({ extended: false, limit: '16kb' }), (req, res) => {
    const auth = req.headers.authorization ?? '';
    let id = '';
    let secretValue = '';
    if (auth.startsWith('Basic ')) {
      const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) {
        id = decoded.slice(0, colon);
        secretValue = decoded.slice(colon + 1);
      }
    }
    if (id !== opts.paypal.clientId || secretValue !== opts.paypal.clientSecret) {
      res.status(401).json({ error: 'invalid_client', error_description: 'Client Authentication failed' });
      return;
    }
    const grantType = isObject(req.body) ? req.body.grant_type : undefined;
    if (grantType === undefined) {
      res.status(400).json({ error: 'unsupported_grant_type', error_description: 'Grant Type is NULL' });
      return;
    }
    if (grantType !== 'client_credentials') {
      res.status(400).json({ error: 'unsupported_grant_type', error_description: 'unsupported grant_type' });
      return;
    }
    const { token, expiresIn } = paypal.issueAccessToken();
    res.json({
      scope:
        'https://uri.paypal.com/services/payments/payment/authcapture https://uri.paypal.com/services/payments/refund https://uri.paypal.com/services/applications/webhooks',
      access_token: token,
      token_type: 'Bearer',
      app_id: 'APP-SANDBOX0000000000',
      expires_in: expiresIn,
      nonce: `${isoTime(ctx.clock.now())}${debugId()}`,
    });
  });

  router.get(CERT_PATH, (_req, res) => {
    res
      .type('text/plain')
      .send(
        [
          'Payment gateway sandbox: webhook signature scheme (not an X.509 certificate).',
          '',
          `PAYPAL-AUTH-ALGO: ${AUTH_ALGO}`,
          'PAYPAL-TRANSMISSION-SIG = base64( HMAC-SHA256( sandbox webhook secret,',
          '    "<transmission_id>|<transmission_time>|<webhook_id>|<CRC32 of the raw body, decimal>" ) )',
          '',
          'Verify with POST /v1/notifications/verify-webhook-signature, as with PayPal.',
          '',
        ].join('\n'),
      );
  });

  const json = express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] });
  const requireBearer = (req: Request, _res: Response, next: NextFunction) => {
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!token || !paypal.accessTokenValid(token)) {
      next(new PayPalError('AUTHENTICATION_FAILURE'));
      return;
    }
    next();
  };
  router.use(['/v2', '/v1/notifications'], json, requireBearer);

  /** Runs `fn` once per PayPal-Request-Id; a repeated id gets 200 and the resource's latest state. */
  const idempotent = async (
    req: Request,
    res: Response,
    scope: string,
    fn: () => Promise<StoredResponse>,
  ) => {
    const requestId = req.get('PayPal-Request-Id');
    if (requestId === undefined) {
      const r = await fn();
      res.status(r.status).json(r.body);
      return;
    }
    if (requestId.length === 0 || requestId.length > 108) {
      throw invalidRequest({
        field: 'PayPal-Request-Id',
        location: 'header',
        issue: 'INVALID_PARAMETER_SYNTAX',
        description: 'PayPal-Request-Id must be 1–108 characters.',
      });
    }
    const outcome = await paypal.idempotency.run(`${scope}\u0000${requestId}`, '', fn);
    if (outcome.kind === 'replay') {
      res.status(200).json(outcome.response.replay ? outcome.response.replay() : outcome.response.body);
    } else if (outcome.kind === 'fresh') {
      res.status(outcome.response.status).json(outcome.response.body);
    }
  };

  router.post('/v2/checkout/orders', async (req, res) => {
    await idempotent(req, res, 'create-order', async () => {
      await sleep(opts.latencyMs);
      const mock = mockIssue(req);
      if (mock) throw new PayPalError('UNPROCESSABLE_ENTITY', [mock]);
      const order = paypal.createOrder(parseCreateOrder(req.body));
      ctx.logger.info(
        { orderId: order.id, amounts: order.units.map((u) => `${u.currency} ${u.amount.value}`) },
        'paypal order created',
      );
      return {
        status: 201,
        body: paypal.orderJson(order),
        replay: () => paypal.orderJson(paypal.orders.get(order.id) ?? order),
      };
    });
  });

  router.get('/v2/checkout/orders/:id', (req, res) => {
    res.json(paypal.orderJson(paypal.getOrder(req.params.id as string)));
  });

  router.post('/v2/checkout/orders/:id/capture', async (req, res) => {
    const id = req.params.id as string;
    await idempotent(req, res, `capture:${id}`, async () => {
      await sleep(opts.latencyMs);
      const order = paypal.capture(id, mockIssue(req));
      ctx.logger.info(
        { orderId: order.id, captures: order.units.map((u) => u.captureId) },
        'paypal order captured',
      );
      return { status: 201, body: paypal.orderJson(order), replay: () => paypal.orderJson(order) };
    });
  });

  router.get('/v2/payments/captures/:id', (req, res) => {
    res.json(paypal.captureJson(paypal.getCapture(req.params.id as string)));
  });

  router.post('/v2/payments/captures/:id/refund', async (req, res) => {
    const id = req.params.id as string;
    const body: unknown = req.body ?? {};
    if (!isObject(body)) {
      throw invalidRequest({
        issue: 'MALFORMED_REQUEST_JSON',
        description: 'The request JSON is not well formed.',
      });
    }
    await idempotent(req, res, `refund:${id}`, async () => {
      await sleep(opts.latencyMs);
      const refund = paypal.refund(id, body, mockIssue(req));
      ctx.logger.info(
        { captureId: id, refundId: refund.id, amount: refund.amountMinor },
        'paypal capture refunded',
      );
      return { status: 201, body: paypal.refundJson(refund), replay: () => paypal.refundJson(refund) };
    });
  });

  router.get('/v2/payments/refunds/:id', (req, res) => {
    res.json(paypal.refundJson(paypal.getRefund(req.params.id as string)));
  });

  // ── Webhooks ───────────────────────────────────────────────────────────────────────────

  router.post('/v1/notifications/verify-webhook-signature', (req, res) => {
    const body: unknown = req.body;
    if (!isObject(body)) {
      throw invalidRequest({
        issue: 'MALFORMED_REQUEST_JSON',
        description: 'The request JSON is not well formed.',
      });
    }
    for (const key of [
      'auth_algo',
      'cert_url',
      'transmission_id',
      'transmission_sig',
      'transmission_time',
      'webhook_id',
    ]) {
      if (typeof body[key] !== 'string' || (body[key] as string).length === 0) {
        throw invalidRequest({
          field: `/${key}`,
          location: 'body',
          issue: 'MISSING_REQUIRED_PARAMETER',
          description: 'A required field / parameter is missing.',
        });
      }
    }
    if (!isObject(body.webhook_event)) {
      throw invalidRequest({
        field: '/webhook_event',
        location: 'body',
        issue: 'MISSING_REQUIRED_PARAMETER',
        description: 'A required field / parameter is missing.',
      });
    }
    const ok = webhooks.verify(body as Parameters<typeof webhooks.verify>[0]);
    res.json({ verification_status: ok ? 'SUCCESS' : 'FAILURE' });
  });

  const webhookJson = (e: { id: string; url: string; eventTypes: string[] }) => {
    const self = `${ctx.baseUrl()}/v1/notifications/webhooks/${e.id}`;
    return {
      id: e.id,
      url: e.url,
      event_types: e.eventTypes.map((name) => ({
        name,
        description: name === '*' ? 'ALL' : (EVENT_TYPES[name] ?? name),
      })),
      links: [
        { href: self, rel: 'self', method: 'GET' },
        { href: self, rel: 'delete', method: 'DELETE' },
      ],
    };
  };

  router.post('/v1/notifications/webhooks', (req, res) => {
    const body: unknown = req.body;
    if (!isObject(body)) {
      throw invalidRequest({
        issue: 'MALFORMED_REQUEST_JSON',
        description: 'The request JSON is not well formed.',
      });
    }
    const url = checkWebhookUrl(body.url);
    if (!Array.isArray(body.event_types) || body.event_types.length === 0) {
      throw invalidRequest({
        field: '/event_types',
        location: 'body',
        issue: 'MISSING_REQUIRED_PARAMETER',
        description: 'A required field / parameter is missing.',
      });
    }
    const names = body.event_types.map((t) => (isObject(t) ? t.name : undefined));
    for (const name of names) {
      if (typeof name !== 'string' || (name !== '*' && !(name in EVENT_TYPES))) {
        throw invalidRequest({
          field: '/event_types',
          value: String(name),
          location: 'body',
          issue: 'INVALID_PARAMETER_VALUE',
          description: `Supported event types: *, ${Object.keys(EVENT_TYPES).join(', ')}.`,
        });
      }
    }
    if ([...webhooks.endpoints.values()].some((e) => e.url === url)) {
      throw invalidRequest({
        field: '/url',
        value: url,
        location: 'body',
        issue: 'WEBHOOK_URL_ALREADY_EXISTS',
        description: 'Webhook URL already exists.',
      });
    }
    res.status(201).json(webhookJson(webhooks.register(url, names as string[])));
  });

  router.get('/v1/notifications/webhooks', (_req, res) => {
    res.json({ webhooks: [...webhooks.endpoints.values()].map(webhookJson) });
  });

  router.get('/v1/notifications/webhooks/:id', (req, res) => {
    const endpoint = webhooks.endpoints.get(req.params.id as string);
    if (!endpoint) throw notFound('webhook_id', req.params.id as string);
    res.json(webhookJson(endpoint));
  });

  router.delete('/v1/notifications/webhooks/:id', (req, res) => {
    if (!webhooks.unregister(req.params.id as string)) throw notFound('webhook_id', req.params.id as string);
    res.status(204).end();
  });

  router.get('/v1/notifications/webhooks-events/:id', (req, res) => {
    const stored = webhooks.events.get(req.params.id as string);
    if (!stored) throw notFound('event_id', req.params.id as string);
    res.json(stored.event);
  });

  router.post('/v1/notifications/webhooks-events/:id/resend', (req, res) => {
    const body: unknown = req.body ?? {};
    const ids = isObject(body) && Array.isArray(body.webhook_ids) ? body.webhook_ids.map(String) : undefined;
    const deliveries = webhooks.redeliver(req.params.id as string, ids);
    if (!deliveries) throw notFound('event_id', req.params.id as string);
    res.status(202).json(webhooks.events.get(req.params.id as string)!.event);
  });

  router.use(['/v1', '/v2'], (_req, _res, next) => {
    next(
      new PayPalError(
        'RESOURCE_NOT_FOUND',
        [
          {
            issue: 'INVALID_RESOURCE_ID',
            description: 'The requested resource does not exist in the sandbox.',
          },
        ],
        'The specified resource does not exist.',
      ),
    );
  });

  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/v1/') && !req.path.startsWith('/v2/')) {
      next(error);
      return;
    }
    const err = toPayPalError(error);
    if (err.status >= 500) {
      ctx.logger.error(
        { path: req.path, error: error instanceof Error ? error.message : String(error) },
        'paypal error',
      );
    }
    const id = debugId();
    res.setHeader('Paypal-Debug-Id', id);
    res.status(err.status).json(err.toBody(id));
  });

  return router;
}

/** Validates a listener URL (http/https, no credentials). */
export function checkWebhookUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw invalidRequest({
      field: '/url',
      value: typeof value === 'string' ? value : undefined,
      location: 'body',
      issue: 'INVALID_PARAMETER_SYNTAX',
      description: 'The webhook URL must be an absolute http(s) URL.',
    });
  }
  return value as string;
}

function toPayPalError(error: unknown): PayPalError {
  if (error instanceof PayPalError) return error;
  const e = error as { type?: string; status?: number } | undefined;
  if (e?.type === 'entity.parse.failed') {
    return invalidRequest({
      issue: 'MALFORMED_REQUEST_JSON',
      description: 'The request JSON is not well formed.',
    });
  }
  if (e?.type === 'entity.too.large') {
    return invalidRequest({
      issue: 'INVALID_PARAMETER_SYNTAX',
      description: 'The request body is too large.',
    });
  }
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new PayPalError('UNSUPPORTED_MEDIA_TYPE');
  }
  return new PayPalError('INTERNAL_SERVER_ERROR');
}

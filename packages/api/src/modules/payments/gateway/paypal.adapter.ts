import type { PaymentsConfig } from '../../../config.js';
import { type HttpResult, isTransient, obj, requestJson, str } from './http.js';
import type {
  GatewayRef,
  PaymentDetails,
  PaymentGateway,
  PaymentOutcome,
  RefundOutcome,
  RefundRequest,
  StartPayment,
  WebhookVerdict,
} from './gateway.port.js';

/** Currencies whose PayPal amounts have fewer decimals than their ISO minor unit (no cents at PayPal). */
const PAYPAL_WHOLE_UNITS: Readonly<Record<string, number>> = { TWD: 2, HUF: 2 };

/** Minor units → PayPal's decimal string, e.g. 1250 USD → "12.50"; 30000 TWD → "300". */
export function toPayPalValue(minor: number, currency: string, isoDigits: number): string {
  const dropped = PAYPAL_WHOLE_UNITS[currency] ?? 0;
  const factor = 10 ** dropped;
  if (minor % factor !== 0)
    throw new RangeError(`PayPal takes whole ${currency} amounts only (got ${minor} minor units)`);
  const digits = isoDigits - dropped;
  const units = String(minor / factor);
  if (digits <= 0) return units;
  const padded = units.padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** PayPal's decimal string → minor units of the ISO currency. */
export function fromPayPalValue(value: string, currency: string, isoDigits: number): number {
  const dropped = PAYPAL_WHOLE_UNITS[currency] ?? 0;
  const [whole = '0', fraction = ''] = value.split('.');
  const digits = isoDigits - dropped;
  const minor =
    Number(whole) * 10 ** Math.max(digits, 0) + Number(fraction.padEnd(digits, '0').slice(0, digits) || 0);
  return minor * 10 ** dropped;
}

/** The first `issue` of a PayPal error body (e.g. ORDER_NOT_APPROVED). */
function issueOf(result: HttpResult): string | undefined {
  if (result.ok || !('body' in result)) return undefined;
  const details = result.body.details;
  const first = Array.isArray(details) ? obj(details[0]) : {};
  return str(first.issue) ?? str(result.body.name);
}

function describe(result: HttpResult): string {
  if (result.status === 0) return `PayPal unreachable: ${'error' in result ? result.error : ''}`;
  const body = 'body' in result ? result.body : {};
  const details = Array.isArray(body.details) ? obj(body.details[0]) : {};
  return `PayPal ${result.status} ${issueOf(result) ?? ''}: ${str(details.description) ?? str(body.message) ?? ''}`.trim();
}

/** PayPal Orders v2 + Payments v2, with an OAuth client-credentials token cached until it expires. */
export class PayPalAdapter implements PaymentGateway {
  readonly method = 'PAYPAL' as const;
  private token: { value: string; expiresAt: number } | null = null;
  private tokenRequest: Promise<string | null> | null = null;

  constructor(
    private readonly config: PaymentsConfig['paypal'],
    private readonly timeoutMs: number,
    private readonly currencyDigits: (currency: string) => number,
  ) {}

  private async accessToken(): Promise<string | null> {
    if (this.token && Date.now() < this.token.expiresAt) return this.token.value;
    // Concurrent requests share one token request.
    this.tokenRequest ??= (async () => {
      const basic = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString('base64');
      const result = await requestJson(`${this.config.apiUrl}/v1/oauth2/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
        timeoutMs: this.timeoutMs,
      });
      if (!result.ok) return null;
      const value = str(result.body.access_token);
      if (!value) return null;
      const expiresIn = typeof result.body.expires_in === 'number' ? result.body.expires_in : 300;
      // Renew a minute early so a token never expires between our check and PayPal's.
      this.token = { value, expiresAt: Date.now() + Math.max(expiresIn - 60, 1) * 1000 };
      return value;
    })().finally(() => {
      this.tokenRequest = null;
    });
    return this.tokenRequest;
  }

  /** An authenticated call; a rejected token is renewed once. */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    opts: { body?: unknown; requestId?: string } = {},
  ): Promise<HttpResult> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.accessToken();
      if (!token) return { ok: false, status: 0, error: 'PayPal authentication failed' };
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      if (opts.requestId) headers['paypal-request-id'] = opts.requestId;
      const result = await requestJson(`${this.config.apiUrl}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        timeoutMs: this.timeoutMs,
      });
      if (result.status !== 401) return result;
      this.token = null;
    }
    return { ok: false, status: 0, error: 'PayPal rejected the access token' };
  }

  async start(request: StartPayment): Promise<PaymentOutcome> {
    const value = toPayPalValue(request.amountMinor, request.currency, this.currencyDigits(request.currency));
    const result = await this.call('POST', '/v2/checkout/orders', {
      requestId: request.requestKey,
      body: {
        intent: 'CAPTURE',
        purchase_units: [
          {
            reference_id: request.checkoutReference,
            custom_id: request.checkoutReference,
            invoice_id: request.reference,
            description: request.description.slice(0, 127),
            amount: { currency_code: request.currency, value },
          },
        ],
        payment_source: {
          paypal: {
            experience_context: {
              brand_name: request.locale === 'zh-TW' ? '好物市集' : 'Marketplace',
              locale: request.locale === 'zh-TW' ? 'zh-TW' : 'en-US',
              shipping_preference: 'NO_SHIPPING',
              user_action: 'PAY_NOW',
              return_url: request.returnUrl,
              cancel_url: request.cancelUrl,
            },
          },
        },
      },
    });
    if (!result.ok) return isTransient(result) ? unavailable(result) : refused(result);
    return this.orderOutcome(result.body);
  }

  async complete(ref: GatewayRef, request: { requestKey: string }): Promise<PaymentOutcome> {
    if (!ref.gatewayOrderId) return { kind: 'UNAVAILABLE', message: 'no PayPal order to capture' };
    const path = `/v2/checkout/orders/${encodeURIComponent(ref.gatewayOrderId)}/capture`;
    const result = await this.call('POST', path, { requestId: request.requestKey, body: {} });
    if (result.ok) return this.orderOutcome(result.body);
    if (isTransient(result)) return unavailable(result);
    switch (issueOf(result)) {
      case 'ORDER_ALREADY_CAPTURED':
      case 'ORDER_NOT_APPROVED':
      case 'DUPLICATE_INVOICE_ID':
        // The order tells what happened (captured before, or not approved yet).
        return this.lookup(ref);
      case 'ORDER_EXPIRED':
      case 'INVALID_RESOURCE_ID':
        return { kind: 'EXPIRED', message: describe(result) };
      default:
        return refused(result);
    }
  }

  async lookup(ref: GatewayRef): Promise<PaymentOutcome> {
    if (!ref.gatewayOrderId) return { kind: 'UNAVAILABLE', message: 'no PayPal order id yet' };
    const result = await this.call('GET', `/v2/checkout/orders/${encodeURIComponent(ref.gatewayOrderId)}`);
    if (result.ok) return this.orderOutcome(result.body);
    if (result.status === 404) return { kind: 'EXPIRED', message: describe(result) };
    return unavailable(result);
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    const value = toPayPalValue(request.amountMinor, request.currency, this.currencyDigits(request.currency));
    const result = await this.call(
      'POST',
      `/v2/payments/captures/${encodeURIComponent(request.gatewayPaymentId)}/refund`,
      {
        requestId: request.reference,
        body: {
          amount: { currency_code: request.currency, value },
          custom_id: request.reference,
          ...(request.note ? { note_to_payer: request.note.slice(0, 255) } : {}),
        },
      },
    );
    if (!result.ok) {
      if (isTransient(result)) return { kind: 'UNAVAILABLE', message: describe(result) };
      return { kind: 'REFUSED', code: issueOf(result) ?? 'REFUSED', message: describe(result) };
    }
    const id = str(result.body.id);
    const status = str(result.body.status);
    if (!id) return { kind: 'UNAVAILABLE', message: 'PayPal refund without an id' };
    if (status === 'COMPLETED')
      return { kind: 'REFUNDED', gatewayRefundId: id, amountMinor: request.amountMinor };
    if (status === 'CANCELLED' || status === 'FAILED') {
      return { kind: 'REFUSED', code: status, message: `PayPal refund ${status}` };
    }
    // PENDING: PayPal confirms later (webhook, or the same request again).
    return { kind: 'UNAVAILABLE', message: `PayPal refund ${id} is ${status ?? 'pending'}` };
  }

  async verifyWebhook(headers: Record<string, string | undefined>, rawBody: string): Promise<WebhookVerdict> {
    let event: unknown;
    try {
      event = JSON.parse(rawBody);
    } catch {
      return 'INVALID';
    }
    const h = (name: string) => headers[name] ?? '';
    const required = [
      'paypal-auth-algo',
      'paypal-cert-url',
      'paypal-transmission-id',
      'paypal-transmission-sig',
      'paypal-transmission-time',
    ];
    if (required.some((name) => !h(name)) || !event || typeof event !== 'object') return 'INVALID';
    const result = await this.call('POST', '/v1/notifications/verify-webhook-signature', {
      body: {
        auth_algo: h('paypal-auth-algo'),
        cert_url: h('paypal-cert-url'),
        transmission_id: h('paypal-transmission-id'),
        transmission_sig: h('paypal-transmission-sig'),
        transmission_time: h('paypal-transmission-time'),
        webhook_id: this.config.webhookId,
        webhook_event: event,
      },
    });
    if (!result.ok) return isTransient(result) ? 'UNAVAILABLE' : 'INVALID';
    return result.body.verification_status === 'SUCCESS' ? 'VALID' : 'INVALID';
  }

  private orderOutcome(order: Record<string, unknown>): PaymentOutcome {
    const id = str(order.id);
    if (!id) return { kind: 'UNAVAILABLE', message: 'PayPal order without an id' };
    const details = payerDetails(order);
    switch (str(order.status)) {
      case 'CREATED':
      case 'SAVED':
      case 'PAYER_ACTION_REQUIRED': {
        const links = Array.isArray(order.links) ? order.links.map(obj) : [];
        const link = links.find((l) => l.rel === 'payer-action') ?? links.find((l) => l.rel === 'approve');
        const url = str(link?.href);
        return url
          ? { kind: 'REDIRECT', gatewayOrderId: id, url }
          : { kind: 'UNAVAILABLE', message: 'PayPal order without an approval link' };
      }
      case 'APPROVED':
        return { kind: 'APPROVED', gatewayOrderId: id, details };
      case 'COMPLETED': {
        const unit = obj(Array.isArray(order.purchase_units) ? order.purchase_units[0] : undefined);
        const captures = obj(unit.payments).captures;
        const capture = obj(Array.isArray(captures) ? captures[0] : undefined);
        const captureId = str(capture.id);
        const amount = obj(capture.amount);
        const status = str(capture.status);
        if (!captureId) return { kind: 'UNAVAILABLE', message: 'completed PayPal order without a capture' };
        if (status === 'DECLINED' || status === 'FAILED') {
          return { kind: 'FAILED', code: 'GATEWAY_REFUSED', message: `PayPal capture ${status}`, details };
        }
        if (status === 'PENDING')
          return { kind: 'UNAVAILABLE', message: `PayPal capture ${captureId} is pending` };
        const currency = str(amount.currency_code) ?? '';
        return {
          kind: 'SUCCEEDED',
          gatewayPaymentId: captureId,
          amountMinor: fromPayPalValue(str(amount.value) ?? '0', currency, this.currencyDigits(currency)),
          currency,
          details,
        };
      }
      case 'VOIDED':
        return { kind: 'EXPIRED', message: 'PayPal order voided' };
      default:
        return { kind: 'UNAVAILABLE', message: `PayPal order status ${String(order.status)}` };
    }
  }
}

function payerDetails(order: Record<string, unknown>): PaymentDetails {
  const paypal = obj(obj(order.payment_source).paypal);
  const payer = obj(order.payer);
  const details: PaymentDetails = {};
  const email = str(paypal.email_address) ?? str(payer.email_address);
  const payerId = str(paypal.account_id) ?? str(payer.payer_id);
  if (email) details.payerEmail = email.slice(0, 320);
  if (payerId) details.payerId = payerId.slice(0, 40);
  return details;
}

function unavailable(result: HttpResult): PaymentOutcome {
  return { kind: 'UNAVAILABLE', message: describe(result) };
}

function refused(result: HttpResult): PaymentOutcome {
  return { kind: 'FAILED', code: 'GATEWAY_REFUSED', message: describe(result) };
}

import type { ResolvedOptions, SandboxBuyer } from '../options.js';
import { IdempotencyStore } from '../util/idempotency.js';
import { paypalId, secret } from '../util/ids.js';
import { formatDecimal, PAYPAL_CURRENCIES } from '../util/money.js';
import { paypalTime, type Clock } from '../util/time.js';
import { notFound, type PayPalIssue, PayPalError, unprocessable } from './errors.js';
import { type ParsedOrder, type ParsedUnit, parseMoney } from './orders.js';

export type OrderStatus = 'CREATED' | 'PAYER_ACTION_REQUIRED' | 'APPROVED' | 'COMPLETED';
export type CaptureStatus = 'COMPLETED' | 'PARTIALLY_REFUNDED' | 'REFUNDED';

export interface Payer {
  payerId: string;
  email: string;
  givenName: string;
  surname: string;
  countryCode: string;
}

export interface OrderRecord extends Omit<ParsedOrder, 'units'> {
  id: string;
  status: OrderStatus;
  units: (ParsedUnit & { captureId?: string })[];
  payer: Payer | undefined;
  createdAt: number;
  updatedAt: number;
  approvedAt: number | undefined;
  expiresAt: number;
}

export interface CaptureRecord {
  id: string;
  orderId: string;
  referenceId: string;
  currency: string;
  amountMinor: number;
  feeMinor: number;
  refundedMinor: number;
  status: CaptureStatus;
  invoiceId: string | undefined;
  customId: string | undefined;
  refundIds: string[];
  createdAt: number;
  updatedAt: number;
}

export interface RefundRecord {
  id: string;
  captureId: string;
  orderId: string;
  currency: string;
  amountMinor: number;
  status: 'COMPLETED';
  invoiceId: string | undefined;
  customId: string | undefined;
  noteToPayer: string | undefined;
  createdAt: number;
  updatedAt: number;
}

export type EmitEvent = (eventType: string, resourceType: string, resource: unknown, summary: string) => void;

type Json = Record<string, unknown>;

const money = (minor: number, currency: string) => ({
  currency_code: currency,
  value: formatDecimal(minor, PAYPAL_CURRENCIES[currency] ?? 2),
});

/** PayPal-ish fee: 3.49 % + a fixed 0.49 (0 for currencies without decimals), never above the gross. */
const feeFor = (minor: number, currency: string) =>
  Math.min(minor, Math.round(minor * 0.0349) + ((PAYPAL_CURRENCIES[currency] ?? 2) === 2 ? 49 : 0));

/** Everything the PayPal half of the sandbox remembers, and the operations on it. */
export class PayPalStore {
  readonly orders = new Map<string, OrderRecord>();
  readonly captures = new Map<string, CaptureRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly idempotency = new IdempotencyStore();
  private readonly accessTokens = new Map<string, number>();
  /** Approval-page sign-ins: session id → buyer and CSRF token. */
  readonly sessions = new Map<string, { email: string; csrf: string; expiresAt: number }>();

  constructor(
    private readonly opts: ResolvedOptions,
    private readonly clock: Clock,
    private readonly baseUrl: () => string,
    private readonly emit: EmitEvent,
  ) {}

  reset(): void {
    this.orders.clear();
    this.captures.clear();
    this.refunds.clear();
    this.idempotency.clear();
    this.accessTokens.clear();
    this.sessions.clear();
  }

  // ── OAuth ──────────────────────────────────────────────────────────────────────────────

  issueAccessToken(): { token: string; expiresIn: number } {
    const token = `A21AA${secret(48)}`;
    const expiresIn = this.opts.paypal.accessTokenTtlSeconds;
    this.accessTokens.set(token, this.clock.now() + expiresIn * 1000);
    return { token, expiresIn };
  }

  accessTokenValid(token: string): boolean {
    const expiresAt = this.accessTokens.get(token);
    if (expiresAt === undefined) return false;
    if (this.clock.now() >= expiresAt) {
      this.accessTokens.delete(token);
      return false;
    }
    return true;
  }

  // ── Buyers ─────────────────────────────────────────────────────────────────────────────

  findBuyer(email: string, password: string): Required<SandboxBuyer> | undefined {
    const wanted = email.trim().toLowerCase();
    return this.opts.paypal.buyers.find((b) => b.email.toLowerCase() === wanted && b.password === password);
  }

  buyerByEmail(email: string): Required<SandboxBuyer> | undefined {
    return this.opts.paypal.buyers.find((b) => b.email.toLowerCase() === email.toLowerCase());
  }

  // ── Orders ─────────────────────────────────────────────────────────────────────────────

  createOrder(parsed: ParsedOrder): OrderRecord {
    const now = this.clock.now();
    const order: OrderRecord = {
      ...parsed,
      id: paypalId(),
      status: parsed.flow === 'payment_source' ? 'PAYER_ACTION_REQUIRED' : 'CREATED',
      payer: undefined,
      createdAt: now,
      updatedAt: now,
      approvedAt: undefined,
      expiresAt: now + this.opts.paypal.orderTtlSeconds * 1000,
    };
    this.orders.set(order.id, order);
    return order;
  }

  /** An order not yet approved whose time is up. PayPal forgets these: they answer 404. */
  isExpired(order: OrderRecord): boolean {
    return (
      (order.status === 'CREATED' || order.status === 'PAYER_ACTION_REQUIRED') &&
      this.clock.now() >= order.expiresAt
    );
  }

  /** The order, or PayPal's 404 when unknown or expired. */
  getOrder(id: string): OrderRecord {
    const order = this.orders.get(id);
    if (!order || this.isExpired(order)) throw notFound('order_id', id);
    return order;
  }

  approve(order: OrderRecord, buyer: Required<SandboxBuyer>): void {
    if (order.status === 'COMPLETED') return;
    const wasApproved = order.status === 'APPROVED';
    const now = this.clock.now();
    order.status = 'APPROVED';
    order.payer = {
      payerId: buyer.payerId,
      email: buyer.email,
      givenName: buyer.givenName,
      surname: buyer.surname,
      countryCode: buyer.countryCode,
    };
    order.approvedAt = now;
    order.updatedAt = now;
    if (!wasApproved) {
      this.emit(
        'CHECKOUT.ORDER.APPROVED',
        'checkout-order',
        this.orderJson(order),
        'An order has been approved by buyer',
      );
    }
  }

  capture(id: string, mockIssue?: PayPalIssue): OrderRecord {
    const order = this.orders.get(id);
    if (!order) throw notFound('order_id', id);
    if (this.isExpired(order)) {
      throw unprocessable({
        issue: 'ORDER_EXPIRED',
        description: 'The order has expired. Create a new order and have the payer approve it.',
      });
    }
    if (order.status === 'COMPLETED') {
      throw unprocessable({
        issue: 'ORDER_ALREADY_CAPTURED',
        description: "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed.",
      });
    }
    if (order.status !== 'APPROVED') {
      throw unprocessable({
        issue: 'ORDER_NOT_APPROVED',
        description:
          "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
      });
    }
    if (mockIssue) throw unprocessable(mockIssue);
    if (this.opts.paypal.blockDuplicateInvoiceId) {
      for (const unit of order.units) {
        if (!unit.invoiceId) continue;
        const taken = [...this.captures.values()].some(
          (c) => c.invoiceId === unit.invoiceId && c.orderId !== order.id,
        );
        if (taken) {
          throw unprocessable({
            issue: 'DUPLICATE_INVOICE_ID',
            description:
              'Duplicate Invoice ID detected. To avoid a potential duplicate transaction your account setting requires that Invoice Id be unique for each transaction.',
          });
        }
      }
    }
    const now = this.clock.now();
    const created: CaptureRecord[] = [];
    for (const unit of order.units) {
      const capture: CaptureRecord = {
        id: paypalId(),
        orderId: order.id,
        referenceId: unit.referenceId,
        currency: unit.currency,
        amountMinor: unit.amountMinor,
        feeMinor: feeFor(unit.amountMinor, unit.currency),
        refundedMinor: 0,
        status: 'COMPLETED',
        invoiceId: unit.invoiceId,
        customId: unit.customId,
        refundIds: [],
        createdAt: now,
        updatedAt: now,
      };
      unit.captureId = capture.id;
      this.captures.set(capture.id, capture);
      created.push(capture);
    }
    order.status = 'COMPLETED';
    order.updatedAt = now;
    for (const capture of created) {
      const { value } = money(capture.amountMinor, capture.currency);
      this.emit(
        'PAYMENT.CAPTURE.COMPLETED',
        'capture',
        this.captureJson(capture),
        `Payment completed for ${capture.currency} ${value}`,
      );
    }
    return order;
  }

  getCapture(id: string): CaptureRecord {
    const capture = this.captures.get(id);
    if (!capture) throw notFound('capture_id', id);
    return capture;
  }

  getRefund(id: string): RefundRecord {
    const refund = this.refunds.get(id);
    if (!refund) throw notFound('refund_id', id);
    return refund;
  }

  refund(captureId: string, body: Json, mockIssue?: PayPalIssue): RefundRecord {
    const capture = this.getCapture(captureId);
    if (capture.status === 'REFUNDED') {
      throw unprocessable({
        issue: 'CAPTURE_FULLY_REFUNDED',
        description: 'The capture has already been fully refunded.',
      });
    }
    const remaining = capture.amountMinor - capture.refundedMinor;
    let amountMinor = remaining;
    if (body.amount !== undefined) {
      const parsed = parseMoney(body.amount, '/amount');
      if (parsed.currency !== capture.currency) {
        throw unprocessable({
          field: '/amount/currency_code',
          value: parsed.currency,
          location: 'body',
          issue: 'CURRENCY_MISMATCH',
          description: 'Currency of capture must be the same as currency of refund.',
        });
      }
      amountMinor = parsed.minor;
    }
    if (amountMinor > remaining) {
      throw unprocessable({
        field: '/amount/value',
        location: 'body',
        issue: 'REFUND_AMOUNT_EXCEEDED',
        description:
          'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
      });
    }
    if (mockIssue) throw unprocessable(mockIssue);
    const text = (key: string, max: number): string | undefined => {
      const v = body[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string' || v.length > max) {
        throw new PayPalError('INVALID_REQUEST', [
          {
            field: `/${key}`,
            location: 'body',
            issue: 'INVALID_PARAMETER_SYNTAX',
            description: `Expected a string of at most ${max} characters.`,
          },
        ]);
      }
      return v;
    };
    const now = this.clock.now();
    const refund: RefundRecord = {
      id: paypalId(),
      captureId: capture.id,
      orderId: capture.orderId,
      currency: capture.currency,
      amountMinor,
      status: 'COMPLETED',
      invoiceId: text('invoice_id', 127) ?? capture.invoiceId,
      customId: text('custom_id', 127) ?? capture.customId,
      noteToPayer: text('note_to_payer', 255),
      createdAt: now,
      updatedAt: now,
    };
    this.refunds.set(refund.id, refund);
    capture.refundedMinor += amountMinor;
    capture.refundIds.push(refund.id);
    capture.status = capture.refundedMinor >= capture.amountMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    capture.updatedAt = now;
    const { value } = money(amountMinor, refund.currency);
    this.emit(
      'PAYMENT.CAPTURE.REFUNDED',
      'refund',
      this.refundJson(refund),
      `A ${refund.currency} ${value} capture payment was refunded`,
    );
    return refund;
  }

  // ── Representations (what goes on the wire) ────────────────────────────────────────────

  approvalUrl(order: OrderRecord): string {
    return `${this.baseUrl()}/checkoutnow?token=${order.id}`;
  }

  private payee() {
    return { email_address: this.opts.paypal.merchantEmail, merchant_id: this.opts.paypal.merchantId };
  }

  private payerJson(payer: Payer) {
    return {
      name: { given_name: payer.givenName, surname: payer.surname },
      email_address: payer.email,
      payer_id: payer.payerId,
      address: { country_code: payer.countryCode },
    };
  }

  orderJson(order: OrderRecord): Json {
    const base = this.baseUrl();
    const self = `${base}/v2/checkout/orders/${order.id}`;
    const json: Json = { id: order.id, intent: order.intent, status: order.status };
    if (order.payer) {
      json.payment_source = {
        paypal: {
          email_address: order.payer.email,
          account_id: order.payer.payerId,
          account_status: 'VERIFIED',
          name: { given_name: order.payer.givenName, surname: order.payer.surname },
          address: { country_code: order.payer.countryCode },
        },
      };
    } else if (order.flow === 'payment_source') {
      json.payment_source = { paypal: {} };
    }
    json.purchase_units = order.units.map((unit) => {
      const u: Json = { reference_id: unit.referenceId, amount: unit.amount, payee: this.payee() };
      if (unit.description !== undefined) u.description = unit.description;
      if (unit.customId !== undefined) u.custom_id = unit.customId;
      if (unit.invoiceId !== undefined) u.invoice_id = unit.invoiceId;
      if (unit.softDescriptor !== undefined) u.soft_descriptor = unit.softDescriptor;
      if (unit.items !== undefined) u.items = unit.items;
      if (unit.shipping !== undefined) u.shipping = unit.shipping;
      const capture = unit.captureId ? this.captures.get(unit.captureId) : undefined;
      if (capture) u.payments = { captures: [this.captureJson(capture)] };
      return u;
    });
    if (order.payer) json.payer = this.payerJson(order.payer);
    json.create_time = paypalTime(order.createdAt);
    json.update_time = paypalTime(order.updatedAt);
    const links: Json[] = [{ href: self, rel: 'self', method: 'GET' }];
    if (order.status === 'CREATED' || order.status === 'PAYER_ACTION_REQUIRED') {
      const approve = this.approvalUrl(order);
      links.push({ href: approve, rel: 'payer-action', method: 'GET' });
      links.push({ href: approve, rel: 'approve', method: 'GET' });
    }
    if (order.status !== 'COMPLETED') links.push({ href: `${self}/capture`, rel: 'capture', method: 'POST' });
    json.links = links;
    return json;
  }

  captureJson(capture: CaptureRecord): Json {
    const base = this.baseUrl();
    const json: Json = {
      id: capture.id,
      status: capture.status,
      amount: money(capture.amountMinor, capture.currency),
      final_capture: true,
      seller_protection: {
        status: 'ELIGIBLE',
        dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'],
      },
      seller_receivable_breakdown: {
        gross_amount: money(capture.amountMinor, capture.currency),
        paypal_fee: money(capture.feeMinor, capture.currency),
        net_amount: money(capture.amountMinor - capture.feeMinor, capture.currency),
      },
    };
    if (capture.invoiceId !== undefined) json.invoice_id = capture.invoiceId;
    if (capture.customId !== undefined) json.custom_id = capture.customId;
    json.payee = this.payee();
    json.supplementary_data = { related_ids: { order_id: capture.orderId } };
    json.links = [
      { href: `${base}/v2/payments/captures/${capture.id}`, rel: 'self', method: 'GET' },
      { href: `${base}/v2/payments/captures/${capture.id}/refund`, rel: 'refund', method: 'POST' },
      { href: `${base}/v2/checkout/orders/${capture.orderId}`, rel: 'up', method: 'GET' },
    ];
    json.create_time = paypalTime(capture.createdAt);
    json.update_time = paypalTime(capture.updatedAt);
    return json;
  }

  refundJson(refund: RefundRecord): Json {
    const base = this.baseUrl();
    const capture = this.captures.get(refund.captureId);
    const json: Json = {
      id: refund.id,
      amount: money(refund.amountMinor, refund.currency),
      seller_payable_breakdown: {
        gross_amount: money(refund.amountMinor, refund.currency),
        paypal_fee: money(0, refund.currency),
        net_amount: money(refund.amountMinor, refund.currency),
        total_refunded_amount: money(capture?.refundedMinor ?? refund.amountMinor, refund.currency),
      },
    };
    if (refund.invoiceId !== undefined) json.invoice_id = refund.invoiceId;
    if (refund.customId !== undefined) json.custom_id = refund.customId;
    if (refund.noteToPayer !== undefined) json.note_to_payer = refund.noteToPayer;
    json.status = refund.status;
    json.create_time = paypalTime(refund.createdAt);
    json.update_time = paypalTime(refund.updatedAt);
    json.links = [
      { href: `${base}/v2/payments/refunds/${refund.id}`, rel: 'self', method: 'GET' },
      { href: `${base}/v2/payments/captures/${refund.captureId}`, rel: 'up', method: 'GET' },
    ];
    return json;
  }

  /** Inspection view for /sandbox/state. */
  snapshot() {
    return {
      orders: [...this.orders.values()].map((o) => ({
        id: o.id,
        status: this.isExpired(o) ? 'EXPIRED' : o.status,
        flow: o.flow,
        purchase_units: o.units.map((u) => ({
          reference_id: u.referenceId,
          amount: u.amount,
          custom_id: u.customId,
          invoice_id: u.invoiceId,
          capture_id: u.captureId,
        })),
        return_url: o.returnUrl,
        cancel_url: o.cancelUrl,
        payer_email: o.payer?.email,
        payer_id: o.payer?.payerId,
        create_time: paypalTime(o.createdAt),
        expire_time: paypalTime(o.expiresAt),
      })),
      captures: [...this.captures.values()].map((c) => this.captureJson(c)),
      refunds: [...this.refunds.values()].map((r) => ({ ...this.refundJson(r), capture_id: r.captureId })),
    };
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { checkAddress, formatOrderNumber, type ValidAddress } from '@marketplace/core';
import type { Config } from '../../config.js';
import { leanQuery, type Statement, statementName } from '../../db/lean-query.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { Money } from '../../graphql/money.type.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { requireViewer } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { normalizeCouponCode, redeemCoupon } from '../coupons/coupon.service.js';
import { COUPON_GUESS_WINDOW_MINUTES, reserveCouponAttempt } from '../coupons/coupon-throttle.js';
import { CLOSE_UNPAID_ORDER } from '../orders/order-transitions.js';
import { isIdempotencyKey, type ServiceContactSnapshot, validateServiceContact } from './checkout-input.js';
import { type CheckoutError, checkoutError, type Quote, quoteCheckout } from './checkout-quote.js';
import { CheckoutEntity } from './checkout.entity.js';
import type {
  CheckoutPreview,
  CheckoutPreviewInput,
  CheckoutPreviewOrder,
  SubmitOrderInput,
} from './checkout.types.js';

export interface SubmitResult {
  checkout: CheckoutEntity | null;
  userErrors: CheckoutError[];
}

function statement(text: string, values: unknown[]): Statement {
  return { name: statementName('checkout', text), text, values };
}

/** The submit's locks, in this order: its idempotency key, then the shopper's cart row. */
const LOCK_SUBMIT = `select pg_advisory_xact_lock(hashtextextended($1, 0)) as key_lock,
  (select id from cart where user_id = $2::int for update) as cart_id`;

const RESERVE_STOCK = `with locked as (
  select id from product_variant where id = any($1::int[]) order by id for update),
upd as (
  update product_variant v set stock = v.stock - w.qty
  from unnest($1::int[], $2::int[]) as w (id, qty)
  where v.id = w.id and v.stock >= w.qty and v.id in (select id from locked)
  returning v.id)
select coalesce((select array_agg(id) from upd), '{}') as reserved,
  array(select nextval('order_number_seq') from generate_series(1, $3::int)) as numbers`;

const INSERT_CHECKOUT = `with ck as (
  insert into checkout (user_id, idempotency_key, payment_method, coupon_id, coupon_code, currency,
    subtotal_minor, discount_minor, shipping_fee_minor, total_minor, created_at)
  values ($1::int, $2, $3, $4::int, $5, $6, $7::int, $8::int, $9::int, $10::int, $11::timestamptz)
  returning id),
o as (
  insert into customer_order (number, checkout_id, user_id, merchant_id, status, kind, payment_method, currency,
    subtotal_minor, discount_minor, shipping_fee_minor, total_minor, coupon_code, ship_recipient_name, ship_phone,
    ship_country, ship_region, ship_city, ship_postal_code, ship_line1, ship_line2, contact_name, contact_email,
    contact_phone, contact_notes, created_at)
  select x.number, ck.id, $1::int, x.merchant_id, 'AWAITING_PAYMENT', x.kind, $3, $6, x.subtotal_minor,
    x.discount_minor, x.shipping_fee_minor, x.total_minor, x.coupon_code, x.ship_recipient_name, x.ship_phone,
    x.ship_country, x.ship_region, x.ship_city, x.ship_postal_code, x.ship_line1, x.ship_line2, x.contact_name,
    x.contact_email, x.contact_phone, x.contact_notes, $11::timestamptz
  from ck, json_to_recordset($12::json) as x (number text, merchant_id int, kind text, subtotal_minor int,
    discount_minor int, shipping_fee_minor int, total_minor int, coupon_code text, ship_recipient_name text,
    ship_phone text, ship_country text, ship_region text, ship_city text, ship_postal_code text, ship_line1 text,
    ship_line2 text, contact_name text, contact_email text, contact_phone text, contact_notes text)
  returning id, number),
ol as (
  insert into order_line (order_id, variant_id, kind, product_handle, product_title_en, product_title_zh,
    variant_title_en, variant_title_zh, sku, unit_price_minor, quantity, line_total_minor, reserved_quantity)
  select o.id, x.variant_id, x.kind, x.product_handle, x.product_title_en, x.product_title_zh, x.variant_title_en,
    x.variant_title_zh, x.sku, x.unit_price_minor, x.quantity, x.line_total_minor, x.reserved_quantity
  from json_to_recordset($13::json) as x (number text, variant_id int, kind text, product_handle text,
    product_title_en text, product_title_zh text, variant_title_en text, variant_title_zh text, sku text,
    unit_price_minor int, quantity int, line_total_minor int, reserved_quantity int)
  join o on o.number = x.number
  returning id),
h as (
  insert into order_history (order_id, from_status, to_status, event, actor_kind, actor_user_id, reason, created_at)
  select o.id, null, 'AWAITING_PAYMENT', null, 'SHOPPER', $1::int, null, $11::timestamptz from o
  returning id),
j as (
  select graphile_worker.add_job('${CLOSE_UNPAID_ORDER}', json_build_object('orderId', o.id),
    run_at => $14::timestamptz, job_key => '${CLOSE_UNPAID_ORDER}:' || o.id, max_attempts => 10) from o),
d as (delete from cart_line where id = any($15::int[]) returning id)
select (select id from ck) as id, (select count(*) from ol)::int as lines, (select count(*) from h)::int as history,
  (select count(*) from j)::int as jobs, (select count(*) from d)::int as removed`;

export class CheckoutService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  /**
   * Totals the server would charge now, with every reason `submitOrder` would refuse. Changes nothing but
   * the coupon-guessing throttle's record of an unknown code; once throttled, the totals leave the coupon out.
   */
  async preview(input: CheckoutPreviewInput, ip: string): Promise<CheckoutPreview> {
    const viewer = requireViewer(this.viewer);
    const throttled = await this.couponThrottled(viewer.userId, ip, input.couponCode);
    const quote = await quoteCheckout(
      this.em,
      this.config,
      viewer.userId,
      throttled ? { ...input, couponCode: null } : input,
      false,
    );
    if (throttled) quote.errors.unshift(throttled);
    const orders = quote.groups.map((g, i): CheckoutPreviewOrder => {
      const priced = quote.priced.orders[i]!;
      return {
        merchantId: g.merchantId,
        lines: g.items.map((item, j) => ({
          lineId: item.lineId,
          variantId: item.variant.id,
          quantity: item.quantity,
          unitPrice: Money.from(item.unitPrice),
          lineTotal: Money.from(priced.lineTotals[j]!),
        })),
        subtotal: Money.from(priced.subtotal),
        discount: Money.from(priced.discount),
        shippingFee: Money.from(priced.shippingFee),
        total: Money.from(priced.total),
      };
    });
    return {
      orders,
      subtotal: Money.from(quote.priced.subtotal),
      discount: Money.from(quote.priced.discount),
      shippingFee: Money.from(quote.priced.shippingFee),
      total: Money.from(quote.priced.total),
      couponCode: quote.couponCode,
      requiresShippingAddress: quote.items.some((i) => i.variant.product.kind === 'GOODS'),
      requiresServiceContact: quote.items.some((i) => i.variant.product.kind === 'SERVICE'),
      userErrors: quote.errors,
    };
  }

  /** The coupon-guessing throttle (coupon-throttle.ts): a userError once too many unknown codes were tried. */
  private async couponThrottled(
    userId: number,
    ip: string,
    couponCode: string | null | undefined,
  ): Promise<CheckoutError | null> {
    const code = normalizeCouponCode(couponCode);
    if (!code) return null;
    const { allowed } = await reserveCouponAttempt(this.em, { userId, ip }, code);
    if (allowed) return null;
    return checkoutError(
      'COUPON_ATTEMPTS_EXCEEDED',
      `Too many unknown coupon codes. Try again in ${COUPON_GUESS_WINDOW_MINUTES} minutes.`,
      ['input', 'couponCode'],
    );
  }

  /**
   * Creates one order per merchant under one checkout, reserving stock and the coupon, in one
   * transaction. The same idempotency key from the same shopper returns the first checkout.
   */
  async submit(input: SubmitOrderInput, ip: string): Promise<SubmitResult> {
    const viewer = requireViewer(this.viewer);
    const refuse = (errors: CheckoutError[]): SubmitResult => ({ checkout: null, userErrors: errors });
    if (!isIdempotencyKey(input.idempotencyKey ?? '')) {
      return refuse([
        checkoutError(
          'INVALID_IDEMPOTENCY_KEY',
          'The idempotency key must be 8–100 letters, digits, - or _.',
          ['input', 'idempotencyKey'],
        ),
      ]);
    }
    const throttled = await this.couponThrottled(viewer.userId, ip, input.couponCode);
    if (throttled) return refuse([throttled]);
    return inTransaction(this.em, async (em) => {
      // Serialises submits with one key (a racing twin waits here, then finds the first one's checkout)
      // and locks the shopper's cart, which serialises checkout with the cart's own changes.
      await leanQuery(
        em,
        statement(LOCK_SUBMIT, [`checkout:${viewer.userId}:${input.idempotencyKey}`, viewer.userId]),
      );
      const existing = await em.findOne(CheckoutEntity, {
        user: viewer.userId,
        idempotencyKey: input.idempotencyKey,
      });
      if (existing) return { checkout: existing, userErrors: [] };

      // The cart is locked above: the quote reads its lines without locking it again (the coupon it locks).
      const quote = await quoteCheckout(em, this.config, viewer.userId, input, true, false);
      const contact = this.validateContactDetails(quote, input);
      const errors = [...quote.errors, ...contact.errors];
      if (errors.length > 0) throw new Refusal(refuse(errors));

      const numbers = await reserveStock(em, quote);
      const checkout = await this.createCheckout(em, viewer, input, quote, contact, numbers);
      return { checkout, userErrors: [] };
    });
  }

  private validateContactDetails(
    quote: Quote,
    input: SubmitOrderInput,
  ): {
    errors: CheckoutError[];
    address: ValidAddress | null;
    contact: ServiceContactSnapshot | null;
  } {
    const errors: CheckoutError[] = [];
    let address: ValidAddress | null = null;
    let contact: ServiceContactSnapshot | null = null;
    if (quote.items.some((i) => i.variant.product.kind === 'GOODS')) {
      if (!input.shippingAddress) {
        errors.push(
          checkoutError('SHIPPING_ADDRESS_REQUIRED', 'Enter where to ship the goods.', [
            'input',
            'shippingAddress',
          ]),
        );
      } else {
        // The address book's rules (core), so a saved address is always a valid shipping address.
        const checked = checkAddress(input.shippingAddress);
        if (checked.ok) address = checked.value;
        else
          for (const e of checked.error)
            errors.push(
              checkoutError('INVALID_SHIPPING_ADDRESS', e.message, ['input', 'shippingAddress', e.field]),
            );
      }
    }
    if (quote.items.some((i) => i.variant.product.kind === 'SERVICE')) {
      if (!input.serviceContact) {
        errors.push(
          checkoutError('SERVICE_CONTACT_REQUIRED', 'Enter how the consultant can reach you.', [
            'input',
            'serviceContact',
          ]),
        );
      } else {
        const checked = validateServiceContact(input.serviceContact);
        if (checked.ok) contact = checked.value;
        else
          for (const p of checked.problems)
            errors.push(
              checkoutError('INVALID_SERVICE_CONTACT', p.message, ['input', 'serviceContact', p.field]),
            );
      }
    }
    return { errors, address, contact };
  }

  /**
   * The checkout, its orders (one per merchant), their lines and history, each order's payment
   * timeout job, and the removal of the submitted cart lines: ONE statement (INSERT_CHECKOUT).
   */
  private async createCheckout(
    em: EntityManager,
    viewer: Viewer,
    input: SubmitOrderInput,
    quote: Quote,
    details: { address: ValidAddress | null; contact: ServiceContactSnapshot | null },
    sequences: number[],
  ): Promise<CheckoutEntity> {
    const { priced } = quote;
    const now = new Date();
    const { address, contact } = details;
    const orders = quote.groups.map((group, i) => {
      const p = priced.orders[i]!;
      const goods = p.kind === 'GOODS' && address !== null;
      const service = group.items.some((it) => it.variant.product.kind === 'SERVICE') && contact !== null;
      return {
        number: formatOrderNumber(now, sequences[i]!),
        merchant_id: group.merchantId,
        kind: p.kind,
        subtotal_minor: p.subtotal.minor,
        discount_minor: p.discount.minor,
        shipping_fee_minor: p.shippingFee.minor,
        total_minor: p.total.minor,
        coupon_code: p.discount.minor > 0 ? quote.couponCode : null,
        ship_recipient_name: goods ? address.recipientName : null,
        ship_phone: goods ? address.phone : null,
        ship_country: goods ? address.countryCode : null,
        ship_region: goods ? address.region : null,
        ship_city: goods ? address.city : null,
        ship_postal_code: goods ? address.postalCode : null,
        ship_line1: goods ? address.line1 : null,
        ship_line2: goods ? address.line2 : null,
        contact_name: service ? contact.name : null,
        contact_email: service ? contact.email : null,
        contact_phone: service ? contact.phone : null,
        contact_notes: service ? contact.notes : null,
      };
    });
    const lines = quote.groups.flatMap((group, i) =>
      group.items.map((item, j) => {
        const { variant } = item;
        return {
          number: orders[i]!.number,
          variant_id: variant.id,
          kind: variant.product.kind,
          product_handle: variant.product.handle,
          product_title_en: variant.product.titleEn,
          product_title_zh: variant.product.titleZh,
          variant_title_en: variant.titleEn,
          variant_title_zh: variant.titleZh,
          sku: variant.sku,
          unit_price_minor: item.unitPrice.minor,
          quantity: item.quantity,
          line_total_minor: priced.orders[i]!.lineTotals[j]!.minor,
          reserved_quantity: variant.stock === null ? 0 : item.quantity,
        };
      }),
    );
    const submittedLines = quote.items.flatMap((i) => (i.cartLineId === null ? [] : [i.cartLineId]));
    const runAt = new Date(now.getTime() + this.config.orderPaymentTimeoutMinutes * 60_000);
    const [row] = await leanQuery<{ id: number }>(
      em,
      statement(INSERT_CHECKOUT, [
        viewer.userId,
        input.idempotencyKey,
        input.paymentMethod,
        quote.coupon?.coupon.id ?? null,
        quote.couponCode,
        this.config.currency,
        priced.subtotal.minor,
        priced.discount.minor,
        priced.shippingFee.minor,
        priced.total.minor,
        now,
        JSON.stringify(orders),
        JSON.stringify(lines),
        runAt,
        submittedLines,
      ]),
    );
    const checkout = Object.assign(new CheckoutEntity(), {
      id: Number(row!.id),
      idempotencyKey: input.idempotencyKey,
      paymentMethod: input.paymentMethod,
      coupon: quote.coupon?.coupon ?? null,
      couponCode: quote.couponCode,
      currency: this.config.currency,
      subtotalMinor: priced.subtotal.minor,
      discountMinor: priced.discount.minor,
      shippingFeeMinor: priced.shippingFee.minor,
      totalMinor: priced.total.minor,
      createdAt: now,
    });
    if (quote.coupon) {
      await redeemCoupon(em, quote.coupon.coupon, viewer.userId, checkout.id);
      await em.flush();
    }
    return checkout;
  }

  /** The viewer's own checkout by its global ID, or null. */
  async findCheckout(globalId: string): Promise<CheckoutEntity | null> {
    const viewer = requireViewer(this.viewer);
    const id = fromGlobalId(globalId, 'Checkout');
    if (id === null) return null;
    return this.em.findOne(CheckoutEntity, { id, user: viewer.userId });
  }
}

/**
 * Takes the units from stock with ONE conditional update (variants locked in id order first, so
 * concurrent checkouts cannot deadlock) and draws one order number per order. A row that no longer
 * has enough refuses the whole checkout: stock never goes negative.
 */
async function reserveStock(em: EntityManager, quote: Quote): Promise<number[]> {
  const counted = quote.items
    .filter((i) => i.variant.stock !== null)
    .sort((a, b) => a.variant.id - b.variant.id);
  const [row] = await leanQuery<{ reserved: number[]; numbers: string[] }>(
    em,
    statement(RESERVE_STOCK, [
      counted.map((i) => i.variant.id),
      counted.map((i) => i.quantity),
      quote.groups.length,
    ]),
  );
  const reserved = new Set((row?.reserved ?? []).map(Number));
  const short = counted.find((i) => !reserved.has(i.variant.id));
  if (short) {
    const [current] = await em.execute<{ stock: number | null }[]>(
      'select stock from product_variant where id = ?',
      [short.variant.id],
    );
    const available = Math.max(0, current?.stock ?? 0);
    const message =
      available === 0 ? 'This item is out of stock.' : `Only ${available} of this item are in stock.`;
    const field = short.cartLineId === null ? ['input', 'buyNow', 'quantity'] : ['input', 'cartLineIds'];
    throw new Refusal<SubmitResult>({
      checkout: null,
      userErrors: [checkoutError('OUT_OF_STOCK', message, field, { lineId: short.lineId, available })],
    });
  }
  return (row?.numbers ?? []).map(Number);
}

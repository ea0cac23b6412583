import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkAddress, formatOrderNumber, type ValidAddress } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { Money } from '../../graphql/money.type.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { requireViewer } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { CartLineEntity } from '../cart/cart.entity.js';
import { redeemCoupon } from '../coupons/coupon.service.js';
import { OrderEntity, OrderLineEntity } from '../orders/order.entity.js';
import { recordOrderCreated } from '../orders/order-transitions.js';
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

export class CheckoutService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  /** Totals the server would charge now, with every reason `submitOrder` would refuse. Changes nothing. */
  async preview(input: CheckoutPreviewInput): Promise<CheckoutPreview> {
    const viewer = requireViewer(this.viewer);
    const quote = await quoteCheckout(this.em, this.config, viewer.userId, input, false);
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

  /**
   * Creates one order per merchant under one checkout, reserving stock and the coupon, in one
   * transaction. The same idempotency key from the same shopper returns the first checkout.
   */
  async submit(input: SubmitOrderInput): Promise<SubmitResult> {
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
    return inTransaction(this.em, async (em) => {
      // Serialises submits with one key: a racing twin waits here, then finds the first one's checkout.
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `checkout:${viewer.userId}:${input.idempotencyKey}`,
      ]);
      const existing = await em.findOne(CheckoutEntity, {
        user: viewer.userId,
        idempotencyKey: input.idempotencyKey,
      });
      if (existing) return { checkout: existing, userErrors: [] };

      const quote = await quoteCheckout(em, this.config, viewer.userId, input, true);
      const contact = this.validateContactDetails(quote, input);
      const errors = [...quote.errors, ...contact.errors];
      if (errors.length > 0) throw new Refusal(refuse(errors));

      await reserveStock(em, quote);
      const checkout = await this.createCheckout(em, viewer, input, quote, contact);
      if (quote.cart) {
        const submitted = quote.items.map((i) => i.cartLineId).filter((id): id is number => id !== null);
        if (submitted.length > 0) await em.nativeDelete(CartLineEntity, { id: { $in: submitted } });
      }
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

  private async createCheckout(
    em: EntityManager,
    viewer: Viewer,
    input: SubmitOrderInput,
    quote: Quote,
    details: { address: ValidAddress | null; contact: ServiceContactSnapshot | null },
  ): Promise<CheckoutEntity> {
    const { priced } = quote;
    const checkout = em.create(CheckoutEntity, {
      user: viewer.userId,
      idempotencyKey: input.idempotencyKey,
      paymentMethod: input.paymentMethod,
      coupon: quote.coupon?.coupon ?? null,
      couponCode: quote.couponCode,
      currency: this.config.currency,
      subtotalMinor: priced.subtotal.minor,
      discountMinor: priced.discount.minor,
      shippingFeeMinor: priced.shippingFee.minor,
      totalMinor: priced.total.minor,
    });
    await em.flush();

    const now = new Date();
    for (const [i, group] of quote.groups.entries()) {
      const p = priced.orders[i]!;
      const [next] = await em.execute<{ seq: string }[]>(`select nextval('order_number_seq') as seq`);
      const { address, contact } = details;
      const order = em.create(OrderEntity, {
        number: formatOrderNumber(now, Number(next!.seq)),
        checkout,
        user: viewer.userId,
        merchant: group.merchantId,
        status: 'AWAITING_PAYMENT',
        kind: p.kind,
        paymentMethod: input.paymentMethod,
        currency: this.config.currency,
        subtotalMinor: p.subtotal.minor,
        discountMinor: p.discount.minor,
        shippingFeeMinor: p.shippingFee.minor,
        totalMinor: p.total.minor,
        couponCode: p.discount.minor > 0 ? quote.couponCode : null,
        createdAt: now,
        ...(p.kind === 'GOODS' && address
          ? {
              shipRecipientName: address.recipientName,
              shipPhone: address.phone,
              shipCountry: address.countryCode,
              shipRegion: address.region,
              shipCity: address.city,
              shipPostalCode: address.postalCode,
              shipLine1: address.line1,
              shipLine2: address.line2,
            }
          : {}),
        ...(group.items.some((it) => it.variant.product.kind === 'SERVICE') && contact
          ? {
              contactName: contact.name,
              contactEmail: contact.email,
              contactPhone: contact.phone,
              contactNotes: contact.notes,
            }
          : {}),
      });
      for (const [j, item] of group.items.entries()) {
        const { variant } = item;
        em.create(OrderLineEntity, {
          order,
          variant,
          kind: variant.product.kind,
          productHandle: variant.product.handle,
          productTitleEn: variant.product.titleEn,
          productTitleZh: variant.product.titleZh,
          variantTitleEn: variant.titleEn,
          variantTitleZh: variant.titleZh,
          sku: variant.sku,
          unitPriceMinor: item.unitPrice.minor,
          quantity: item.quantity,
          lineTotalMinor: p.lineTotals[j]!.minor,
          reservedQuantity: variant.stock === null ? 0 : item.quantity,
        });
      }
      await em.flush();
      await recordOrderCreated(em, this.config, order, { kind: 'SHOPPER', userId: viewer.userId });
    }
    if (quote.coupon) await redeemCoupon(em, quote.coupon.coupon, viewer.userId, checkout.id);
    await em.flush();
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
 * Takes the units from stock with conditional updates, variants in id order (no deadlocks between
 * checkouts). A row that no longer has enough refuses the whole checkout: stock never goes negative.
 */
async function reserveStock(em: EntityManager, quote: Quote): Promise<void> {
  const counted = quote.items
    .filter((i) => i.variant.stock !== null)
    .sort((a, b) => a.variant.id - b.variant.id);
  for (const item of counted) {
    const res = await em.execute<QueryResult>(
      'update product_variant set stock = stock - ? where id = ? and stock >= ?',
      [item.quantity, item.variant.id, item.quantity],
      'run',
    );
    if (res.affectedRows === 1) continue;
    const [row] = await em.execute<{ stock: number | null }[]>(
      'select stock from product_variant where id = ?',
      [item.variant.id],
    );
    const available = Math.max(0, row?.stock ?? 0);
    const message =
      available === 0 ? 'This item is out of stock.' : `Only ${available} of this item are in stock.`;
    const field = item.cartLineId === null ? ['input', 'buyNow', 'quantity'] : ['input', 'cartLineIds'];
    throw new Refusal<SubmitResult>({
      checkout: null,
      userErrors: [checkoutError('OUT_OF_STOCK', message, field, { lineId: item.lineId, available })],
    });
  }
}

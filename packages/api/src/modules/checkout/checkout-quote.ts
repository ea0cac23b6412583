import { merchantCanSell } from '@marketplace/core';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  checkLineQuantity,
  type CurrencyCode,
  type Money as CoreMoney,
  money,
  type PricedCheckout,
  priceCheckout,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { Money } from '../../graphql/money.type.js';
import { fromGlobalId, toGlobalId } from '../../graphql/relay.js';
import { CartEntity, CartLineEntity } from '../cart/cart.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { ProductVariantEntity } from '../catalog/product-variant.entity.js';
import { leanQuery } from '../../db/lean-query.js';
import { type CouponWithFacts, findCoupon, normalizeCouponCode } from '../coupons/coupon.service.js';
import { priceOfVariant, runningActivitiesByProduct } from '../activities/activity-pricing.js';
import type { CheckoutErrorCode, CheckoutPreviewInput } from './checkout.types.js';

const CART_LINES_SELECT = `select to_json(l) as line, to_json(v) as variant, to_json(p) as product, to_json(m) as merchant
   from cart_line l
   join product_variant v on v.id = l.variant_id
   join product p on p.id = v.product_id
   join merchant m on m.id = p.merchant_id`;
const CART_LINES_OF_USER = `${CART_LINES_SELECT}
  where l.cart_id = (select id from cart where user_id = $1) order by l.id`;
const CART_LINES_OF_CART = `${CART_LINES_SELECT}
  where l.cart_id = $1 order by l.id`;

/**
 * A cart's lines with their variants, products and stores — one prepared statement, its rows made
 * managed entities (`em.map`, stores first so each reference finds its entity), instead of an ORM
 * query with three joined populates built and planned on every checkout.
 */
async function cartLinesWithProducts(
  em: EntityManager,
  of: { userId: number } | { cartId: number },
): Promise<CartLineEntity[]> {
  const rows = await leanQuery<{
    line: Record<string, unknown>;
    variant: Record<string, unknown>;
    product: Record<string, unknown>;
    merchant: Record<string, unknown>;
  }>(
    em,
    'userId' in of
      ? { name: 'quote_lines_of_user', text: CART_LINES_OF_USER, values: [of.userId] }
      : { name: 'quote_lines_of_cart', text: CART_LINES_OF_CART, values: [of.cartId] },
  );
  return rows.map((r) => {
    em.map(MerchantEntity, r.merchant);
    em.map(ProductEntity, r.product);
    em.map(ProductVariantEntity, r.variant);
    return em.map(CartLineEntity, r.line);
  });
}

function basePrice(variant: ProductVariantEntity): CoreMoney {
  return money(variant.priceMinor, variant.currency as CurrencyCode);
}

export interface CheckoutError {
  code: CheckoutErrorCode;
  message: string;
  field: string[] | null;
  lineId: string | null;
  available: number | null;
  minimumSpend: Money | null;
}

export function checkoutError(
  code: CheckoutErrorCode,
  message: string,
  field: string[] | null,
  extra: Partial<Pick<CheckoutError, 'lineId' | 'available' | 'minimumSpend'>> = {},
): CheckoutError {
  return { code, message, field, lineId: null, available: null, minimumSpend: null, ...extra };
}

/** One line to be ordered: a cart line, or the buy-now variant. */
export interface QuoteItem {
  /** Global ID of the cart line, or of the variant for buy now. */
  lineId: string;
  cartLineId: number | null;
  variant: ProductVariantEntity;
  quantity: number;
  /** What one unit costs now: the variant's price with the best running activity applied. */
  unitPrice: CoreMoney;
}

export interface QuoteGroup {
  merchantId: number;
  items: QuoteItem[];
}

export interface Quote {
  items: QuoteItem[];
  groups: QuoteGroup[];
  priced: PricedCheckout;
  coupon: CouponWithFacts | null;
  couponCode: string | null;
  errors: CheckoutError[];
  cart: CartEntity | null;
}

/**
 * The single pricing path of `checkoutPreview` and `submitOrder`: reads the selection (cart lines
 * or buy now) at current prices and stock, the coupon and its usage, and prices it with core
 * rules. With `lock` (submit), the cart and the coupon rows are locked for the transaction.
 */
export async function quoteCheckout(
  em: EntityManager,
  config: Config,
  userId: number,
  input: CheckoutPreviewInput,
  lock: boolean,
  /** Whether to lock the cart here (false when the caller has locked it already). */
  lockCart: boolean = lock,
): Promise<Quote> {
  const errors: CheckoutError[] = [];
  const selection = await selectItems(em, userId, input, lockCart, errors);

  for (const [index, item] of selection.items.entries()) {
    const field = item.cartLineId === null ? ['input', 'buyNow'] : ['input', 'cartLineIds', String(index)];
    const { product } = item.variant;
    if (product.status !== 'PUBLISHED' || !merchantCanSell(product.merchant.status)) {
      errors.push(
        checkoutError('VARIANT_UNAVAILABLE', 'This item is no longer on sale.', field, {
          lineId: item.lineId,
        }),
      );
      continue;
    }
    const check = checkLineQuantity(item.quantity, item.variant.stock);
    if (!check.ok) {
      const { code, message, max } = check.error;
      const quantityField = item.cartLineId === null ? ['input', 'buyNow', 'quantity'] : field;
      if (code === 'QUANTITY_EXCEEDS_STOCK') {
        errors.push(
          checkoutError('OUT_OF_STOCK', message, quantityField, { lineId: item.lineId, available: max ?? 0 }),
        );
      } else {
        errors.push(checkoutError(code, message, quantityField, { lineId: item.lineId }));
      }
    }
  }

  const now = new Date();
  const activities = await runningActivitiesByProduct(
    em,
    selection.items.map((i) => i.variant.product.id),
    now,
  );
  for (const item of selection.items) {
    item.unitPrice = priceOfVariant(item.variant, activities.get(item.variant.product.id) ?? [], now).price;
  }
  const groups = groupByMerchant(selection.items);
  const currency = config.currency as CurrencyCode;
  const couponCode = normalizeCouponCode(input.couponCode);
  const coupon = couponCode ? await findCoupon(em, couponCode, userId, lock) : null;
  if (couponCode && !coupon) {
    errors.push(checkoutError('COUPON_NOT_FOUND', 'No coupon has this code.', ['input', 'couponCode']));
  }
  const priced = priceCheckout({
    currency,
    groups: groups.map((g) => ({
      merchantId: String(g.merchantId),
      lines: g.items.map((i) => ({
        unitPrice: i.unitPrice,
        quantity: Math.max(0, Math.min(i.quantity, 1_000_000)),
        kind: i.variant.product.kind,
      })),
    })),
    coupon: selection.items.length > 0 ? (coupon?.facts ?? null) : null,
    shipping: {
      flatFee: money(config.shippingFeeMinor, currency),
      freeThreshold: money(config.freeShippingThresholdMinor, currency),
    },
    now,
  });
  if (priced.couponError) {
    const { code, message, minSpend } = priced.couponError;
    errors.push(
      checkoutError(code, message, ['input', 'couponCode'], {
        minimumSpend: minSpend ? Money.from(minSpend) : null,
      }),
    );
  }
  return {
    items: selection.items,
    groups,
    priced,
    coupon: priced.couponApplied ? coupon : null,
    couponCode: priced.couponApplied ? couponCode : null,
    errors,
    cart: selection.cart,
  };
}

function groupByMerchant(items: QuoteItem[]): QuoteGroup[] {
  const groups = new Map<number, QuoteGroup>();
  for (const item of items) {
    const merchantId = item.variant.product.merchant.id;
    let group = groups.get(merchantId);
    if (!group) {
      group = { merchantId, items: [] };
      groups.set(merchantId, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

const POPULATE = ['product', 'product.merchant'] as const;

async function selectItems(
  em: EntityManager,
  userId: number,
  input: CheckoutPreviewInput,
  lock: boolean,
  errors: CheckoutError[],
): Promise<{ items: QuoteItem[]; cart: CartEntity | null }> {
  if (input.buyNow && input.cartLineIds) {
    errors.push(
      checkoutError('INVALID_INPUT', 'Check out either cart lines or a buy-now item, not both.', [
        'input',
        'buyNow',
      ]),
    );
    return { items: [], cart: null };
  }
  if (input.buyNow) {
    const { variantId: globalId, quantity } = input.buyNow;
    const variantId = fromGlobalId(globalId, 'ProductVariant');
    const variant =
      variantId === null
        ? null
        : await em.findOne(ProductVariantEntity, { id: variantId }, { populate: POPULATE });
    if (!variant) {
      errors.push(
        checkoutError('VARIANT_UNAVAILABLE', 'No product variant on sale has this ID.', [
          'input',
          'buyNow',
          'variantId',
        ]),
      );
      return { items: [], cart: null };
    }
    return {
      items: [
        {
          lineId: toGlobalId('ProductVariant', variant.id),
          cartLineId: null,
          variant,
          quantity,
          unitPrice: basePrice(variant),
        },
      ],
      cart: null,
    };
  }

  // Locking the cart serialises checkout with the cart's own changes (add, update, remove). Without
  // `lock` (a preview, or a submit that locked the cart already) the lines are read in one statement.
  const cart = lock
    ? await em.findOne(CartEntity, { user: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  const lines = lock && !cart ? [] : await cartLinesWithProducts(em, cart ? { cartId: cart.id } : { userId });
  let chosen: CartLineEntity[];
  if (input.cartLineIds) {
    chosen = [];
    const byId = new Map(lines.map((l) => [l.id, l]));
    for (const [index, globalId] of input.cartLineIds.entries()) {
      const line = byId.get(fromGlobalId(globalId, 'CartLine') ?? -1);
      if (!line) {
        errors.push(
          checkoutError(
            'LINE_NOT_FOUND',
            'This line is not in your cart.',
            ['input', 'cartLineIds', String(index)],
            {
              lineId: globalId,
            },
          ),
        );
      } else if (!chosen.includes(line)) {
        chosen.push(line);
      }
    }
  } else {
    chosen = lines.filter((l) => l.selected);
  }
  if (chosen.length === 0 && errors.length === 0) {
    errors.push(
      checkoutError('EMPTY_SELECTION', 'Select at least one item to check out.', ['input', 'cartLineIds']),
    );
  }
  return {
    items: chosen.map((line) => ({
      lineId: toGlobalId('CartLine', line.id),
      cartLineId: line.id,
      variant: line.variant,
      quantity: line.quantity,
      unitPrice: basePrice(line.variant),
    })),
    cart,
  };
}

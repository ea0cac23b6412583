import { type CouponError, type CouponFacts, evaluateCoupon } from './coupon-rules.js';
import type { CurrencyCode } from './currency.js';
import { add, type Money, multiply, subtract, sum, zero } from './money.js';
import type { ProductKind } from './product.js';
import { type ShippingPolicy, shippingFee } from './shipping.js';

export type PricingLine = {
  readonly unitPrice: Money;
  readonly quantity: number;
  readonly kind: ProductKind;
};
export type PricingGroup = { readonly merchantId: string; readonly lines: readonly PricingLine[] };

export type PricedOrder = {
  readonly merchantId: string;
  /** GOODS when any line is goods (it ships), SERVICE otherwise. */
  readonly kind: ProductKind;
  readonly lineTotals: readonly Money[];
  readonly subtotal: Money;
  readonly discount: Money;
  readonly shippingFee: Money;
  readonly total: Money;
};

export type PricedCheckout = {
  readonly orders: readonly PricedOrder[];
  readonly subtotal: Money;
  readonly discount: Money;
  readonly shippingFee: Money;
  readonly total: Money;
  /** Whether a coupon was given and applies; when it does not, `couponError` says why and no discount is taken. */
  readonly couponApplied: boolean;
  readonly couponError: CouponError | null;
};

/**
 * The one pricing path of checkout (preview and submit): line totals, per-merchant subtotals, the
 * coupon's discount allocated over the merchant orders, shipping per order, totals. Every amount is
 * exact in minor units; the checkout's figures are sums of its orders'.
 */
export function priceCheckout(input: {
  currency: CurrencyCode;
  groups: readonly PricingGroup[];
  coupon: CouponFacts | null;
  shipping: ShippingPolicy;
  now: Date;
}): PricedCheckout {
  const { currency } = input;
  const bases = input.groups.map((g) => {
    const lineTotals = g.lines.map((l) => multiply(l.unitPrice, l.quantity));
    return {
      merchantId: g.merchantId,
      kind: (g.lines.some((l) => l.kind === 'GOODS') ? 'GOODS' : 'SERVICE') as ProductKind,
      lineTotals,
      subtotal: sum(lineTotals, currency),
    };
  });
  const evaluation = input.coupon ? evaluateCoupon(input.coupon, bases, input.now) : null;
  const allocation = evaluation?.ok ? evaluation.value.allocation : null;

  const orders = bases.map((b, i): PricedOrder => {
    const discount = allocation?.[i] ?? zero(currency);
    const itemsTotal = subtract(b.subtotal, discount);
    const fee = shippingFee({ hasGoods: b.kind === 'GOODS', itemsTotal }, input.shipping);
    return { ...b, discount, shippingFee: fee, total: add(itemsTotal, fee) };
  });
  return {
    orders,
    subtotal: sum(
      orders.map((o) => o.subtotal),
      currency,
    ),
    discount: sum(
      orders.map((o) => o.discount),
      currency,
    ),
    shippingFee: sum(
      orders.map((o) => o.shippingFee),
      currency,
    ),
    total: sum(
      orders.map((o) => o.total),
      currency,
    ),
    couponApplied: evaluation?.ok === true,
    couponError: evaluation && !evaluation.ok ? evaluation.error : null,
  };
}

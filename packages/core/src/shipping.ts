import { compare, type Money, zero } from './money.js';

export type ShippingPolicy = {
  /** Flat fee for each merchant order that contains goods. */
  readonly flatFee: Money;
  /** Orders whose goods cost at least this much (after discount) ship free; null = never free. */
  readonly freeThreshold: Money | null;
};

/**
 * Shipping fee of one merchant order. Services are not shipped; an order mixing goods and services
 * ships as goods. The threshold compares what the shopper pays for the items (subtotal − discount).
 */
export function shippingFee(order: { hasGoods: boolean; itemsTotal: Money }, policy: ShippingPolicy): Money {
  if (!order.hasGoods) return zero(order.itemsTotal.currency);
  if (policy.freeThreshold && compare(order.itemsTotal, policy.freeThreshold) >= 0)
    return zero(order.itemsTotal.currency);
  return policy.flatFee;
}

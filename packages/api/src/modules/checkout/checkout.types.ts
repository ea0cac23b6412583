import { AddressInput } from '../accounts/address.types.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Money } from '../../graphql/money.type.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import type { CheckoutEntity, PaymentMethod as PaymentMethodValue } from './checkout.entity.js';

export const PaymentMethod = { PAYPAL: 'PAYPAL', UNIONPAY_CARD: 'UNIONPAY_CARD' } as const;
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How the shopper will pay a checkout.',
  valuesConfig: {
    PAYPAL: { description: 'PayPal (approval on PayPal, then capture).' },
    UNIONPAY_CARD: { description: 'UnionPay credit card through the gateway’s card field.' },
  },
});

export const CheckoutErrorCode = {
  INVALID_INPUT: 'INVALID_INPUT',
  EMPTY_SELECTION: 'EMPTY_SELECTION',
  LINE_NOT_FOUND: 'LINE_NOT_FOUND',
  VARIANT_UNAVAILABLE: 'VARIANT_UNAVAILABLE',
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  QUANTITY_EXCEEDS_LINE_MAXIMUM: 'QUANTITY_EXCEEDS_LINE_MAXIMUM',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  SHIPPING_ADDRESS_REQUIRED: 'SHIPPING_ADDRESS_REQUIRED',
  INVALID_SHIPPING_ADDRESS: 'INVALID_SHIPPING_ADDRESS',
  SERVICE_CONTACT_REQUIRED: 'SERVICE_CONTACT_REQUIRED',
  INVALID_SERVICE_CONTACT: 'INVALID_SERVICE_CONTACT',
  COUPON_NOT_FOUND: 'COUPON_NOT_FOUND',
  COUPON_NOT_STARTED: 'COUPON_NOT_STARTED',
  COUPON_EXPIRED: 'COUPON_EXPIRED',
  COUPON_MIN_SPEND_NOT_MET: 'COUPON_MIN_SPEND_NOT_MET',
  COUPON_USAGE_LIMIT_REACHED: 'COUPON_USAGE_LIMIT_REACHED',
  COUPON_ALREADY_USED: 'COUPON_ALREADY_USED',
  COUPON_NOT_APPLICABLE: 'COUPON_NOT_APPLICABLE',
  COUPON_ATTEMPTS_EXCEEDED: 'COUPON_ATTEMPTS_EXCEEDED',
  INVALID_IDEMPOTENCY_KEY: 'INVALID_IDEMPOTENCY_KEY',
} as const;
export type CheckoutErrorCode = keyof typeof CheckoutErrorCode;

registerEnumType(CheckoutErrorCode, {
  name: 'CheckoutErrorCode',
  description: 'Why `checkoutPreview` or `submitOrder` cannot go ahead.',
  valuesConfig: {
    INVALID_INPUT: {
      description: 'The input is malformed, e.g. both `cartLineIds` and `buyNow` were given.',
    },
    EMPTY_SELECTION: { description: 'Nothing to check out: no selected cart lines.' },
    LINE_NOT_FOUND: { description: 'A cart line ID is not a line of the viewer’s cart.' },
    VARIANT_UNAVAILABLE: { description: 'The item is no longer on sale.' },
    INVALID_QUANTITY: { description: 'Quantity must be a whole number of at least 1.' },
    QUANTITY_EXCEEDS_LINE_MAXIMUM: { description: 'More than the per-line maximum.' },
    OUT_OF_STOCK: { description: 'Not enough in stock for the line (`available` says how many are).' },
    SHIPPING_ADDRESS_REQUIRED: { description: 'Goods are being ordered: a shipping address is needed.' },
    INVALID_SHIPPING_ADDRESS: { description: 'A field of the shipping address is invalid (see `field`).' },
    SERVICE_CONTACT_REQUIRED: { description: 'Services are being ordered: contact details are needed.' },
    INVALID_SERVICE_CONTACT: { description: 'A field of the contact details is invalid (see `field`).' },
    COUPON_NOT_FOUND: { description: 'No active coupon has this code.' },
    COUPON_NOT_STARTED: { description: 'The coupon is not valid yet.' },
    COUPON_EXPIRED: { description: 'The coupon has expired.' },
    COUPON_MIN_SPEND_NOT_MET: { description: 'The eligible subtotal is below the minimum (`minimumSpend`).' },
    COUPON_USAGE_LIMIT_REACHED: { description: 'The coupon has been used up.' },
    COUPON_ALREADY_USED: { description: 'The shopper has used this coupon as often as allowed.' },
    COUPON_NOT_APPLICABLE: { description: 'A merchant coupon without any of that merchant’s items.' },
    COUPON_ATTEMPTS_EXCEEDED: {
      description: 'Too many unknown coupon codes tried lately (guessing): no code is checked for a while.',
    },
    INVALID_IDEMPOTENCY_KEY: { description: 'The idempotency key must be 8–100 characters [A-Za-z0-9_-].' },
  },
});

@ObjectType('CheckoutUserError', {
  implements: BaseUserError,
  description: 'An expected reason a checkout cannot be submitted (or a coupon does not apply).',
})
export class CheckoutUserError extends BaseUserError {
  @Field(() => CheckoutErrorCode, { description: 'Machine-readable reason.' })
  code!: CheckoutErrorCode;

  @Field(() => ID, {
    nullable: true,
    description: 'The cart line (or, for buy now, the variant) the error is about.',
  })
  lineId!: string | null;

  @Field(() => Int, { nullable: true, description: 'For OUT_OF_STOCK: units that are in stock.' })
  available!: number | null;

  @Field(() => Money, { nullable: true, description: 'For COUPON_MIN_SPEND_NOT_MET: the minimum.' })
  minimumSpend!: Money | null;
}

@InputType('BuyNowInput', { description: 'One variant checked out directly, without touching the cart.' })
export class BuyNowInput {
  @Field(() => ID, { description: 'Global ID of the variant to buy now, without the cart.' })
  variantId!: string;

  @Field(() => Int, { defaultValue: 1, description: 'How many units (1 or more).' })
  quantity!: number;
}

@InputType('ServiceContactInput', {
  description: 'How the merchant reaches the shopper for a consulting service.',
})
export class ServiceContactInput {
  @Field({ description: 'Contact person’s name.' })
  name!: string;

  @Field({ description: 'Contact email address.' })
  email!: string;

  @Field({ description: 'Contact phone number.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'What the consultation is about (optional).' })
  notes?: string | null;
}

@InputType('CheckoutPreviewInput', { description: 'What to price: selected cart lines or a buy-now item.' })
export class CheckoutPreviewInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'Lines of the viewer’s cart; omit for every selected line. Not with `buyNow`.',
  })
  cartLineIds?: string[] | null;

  @Field(() => BuyNowInput, { nullable: true, description: 'Check out one variant instead of the cart.' })
  buyNow?: BuyNowInput | null;

  @Field(() => String, { nullable: true, description: 'A coupon code to try (an attempt: throttled).' })
  couponCode?: string | null;
}

@InputType('SubmitOrderInput', {
  description: 'Everything `submitOrder` needs. There are no price fields: the server prices everything.',
})
export class SubmitOrderInput extends CheckoutPreviewInput {
  @Field(() => AddressInput, {
    nullable: true,
    description:
      'Where goods are shipped (required when any goods are ordered): an address-book entry can be sent as is; it is validated and stored on the order.',
  })
  shippingAddress?: AddressInput | null;

  @Field(() => ServiceContactInput, {
    nullable: true,
    description: 'Required when any services are ordered.',
  })
  serviceContact?: ServiceContactInput | null;

  @Field(() => PaymentMethod, { description: 'How the shopper will pay.' })
  paymentMethod!: PaymentMethodValue;

  @Field({
    description:
      'Generated once per checkout attempt by the client. Submitting again with the same key returns the same checkout.',
  })
  idempotencyKey!: string;
}

/** A priced line before it becomes an order line. */
export interface QuoteLine {
  lineId: string;
  variantId: number;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
}

@ObjectType('CheckoutPreviewLine', { description: 'A line as it would be ordered, at the current price.' })
export class CheckoutPreviewLine {
  @Field(() => ID, { description: 'The cart line ID, or the variant ID for buy now.' })
  lineId!: string;

  @Field(() => Int, { description: 'Units to buy.' })
  quantity!: number;

  @Field(() => Money, { description: 'Price of one unit now (activities applied).' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'unitPrice × quantity.' })
  lineTotal!: Money;

  variantId!: number;
}

@ObjectType('CheckoutPreviewOrder', { description: 'The order one merchant would receive.' })
export class CheckoutPreviewOrder {
  @Field(() => [CheckoutPreviewLine], { description: 'The lines of this merchant’s order.' })
  lines!: CheckoutPreviewLine[];

  @Field(() => Money, { description: 'Sum of this order’s lines.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'This order’s part of the coupon discount.' })
  discount!: Money;

  @Field(() => Money, { description: 'This order’s shipping fee.' })
  shippingFee!: Money;

  @Field(() => Money, { description: 'subtotal − discount + shippingFee.' })
  total!: Money;

  merchantId!: number;
}

@ObjectType('CheckoutPreview', {
  description: 'Server-computed totals of a checkout that has not been submitted.',
})
export class CheckoutPreview {
  @Field(() => [CheckoutPreviewOrder], { description: 'One order per merchant.' })
  orders!: CheckoutPreviewOrder[];

  @Field(() => Money, { description: 'Sum of all lines.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'Coupon discount (zero without a valid coupon).' })
  discount!: Money;

  @Field(() => Money, { description: 'Shipping over all merchant orders.' })
  shippingFee!: Money;

  @Field(() => Money, { description: 'What the shopper would pay.' })
  total!: Money;

  @Field(() => String, { nullable: true, description: 'The coupon code, when it applies.' })
  couponCode!: string | null;

  @Field({ description: 'Whether a shipping address will be required (goods are ordered).' })
  requiresShippingAddress!: boolean;

  @Field({ description: 'Whether contact details will be required (services are ordered).' })
  requiresServiceContact!: boolean;

  @Field(() => [CheckoutUserError], {
    description:
      'Problems `submitOrder` would refuse for now (e.g. stock, coupon); empty when it can go ahead.',
  })
  userErrors!: CheckoutUserError[];
}

@ObjectType('Checkout', {
  implements: Node,
  description: 'A submitted checkout: its merchant orders are paid together.',
})
export class Checkout extends Node {
  @Field(() => PaymentMethod, { description: 'How the shopper chose to pay.' })
  paymentMethod!: PaymentMethodValue;

  @Field(() => String, { nullable: true, description: 'The coupon applied, if any.' })
  couponCode!: string | null;

  @Field(() => Money, { description: 'Sum of all orders’ lines.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'Coupon discount over all orders.' })
  discount!: Money;

  @Field(() => Money, { description: 'Shipping over all orders.' })
  shippingFee!: Money;

  @Field(() => Money, { description: 'What the shopper pays: subtotal − discount + shippingFee.' })
  total!: Money;

  @Field({ description: 'When the order was submitted.' })
  createdAt!: Date;

  row!: CheckoutEntity;

  static from(row: CheckoutEntity, money: (minor: number) => Money): Checkout {
    return Object.assign(new Checkout(), {
      id: toGlobalId('Checkout', row.id),
      paymentMethod: row.paymentMethod,
      couponCode: row.couponCode,
      subtotal: money(row.subtotalMinor),
      discount: money(row.discountMinor),
      shippingFee: money(row.shippingFeeMinor),
      total: money(row.totalMinor),
      createdAt: row.createdAt,
      row,
    });
  }
}

@ObjectType('SubmitOrderPayload', { description: 'Result of `submitOrder`.' })
export class SubmitOrderPayload {
  @Field(() => Checkout, { nullable: true, description: 'The checkout with its orders; null when refused.' })
  checkout!: Checkout | null;

  @Field(() => [CheckoutUserError], { description: 'Why nothing was ordered; empty on success.' })
  userErrors!: CheckoutUserError[];
}

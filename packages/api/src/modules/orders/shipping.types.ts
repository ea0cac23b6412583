import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import type { OrderEntity } from './order.entity.js';
import { Order } from './orders.types.js';
import type { ShipOrdersErrorCode as Code } from './shipping.service.js';

@ObjectType('Shipment', { description: 'How a goods order travels: the carrier and its tracking number.' })
export class Shipment {
  @Field({ description: 'The carrier, as the merchant named it (e.g. 黑貓宅急便, Chunghwa Post).' })
  carrier!: string;

  @Field({ description: 'The carrier’s tracking number (letters, digits, hyphens).' })
  trackingNumber!: string;

  @Field({ description: 'When the parcel was handed to the carrier.' })
  shippedAt!: Date;

  /** Null until the order has shipped. */
  static of(row: OrderEntity): Shipment | null {
    if (!row.shippingCarrier || !row.trackingNumber || !row.shippedAt) return null;
    return Object.assign(new Shipment(), {
      carrier: row.shippingCarrier,
      trackingNumber: row.trackingNumber,
      shippedAt: row.shippedAt,
    });
  }
}

const CODES: Record<Code, string> = {
  INVALID_ORDER_COUNT: 'Ship between 1 and 100 orders at a time.',
  DUPLICATE_ORDER: 'The same order is listed twice.',
  ORDER_NOT_FOUND: 'The viewer’s store has no order with this ID.',
  NOT_SHIPPABLE:
    'Only a paid goods order awaiting shipment can be shipped (consulting services are delivered with their report).',
  CANCELLATION_PENDING: 'The shopper asked to cancel the order: decide the request first.',
  INVALID_CARRIER: 'The carrier is empty or longer than 60 characters.',
  INVALID_TRACKING_NUMBER: 'The tracking number is not 3–60 letters, digits or hyphens.',
  ACCOUNT_RESTRICTED:
    'Your account’s or store’s standing (a freeze) does not allow this now; see `viewer.standing`.',
};

export const ShipOrdersErrorCode = Object.fromEntries(Object.keys(CODES).map((c) => [c, c])) as {
  [K in Code]: K;
};
registerEnumType(ShipOrdersErrorCode, {
  name: 'ShipOrdersErrorCode',
  description: 'Why `shipOrders` refused (nothing was shipped).',
  valuesConfig: Object.fromEntries(Object.entries(CODES).map(([k, d]) => [k, { description: d }])),
});

@ObjectType('ShipOrdersUserError', {
  implements: BaseUserError,
  description: 'Why `shipOrders` refused, and which input field it concerns.',
})
export class ShipOrdersUserError extends BaseUserError {
  @Field(() => ShipOrdersErrorCode, { description: 'What went wrong.' })
  code!: Code;
}

@ObjectType('ShipOrdersPayload', { description: 'Result of `shipOrders`.' })
export class ShipOrdersPayload {
  @Field(() => [Order], { description: 'The shipped orders, in the order given; empty when refused.' })
  orders!: Order[];

  @Field(() => [ShipOrdersUserError], { description: 'Why the change was refused; empty on success.' })
  userErrors!: ShipOrdersUserError[];
}

@InputType('OrderShipmentInput', { description: 'The shipment of one order: carrier and tracking number.' })
export class OrderShipmentInput {
  @Field(() => ID, { description: 'Global ID of the order being shipped.' })
  orderId!: string;

  @Field({ description: 'The carrier, 1–60 characters.' })
  carrier!: string;

  @Field({ description: 'The tracking number, 3–60 letters, digits or hyphens (stored upper-cased).' })
  trackingNumber!: string;
}

@InputType('ShipOrdersInput', { description: 'Orders to mark as shipped, all or none.' })
export class ShipOrdersInput {
  @Field(() => [OrderShipmentInput], { description: 'One to 100 orders of the viewer’s store.' })
  orders!: OrderShipmentInput[];
}

import { type CurrencyCode, money, ORDER_STATUSES, type OrderStatus as Status } from '@marketplace/core';
import type { ClassType } from 'type-graphql';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Money } from '../../graphql/money.type.js';
import { connectionTypes, Node, toGlobalId } from '../../graphql/relay.js';
import { PaymentMethod } from '../checkout/checkout.types.js';
import type {
  OrderActorKind as ActorKind,
  OrderCancellationRequestEntity,
  OrderEntity,
  OrderHistoryEntity,
  OrderLineEntity,
} from './order.entity.js';

export const OrderStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, s])) as { [K in Status]: K };
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'The six order statuses; `statusLabel` gives their names in the shopper’s language.',
  valuesConfig: {
    AWAITING_PAYMENT: { description: 'Submitted, not paid yet.' },
    AWAITING_SHIPMENT: { description: 'Paid; the merchant is preparing it.' },
    SHIPPED: { description: 'Handed to the carrier.' },
    COMPLETED: { description: 'Transaction successful: received (or the service report delivered).' },
    CLOSED: { description: 'Ended without payment (cancelled, timed out or closed by staff).' },
    FAILED: { description: 'Transaction failed: paid but cancelled before shipment, refunded.' },
  },
});

export const OrderKind = { GOODS: 'GOODS', SERVICE: 'SERVICE' } as const;
registerEnumType(OrderKind, {
  name: 'OrderKind',
  description: 'GOODS orders are shipped (an order with any goods ships); SERVICE orders are consultations.',
  valuesConfig: {
    GOODS: { description: 'Physical goods, shipped by the merchant.' },
    SERVICE: { description: 'A consulting service, delivered as a report.' },
  },
});

export const OrderActorKind = {
  SHOPPER: 'SHOPPER',
  MERCHANT: 'MERCHANT',
  STAFF: 'STAFF',
  SYSTEM: 'SYSTEM',
} as const;
registerEnumType(OrderActorKind, {
  name: 'OrderActorKind',
  description: 'Who changed an order.',
  valuesConfig: {
    SHOPPER: { description: 'The shopper who placed it.' },
    MERCHANT: { description: 'Staff of the order’s store.' },
    STAFF: { description: 'Platform staff (customer service or an admin).' },
    SYSTEM: { description: 'The platform itself (payments, timeouts, auto-confirmation).' },
  },
});

const moneyOf = (minor: number, currency: string) => Money.from(money(minor, currency as CurrencyCode));

@ObjectType('ShippingAddress', {
  description:
    'The shipping address as given at checkout; the same fields as an `Address` of the address book.',
})
export class ShippingAddress {
  @Field({ description: 'Who receives the parcel.' })
  recipientName!: string;

  @Field({ description: 'Recipient’s phone number in E.164 form, e.g. `+886912345678`.' })
  phone!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country or region code, e.g. `TW`.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'State, province or county (e.g. 臺北市).' })
  region!: string | null;

  @Field({ description: 'City or district (e.g. 大安區).' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'Postal code, where the country has them.' })
  postalCode!: string | null;

  @Field({ description: 'Street, number, building.' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'Floor, unit, anything else.' })
  line2!: string | null;
}

@ObjectType('ServiceContact', {
  description: 'Contact details for a consulting service, as given at checkout.',
})
export class ServiceContact {
  @Field({ description: 'Contact person’s name.' }) name!: string;
  @Field({ description: 'Contact email address.' }) email!: string;
  @Field({ description: 'Contact phone number.' }) phone!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Anything the merchant should know before the service.',
  })
  notes!: string | null;
}

@ObjectType('Order', { implements: Node, description: 'One merchant’s order, as the shopper sees it.' })
export class Order extends Node {
  @Field({ description: 'Human-readable order number, e.g. MP-20261122-0001234.' })
  number!: string;

  @Field(() => OrderStatus, { description: 'Where the order is in its lifecycle.' })
  status!: Status;

  @Field(() => OrderKind, { description: 'Goods (shipped) or services (delivered as a report).' })
  kind!: keyof typeof OrderKind;

  @Field(() => PaymentMethod, { description: 'How the shopper pays or paid.' })
  paymentMethod!: keyof typeof PaymentMethod;

  @Field(() => Money, { description: 'Sum of the lines.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'This order’s part of the coupon discount.' })
  discount!: Money;

  @Field(() => Money, { description: 'Shipping charged for this order (zero when free or for services).' })
  shippingFee!: Money;

  @Field(() => Money, { description: 'subtotal − discount + shippingFee.' })
  total!: Money;

  @Field(() => String, { nullable: true, description: 'The coupon that discounted this order.' })
  couponCode!: string | null;

  @Field(() => ShippingAddress, {
    nullable: true,
    description: 'Where goods ship (null for service orders).',
  })
  shippingAddress!: ShippingAddress | null;

  @Field(() => ServiceContact, { nullable: true, description: 'Contact details (orders with services).' })
  serviceContact!: ServiceContact | null;

  @Field({ description: 'When the order was placed.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When payment was confirmed.' })
  paidAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the merchant shipped it.' })
  shippedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was completed (receipt confirmed or auto-confirmed).',
  })
  completedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was closed without completing (cancelled, refunded or payment timed out).',
  })
  closedAt!: Date | null;

  row!: OrderEntity;

  static from(row: OrderEntity): Order {
    const m = (minor: number) => moneyOf(minor, row.currency);
    return Object.assign(new Order(), {
      id: toGlobalId('Order', row.id),
      number: row.number,
      status: row.status,
      kind: row.kind,
      paymentMethod: row.paymentMethod,
      subtotal: m(row.subtotalMinor),
      discount: m(row.discountMinor),
      shippingFee: m(row.shippingFeeMinor),
      total: m(row.totalMinor),
      couponCode: row.couponCode,
      shippingAddress: row.shipRecipientName
        ? Object.assign(new ShippingAddress(), {
            recipientName: row.shipRecipientName,
            phone: row.shipPhone ?? '',
            countryCode: row.shipCountry ?? '',
            region: row.shipRegion || null,
            city: row.shipCity ?? '',
            postalCode: row.shipPostalCode || null,
            line1: row.shipLine1 ?? '',
            line2: row.shipLine2,
          })
        : null,
      serviceContact: row.contactName
        ? Object.assign(new ServiceContact(), {
            name: row.contactName,
            email: row.contactEmail ?? '',
            phone: row.contactPhone ?? '',
            notes: row.contactNotes,
          })
        : null,
      createdAt: row.createdAt,
      paidAt: row.paidAt,
      shippedAt: row.shippedAt,
      completedAt: row.completedAt,
      closedAt: row.closedAt,
      row,
    });
  }
}

@ObjectType('OrderLine', { description: 'A line as it was bought (title, SKU and price at the time).' })
export class OrderLine {
  @Field(() => ID, { description: 'Opaque ID of the line.' })
  id!: string;

  @Field(() => OrderKind, { description: 'Goods or a service.' })
  kind!: keyof typeof OrderKind;

  @Field({ description: 'Handle of the product, for a link to its page (it may since be off sale).' })
  productHandle!: string;

  @Field({ description: 'Stock-keeping unit of the variant at the time of purchase.' })
  sku!: string;

  @Field(() => Int, { description: 'Units bought.' })
  quantity!: number;

  @Field(() => Money, { description: 'Price of one unit as paid (after activities).' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'unitPrice × quantity.' })
  lineTotal!: Money;

  row!: OrderLineEntity;

  static from(row: OrderLineEntity, currency: string): OrderLine {
    return Object.assign(new OrderLine(), {
      id: toGlobalId('OrderLine', row.id),
      kind: row.kind,
      productHandle: row.productHandle,
      sku: row.sku,
      quantity: row.quantity,
      unitPrice: moneyOf(row.unitPriceMinor, currency),
      lineTotal: moneyOf(row.lineTotalMinor, currency),
      row,
    });
  }
}

@ObjectType('OrderHistoryEntry', { description: 'One step of an order’s status timeline.' })
export class OrderHistoryEntry {
  @Field(() => OrderStatus, { nullable: true, description: 'Null for the order’s creation.' })
  from!: Status | null;

  @Field(() => OrderStatus, { description: 'The status the order moved to.' })
  to!: Status;

  @Field(() => OrderActorKind, { description: 'Who made the change.' })
  actor!: ActorKind;

  @Field(() => String, { nullable: true, description: 'Why, when one was given.' })
  reason!: string | null;

  @Field({ description: 'When it happened.' })
  at!: Date;

  static from(row: OrderHistoryEntity): OrderHistoryEntry {
    return Object.assign(new OrderHistoryEntry(), {
      from: row.fromStatus,
      to: row.toStatus,
      actor: row.actorKind,
      reason: row.reason,
      at: row.createdAt,
    });
  }
}

export const CancellationRequestStatus = {
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
} as const;
registerEnumType(CancellationRequestStatus, {
  name: 'CancellationRequestStatus',
  description: 'Where a shopper’s cancellation request stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the merchant (or customer service).' },
    APPROVED: { description: 'Approved: the order was cancelled and refunded.' },
    REJECTED: { description: 'Declined: the order goes on.' },
  },
});

@ObjectType('OrderCancellationRequest', {
  description: 'The shopper asked to cancel a paid order before shipment.',
})
export class OrderCancellationRequest {
  @Field({ description: 'The shopper’s reason.' })
  reason!: string;

  @Field(() => CancellationRequestStatus, { description: 'Pending, approved or rejected.' })
  status!: keyof typeof CancellationRequestStatus;

  @Field({ description: 'When the shopper asked.' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was approved or declined.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined.' })
  decisionReason!: string | null;

  static from(row: OrderCancellationRequestEntity): OrderCancellationRequest {
    return Object.assign(new OrderCancellationRequest(), {
      reason: row.reason,
      status: row.status,
      requestedAt: row.createdAt,
      decidedAt: row.decidedAt,
      decisionReason: row.decisionReason,
    });
  }
}

export const { Connection: OrderConnection } = connectionTypes(Order, 'Order');

/** The payload, user error and error-code enum of one order mutation (each has its own codes). */
function orderMutationTypes<C extends string>(
  name: string,
  codes: Record<C, string>,
  descriptions: Record<C, string>,
) {
  const ErrorCode = Object.fromEntries(Object.keys(codes).map((c) => [c, c])) as { [K in C]: K };
  registerEnumType(ErrorCode, {
    name: `${name}ErrorCode`,
    description: `Why \`${name[0]!.toLowerCase()}${name.slice(1)}\` refused.`,
    valuesConfig: Object.fromEntries(
      Object.entries(descriptions).map(([k, d]) => [k, { description: d as string }]),
    ) as Partial<Record<C, { description: string }>>,
  });

  @ObjectType(`${name}UserError`, {
    implements: BaseUserError,
    description: `Why \`${name[0]!.toLowerCase()}${name.slice(1)}\` refused, and which input field it concerns.`,
  })
  class UserError extends BaseUserError {
    @Field(() => ErrorCode, { description: 'What went wrong.' })
    code!: C;
  }

  @ObjectType(`${name}Payload`, {
    description: `Result of \`${name[0]!.toLowerCase()}${name.slice(1)}\`.`,
  })
  class Payload {
    @Field(() => Order, { nullable: true, description: 'The order after the change; null when refused.' })
    order!: Order | null;

    @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
    userErrors!: UserError[];
  }
  return { ErrorCode, UserError: UserError as ClassType<UserError>, Payload: Payload as ClassType<Payload> };
}

const COMMON = {
  ORDER_NOT_FOUND: 'The viewer has no order with this ID.',
  INVALID_TRANSITION: 'The order’s status does not allow this now.',
};

export const CancelOrder = orderMutationTypes(
  'CancelOrder',
  { ORDER_NOT_FOUND: '', INVALID_TRANSITION: '', INVALID_REASON: '' },
  {
    ...COMMON,
    INVALID_REASON: 'The reason is longer than 500 characters.',
  },
);
export const RequestOrderCancellation = orderMutationTypes(
  'RequestOrderCancellation',
  { ORDER_NOT_FOUND: '', INVALID_TRANSITION: '', INVALID_REASON: '', ALREADY_REQUESTED: '' },
  {
    ...COMMON,
    INVALID_REASON: 'Give a reason of 1–500 characters.',
    ALREADY_REQUESTED: 'A cancellation has already been requested for this order.',
  },
);
export const ConfirmReceipt = orderMutationTypes(
  'ConfirmReceipt',
  { ORDER_NOT_FOUND: '', INVALID_TRANSITION: '' },
  COMMON,
);

export type OrderMutationError<C extends string = string> = {
  code: C;
  message: string;
  field: string[] | null;
};

@InputType('CancelOrderInput', { description: 'Which order to cancel before payment, and why.' })
export class CancelOrderInput {
  @Field(() => ID, { description: 'Global ID of the order to cancel.' })
  orderId!: string;

  @Field(() => String, { nullable: true, description: 'Optional reason (at most 500 characters).' })
  reason?: string | null;
}

@InputType('RequestOrderCancellationInput', {
  description: 'Ask the merchant to cancel a paid order before shipment.',
})
export class RequestOrderCancellationInput {
  @Field(() => ID, { description: 'Global ID of the paid order.' })
  orderId!: string;

  @Field({ description: 'Why (1–500 characters); the merchant sees it.' })
  reason!: string;
}

@InputType('ConfirmReceiptInput', { description: 'The order whose goods arrived.' })
export class ConfirmReceiptInput {
  @Field(() => ID, { description: 'Global ID of the shipped order that arrived.' })
  orderId!: string;
}

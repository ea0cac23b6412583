import type { OrderStatus as Status } from '@marketplace/core';
import type { ClassType } from 'type-graphql';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/relay.js';
import { CancellationRequestStatus, Order, OrderStatus } from '../orders/orders.types.js';
import type { OrderNoteEntity } from './order-note.entity.js';

export const StaffOrderSortField = { CREATED_AT: 'CREATED_AT', TOTAL: 'TOTAL', NUMBER: 'NUMBER' } as const;
registerEnumType(StaffOrderSortField, {
  name: 'StaffOrderSortField',
  description: 'How staff sort orders.',
  valuesConfig: {
    CREATED_AT: { description: 'When the order was placed.' },
    TOTAL: { description: 'The order total.' },
    NUMBER: { description: 'The order number.' },
  },
});

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort order.',
  valuesConfig: {
    ASC: { description: 'Ascending (smallest first).' },
    DESC: { description: 'Descending (largest first).' },
  },
});

@InputType('StaffOrdersFilter', { description: 'Narrows `staffOrders` (and the CSV export).' })
export class StaffOrdersFilter {
  @Field(() => OrderStatus, { nullable: true, description: 'Only orders in these statuses.' })
  status?: Status | null;

  @Field(() => ID, { nullable: true, description: 'Only this store (ignored for merchant staff).' })
  merchantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the order number or the shopper’s email.' })
  search?: string | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after.' })
  createdFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created before.' })
  createdTo?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only orders with (true) or without (false) a cancellation request.',
  })
  hasCancellationRequest?: boolean | null;

  @Field(() => CancellationRequestStatus, {
    nullable: true,
    description:
      'Only orders whose cancellation request is in this status (PENDING: waiting for a decision).',
  })
  cancellationRequestStatus?: keyof typeof CancellationRequestStatus | null;
}

@InputType('StaffOrdersSort', { description: 'How to sort the staff order list.' })
export class StaffOrdersSort {
  @Field(() => StaffOrderSortField, { defaultValue: 'CREATED_AT', description: 'Sort key.' })
  field!: keyof typeof StaffOrderSortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Ascending or descending.' })
  direction!: keyof typeof SortDirection;
}

@ObjectType('OrderNote', { description: 'An internal note by customer service; never shown to shoppers.' })
export class OrderNote {
  @Field(() => ID, { description: 'Opaque ID of the note.' }) id!: string;
  @Field({ description: 'The note (staff only; the shopper never sees it).' }) text!: string;
  @Field(() => String, { nullable: true, description: 'Email of the author.' }) authorEmail!: string | null;
  @Field({ description: 'When it was written.' }) createdAt!: Date;

  static from(row: OrderNoteEntity): OrderNote {
    return Object.assign(new OrderNote(), {
      id: toGlobalId('OrderNote', row.id),
      text: row.text,
      authorEmail: row.author?.email ?? null,
      createdAt: row.createdAt,
    });
  }
}

function errorTypes<C extends string>(name: string, descriptions: Record<C, string>) {
  const ErrorCode = Object.fromEntries(Object.keys(descriptions).map((c) => [c, c])) as { [K in C]: K };
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
  return UserError as ClassType<UserError>;
}

const AddOrderNoteUserError = errorTypes('AddOrderNote', {
  ORDER_NOT_FOUND: 'There is no order with this ID.',
  INVALID_TEXT: 'The note is empty or longer than 2000 characters.',
});
const CloseOrderUserError = errorTypes('CloseOrder', {
  ORDER_NOT_FOUND: 'There is no order with this ID.',
  INVALID_TRANSITION: 'Only an order awaiting payment can be closed.',
  INVALID_REASON: 'Give a reason of 1–500 characters.',
});

@ObjectType('AddOrderNotePayload', { description: 'Result of `addOrderNote`.' })
export class AddOrderNotePayload {
  @Field(() => OrderNote, { nullable: true, description: 'The note added; null when refused.' })
  note!: OrderNote | null;
  @Field(() => Order, { nullable: true, description: 'The order after the change; null when refused.' })
  order!: Order | null;
  @Field(() => [AddOrderNoteUserError], { description: 'Why the change was refused; empty on success.' })
  userErrors!: InstanceType<typeof AddOrderNoteUserError>[];
}

@ObjectType('CloseOrderPayload', { description: 'Result of `closeOrder`.' })
export class CloseOrderPayload {
  @Field(() => Order, { nullable: true, description: 'The order after the change; null when refused.' })
  order!: Order | null;
  @Field(() => [CloseOrderUserError], { description: 'Why the change was refused; empty on success.' })
  userErrors!: InstanceType<typeof CloseOrderUserError>[];
}

@InputType('AddOrderNoteInput', { description: 'A staff note on an order.' })
export class AddOrderNoteInput {
  @Field(() => ID, { description: 'Global ID of the order.' }) orderId!: string;
  @Field({ description: 'The note (1–2000 characters); only staff see it.' }) text!: string;
}

@InputType('CloseOrderInput', { description: 'Close an order without completing it, with a reason.' })
export class CloseOrderInput {
  @Field(() => ID, { description: 'Global ID of the order.' }) orderId!: string;
  @Field({ description: 'Why it is closed (shown in the order history).' }) reason!: string;
}

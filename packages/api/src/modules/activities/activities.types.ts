import {
  ACTIVITY_STATES,
  type ActivityState as State,
  activityState,
  type CurrencyCode,
} from '@marketplace/core';
import type { ClassType } from 'type-graphql';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Money } from '../../graphql/money.type.js';
import { connectionTypes, Node, toGlobalId } from '../../graphql/relay.js';
import { CouponKind } from '../coupons-admin/coupons-admin.types.js';
import { SortDirection } from '../orders-admin/orders-admin.types.js';
import type { ActivityRow } from '../catalog/catalog.rows.js';

export const ActivityState = Object.fromEntries(ACTIVITY_STATES.map((s) => [s, s])) as {
  [K in State]: K;
};
registerEnumType(ActivityState, {
  name: 'ActivityState',
  description: 'Where an activity stands now.',
  valuesConfig: {
    SCHEDULED: { description: 'Its start time is still to come.' },
    RUNNING: { description: 'Prices are discounted now.' },
    ENDED: { description: 'Its end time has passed.' },
    CANCELLED: { description: 'Cancelled by staff.' },
  },
});

export const StaffActivitySortField = {
  CREATED: 'CREATED',
  STARTS_AT: 'STARTS_AT',
  ENDS_AT: 'ENDS_AT',
} as const;
export type StaffActivitySortField = keyof typeof StaffActivitySortField;
registerEnumType(StaffActivitySortField, {
  name: 'StaffActivitySortField',
  description: 'How staff sort activities.',
  valuesConfig: {
    CREATED: { description: 'Creation order.' },
    STARTS_AT: { description: 'By start time.' },
    ENDS_AT: { description: 'By end time.' },
  },
});

@ObjectType('Activity', {
  implements: Node,
  description:
    'A time-limited discount of one store: while it runs, every unit of the products it covers costs less.',
})
export class Activity extends Node {
  @Field({ description: 'English name (shown on sale prices).' })
  nameEn!: string;

  @Field({ description: 'Traditional Chinese name (shown on sale prices).' })
  nameZh!: string;

  @Field(() => CouponKind, { description: 'Percentage or fixed amount off each unit.' })
  kind!: string;

  @Field(() => Int, {
    description: 'Basis points off each unit for PERCENTAGE (1000 = 10 %), minor units for FIXED_AMOUNT.',
  })
  value!: number;

  @Field(() => Money, { nullable: true, description: 'The amount off each unit (FIXED_AMOUNT only).' })
  amountOff!: Money | null;

  @Field({ description: 'When it starts.' })
  startsAt!: Date;

  @Field({ description: 'When it ends (exclusive).' })
  endsAt!: Date;

  @Field(() => ActivityState, { description: 'Where it stands now.' })
  state!: State;

  @Field({ description: 'Whether it covers every product of the store (else the listed products).' })
  allProducts!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: Date | null;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  row!: ActivityRow;

  static from(row: ActivityRow, now = new Date()): Activity {
    return Object.assign(new Activity(), {
      id: toGlobalId('Activity', row.id),
      nameEn: row.nameEn,
      nameZh: row.nameZh,
      kind: row.kind,
      value: row.value,
      amountOff:
        row.kind === 'FIXED_AMOUNT'
          ? Money.from({ minor: row.value, currency: row.currency as CurrencyCode })
          : null,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      state: activityState(row, now),
      allProducts: row.allProducts,
      cancelledAt: row.cancelledAt,
      createdAt: row.createdAt,
      row,
    });
  }
}

export const { Connection: ActivityConnection, Edge: ActivityEdge } = connectionTypes(Activity, 'Activity');

@InputType('StaffActivitiesFilter', { description: 'Narrows `staffActivities`.' })
export class StaffActivitiesFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Only this store’s activities (ignored for merchant staff).',
  })
  merchantId?: string | null;

  @Field(() => ActivityState, { nullable: true, description: 'Only activities in this state now.' })
  state?: State | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, in either language.' })
  query?: string | null;
}

@InputType('StaffActivitiesSort', { description: 'Order of `staffActivities`.' })
export class StaffActivitiesSort {
  @Field(() => StaffActivitySortField, { defaultValue: 'CREATED', description: 'What to sort by.' })
  field!: StaffActivitySortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Ascending or descending.' })
  direction!: keyof typeof SortDirection;
}

@InputType('CreateActivityInput', { description: 'A new activity of the merchant staff member’s store.' })
export class CreateActivityInput {
  @Field({ description: 'English name, 1–120 characters.' })
  nameEn!: string;

  @Field({ description: 'Traditional Chinese name, 1–120 characters.' })
  nameZh!: string;

  @Field(() => CouponKind, { description: 'Percentage or fixed amount off each unit.' })
  kind!: 'PERCENTAGE' | 'FIXED_AMOUNT';

  @Field(() => Int, {
    description: 'Basis points 100–10000 (1–100 %) for PERCENTAGE; minor units > 0 for FIXED_AMOUNT.',
  })
  value!: number;

  @Field({ description: 'When it starts (a time in the past starts it at once).' })
  startsAt!: Date;

  @Field({ description: 'When it ends: after `startsAt` and in the future.' })
  endsAt!: Date;

  @Field({ defaultValue: true, description: 'Cover every product of the store.' })
  allProducts!: boolean;

  @Field(() => [ID], {
    nullable: true,
    description: 'The store’s products it covers when `allProducts` is false (1–200).',
  })
  productIds?: string[] | null;
}

@InputType('UpdateActivityInput', {
  description:
    'Changes a scheduled activity (omitted fields stay). Once it runs, only `endsAt` may change, to end it early.',
})
export class UpdateActivityInput {
  @Field(() => ID, { description: 'The activity.' })
  activityId!: string;

  @Field(() => String, { nullable: true, description: 'New English name.' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'New Traditional Chinese name.' })
  nameZh?: string | null;

  @Field(() => CouponKind, { nullable: true, description: 'New kind.' })
  kind?: 'PERCENTAGE' | 'FIXED_AMOUNT' | null;

  @Field(() => Int, { nullable: true, description: 'New value.' })
  value?: number | null;

  @Field(() => Date, { nullable: true, description: 'New start.' })
  startsAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'New end. While running: an earlier end (a time in the past ends it now).',
  })
  endsAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Cover every product of the store.' })
  allProducts?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'The products it covers (replaces the list).' })
  productIds?: string[] | null;
}

@InputType('CancelActivityInput', { description: 'Names the activity to cancel.' })
export class CancelActivityInput {
  @Field(() => ID, { description: 'The activity.' })
  activityId!: string;
}

export const ACTIVITY_ERROR_DESCRIPTIONS = {
  NOT_FOUND: 'No activity with this ID in your scope.',
  MERCHANT_FROZEN: 'The store may not change its data now (frozen or closed).',
  INVALID_NAME: 'A name is 1–120 characters.',
  INVALID_VALUE: 'A percentage is 1–100 %; an amount is more than 0.',
  INVALID_DATES: 'The end must be after the start and in the future.',
  INVALID_PRODUCTS: 'Choose 1–200 products of your store, or the whole store.',
  PRODUCT_NOT_FOUND: 'Your store has no product with this ID.',
  ALREADY_STARTED: 'A running activity can only be ended early.',
  NOT_EDITABLE: 'The activity has ended or was cancelled.',
  ALREADY_CANCELLED: 'The activity was already cancelled.',
  ALREADY_ENDED: 'The activity has already ended.',
} as const;
export type ActivityErrorCode = keyof typeof ACTIVITY_ERROR_DESCRIPTIONS;

function errorType<C extends ActivityErrorCode>(name: string, codes: readonly C[]) {
  const ErrorCode = Object.fromEntries(codes.map((c) => [c, c])) as { [K in C]: K };
  registerEnumType(ErrorCode, {
    name: `${name}ErrorCode`,
    description: `Why \`${name.charAt(0).toLowerCase()}${name.slice(1)}\` refused.`,
    valuesConfig: Object.fromEntries(
      codes.map((c) => [c, { description: ACTIVITY_ERROR_DESCRIPTIONS[c] }]),
    ) as unknown as Partial<Record<C, { description: string }>>,
  });
  @ObjectType(`${name}UserError`, { implements: BaseUserError, description: `A refusal of \`${name}\`.` })
  class UserError extends BaseUserError {
    @Field(() => ErrorCode, { description: 'Machine-readable reason.' })
    code!: C;
  }
  return UserError as ClassType<UserError>;
}

const FIELD_CODES = [
  'INVALID_NAME',
  'INVALID_VALUE',
  'INVALID_DATES',
  'INVALID_PRODUCTS',
  'PRODUCT_NOT_FOUND',
] as const;

const CreateActivityUserError = errorType('CreateActivity', ['MERCHANT_FROZEN', ...FIELD_CODES]);
const UpdateActivityUserError = errorType('UpdateActivity', [
  'NOT_FOUND',
  'MERCHANT_FROZEN',
  'ALREADY_STARTED',
  'NOT_EDITABLE',
  ...FIELD_CODES,
]);
const CancelActivityUserError = errorType('CancelActivity', [
  'NOT_FOUND',
  'MERCHANT_FROZEN',
  'ALREADY_CANCELLED',
  'ALREADY_ENDED',
]);

function payloadType<E extends object>(name: string, errorClass: ClassType<E>) {
  @ObjectType(`${name}Payload`, {
    description: `Result of \`${name.charAt(0).toLowerCase()}${name.slice(1)}\`.`,
  })
  class Payload {
    @Field(() => Activity, {
      nullable: true,
      description: 'The activity after the change (null if refused).',
    })
    activity!: Activity | null;

    @Field(() => [errorClass], { description: 'Why nothing changed; empty on success.' })
    userErrors!: E[];
  }
  return Payload;
}

export const CreateActivityPayload = payloadType('CreateActivity', CreateActivityUserError);
export const UpdateActivityPayload = payloadType('UpdateActivity', UpdateActivityUserError);
export const CancelActivityPayload = payloadType('CancelActivity', CancelActivityUserError);

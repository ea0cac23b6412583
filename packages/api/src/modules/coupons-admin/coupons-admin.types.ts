import { COUPON_KINDS, COUPON_STATES, type CouponState as State, type CurrencyCode } from '@marketplace/core';
import type { ClassType } from 'type-graphql';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Money } from '../../graphql/money.type.js';
import { connectionTypes, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../orders-admin/orders-admin.types.js';
import type { CouponEntity } from '../coupons/coupon.entity.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const CouponKind = enumOf(COUPON_KINDS);
registerEnumType(CouponKind, {
  name: 'CouponKind',
  description: 'How a coupon or an activity takes money off.',
  valuesConfig: {
    PERCENTAGE: { description: '`value` is basis points of the price (1000 = 10 %).' },
    FIXED_AMOUNT: { description: '`value` is an amount in minor units of the deployment currency.' },
  },
});

export const CouponState = enumOf(COUPON_STATES);
registerEnumType(CouponState, {
  name: 'CouponState',
  description: 'Where a coupon stands now (checked in this order).',
  valuesConfig: {
    DEACTIVATED: { description: 'Switched off by staff; shoppers cannot use it.' },
    EXPIRED: { description: 'Its end time has passed.' },
    EXHAUSTED: { description: 'Its total usage limit has been reached.' },
    SCHEDULED: { description: 'Its start time is still to come.' },
    ACTIVE: { description: 'Shoppers can use it now.' },
  },
});

export const CouponScope = { PLATFORM: 'PLATFORM', STORE: 'STORE' } as const;
export type CouponScope = keyof typeof CouponScope;
registerEnumType(CouponScope, {
  name: 'CouponScope',
  description: 'Whom a coupon belongs to.',
  valuesConfig: {
    PLATFORM: { description: 'A platform coupon (admins): valid on every store’s lines.' },
    STORE: { description: 'A store coupon (its merchant staff): valid only on that store’s lines.' },
  },
});

export const StaffCouponSortField = {
  CREATED: 'CREATED',
  CODE: 'CODE',
  STARTS_AT: 'STARTS_AT',
  ENDS_AT: 'ENDS_AT',
  USED_COUNT: 'USED_COUNT',
} as const;
export type StaffCouponSortField = keyof typeof StaffCouponSortField;
registerEnumType(StaffCouponSortField, {
  name: 'StaffCouponSortField',
  description: 'How staff sort coupons.',
  valuesConfig: {
    CREATED: { description: 'Creation order.' },
    CODE: { description: 'Alphabetically by code.' },
    STARTS_AT: { description: 'By start time (coupons without one count as the earliest).' },
    ENDS_AT: { description: 'By end time (coupons without one count as the latest).' },
    USED_COUNT: { description: 'By number of current uses.' },
  },
});

@ObjectType('Coupon', {
  implements: Node,
  description: 'A discount code: a platform coupon (every store) or a store coupon (one store’s lines).',
})
export class Coupon extends Node {
  @Field({ description: 'The code shoppers type, upper-case.' })
  code!: string;

  @Field(() => CouponKind, { description: 'Percentage or fixed amount.' })
  kind!: string;

  @Field(() => Int, {
    description: 'Basis points for PERCENTAGE (1000 = 10 %), minor units for FIXED_AMOUNT.',
  })
  value!: number;

  @Field(() => Money, { description: 'Minimum subtotal of the eligible lines.' })
  minSpend!: Money;

  @Field(() => Date, { nullable: true, description: 'Valid from (open when null).' })
  startsAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Valid until, exclusive (open when null).' })
  endsAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Total uses allowed (unlimited when null).' })
  usageLimit!: number | null;

  @Field(() => Int, { nullable: true, description: 'Uses allowed per shopper (unlimited when null).' })
  perShopperLimit!: number | null;

  @Field(() => Int, { description: 'Current uses (a use is given back when its orders close).' })
  usedCount!: number;

  @Field({ description: 'English description shown to shoppers.' })
  descriptionEn!: string;

  @Field({ description: 'Traditional Chinese description shown to shoppers.' })
  descriptionZh!: string;

  @Field({ description: 'False once deactivated by staff.' })
  active!: boolean;

  @Field(() => CouponScope, { description: 'Platform or store coupon.' })
  scope!: CouponScope;

  @Field(() => CouponState, { description: 'Where it stands now.' })
  state!: State;

  row!: CouponEntity;

  static from(row: CouponEntity, state: State): Coupon {
    return Object.assign(new Coupon(), {
      id: toGlobalId('Coupon', row.id),
      code: row.code,
      kind: row.kind,
      value: row.value,
      minSpend: Money.from({ minor: row.minSpendMinor, currency: row.currency as CurrencyCode }),
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      usageLimit: row.usageLimit,
      perShopperLimit: row.perShopperLimit,
      usedCount: row.usedCount,
      descriptionEn: row.descriptionEn,
      descriptionZh: row.descriptionZh,
      active: row.active,
      scope: row.merchant ? 'STORE' : 'PLATFORM',
      state,
      row,
    });
  }
}

export const { Connection: CouponConnection, Edge: CouponEdge } = connectionTypes(Coupon, 'Coupon');

@InputType('StaffCouponsFilter', { description: 'Narrows `staffCoupons`.' })
export class StaffCouponsFilter {
  @Field(() => String, { nullable: true, description: 'Part of the code (any case).' })
  query?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this store’s coupons (ignored for merchant staff).' })
  merchantId?: string | null;

  @Field(() => CouponState, { nullable: true, description: 'Only coupons in this state now.' })
  state?: State | null;

  @Field(() => CouponScope, { nullable: true, description: 'Only platform or only store coupons.' })
  scope?: CouponScope | null;
}

@InputType('StaffCouponsSort', { description: 'Order of `staffCoupons`.' })
export class StaffCouponsSort {
  @Field(() => StaffCouponSortField, { defaultValue: 'CREATED', description: 'What to sort by.' })
  field!: StaffCouponSortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Ascending or descending.' })
  direction!: keyof typeof SortDirection;
}

@InputType('CreateCouponInput', {
  description:
    'A new coupon. Merchant staff create coupons of their own store; admins create platform coupons.',
})
export class CreateCouponInput {
  @Field({ description: '3–40 letters, digits, hyphens or underscores; stored upper-case; unique.' })
  code!: string;

  @Field(() => CouponKind, { description: 'Percentage or fixed amount.' })
  kind!: 'PERCENTAGE' | 'FIXED_AMOUNT';

  @Field(() => Int, {
    description: 'Basis points 100–10000 (1–100 %) for PERCENTAGE; minor units > 0 for FIXED_AMOUNT.',
  })
  value!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Minimum eligible subtotal in minor units (≥ 0).' })
  minSpendMinor!: number;

  @Field(() => Date, { nullable: true, description: 'Valid from (open when null).' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Valid until, exclusive; after `startsAt`.' })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Total uses allowed (≥ 1; unlimited when null).' })
  usageLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Uses per shopper (≥ 1; unlimited when null).' })
  perShopperLimit?: number | null;

  @Field({ defaultValue: '', description: 'English description (at most 200 characters).' })
  descriptionEn!: string;

  @Field({ defaultValue: '', description: 'Traditional Chinese description (at most 200 characters).' })
  descriptionZh!: string;
}

@InputType('UpdateCouponInput', {
  description:
    'Changes a coupon; omitted fields stay. Once a coupon has been redeemed its code, kind and value are fixed.',
})
export class UpdateCouponInput {
  @Field(() => ID, { description: 'The coupon.' })
  couponId!: string;

  @Field(() => String, { nullable: true, description: 'New code (not after the first redemption).' })
  code?: string | null;

  @Field(() => CouponKind, { nullable: true, description: 'New kind (not after the first redemption).' })
  kind?: 'PERCENTAGE' | 'FIXED_AMOUNT' | null;

  @Field(() => Int, { nullable: true, description: 'New value (not after the first redemption).' })
  value?: number | null;

  @Field(() => Int, { nullable: true, description: 'New minimum eligible subtotal in minor units.' })
  minSpendMinor?: number | null;

  @Field(() => Date, { nullable: true, description: 'New start (send `clearStartsAt` to remove it).' })
  startsAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Remove the start time.' })
  clearStartsAt?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'New end (send `clearEndsAt` to remove it).' })
  endsAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Remove the end time.' })
  clearEndsAt?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'New total limit (not below current uses).' })
  usageLimit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Remove the total limit.' })
  clearUsageLimit?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'New per-shopper limit.' })
  perShopperLimit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Remove the per-shopper limit.' })
  clearPerShopperLimit?: boolean | null;

  @Field(() => String, { nullable: true, description: 'New English description.' })
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true, description: 'New Traditional Chinese description.' })
  descriptionZh?: string | null;
}

@InputType('CouponIdInput', { description: 'Names one coupon.' })
export class CouponIdInput {
  @Field(() => ID, { description: 'The coupon.' })
  couponId!: string;
}

export const COUPON_ERROR_DESCRIPTIONS = {
  NOT_FOUND: 'No coupon with this ID in your scope.',
  MERCHANT_FROZEN: 'The store may not change its data now (frozen or closed).',
  NOT_EDITABLE: 'Admins edit platform coupons only; a store’s coupons are edited by its staff.',
  INVALID_CODE: 'The code is not 3–40 letters, digits, hyphens or underscores.',
  CODE_TAKEN: 'Another coupon already has this code.',
  INVALID_VALUE: 'A percentage is 1–100 %; an amount is more than 0.',
  INVALID_MIN_SPEND: 'The minimum spend is a whole number of minor units, 0 or more.',
  INVALID_DATES: 'The end must be after the start.',
  INVALID_LIMIT: 'A limit is a whole number of at least 1.',
  LIMIT_BELOW_USAGE: 'The total limit is below the uses already made.',
  INVALID_DESCRIPTION: 'A description is at most 200 characters.',
  LOCKED_AFTER_REDEMPTION: 'Code, kind and value cannot change once the coupon has been redeemed.',
  ALREADY_DEACTIVATED: 'The coupon is already deactivated.',
  ALREADY_ACTIVE: 'The coupon is already active.',
} as const;
export type CouponErrorCode = keyof typeof COUPON_ERROR_DESCRIPTIONS;

function errorType<C extends CouponErrorCode>(name: string, codes: readonly C[]) {
  const ErrorCode = Object.fromEntries(codes.map((c) => [c, c])) as { [K in C]: K };
  registerEnumType(ErrorCode, {
    name: `${name}ErrorCode`,
    description: `Why \`${name.charAt(0).toLowerCase()}${name.slice(1)}\` refused.`,
    valuesConfig: Object.fromEntries(
      codes.map((c) => [c, { description: COUPON_ERROR_DESCRIPTIONS[c] }]),
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
  'INVALID_CODE',
  'CODE_TAKEN',
  'INVALID_VALUE',
  'INVALID_MIN_SPEND',
  'INVALID_DATES',
  'INVALID_LIMIT',
  'INVALID_DESCRIPTION',
] as const;

const CreateCouponUserError = errorType('CreateCoupon', ['MERCHANT_FROZEN', ...FIELD_CODES]);
const UpdateCouponUserError = errorType('UpdateCoupon', [
  'NOT_FOUND',
  'MERCHANT_FROZEN',
  'NOT_EDITABLE',
  'LOCKED_AFTER_REDEMPTION',
  'LIMIT_BELOW_USAGE',
  ...FIELD_CODES,
]);
const DeactivateCouponUserError = errorType('DeactivateCoupon', [
  'NOT_FOUND',
  'MERCHANT_FROZEN',
  'ALREADY_DEACTIVATED',
]);
const ReactivateCouponUserError = errorType('ReactivateCoupon', [
  'NOT_FOUND',
  'MERCHANT_FROZEN',
  'NOT_EDITABLE',
  'ALREADY_ACTIVE',
]);

function payloadType<E extends object>(name: string, errorClass: ClassType<E>) {
  @ObjectType(`${name}Payload`, {
    description: `Result of \`${name.charAt(0).toLowerCase()}${name.slice(1)}\`.`,
  })
  class Payload {
    @Field(() => Coupon, { nullable: true, description: 'The coupon after the change (null if refused).' })
    coupon!: Coupon | null;

    @Field(() => [errorClass], { description: 'Why nothing changed; empty on success.' })
    userErrors!: E[];
  }
  return Payload;
}

export const CreateCouponPayload = payloadType('CreateCoupon', CreateCouponUserError);
export const UpdateCouponPayload = payloadType('UpdateCoupon', UpdateCouponUserError);
export const DeactivateCouponPayload = payloadType('DeactivateCoupon', DeactivateCouponUserError);
export const ReactivateCouponPayload = payloadType('ReactivateCoupon', ReactivateCouponUserError);

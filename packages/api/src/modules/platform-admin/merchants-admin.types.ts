import {
  MERCHANT_STATUSES,
  type MerchantStatus as Status,
  type OrderStatus as OStatus,
} from '@marketplace/core';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { LocaleCode } from '../../graphql/locale.type.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import { OrderStatus } from '../orders/orders.types.js';
import { SortDirection } from '../orders-admin/orders-admin.types.js';
import type { MerchantStatusChangeEntity } from './merchant-status-change.entity.js';
import type {
  CreateMerchantErrorCode as CreateCode,
  MerchantStatusErrorCode as StatusCode,
  UpdateMerchantErrorCode as UpdateCode,
} from './merchants-admin.service.js';

export const MerchantStatus = Object.fromEntries(MERCHANT_STATUSES.map((s) => [s, s])) as {
  [K in Status]: K;
};
registerEnumType(MerchantStatus, {
  name: 'MerchantStatus',
  description: 'A store’s standing on the platform.',
  valuesConfig: {
    ACTIVE: { description: 'Sells and edits its listings.' },
    GENERAL_FROZEN: { description: 'Keeps selling; may not publish or change listings.' },
    SAFE_FROZEN: { description: 'Listings off sale; read-only management center.' },
    DISABLED: { description: 'Closed by a platform admin: listings off sale; read-only until enabled.' },
    DELETED: { description: 'Gone for good.' },
  },
});

export const StaffMerchantSortField = { CREATED_AT: 'CREATED_AT', HANDLE: 'HANDLE', NAME: 'NAME' } as const;
registerEnumType(StaffMerchantSortField, {
  name: 'StaffMerchantSortField',
  description: 'How `staffMerchants` are sorted.',
  valuesConfig: {
    CREATED_AT: { description: 'When the store was created.' },
    HANDLE: { description: 'Handle.' },
    NAME: { description: 'English name.' },
  },
});

@ObjectType('MerchantOrderCount', { description: 'How many orders of a store have one status.' })
export class MerchantOrderCount {
  @Field(() => OrderStatus, { description: 'The status.' })
  status!: OStatus;

  @Field(() => Int, { description: 'Number of orders.' })
  count!: number;
}

@ObjectType('MerchantStats', { description: 'Figures of a store for the management center.' })
export class MerchantStats {
  @Field(() => Int, { description: 'Products of every status.' })
  products!: number;

  @Field(() => Int, { description: 'Published products.' })
  publishedProducts!: number;

  @Field(() => [MerchantOrderCount], { description: 'Orders per status (every status, zeros included).' })
  ordersByStatus!: MerchantOrderCount[];

  @Field(() => Int, { description: 'Active staff accounts of the store (owner included).' })
  teamSize!: number;
}

@ObjectType('MerchantStatusChange', { description: 'A store disabled or enabled by a platform admin.' })
export class MerchantStatusChange {
  @Field(() => MerchantStatus, { description: 'Status before.' })
  fromStatus!: Status;

  @Field(() => MerchantStatus, { description: 'Status after.' })
  toStatus!: Status;

  @Field({ description: 'Why.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Email of the admin who did it.' })
  actorEmail!: string | null;

  @Field({ description: 'When.' })
  createdAt!: Date;

  static from(row: MerchantStatusChangeEntity): MerchantStatusChange {
    return Object.assign(new MerchantStatusChange(), {
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      reason: row.reason,
      actorEmail: row.actor?.email ?? null,
      createdAt: row.createdAt,
    });
  }
}

@ObjectType('StaffMerchant', { description: 'A store as staff manage it (both languages, status, figures).' })
export class StaffMerchant {
  @Field(() => ID, { description: 'The store’s global ID (the same as `Merchant.id`).' })
  id!: string;

  @Field({ description: 'URL-friendly unique name.' })
  handle!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field({ description: 'Name in Traditional Chinese.' })
  nameZh!: string;

  @Field({ description: 'Description in English.' })
  descriptionEn!: string;

  @Field({ description: 'Description in Traditional Chinese.' })
  descriptionZh!: string;

  @Field(() => MerchantStatus, { description: 'Standing on the platform.' })
  status!: Status;

  @Field({ description: 'When the store was created.' })
  createdAt!: Date;

  row!: MerchantEntity;

  static from(row: MerchantEntity): StaffMerchant {
    return Object.assign(new StaffMerchant(), {
      id: toGlobalId('Merchant', row.id),
      handle: row.handle,
      nameEn: row.nameEn,
      nameZh: row.nameZh,
      descriptionEn: row.descriptionEn,
      descriptionZh: row.descriptionZh,
      status: row.status,
      createdAt: row.createdAt,
      row,
    });
  }
}

const { Connection: StaffMerchantConnectionBase } = connectionTypes(StaffMerchant, 'StaffMerchant');
@ObjectType('StaffMerchantConnection', { description: 'A page of stores.' })
export class StaffMerchantConnection extends StaffMerchantConnectionBase {}

@InputType('StaffMerchantsFilter', { description: 'Narrows `staffMerchants`.' })
export class StaffMerchantsFilter {
  @Field(() => String, { nullable: true, description: 'Part of the handle or of either name.' })
  query?: string | null;

  @Field(() => MerchantStatus, { nullable: true, description: 'Only stores with this status.' })
  status?: Status | null;
}

@InputType('StaffMerchantsSort', { description: 'Order of `staffMerchants`.' })
export class StaffMerchantsSort {
  @Field(() => StaffMerchantSortField, { defaultValue: 'CREATED_AT', description: 'What to sort by.' })
  field!: keyof typeof StaffMerchantSortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Ascending or descending.' })
  direction!: 'ASC' | 'DESC';
}

function errorEnum<C extends string>(name: string, action: string, descriptions: Record<C, string>) {
  const values = Object.fromEntries(Object.keys(descriptions).map((c) => [c, c])) as { [K in C]: K };
  registerEnumType(values, {
    name: `${name}ErrorCode`,
    description: `Why \`${action}\` refused.`,
    valuesConfig: Object.fromEntries(
      Object.entries(descriptions).map(([k, d]) => [k, { description: d as string }]),
    ) as Partial<Record<C, { description: string }>>,
  });
  return values;
}

const CreateMerchantErrorCode = errorEnum<CreateCode>('CreateMerchant', 'createMerchant', {
  INVALID_HANDLE: 'The handle is not 3–40 lower-case letters, digits and single inner dashes.',
  HANDLE_TAKEN: 'Another store has this handle.',
  INVALID_NAME: 'A name is empty or longer than 200 characters.',
  INVALID_DESCRIPTION: 'A description is longer than 5000 characters.',
  INVALID_EMAIL: 'The owner’s email address is not valid.',
  EMAIL_TAKEN: 'An account with the owner’s email address already exists.',
  INVALID_DISPLAY_NAME: 'The owner’s name is empty or longer than 60 characters.',
});
const UpdateMerchantErrorCode = errorEnum<UpdateCode>('UpdateMerchant', 'updateMerchant', {
  MERCHANT_NOT_FOUND: 'There is no store with this ID (or it is not yours).',
  MERCHANT_FROZEN: 'The store is frozen or disabled; its owner cannot change it.',
  INVALID_NAME: 'A name is empty or longer than 200 characters.',
  INVALID_DESCRIPTION: 'A description is longer than 5000 characters.',
});
const MerchantStatusErrorCode = errorEnum<StatusCode>('MerchantStatus', 'disableMerchant`/`enableMerchant', {
  MERCHANT_NOT_FOUND: 'There is no store with this ID.',
  INVALID_REASON: 'The reason is empty or longer than 500 characters.',
  INVALID_STATUS: 'The store’s status does not allow this (e.g. enabling a store that is not disabled).',
  OPEN_PAID_ORDERS: 'The store has paid orders still open (awaiting shipment or shipped).',
});

@ObjectType('CreateMerchantUserError', {
  implements: BaseUserError,
  description: 'Why no store was created.',
})
export class CreateMerchantUserError extends BaseUserError {
  @Field(() => CreateMerchantErrorCode, { description: 'Machine-readable reason.' })
  code!: CreateCode;
}

@ObjectType('UpdateMerchantUserError', {
  implements: BaseUserError,
  description: 'Why the store is unchanged.',
})
export class UpdateMerchantUserError extends BaseUserError {
  @Field(() => UpdateMerchantErrorCode, { description: 'Machine-readable reason.' })
  code!: UpdateCode;
}

@ObjectType('MerchantStatusUserError', {
  implements: BaseUserError,
  description: 'Why the store’s status is unchanged.',
})
export class MerchantStatusUserError extends BaseUserError {
  @Field(() => MerchantStatusErrorCode, { description: 'Machine-readable reason.' })
  code!: StatusCode;
}

@InputType('CreateMerchantInput', {
  description: 'A new store and its owner (who gets an invitation email).',
})
export class CreateMerchantInput {
  @Field({ description: 'URL name: 3–40 lower-case letters, digits and single inner dashes.' })
  handle!: string;

  @Field({ description: 'Name in English (1–200 characters).' })
  nameEn!: string;

  @Field({ description: 'Name in Traditional Chinese (1–200 characters).' })
  nameZh!: string;

  @Field(() => String, { nullable: true, description: 'Description in English (at most 5000 characters).' })
  descriptionEn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Description in Traditional Chinese (at most 5000 characters).',
  })
  descriptionZh?: string | null;

  @Field({ description: 'The owner’s sign-in email; a new account is created for it.' })
  ownerEmail!: string;

  @Field({ description: 'The owner’s display name (1–60 characters).' })
  ownerName!: string;

  @Field(() => LocaleCode, { nullable: true, description: 'The owner’s language (default English).' })
  ownerLocale?: LocaleCode | null;
}

@InputType('UpdateMerchantInput', { description: 'New names or descriptions; omitted fields stay.' })
export class UpdateMerchantInput {
  @Field(() => String, { nullable: true, description: 'Name in English (1–200 characters).' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Name in Traditional Chinese (1–200 characters).' })
  nameZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Description in English (at most 5000 characters).' })
  descriptionEn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Description in Traditional Chinese (at most 5000 characters).',
  })
  descriptionZh?: string | null;
}

@ObjectType('CreateMerchantPayload', { description: 'Result of `createMerchant`.' })
export class CreateMerchantPayload {
  @Field(() => StaffMerchant, { nullable: true, description: 'The new store (ACTIVE).' })
  merchant!: StaffMerchant | null;

  @Field(() => [CreateMerchantUserError], { description: 'Why nothing was created; empty on success.' })
  userErrors!: CreateMerchantUserError[];
}

@ObjectType('UpdateMerchantPayload', { description: 'Result of `updateMerchant`.' })
export class UpdateMerchantPayload {
  @Field(() => StaffMerchant, { nullable: true, description: 'The store as saved.' })
  merchant!: StaffMerchant | null;

  @Field(() => [UpdateMerchantUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UpdateMerchantUserError[];
}

@ObjectType('MerchantStatusPayload', { description: 'Result of `disableMerchant` and `enableMerchant`.' })
export class MerchantStatusPayload {
  @Field(() => StaffMerchant, { nullable: true, description: 'The store with its new status.' })
  merchant!: StaffMerchant | null;

  @Field(() => [MerchantStatusUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: MerchantStatusUserError[];
}

import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { User } from './accounts.types.js';
import type { AddressEntity } from './address.entity.js';

@ObjectType('Address', { implements: Node, description: 'An entry of the signed-in shopper’s address book.' })
export class Address extends Node {
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

  @Field({ description: 'Whether this is the default address (exactly one is, when any exist).' })
  isDefault!: boolean;

  row!: AddressEntity;

  static from(row: AddressEntity): Address {
    return Object.assign(new Address(), {
      id: toGlobalId('Address', row.id),
      recipientName: row.recipientName,
      phone: row.phone,
      countryCode: row.countryCode,
      region: row.region,
      city: row.city,
      postalCode: row.postalCode,
      line1: row.line1,
      line2: row.line2,
      isDefault: row.isDefault,
      row,
    });
  }
}

@InputType('AddressInput', { description: 'An address as the shopper enters it; every field is validated.' })
export class AddressInput {
  @Field({ description: 'Who receives the parcel (1–100 characters).' })
  recipientName!: string;

  @Field({ description: 'Phone number with country code, e.g. `+886 912 345 678`.' })
  phone!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. `TW`.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'State, province or county (optional).' })
  region?: string | null;

  @Field({ description: 'City or district.' })
  city!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Postal code (optional; for TW 3, 5 or 6 digits).',
  })
  postalCode?: string | null;

  @Field({ description: 'Street, number, building (1–200 characters).' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'Floor, unit … (optional).' })
  line2?: string | null;
}

const FIELD_CODES = {
  INVALID_RECIPIENT_NAME: { description: 'Recipient name empty or longer than 100 characters.' },
  INVALID_PHONE: { description: 'Not an international phone number such as +886 912 345 678.' },
  INVALID_COUNTRY: { description: 'Not an ISO 3166-1 alpha-2 country code.' },
  INVALID_REGION: { description: 'Region longer than 100 characters.' },
  INVALID_CITY: { description: 'City empty or longer than 100 characters.' },
  INVALID_POSTAL_CODE: { description: 'Not a postal code of the country.' },
  INVALID_LINE1: { description: 'Street address empty or longer than 200 characters.' },
  INVALID_LINE2: { description: 'Second line longer than 200 characters.' },
} as const;
const fieldCodes = Object.fromEntries(Object.keys(FIELD_CODES).map((k) => [k, k])) as {
  [K in keyof typeof FIELD_CODES]: K;
};
const NOT_FOUND = { description: 'The signed-in shopper has no address with this ID.' } as const;

export const CreateAddressErrorCode = { ...fieldCodes, TOO_MANY_ADDRESSES: 'TOO_MANY_ADDRESSES' } as const;
export type CreateAddressErrorCode = keyof typeof CreateAddressErrorCode;
registerEnumType(CreateAddressErrorCode, {
  name: 'CreateAddressErrorCode',
  description: 'Why `createAddress` refused.',
  valuesConfig: {
    ...FIELD_CODES,
    TOO_MANY_ADDRESSES: { description: 'The address book is full (20 addresses).' },
  },
});

export const UpdateAddressErrorCode = { ...fieldCodes, NOT_FOUND: 'NOT_FOUND' } as const;
export type UpdateAddressErrorCode = keyof typeof UpdateAddressErrorCode;
registerEnumType(UpdateAddressErrorCode, {
  name: 'UpdateAddressErrorCode',
  description: 'Why `updateAddress` refused.',
  valuesConfig: { ...FIELD_CODES, NOT_FOUND },
});

export const DeleteAddressErrorCode = { NOT_FOUND: 'NOT_FOUND' } as const;
export type DeleteAddressErrorCode = keyof typeof DeleteAddressErrorCode;
registerEnumType(DeleteAddressErrorCode, {
  name: 'DeleteAddressErrorCode',
  description: 'Why `deleteAddress` refused.',
  valuesConfig: { NOT_FOUND },
});

export const SetDefaultAddressErrorCode = { NOT_FOUND: 'NOT_FOUND' } as const;
export type SetDefaultAddressErrorCode = keyof typeof SetDefaultAddressErrorCode;
registerEnumType(SetDefaultAddressErrorCode, {
  name: 'SetDefaultAddressErrorCode',
  description: 'Why `setDefaultAddress` refused.',
  valuesConfig: { NOT_FOUND },
});

@ObjectType('CreateAddressUserError', {
  implements: BaseUserError,
  description: 'An expected reason `createAddress` failed.',
})
export class CreateAddressUserError extends BaseUserError {
  @Field(() => CreateAddressErrorCode, { description: 'Machine-readable reason.' })
  code!: CreateAddressErrorCode;
}

@ObjectType('UpdateAddressUserError', {
  implements: BaseUserError,
  description: 'An expected reason `updateAddress` failed.',
})
export class UpdateAddressUserError extends BaseUserError {
  @Field(() => UpdateAddressErrorCode, { description: 'Machine-readable reason.' })
  code!: UpdateAddressErrorCode;
}

@ObjectType('DeleteAddressUserError', {
  implements: BaseUserError,
  description: 'An expected reason `deleteAddress` failed.',
})
export class DeleteAddressUserError extends BaseUserError {
  @Field(() => DeleteAddressErrorCode, { description: 'Machine-readable reason.' })
  code!: DeleteAddressErrorCode;
}

@ObjectType('SetDefaultAddressUserError', {
  implements: BaseUserError,
  description: 'An expected reason `setDefaultAddress` failed.',
})
export class SetDefaultAddressUserError extends BaseUserError {
  @Field(() => SetDefaultAddressErrorCode, { description: 'Machine-readable reason.' })
  code!: SetDefaultAddressErrorCode;
}

@ObjectType('CreateAddressPayload', { description: 'Result of `createAddress`.' })
export class CreateAddressPayload {
  @Field(() => Address, { nullable: true, description: 'The new address (null if nothing changed).' })
  address!: Address | null;

  @Field(() => User, {
    nullable: true,
    description: 'The shopper, to refetch `addresses` in the same round trip.',
  })
  viewer!: User | null;

  @Field(() => [CreateAddressUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: CreateAddressUserError[];
}

@ObjectType('UpdateAddressPayload', { description: 'Result of `updateAddress`.' })
export class UpdateAddressPayload {
  @Field(() => Address, {
    nullable: true,
    description: 'The address after the change (null if nothing changed).',
  })
  address!: Address | null;

  @Field(() => [UpdateAddressUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UpdateAddressUserError[];
}

@ObjectType('DeleteAddressPayload', { description: 'Result of `deleteAddress`.' })
export class DeleteAddressPayload {
  @Field(() => ID, { nullable: true, description: 'ID of the deleted address (null if nothing changed).' })
  deletedAddressId!: string | null;

  @Field(() => User, {
    nullable: true,
    description: 'The shopper, to refetch `addresses` (another one may have become the default).',
  })
  viewer!: User | null;

  @Field(() => [DeleteAddressUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: DeleteAddressUserError[];
}

@ObjectType('SetDefaultAddressPayload', { description: 'Result of `setDefaultAddress`.' })
export class SetDefaultAddressPayload {
  @Field(() => Address, { nullable: true, description: 'The new default address (null if nothing changed).' })
  address!: Address | null;

  @Field(() => User, {
    nullable: true,
    description: 'The shopper, to refetch `addresses` with their new flags.',
  })
  viewer!: User | null;

  @Field(() => [SetDefaultAddressUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: SetDefaultAddressUserError[];
}

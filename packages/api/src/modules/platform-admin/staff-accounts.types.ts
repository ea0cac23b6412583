import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { LocaleCode } from '../../graphql/locale.type.js';
import { connectionTypes } from '../../graphql/relay.js';
import { User, UserRole } from '../accounts/accounts.types.js';
import { SortDirection } from '../orders-admin/orders-admin.types.js';
import type {
  AcceptInvitationErrorCode as AcceptCode,
  AccountStatusErrorCode as StatusCode,
  CreateStaffAccountErrorCode as CreateCode,
  InviteMerchantStaffErrorCode as InviteCode,
  ResendInvitationErrorCode as ResendCode,
  StaffRole as StaffRoleValue,
} from './staff-accounts.service.js';

export const StaffRole = {
  ADMIN: 'ADMIN',
  CUSTOMER_SERVICE: 'CUSTOMER_SERVICE',
  MERCHANT_STAFF: 'MERCHANT_STAFF',
} as const satisfies Record<StaffRoleValue, StaffRoleValue>;
registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'The role of a staff account an admin creates.',
  valuesConfig: {
    ADMIN: { description: 'Platform administrator.' },
    CUSTOMER_SERVICE: { description: 'Platform customer service.' },
    MERCHANT_STAFF: { description: 'Works for one store (give `merchantId`).' },
  },
});

export const MerchantRole = { OWNER: 'OWNER', STAFF: 'STAFF' } as const;
registerEnumType(MerchantRole, {
  name: 'MerchantRole',
  description: 'A merchant staff account’s place in its store’s team.',
  valuesConfig: {
    OWNER: { description: 'Runs the store: invites and disables its staff, edits the store’s profile.' },
    STAFF: { description: 'Works in the store’s management center; cannot manage the team.' },
  },
});

export const AccountStatus = {
  ACTIVE: 'ACTIVE',
  GENERAL_FROZEN: 'GENERAL_FROZEN',
  DISABLED: 'DISABLED',
  DELETED: 'DELETED',
} as const;
registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description: 'Whether an account can sign in.',
  valuesConfig: {
    ACTIVE: { description: 'Can sign in.' },
    GENERAL_FROZEN: {
      description:
        'Under a general freeze (penalties): can sign in and browse; posting and editing are refused.',
    },
    DISABLED: { description: 'Disabled by staff: cannot sign in; its sessions were ended.' },
    DELETED: { description: 'Deleted after a safe freeze (penalties): permanently frozen, cannot sign in.' },
  },
});

export const StaffUserSortField = {
  CREATED_AT: 'CREATED_AT',
  EMAIL: 'EMAIL',
  DISPLAY_NAME: 'DISPLAY_NAME',
} as const;
registerEnumType(StaffUserSortField, {
  name: 'StaffUserSortField',
  description: 'How `staffUsers` are sorted.',
  valuesConfig: {
    CREATED_AT: { description: 'When the account was created.' },
    EMAIL: { description: 'Email address.' },
    DISPLAY_NAME: { description: 'Display name.' },
  },
});

@InputType('StaffUsersFilter', {
  description: 'Narrows `staffUsers` (merchant staff always get their own team).',
})
export class StaffUsersFilter {
  @Field(() => String, { nullable: true, description: 'Part of the email address or display name.' })
  query?: string | null;

  @Field(() => UserRole, { nullable: true, description: 'Only accounts with this role (admins only).' })
  role?: keyof typeof UserRole | null;

  @Field(() => AccountStatus, { nullable: true, description: 'Only active or only disabled accounts.' })
  status?: keyof typeof AccountStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only the team of this store (admins only).' })
  merchantId?: string | null;
}

@InputType('StaffUsersSort', { description: 'Order of `staffUsers`.' })
export class StaffUsersSort {
  @Field(() => StaffUserSortField, { defaultValue: 'CREATED_AT', description: 'What to sort by.' })
  field!: keyof typeof StaffUserSortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Ascending or descending.' })
  direction!: 'ASC' | 'DESC';
}

const { Connection: UserConnectionBase } = connectionTypes(User, 'User');
@ObjectType('UserConnection', { description: 'A page of accounts.' })
export class UserConnection extends UserConnectionBase {}

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

const CreateStaffAccountErrorCode = errorEnum<CreateCode>('CreateStaffAccount', 'createStaffAccount', {
  INVALID_EMAIL: 'Not a valid email address.',
  EMAIL_TAKEN: 'An account with this email address already exists.',
  INVALID_DISPLAY_NAME: 'The name is empty or longer than 60 characters.',
  MERCHANT_REQUIRED: 'Merchant staff need a store.',
  MERCHANT_NOT_FOUND: 'There is no store with this ID.',
});
const InviteMerchantStaffErrorCode = errorEnum<InviteCode>('InviteMerchantStaff', 'inviteMerchantStaff', {
  INVALID_EMAIL: 'Not a valid email address.',
  EMAIL_TAKEN: 'An account with this email address already exists.',
  INVALID_DISPLAY_NAME: 'The name is empty or longer than 60 characters.',
  MERCHANT_FROZEN: 'The store is frozen or disabled and cannot change its team.',
});
const AccountStatusErrorCode = errorEnum<StatusCode>('AccountStatus', 'disableAccount`/`enableAccount', {
  USER_NOT_FOUND: 'There is no account with this ID (or it is not in your team).',
  CANNOT_CHANGE_SELF: 'Nobody disables or enables their own account.',
  LAST_ADMIN: 'The last active platform admin cannot be disabled.',
  MERCHANT_FROZEN: 'The store is frozen or disabled and cannot let a team member in again.',
});
const AcceptInvitationErrorCode = errorEnum<AcceptCode>('AcceptInvitation', 'acceptInvitation', {
  INVALID_TOKEN: 'The link is not valid or was already used.',
  EXPIRED_TOKEN: 'The link expired (after 7 days); ask for a new invitation.',
  WEAK_PASSWORD: 'The password is too short, too long, the email address or too common.',
});

const ResendInvitationErrorCode = errorEnum<ResendCode>('ResendInvitation', 'resendInvitation', {
  USER_NOT_FOUND: 'There is no account with this ID (or it is not in your team).',
  ALREADY_ACCEPTED: 'The account has already set its password.',
  TOO_SOON: 'An invitation was sent less than a minute ago.',
  MERCHANT_FROZEN: 'The store is frozen or disabled and cannot change its team.',
});

@ObjectType('ResendInvitationUserError', {
  implements: BaseUserError,
  description: 'Why no invitation was sent.',
})
export class ResendInvitationUserError extends BaseUserError {
  @Field(() => ResendInvitationErrorCode, { description: 'Machine-readable reason.' })
  code!: ResendCode;
}

@ObjectType('ResendInvitationPayload', { description: 'Result of `resendInvitation`.' })
export class ResendInvitationPayload {
  @Field(() => User, { nullable: true, description: 'The invited account.' })
  user!: User | null;

  @Field(() => [ResendInvitationUserError], { description: 'Why nothing was sent; empty on success.' })
  userErrors!: ResendInvitationUserError[];
}

@ObjectType('CreateStaffAccountUserError', {
  implements: BaseUserError,
  description: 'Why no account was created.',
})
export class CreateStaffAccountUserError extends BaseUserError {
  @Field(() => CreateStaffAccountErrorCode, { description: 'Machine-readable reason.' })
  code!: CreateCode;
}

@ObjectType('InviteMerchantStaffUserError', {
  implements: BaseUserError,
  description: 'Why nobody was invited.',
})
export class InviteMerchantStaffUserError extends BaseUserError {
  @Field(() => InviteMerchantStaffErrorCode, { description: 'Machine-readable reason.' })
  code!: InviteCode;
}

@ObjectType('AccountStatusUserError', {
  implements: BaseUserError,
  description: 'Why the account is unchanged.',
})
export class AccountStatusUserError extends BaseUserError {
  @Field(() => AccountStatusErrorCode, { description: 'Machine-readable reason.' })
  code!: StatusCode;
}

@ObjectType('AcceptInvitationUserError', {
  implements: BaseUserError,
  description: 'Why no password was set.',
})
export class AcceptInvitationUserError extends BaseUserError {
  @Field(() => AcceptInvitationErrorCode, { description: 'Machine-readable reason.' })
  code!: AcceptCode;
}

@InputType('CreateStaffAccountInput', {
  description: 'A staff account an admin creates; it gets an invitation email.',
})
export class CreateStaffAccountInput {
  @Field({ description: 'Sign-in email address.' })
  email!: string;

  @Field({ description: 'Name shown to others, 1–60 characters.' })
  displayName!: string;

  @Field(() => StaffRole, { description: 'Role of the new account.' })
  role!: StaffRoleValue;

  @Field(() => ID, { nullable: true, description: 'The store, required for MERCHANT_STAFF.' })
  merchantId?: string | null;

  @Field(() => MerchantRole, {
    nullable: true,
    description: 'Owner or staff of the store (MERCHANT_STAFF only; default STAFF).',
  })
  merchantRole?: keyof typeof MerchantRole | null;

  @Field(() => LocaleCode, {
    nullable: true,
    description: 'Language of the account and its emails; default English.',
  })
  locale?: LocaleCode | null;
}

@InputType('InviteMerchantStaffInput', { description: 'A team member a store’s owner invites.' })
export class InviteMerchantStaffInput {
  @Field({ description: 'Sign-in email address.' })
  email!: string;

  @Field({ description: 'Name shown to others, 1–60 characters.' })
  displayName!: string;

  @Field(() => LocaleCode, {
    nullable: true,
    description: 'Language of the account and its emails; default English.',
  })
  locale?: LocaleCode | null;
}

@ObjectType('CreateStaffAccountPayload', { description: 'Result of `createStaffAccount`.' })
export class CreateStaffAccountPayload {
  @Field(() => User, {
    nullable: true,
    description: 'The new account (it cannot sign in before setting a password).',
  })
  user!: User | null;

  @Field(() => [CreateStaffAccountUserError], { description: 'Why nothing was created; empty on success.' })
  userErrors!: CreateStaffAccountUserError[];
}

@ObjectType('InviteMerchantStaffPayload', { description: 'Result of `inviteMerchantStaff`.' })
export class InviteMerchantStaffPayload {
  @Field(() => User, { nullable: true, description: 'The invited account.' })
  user!: User | null;

  @Field(() => [InviteMerchantStaffUserError], { description: 'Why nobody was invited; empty on success.' })
  userErrors!: InviteMerchantStaffUserError[];
}

@ObjectType('AccountStatusPayload', { description: 'Result of `disableAccount` and `enableAccount`.' })
export class AccountStatusPayload {
  @Field(() => User, { nullable: true, description: 'The account with its new status.' })
  user!: User | null;

  @Field(() => [AccountStatusUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: AccountStatusUserError[];
}

@ObjectType('AcceptInvitationPayload', { description: 'Result of `acceptInvitation`.' })
export class AcceptInvitationPayload {
  @Field(() => String, {
    nullable: true,
    description: 'The sign-in email of the account, to sign in with next.',
  })
  email!: string | null;

  @Field(() => [AcceptInvitationUserError], { description: 'Why no password was set; empty on success.' })
  userErrors!: AcceptInvitationUserError[];
}

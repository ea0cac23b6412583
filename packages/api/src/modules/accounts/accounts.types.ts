import { USER_ROLES, type UserRole as Role } from '@marketplace/core';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { LocaleCode } from '../../graphql/locale.type.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import type { UserEntity } from './user.entity.js';

export const UserRole = Object.fromEntries(USER_ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What an account is allowed to do.',
  valuesConfig: {
    SHOPPER: { description: 'Buys on the storefront.' },
    MERCHANT_STAFF: { description: 'Works in the management center of one store.' },
    CUSTOMER_SERVICE: { description: 'Platform customer service: orders of all stores.' },
    ADMIN: { description: 'Platform administrator.' },
  },
});

@ObjectType('User', {
  implements: Node,
  description: 'A signed-in account (only ever shown to itself and to staff).',
})
export class User extends Node {
  @Field({ description: 'Sign-in email address.' })
  email!: string;

  @Field({ description: 'Name shown to others.' })
  displayName!: string;

  @Field(() => UserRole, { description: 'Role of the account.' })
  role!: Role;

  @Field(() => LocaleCode, {
    description: 'Preferred language (the UI default and the language of its emails).',
  })
  locale!: LocaleCode;

  @Field({ description: 'Whether the email address was confirmed through the link sent to it.' })
  emailVerified!: boolean;

  @Field(() => String, { nullable: true, description: 'Phone number in E.164 form, e.g. `+886912345678`.' })
  phone!: string | null;

  row!: UserEntity;

  static from(row: UserEntity): User {
    return Object.assign(new User(), {
      id: toGlobalId('User', row.id),
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      locale: row.locale,
      emailVerified: row.emailVerifiedAt !== null,
      phone: row.phone,
      row,
    });
  }
}

export const LoginErrorCode = {
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
} as const;
export type LoginErrorCode = keyof typeof LoginErrorCode;
registerEnumType(LoginErrorCode, {
  name: 'LoginErrorCode',
  description: 'Why `login` refused.',
  valuesConfig: {
    INVALID_CREDENTIALS: {
      description: 'Unknown email, wrong password or disabled account (deliberately not told apart).',
    },
    TOO_MANY_ATTEMPTS: {
      description:
        'Too many unsuccessful sign-ins for this email or from this network recently; see `retryAfterSeconds`. The password was not checked.',
    },
  },
});

@ObjectType('LoginUserError', {
  implements: BaseUserError,
  description: 'An expected reason `login` failed.',
})
export class LoginUserError extends BaseUserError {
  @Field(() => LoginErrorCode, { description: 'Machine-readable reason.' })
  code!: LoginErrorCode;

  @Field(() => Int, {
    nullable: true,
    description: 'For TOO_MANY_ATTEMPTS: seconds until signing in may be tried again.',
  })
  retryAfterSeconds!: number | null;
}

@InputType('LoginInput', { description: 'Credentials for signing in.' })
export class LoginInput {
  @Field({ description: 'Email address.' })
  email!: string;

  @Field({ description: 'Password.' })
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Token of a guest cart to merge into the account’s cart.',
  })
  cartToken?: string | null;
}

@ObjectType('LoginPayload', { description: 'Result of `login`.' })
export class LoginPayload {
  @Field(() => User, { nullable: true, description: 'The signed-in account.' })
  viewer!: User | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Session token for API clients (`Authorization: Bearer <token>`). Browsers also get it as an HttpOnly cookie.',
  })
  token!: string | null;

  @Field(() => [LoginUserError], { description: 'Why sign-in failed; empty on success.' })
  userErrors!: LoginUserError[];
}

@ObjectType('LogoutPayload', { description: 'Result of `logout`.' })
export class LogoutPayload {
  @Field({ description: 'Whether a session was ended.' })
  loggedOut!: boolean;
}

@ObjectType('SetPreferredLocalePayload', { description: 'Result of `setPreferredLocale`.' })
export class SetPreferredLocalePayload {
  @Field(() => User, { nullable: true, description: 'The account with its new language.' })
  viewer!: User | null;

  @Field(() => [LoginUserError], { description: 'Always empty; present for a uniform payload shape.' })
  userErrors!: LoginUserError[];
}

export const RegisterErrorCode = {
  INVALID_EMAIL: 'INVALID_EMAIL',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  INVALID_DISPLAY_NAME: 'INVALID_DISPLAY_NAME',
  INVALID_PHONE: 'INVALID_PHONE',
} as const;
export type RegisterErrorCode = keyof typeof RegisterErrorCode;
registerEnumType(RegisterErrorCode, {
  name: 'RegisterErrorCode',
  description: 'Why `register` refused.',
  valuesConfig: {
    INVALID_EMAIL: { description: 'Empty, too long or not an email address.' },
    EMAIL_TAKEN: { description: 'An account already uses this email address (compared case-insensitively).' },
    WEAK_PASSWORD: {
      description:
        'Shorter than 10 characters, longer than 200, the email address itself, or a very common password.',
    },
    INVALID_DISPLAY_NAME: { description: 'Empty or longer than 60 characters.' },
    INVALID_PHONE: { description: 'Not an international number such as +886 912 345 678.' },
  },
});

@ObjectType('RegisterUserError', {
  implements: BaseUserError,
  description: 'An expected reason `register` failed.',
})
export class RegisterUserError extends BaseUserError {
  @Field(() => RegisterErrorCode, { description: 'Machine-readable reason.' })
  code!: RegisterErrorCode;
}

@InputType('RegisterInput', { description: 'A new shopper account.' })
export class RegisterInput {
  @Field({ description: 'Email address; also the sign-in name. Stored lower-cased.' })
  email!: string;

  @Field({ description: 'At least 10 characters; not the email address; not a very common password.' })
  password!: string;

  @Field({ description: 'Name shown to others, 1–60 characters.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Optional phone number with country code.' })
  phone?: string | null;

  @Field(() => LocaleCode, {
    nullable: true,
    description: 'Preferred language; defaults to the request’s language. Emails are written in it.',
  })
  locale?: LocaleCode | null;

  @Field(() => String, { nullable: true, description: 'Token of a guest cart to move into the new account.' })
  cartToken?: string | null;
}

@ObjectType('RegisterPayload', { description: 'Result of `register`.' })
export class RegisterPayload {
  @Field(() => User, { nullable: true, description: 'The new account, already signed in.' })
  viewer!: User | null;

  @Field(() => String, { nullable: true, description: 'Session token for API clients, as `login` returns.' })
  token!: string | null;

  @Field(() => [RegisterUserError], { description: 'Why nothing was created; empty on success.' })
  userErrors!: RegisterUserError[];
}

export const UpdateProfileErrorCode = {
  INVALID_DISPLAY_NAME: 'INVALID_DISPLAY_NAME',
  INVALID_PHONE: 'INVALID_PHONE',
} as const;
export type UpdateProfileErrorCode = keyof typeof UpdateProfileErrorCode;
registerEnumType(UpdateProfileErrorCode, {
  name: 'UpdateProfileErrorCode',
  description: 'Why `updateProfile` refused.',
  valuesConfig: {
    INVALID_DISPLAY_NAME: { description: 'Empty or longer than 60 characters.' },
    INVALID_PHONE: { description: 'Not an international number such as +886 912 345 678.' },
  },
});

@ObjectType('UpdateProfileUserError', {
  implements: BaseUserError,
  description: 'An expected reason `updateProfile` failed.',
})
export class UpdateProfileUserError extends BaseUserError {
  @Field(() => UpdateProfileErrorCode, { description: 'Machine-readable reason.' })
  code!: UpdateProfileErrorCode;
}

@InputType('UpdateProfileInput', { description: 'The signed-in account’s public details.' })
export class UpdateProfileInput {
  @Field({ description: 'Name shown to others, 1–60 characters.' })
  displayName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number with country code; null or empty removes it, omitted leaves it unchanged.',
  })
  phone?: string | null;
}

@ObjectType('UpdateProfilePayload', { description: 'Result of `updateProfile`.' })
export class UpdateProfilePayload {
  @Field(() => User, {
    nullable: true,
    description: 'The account after the change (null if nothing changed).',
  })
  viewer!: User | null;

  @Field(() => [UpdateProfileUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UpdateProfileUserError[];
}

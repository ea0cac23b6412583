import { USER_ROLES, type UserRole as Role } from '@marketplace/core';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
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

  @Field(() => LocaleCode, { description: 'Preferred language.' })
  locale!: LocaleCode;

  row!: UserEntity;

  static from(row: UserEntity): User {
    return Object.assign(new User(), {
      id: toGlobalId('User', row.id),
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      locale: row.locale,
      row,
    });
  }
}

export const LoginErrorCode = { INVALID_CREDENTIALS: 'INVALID_CREDENTIALS' } as const;
export type LoginErrorCode = keyof typeof LoginErrorCode;
registerEnumType(LoginErrorCode, {
  name: 'LoginErrorCode',
  description: 'Why `login` refused.',
  valuesConfig: {
    INVALID_CREDENTIALS: {
      description: 'Unknown email, wrong password or disabled account (deliberately not told apart).',
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

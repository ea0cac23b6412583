import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { User } from './accounts.types.js';

const TOKEN_CODES = {
  INVALID_TOKEN: { description: 'Unknown, malformed or already used link.' },
  EXPIRED_TOKEN: { description: 'The link is too old; ask for a new one.' },
} as const;

export const VerifyEmailErrorCode = {
  INVALID_TOKEN: 'INVALID_TOKEN',
  EXPIRED_TOKEN: 'EXPIRED_TOKEN',
} as const;
export type VerifyEmailErrorCode = keyof typeof VerifyEmailErrorCode;
registerEnumType(VerifyEmailErrorCode, {
  name: 'VerifyEmailErrorCode',
  description: 'Why `verifyEmail` refused.',
  valuesConfig: TOKEN_CODES,
});

@ObjectType('VerifyEmailUserError', {
  implements: BaseUserError,
  description: 'An expected reason `verifyEmail` failed.',
})
export class VerifyEmailUserError extends BaseUserError {
  @Field(() => VerifyEmailErrorCode, { description: 'Machine-readable reason.' })
  code!: VerifyEmailErrorCode;
}

@ObjectType('VerifyEmailPayload', { description: 'Result of `verifyEmail`.' })
export class VerifyEmailPayload {
  @Field({ description: 'Whether the address of the link’s account is now verified.' })
  emailVerified!: boolean;

  @Field(() => User, {
    nullable: true,
    description:
      'The signed-in account when it is the one verified (so clients can update it); otherwise null.',
  })
  viewer!: User | null;

  @Field(() => [VerifyEmailUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: VerifyEmailUserError[];
}

export const ResendVerificationEmailErrorCode = {
  ALREADY_VERIFIED: 'ALREADY_VERIFIED',
  TOO_SOON: 'TOO_SOON',
} as const;
export type ResendVerificationEmailErrorCode = keyof typeof ResendVerificationEmailErrorCode;
registerEnumType(ResendVerificationEmailErrorCode, {
  name: 'ResendVerificationEmailErrorCode',
  description: 'Why `resendVerificationEmail` refused.',
  valuesConfig: {
    ALREADY_VERIFIED: { description: 'The address is verified already.' },
    TOO_SOON: { description: 'An email was sent less than a minute ago; see `retryAfterSeconds`.' },
  },
});

@ObjectType('ResendVerificationEmailUserError', {
  implements: BaseUserError,
  description: 'An expected reason `resendVerificationEmail` sent nothing.',
})
export class ResendVerificationEmailUserError extends BaseUserError {
  @Field(() => ResendVerificationEmailErrorCode, { description: 'Machine-readable reason.' })
  code!: ResendVerificationEmailErrorCode;

  @Field(() => Int, { nullable: true, description: 'For TOO_SOON: seconds until another email may be sent.' })
  retryAfterSeconds!: number | null;
}

@ObjectType('ResendVerificationEmailPayload', { description: 'Result of `resendVerificationEmail`.' })
export class ResendVerificationEmailPayload {
  @Field({ description: 'Whether a new verification email was queued.' })
  sent!: boolean;

  @Field(() => [ResendVerificationEmailUserError], { description: 'Why nothing was sent; empty on success.' })
  userErrors!: ResendVerificationEmailUserError[];
}

export const RequestPasswordResetErrorCode = { INVALID_EMAIL: 'INVALID_EMAIL' } as const;
export type RequestPasswordResetErrorCode = keyof typeof RequestPasswordResetErrorCode;
registerEnumType(RequestPasswordResetErrorCode, {
  name: 'RequestPasswordResetErrorCode',
  description: 'Why `requestPasswordReset` refused (only ever about the input’s shape).',
  valuesConfig: { INVALID_EMAIL: { description: 'Empty, too long or not an email address.' } },
});

@ObjectType('RequestPasswordResetUserError', {
  implements: BaseUserError,
  description: 'An expected reason `requestPasswordReset` failed.',
})
export class RequestPasswordResetUserError extends BaseUserError {
  @Field(() => RequestPasswordResetErrorCode, { description: 'Machine-readable reason.' })
  code!: RequestPasswordResetErrorCode;
}

@ObjectType('RequestPasswordResetPayload', { description: 'Result of `requestPasswordReset`.' })
export class RequestPasswordResetPayload {
  @Field({
    description:
      'True for every well-formed address, whether or not an account has it (no account enumeration). A link is emailed only to an existing account.',
  })
  requested!: boolean;

  @Field(() => [RequestPasswordResetUserError], { description: 'Input problems; empty otherwise.' })
  userErrors!: RequestPasswordResetUserError[];
}

export const ResetPasswordErrorCode = {
  INVALID_TOKEN: 'INVALID_TOKEN',
  EXPIRED_TOKEN: 'EXPIRED_TOKEN',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
} as const;
export type ResetPasswordErrorCode = keyof typeof ResetPasswordErrorCode;
registerEnumType(ResetPasswordErrorCode, {
  name: 'ResetPasswordErrorCode',
  description: 'Why `resetPassword` refused.',
  valuesConfig: {
    ...TOKEN_CODES,
    WEAK_PASSWORD: {
      description:
        'Shorter than 10 characters, longer than 200, the email address itself, or a very common password.',
    },
  },
});

@ObjectType('ResetPasswordUserError', {
  implements: BaseUserError,
  description: 'An expected reason `resetPassword` failed.',
})
export class ResetPasswordUserError extends BaseUserError {
  @Field(() => ResetPasswordErrorCode, { description: 'Machine-readable reason.' })
  code!: ResetPasswordErrorCode;
}

@ObjectType('ResetPasswordPayload', { description: 'Result of `resetPassword`.' })
export class ResetPasswordPayload {
  @Field({ description: 'Whether the password was changed (every session of the account was then ended).' })
  passwordReset!: boolean;

  @Field(() => [ResetPasswordUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: ResetPasswordUserError[];
}

export const ChangePasswordErrorCode = {
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  SAME_PASSWORD: 'SAME_PASSWORD',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
} as const;
export type ChangePasswordErrorCode = keyof typeof ChangePasswordErrorCode;
registerEnumType(ChangePasswordErrorCode, {
  name: 'ChangePasswordErrorCode',
  description: 'Why `changePassword` refused.',
  valuesConfig: {
    WRONG_PASSWORD: { description: 'The current password is not right.' },
    WEAK_PASSWORD: {
      description:
        'Shorter than 10 characters, longer than 200, the email address itself, or a very common password.',
    },
    SAME_PASSWORD: { description: 'The new password is the current one.' },
    TOO_MANY_ATTEMPTS: {
      description:
        'Too many wrong passwords for this account recently (shared with sign-in); see `retryAfterSeconds`.',
    },
  },
});

@ObjectType('ChangePasswordUserError', {
  implements: BaseUserError,
  description: 'An expected reason `changePassword` failed.',
})
export class ChangePasswordUserError extends BaseUserError {
  @Field(() => ChangePasswordErrorCode, { description: 'Machine-readable reason.' })
  code!: ChangePasswordErrorCode;

  @Field(() => Int, { nullable: true, description: 'For TOO_MANY_ATTEMPTS: seconds until another try.' })
  retryAfterSeconds!: number | null;
}

@ObjectType('ChangePasswordPayload', { description: 'Result of `changePassword`.' })
export class ChangePasswordPayload {
  @Field(() => User, { nullable: true, description: 'The account (null if nothing changed).' })
  viewer!: User | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The new session token of this client (also set as the session cookie): every session of the account, this one included, ended with the change. Null if nothing changed.',
  })
  token!: string | null;

  @Field(() => [ChangePasswordUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: ChangePasswordUserError[];
}

import {
  MAX_ADDRESSES,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordProblem,
} from '@marketplace/core';
import type { TFunction } from '../../lib/i18n/translator.js';
import type {
  ChangePasswordErrorCode,
  CreateAddressErrorCode,
  DeleteAddressErrorCode,
  LoginErrorCode,
  RegisterErrorCode,
  RequestPasswordResetErrorCode,
  ResendVerificationEmailErrorCode,
  ResetPasswordErrorCode,
  SetDefaultAddressErrorCode,
  UpdateAddressErrorCode,
  UpdateProfileErrorCode,
  VerifyEmailErrorCode,
} from '../../gql/graphql.js';

type ServerCode =
  | ChangePasswordErrorCode
  | CreateAddressErrorCode
  | DeleteAddressErrorCode
  | LoginErrorCode
  | RegisterErrorCode
  | RequestPasswordResetErrorCode
  | ResendVerificationEmailErrorCode
  | ResetPasswordErrorCode
  | SetDefaultAddressErrorCode
  | UpdateAddressErrorCode
  | UpdateProfileErrorCode
  | VerifyEmailErrorCode;

/** A reason shown next to a field or above a form: a userError of the API, or a check done here. */
export type AccountProblem = {
  readonly code: ServerCode | PasswordProblem | 'REQUIRED';
  /** The API's English text, used only for a code this client does not know yet. */
  readonly message?: string;
  readonly retryAfterSeconds?: number | null;
};

/** The shopper-facing text of a problem in the UI language (the API's messages are English only). */
export function accountErrorText(t: TFunction, problem: AccountProblem): string {
  const { code } = problem;
  switch (code) {
    case 'REQUIRED':
      return t('accounts.errors.required');
    case 'TOO_SHORT':
    case 'WEAK_PASSWORD':
      return t(`accounts.errors.${code}`, { min: MIN_PASSWORD_LENGTH });
    case 'TOO_LONG':
      return t('accounts.errors.TOO_LONG', { max: MAX_PASSWORD_LENGTH });
    case 'INVALID_DISPLAY_NAME':
      return t('accounts.errors.INVALID_DISPLAY_NAME', { max: MAX_DISPLAY_NAME_LENGTH });
    case 'TOO_MANY_ADDRESSES':
      return t('accounts.errors.TOO_MANY_ADDRESSES', { max: MAX_ADDRESSES });
    case 'TOO_MANY_ATTEMPTS':
      return t('accounts.errors.TOO_MANY_ATTEMPTS', {
        count: Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60)),
      });
    case 'TOO_SOON':
      return t('accounts.errors.TOO_SOON', { count: Math.max(1, problem.retryAfterSeconds ?? 60) });
    case 'SAME_AS_EMAIL':
    case 'TOO_COMMON':
    case 'INVALID_CREDENTIALS':
    case 'INVALID_EMAIL':
    case 'EMAIL_TAKEN':
    case 'INVALID_PHONE':
    case 'INVALID_TOKEN':
    case 'EXPIRED_TOKEN':
    case 'WRONG_PASSWORD':
    case 'SAME_PASSWORD':
    case 'ALREADY_VERIFIED':
    case 'INVALID_RECIPIENT_NAME':
    case 'INVALID_COUNTRY':
    case 'INVALID_REGION':
    case 'INVALID_CITY':
    case 'INVALID_POSTAL_CODE':
    case 'INVALID_LINE1':
    case 'INVALID_LINE2':
    case 'NOT_FOUND':
      return t(`accounts.errors.${code}`);
    default: {
      // A code added to the schema fails the build here; at run time a newer API's code falls back.
      const unknown: never = code;
      return problem.message || t('accounts.errors.unknown') || String(unknown);
    }
  }
}

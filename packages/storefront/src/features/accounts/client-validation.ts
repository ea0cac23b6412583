import {
  type AddressDraft,
  type AddressField,
  checkAddress,
  checkDisplayName,
  checkEmail,
  checkPassword,
  checkPhone,
} from '@marketplace/core';
import type { AccountProblem } from './account-errors.js';

/**
 * The API's own rules (from @marketplace/core) run before a form is sent, so obvious mistakes are
 * explained at once, in the UI language. The API checks everything again; its userErrors win.
 */
export type FieldProblems<F extends string> = Partial<Record<F, AccountProblem>>;

const REQUIRED: AccountProblem = { code: 'REQUIRED' };

export function hasProblems(problems: FieldProblems<string>): boolean {
  return Object.values(problems).some(Boolean);
}

/** The reason a new password is refused, or null; `email` is the account's. */
export function newPasswordProblem(password: string, email: string | null): AccountProblem | null {
  if (password === '') return REQUIRED;
  const checked = checkPassword(password, { email });
  return checked.ok ? null : { code: checked.error.problem };
}

/**
 * The API said WEAK_PASSWORD: say which rule. Length and "not the email" are checked here too, so
 * a password that passes them was refused for being on the API's list of common passwords.
 */
export function explainWeakPassword(password: string, email: string | null): AccountProblem {
  return newPasswordProblem(password, email) ?? { code: 'TOO_COMMON' };
}

export function validateSignIn(values: {
  email: string;
  password: string;
}): FieldProblems<'email' | 'password'> {
  return {
    email: values.email.trim() === '' ? REQUIRED : undefined,
    password: values.password === '' ? REQUIRED : undefined,
  };
}

export function validateRegistration(values: {
  email: string;
  password: string;
  displayName: string;
  phone: string;
}): FieldProblems<'email' | 'password' | 'displayName' | 'phone'> {
  const email = checkEmail(values.email);
  return {
    email: values.email.trim() === '' ? REQUIRED : email.ok ? undefined : { code: 'INVALID_EMAIL' },
    password: newPasswordProblem(values.password, email.ok ? email.value : null) ?? undefined,
    ...validateProfile(values),
  };
}

export function validateProfile(values: {
  displayName: string;
  phone: string;
}): FieldProblems<'displayName' | 'phone'> {
  return {
    displayName:
      values.displayName.trim() === ''
        ? REQUIRED
        : checkDisplayName(values.displayName).ok
          ? undefined
          : { code: 'INVALID_DISPLAY_NAME' },
    phone: checkPhone(values.phone).ok ? undefined : { code: 'INVALID_PHONE' },
  };
}

export function validateEmail(value: string): FieldProblems<'email'> {
  if (value.trim() === '') return { email: REQUIRED };
  return checkEmail(value).ok ? {} : { email: { code: 'INVALID_EMAIL' } };
}

export function validateAddress(draft: AddressDraft): FieldProblems<AddressField> {
  const checked = checkAddress(draft);
  if (checked.ok) return {};
  const problems: FieldProblems<AddressField> = {};
  for (const error of checked.error) {
    const value = draft[error.field];
    const empty = (value ?? '').trim() === '';
    problems[error.field] = empty && error.field !== 'postalCode' ? REQUIRED : { code: error.code };
  }
  return problems;
}

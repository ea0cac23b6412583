import { err, ok, type Result } from './result.js';

/**
 * Input rules for accounts, shared by the API (authoritative) and the storefront (early feedback).
 * Every check trims and normalizes first, and returns the value to store.
 */

export const MAX_EMAIL_LENGTH = 254;
export const MIN_PASSWORD_LENGTH = 10;
/** Long passphrases are welcome; the cap only stops megabyte-sized inputs reaching the hasher. */
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_DISPLAY_NAME_LENGTH = 60;

/** Counts characters as a reader does (a CJK character or an emoji is one), not UTF-16 units. */
export function characterCount(value: string): number {
  return [...value].length;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Trimmed and lower-cased: addresses are compared and stored this way, so case never creates a second account. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export type EmailError = { readonly code: 'INVALID_EMAIL'; readonly message: string };

/** A plausible address (something@domain.tld, no spaces); whether it exists is proven by the verification email. */
export function checkEmail(raw: string): Result<string, EmailError> {
  const email = normalizeEmail(raw);
  if (email === '') return err({ code: 'INVALID_EMAIL', message: 'Enter your email address.' });
  if (email.length > MAX_EMAIL_LENGTH || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) {
    return err({ code: 'INVALID_EMAIL', message: 'Enter a valid email address.' });
  }
  return ok(email);
}

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'SAME_AS_EMAIL' | 'TOO_COMMON';
export type PasswordError = {
  readonly code: 'WEAK_PASSWORD';
  readonly problem: PasswordProblem;
  readonly message: string;
};

/**
 * NIST SP 800-63B style: length over composition rules, and no password that is the email or on
 * a list of common passwords (`isCommon`, supplied by the caller that has the list).
 */
export function checkPassword(
  password: string,
  context: { readonly email?: string | null; readonly isCommon?: (password: string) => boolean } = {},
): Result<string, PasswordError> {
  const weak = (problem: PasswordProblem, message: string) =>
    err<PasswordError>({ code: 'WEAK_PASSWORD', problem, message });
  const length = characterCount(password);
  if (length < MIN_PASSWORD_LENGTH) {
    return weak('TOO_SHORT', `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return weak('TOO_LONG', `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  const lowered = password.trim().toLowerCase();
  if (context.email && lowered === normalizeEmail(context.email)) {
    return weak('SAME_AS_EMAIL', 'Your password must not be your email address.');
  }
  if (context.isCommon?.(lowered)) {
    return weak('TOO_COMMON', 'This password is too common. Choose one that is harder to guess.');
  }
  return ok(password);
}

export type DisplayNameError = { readonly code: 'INVALID_DISPLAY_NAME'; readonly message: string };

export function checkDisplayName(raw: string): Result<string, DisplayNameError> {
  const name = raw.trim().replace(/\s+/g, ' ');
  const length = characterCount(name);
  if (length === 0) return err({ code: 'INVALID_DISPLAY_NAME', message: 'Enter a display name.' });
  if (length > MAX_DISPLAY_NAME_LENGTH || CONTROL.test(name)) {
    return err({
      code: 'INVALID_DISPLAY_NAME',
      message: `A display name has at most ${MAX_DISPLAY_NAME_LENGTH} characters.`,
    });
  }
  return ok(name);
}

export type PhoneError = { readonly code: 'INVALID_PHONE'; readonly message: string };

/**
 * An international number in E.164 shape: "+", country code, subscriber number, 8–15 digits in
 * all. Spaces, dashes, dots and parentheses people type are removed. Empty means "no phone" (null).
 */
export function checkPhone(raw: string | null | undefined): Result<string | null, PhoneError> {
  const compact = (raw ?? '').replace(/[\s\-.()]/g, '');
  if (compact === '') return ok(null);
  if (!/^\+[1-9]\d{7,14}$/.test(compact)) {
    return err({
      code: 'INVALID_PHONE',
      message: 'Enter the number with its country code, e.g. +886 912 345 678.',
    });
  }
  return ok(compact);
}

import {
  checkDisplayName as coreDisplayName,
  checkEmail as coreEmail,
  checkPassword,
} from '@marketplace/core';

/** Client-side checks mirroring the API's (which stay authoritative), for feedback before sending. */
export const checkEmail = (value: string): boolean => coreEmail(value).ok;
export const checkDisplayName = (value: string): boolean => coreDisplayName(value).ok;
/** Length only: the API also refuses the email address and common passwords. */
export const checkNewPassword = (value: string, email?: string): boolean =>
  checkPassword(value, { email }).ok;

/** Same rule as the API's store handle: 3–40 lower-case letters, digits and single inner dashes. */
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$/;
export const checkHandle = (value: string): boolean => HANDLE_PATTERN.test(value.trim().toLowerCase());

/** Same rule as the API's help-article slug. */
export const checkSlug = (value: string): boolean =>
  value.length <= 80 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value !== 'contact';

import { CONTACT_LIMITS, type ContactField } from '@marketplace/core';
import type { TFunction } from '../../lib/i18n/translator.js';
import type { SubmitContactRequestErrorCode } from '../../gql/graphql.js';

/** The contact form's text for a refusal (the API's or the same rule checked in the browser). */
export function contactErrorMessage(
  t: TFunction,
  code: SubmitContactRequestErrorCode,
  serverMessage = '',
): string {
  switch (code) {
    case 'INVALID_NAME':
      return t('help.contact.errors.INVALID_NAME', { max: CONTACT_LIMITS.nameMax });
    case 'INVALID_EMAIL':
      return t('help.contact.errors.INVALID_EMAIL');
    case 'INVALID_ORDER_NUMBER':
      return t('help.contact.errors.INVALID_ORDER_NUMBER');
    case 'INVALID_MESSAGE':
      return t('help.contact.errors.INVALID_MESSAGE', {
        min: CONTACT_LIMITS.messageMin,
        max: CONTACT_LIMITS.messageMax,
      });
    case 'TOO_MANY_REQUESTS':
      return t('help.contact.errors.TOO_MANY_REQUESTS');
    default: {
      const unknown: never = code;
      return serverMessage || t('help.contact.errors.unknown') || String(unknown);
    }
  }
}

const FIELDS: readonly ContactField[] = ['name', 'email', 'orderNumber', 'message'];

/** Which form field an API error path (`['input', 'email']`) points at, if any. */
export function contactFieldOf(path: readonly string[] | null | undefined): ContactField | null {
  const field = path?.[1];
  return FIELDS.find((f) => f === field) ?? null;
}

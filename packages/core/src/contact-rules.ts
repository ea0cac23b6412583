import { characterCount, checkEmail } from './account-rules.js';
import { isOrderNumber } from './order-number.js';
import { err, ok, type Result } from './result.js';

/** Limits of the help center's contact form, shared by the API (authoritative) and the storefront. */
export const CONTACT_LIMITS = { nameMax: 100, messageMin: 10, messageMax: 5000 } as const;

export type ContactDraft = {
  readonly name: string;
  readonly email: string;
  readonly orderNumber?: string | null;
  readonly message: string;
};

export type ValidContactRequest = {
  readonly name: string;
  readonly email: string;
  readonly orderNumber: string | null;
  readonly message: string;
};

export type ContactField = 'name' | 'email' | 'orderNumber' | 'message';

export type ContactFieldError = {
  readonly field: ContactField;
  readonly code: 'INVALID_NAME' | 'INVALID_EMAIL' | 'INVALID_ORDER_NUMBER' | 'INVALID_MESSAGE';
  readonly message: string;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: tabs and line breaks are fine in a message
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Trims and checks every field at once (the form shows all problems together) and returns the values
 * to store: lower-cased email, upper-cased order number or null, message with unified line breaks.
 */
export function checkContactRequest(draft: ContactDraft): Result<ValidContactRequest, ContactFieldError[]> {
  const errors: ContactFieldError[] = [];
  const name = draft.name.trim();
  if (name === '' || characterCount(name) > CONTACT_LIMITS.nameMax || CONTROL.test(name)) {
    errors.push({
      field: 'name',
      code: 'INVALID_NAME',
      message: `Enter your name (at most ${CONTACT_LIMITS.nameMax} characters).`,
    });
  }
  const email = checkEmail(draft.email);
  if (!email.ok) errors.push({ field: 'email', ...email.error });

  const rawOrder = draft.orderNumber?.trim().toUpperCase() ?? '';
  const orderNumber = rawOrder === '' ? null : rawOrder;
  if (orderNumber !== null && !isOrderNumber(orderNumber)) {
    errors.push({
      field: 'orderNumber',
      code: 'INVALID_ORDER_NUMBER',
      message: 'Enter the order number as shown in My Orders (e.g. MP-20261122-0000001), or leave it empty.',
    });
  }
  const message = draft.message.replace(/\r\n?/g, '\n').trim();
  const length = characterCount(message);
  if (
    length < CONTACT_LIMITS.messageMin ||
    length > CONTACT_LIMITS.messageMax ||
    CONTROL_BUT_WHITESPACE.test(message)
  ) {
    errors.push({
      field: 'message',
      code: 'INVALID_MESSAGE',
      message: `Describe the problem in ${CONTACT_LIMITS.messageMin} to ${CONTACT_LIMITS.messageMax} characters.`,
    });
  }
  if (errors.length > 0 || !email.ok) return err(errors);
  return ok({ name, email: email.value, orderNumber, message });
}

import { randomBytes, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** PayPal-style resource id: 17 upper-case letters and digits (orders, captures, refunds). */
export const paypalId = (): string => pick(UPPER_ALNUM, 17);
/** PayPal payer id: 13 upper-case letters and digits. */
export const payerId = (): string => pick(UPPER_ALNUM, 13);
/** PayPal webhook event id, e.g. WH-2WR32451HC0233532-67976317FL4543714. */
export const webhookEventId = (): string => `WH-${pick(UPPER_ALNUM, 17)}-${pick(UPPER_ALNUM, 17)}`;
/** PayPal debug id: 13 lower-case hex characters. */
export const debugId = (): string => randomBytes(7).toString('hex').slice(0, 13);
/** Opaque secret (access tokens, sessions): URL-safe base64. */
export const secret = (bytes = 24): string => randomBytes(bytes).toString('base64url');
/** Card acquirer ids: `tok_…`, `ch_…`, `re_…`, `chl_…`. */
export const prefixedId = (prefix: string): string => `${prefix}_${pick(LOWER_ALNUM, 24)}`;
/** A one-time code of `digits` decimal digits. */
export const numericCode = (digits = 6): string => String(randomInt(0, 10 ** digits)).padStart(digits, '0');

import { randomInt } from 'node:crypto';

/** Crockford base32 without I, L, O, U: easy to read out on the phone to customer service. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A public reference such as PAY-7K2M9QX4RD (50 random bits). */
export function newReference(prefix: 'PAY' | 'RF'): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${out}`;
}

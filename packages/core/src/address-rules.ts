import { checkPhone } from './account-rules.js';
import { err, ok, type Result } from './result.js';

/** A shopper keeps at most this many addresses in the address book. */
export const MAX_ADDRESSES = 20;

/** ISO 3166-1 alpha-2 codes of countries and territories an address may be in. */
// biome-ignore format: a table reads better as a table
export const COUNTRY_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN',
  'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM',
  'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM',
  'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC',
  'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG',
  'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO',
  'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && (COUNTRY_CODES as readonly string[]).includes(value);
}

export const ADDRESS_LIMITS = {
  recipientName: 100,
  region: 100,
  city: 100,
  postalCode: 12,
  line1: 200,
  line2: 200,
} as const;

export type AddressField =
  | 'recipientName'
  | 'phone'
  | 'countryCode'
  | 'region'
  | 'city'
  | 'postalCode'
  | 'line1'
  | 'line2';

export type AddressFieldError = {
  readonly code:
    | 'INVALID_RECIPIENT_NAME'
    | 'INVALID_PHONE'
    | 'INVALID_COUNTRY'
    | 'INVALID_REGION'
    | 'INVALID_CITY'
    | 'INVALID_POSTAL_CODE'
    | 'INVALID_LINE1'
    | 'INVALID_LINE2';
  readonly field: AddressField;
  readonly message: string;
};

export type AddressDraft = {
  readonly recipientName: string;
  readonly phone: string;
  readonly countryCode: string;
  readonly region?: string | null;
  readonly city: string;
  readonly postalCode?: string | null;
  readonly line1: string;
  readonly line2?: string | null;
};

/** What is stored: trimmed, optional parts null, country upper-case, phone compact. */
export type ValidAddress = {
  readonly recipientName: string;
  readonly phone: string;
  readonly countryCode: CountryCode;
  readonly region: string | null;
  readonly city: string;
  readonly postalCode: string | null;
  readonly line1: string;
  readonly line2: string | null;
};

const chars = (value: string) => [...value].length;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const clean = (value: string | null | undefined) => (value ?? '').trim().replace(/\s+/g, ' ');
const text = (value: string, max: number) => chars(value) <= max && !CONTROL.test(value);

/**
 * Postal codes are optional (Hong Kong has none) but must look like one when given; Taiwan's are
 * 3, 5 or 6 digits (3+2 and 3+3 formats).
 */
function validPostalCode(code: string, country: string): boolean {
  if (country === 'TW') return /^\d{3}(\d{2,3})?$/.test(code);
  return /^[A-Z0-9][A-Z0-9 -]{1,10}[A-Z0-9]$/i.test(code) && code.length <= ADDRESS_LIMITS.postalCode;
}

/** Every problem of an address at once, so a form can mark all its wrong fields together. */
export function checkAddress(draft: AddressDraft): Result<ValidAddress, AddressFieldError[]> {
  const errors: AddressFieldError[] = [];
  const fail = (code: AddressFieldError['code'], field: AddressField, message: string) =>
    errors.push({ code, field, message });

  const recipientName = clean(draft.recipientName);
  if (!recipientName || !text(recipientName, ADDRESS_LIMITS.recipientName)) {
    fail(
      'INVALID_RECIPIENT_NAME',
      'recipientName',
      `Enter the recipient's name (at most ${ADDRESS_LIMITS.recipientName} characters).`,
    );
  }
  const phone = checkPhone(draft.phone);
  if (!phone.ok || phone.value === null) {
    fail(
      'INVALID_PHONE',
      'phone',
      'Enter the recipient’s phone number with its country code, e.g. +886 912 345 678.',
    );
  }
  const countryCode = clean(draft.countryCode).toUpperCase();
  if (!isCountryCode(countryCode)) fail('INVALID_COUNTRY', 'countryCode', 'Choose a country or region.');
  const region = clean(draft.region);
  if (!text(region, ADDRESS_LIMITS.region)) {
    fail('INVALID_REGION', 'region', `Use at most ${ADDRESS_LIMITS.region} characters.`);
  }
  const city = clean(draft.city);
  if (!city || !text(city, ADDRESS_LIMITS.city)) {
    fail('INVALID_CITY', 'city', `Enter the city or district (at most ${ADDRESS_LIMITS.city} characters).`);
  }
  const postalCode = clean(draft.postalCode).toUpperCase();
  if (postalCode && !validPostalCode(postalCode, countryCode)) {
    fail('INVALID_POSTAL_CODE', 'postalCode', 'Enter a valid postal code, or leave it empty.');
  }
  const line1 = clean(draft.line1);
  if (!line1 || !text(line1, ADDRESS_LIMITS.line1)) {
    fail('INVALID_LINE1', 'line1', `Enter the street address (at most ${ADDRESS_LIMITS.line1} characters).`);
  }
  const line2 = clean(draft.line2);
  if (!text(line2, ADDRESS_LIMITS.line2)) {
    fail('INVALID_LINE2', 'line2', `Use at most ${ADDRESS_LIMITS.line2} characters.`);
  }
  if (errors.length > 0 || !phone.ok || phone.value === null || !isCountryCode(countryCode))
    return err(errors);
  return ok({
    recipientName,
    phone: phone.value,
    countryCode,
    region: region || null,
    city,
    postalCode: postalCode || null,
    line1,
    line2: line2 || null,
  });
}

import type { TFunction } from '../../lib/i18n/translator.js';
import type { CheckoutErrorCode } from '../../gql/graphql.js';
import { formatMoney, type MoneyValue } from '../../lib/format-money.js';

export type CheckoutProblem = {
  readonly code: CheckoutErrorCode;
  /** The API's English explanation, shown only for a code this client does not know yet. */
  readonly message: string;
  readonly field?: readonly string[] | null;
  readonly lineId?: string | null;
  readonly available?: number | null;
  readonly minimumSpend?: MoneyValue | null;
};

/** The fields of `AddressInput`, which checkout uses for the shipping address as the address book does. */
export const ADDRESS_FIELDS = [
  'recipientName',
  'phone',
  'countryCode',
  'region',
  'city',
  'postalCode',
  'line1',
  'line2',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export const CONTACT_FIELDS = ['name', 'email', 'phone', 'notes'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Where on the page a problem is shown: next to the field or line it names, else at the top. */
export type ProblemPlace =
  | { readonly kind: 'coupon' }
  | { readonly kind: 'line'; readonly lineId: string }
  | { readonly kind: 'address'; readonly field: AddressField | null }
  | { readonly kind: 'contact'; readonly field: ContactField | null }
  | { readonly kind: 'general' };

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

export function problemPlace(problem: CheckoutProblem): ProblemPlace {
  const [, group, name] = problem.field ?? [];
  if (group === 'couponCode') return { kind: 'coupon' };
  if (problem.lineId) return { kind: 'line', lineId: problem.lineId };
  if (group === 'shippingAddress')
    return { kind: 'address', field: isOneOf(ADDRESS_FIELDS, name) ? name : null };
  if (group === 'serviceContact')
    return { kind: 'contact', field: isOneOf(CONTACT_FIELDS, name) ? name : null };
  return { kind: 'general' };
}

/** The shopper-facing text of a checkout problem, in the UI language (the API sends English). */
export function checkoutErrorMessage(t: TFunction, problem: CheckoutProblem, locale: string): string {
  const { code } = problem;
  const place = problemPlace(problem);
  switch (code) {
    case 'OUT_OF_STOCK':
      return problem.available
        ? t('orders.checkout.errors.OUT_OF_STOCK', { available: problem.available })
        : t('orders.checkout.errors.OUT_OF_STOCK_NONE');
    case 'COUPON_MIN_SPEND_NOT_MET':
      return t('orders.checkout.errors.COUPON_MIN_SPEND_NOT_MET', {
        minimum: problem.minimumSpend ? formatMoney(problem.minimumSpend, locale) : '',
      });
    case 'INVALID_SHIPPING_ADDRESS':
      return place.kind === 'address' && place.field
        ? t(`orders.checkout.fieldErrors.${place.field}`)
        : t('orders.checkout.errors.INVALID_SHIPPING_ADDRESS');
    case 'INVALID_SERVICE_CONTACT':
      return place.kind === 'contact' && place.field
        ? t(`orders.checkout.fieldErrors.${place.field}`)
        : t('orders.checkout.errors.INVALID_SERVICE_CONTACT');
    case 'INVALID_INPUT':
    case 'EMPTY_SELECTION':
    case 'LINE_NOT_FOUND':
    case 'VARIANT_UNAVAILABLE':
    case 'INVALID_QUANTITY':
    case 'QUANTITY_EXCEEDS_LINE_MAXIMUM':
    case 'SHIPPING_ADDRESS_REQUIRED':
    case 'SERVICE_CONTACT_REQUIRED':
    case 'COUPON_NOT_FOUND':
    case 'COUPON_NOT_STARTED':
    case 'COUPON_EXPIRED':
    case 'COUPON_USAGE_LIMIT_REACHED':
    case 'COUPON_ALREADY_USED':
    case 'COUPON_NOT_APPLICABLE':
    case 'COUPON_ATTEMPTS_EXCEEDED':
    case 'INVALID_IDEMPOTENCY_KEY':
      return t(`orders.checkout.errors.${code}`);
    default: {
      // A code added to the schema fails the build here; at run time a newer API's code falls back.
      const unknown: never = code;
      return problem.message || t('orders.checkout.errors.unknown') || String(unknown);
    }
  }
}

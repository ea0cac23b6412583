import {
  COUPON_CODE_PATTERN,
  type CurrencyCode,
  isCurrencyCode,
  MAX_COUPON_DESCRIPTION,
  MAX_PERCENT_BP,
  MAX_PROMOTION_NAME,
  MIN_PERCENT_BP,
  parseDecimal,
  toDecimalString,
} from '@marketplace/core';

/** Pure helpers of the coupon and activity forms: conversions, client checks mirroring the server's, errors. */

export type DiscountKind = 'PERCENTAGE' | 'FIXED_AMOUNT';

/** Client-side problems use the server's codes, so one translation table covers both. */
export type FormErrors = Record<string, string>;

/** Every code a coupon form or row can show (`promotions.coupons.errors.*`). */
export type CouponErrorKey =
  | 'NOT_FOUND'
  | 'MERCHANT_FROZEN'
  | 'NOT_EDITABLE'
  | 'INVALID_CODE'
  | 'CODE_TAKEN'
  | 'INVALID_VALUE'
  | 'INVALID_MIN_SPEND'
  | 'INVALID_DATES'
  | 'INVALID_LIMIT'
  | 'LIMIT_BELOW_USAGE'
  | 'INVALID_DESCRIPTION'
  | 'LOCKED_AFTER_REDEMPTION'
  | 'ALREADY_DEACTIVATED'
  | 'ALREADY_ACTIVE'
  | 'unexpected';

/** Every code an activity form or row can show (`promotions.activities.errors.*`). */
export type ActivityErrorKey =
  | 'NOT_FOUND'
  | 'MERCHANT_FROZEN'
  | 'INVALID_NAME'
  | 'INVALID_VALUE'
  | 'INVALID_DATES'
  | 'INVALID_PRODUCTS'
  | 'PRODUCT_NOT_FOUND'
  | 'ALREADY_STARTED'
  | 'NOT_EDITABLE'
  | 'ALREADY_CANCELLED'
  | 'ALREADY_ENDED'
  | 'unexpected';

export function currencyOf(code: string | null | undefined): CurrencyCode {
  return code && isCurrencyCode(code) ? code : 'USD';
}

/** "12.5" (%) → 1250 basis points; null if not a number with at most two decimals. */
export function percentToBasisPoints(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function basisPointsToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** "2.50" → minor units of the currency; null if not a decimal amount. */
export function amountToMinor(text: string, currency: CurrencyCode): number | null {
  const parsed = parseDecimal(text.trim(), currency);
  return parsed.ok ? parsed.value.minor : null;
}

export function minorToAmount(minor: number, currency: CurrencyCode): string {
  return toDecimalString({ minor, currency });
}

/** The value to send: basis points or minor units, or null when it cannot be read. */
export function discountValue(kind: DiscountKind, text: string, currency: CurrencyCode): number | null {
  return kind === 'PERCENTAGE' ? percentToBasisPoints(text) : amountToMinor(text, currency);
}

export function discountText(kind: DiscountKind, value: number, currency: CurrencyCode): string {
  return kind === 'PERCENTAGE' ? basisPointsToPercent(value) : minorToAmount(value, currency);
}

/** `<input type="datetime-local">` works in local time without a zone; the API wants instants. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(text: string): string | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function checkValue(kind: DiscountKind, value: number | null, errors: FormErrors) {
  if (value === null) errors.value = 'INVALID_VALUE';
  else if (kind === 'PERCENTAGE' && (value < MIN_PERCENT_BP || value > MAX_PERCENT_BP))
    errors.value = 'INVALID_VALUE';
  else if (kind === 'FIXED_AMOUNT' && value <= 0) errors.value = 'INVALID_VALUE';
}

function checkDates(startsAt: string | null, endsAt: string | null, errors: FormErrors) {
  if (startsAt && endsAt && new Date(endsAt) <= new Date(startsAt)) errors.endsAt = 'INVALID_DATES';
}

export interface CouponDraft {
  code: string;
  kind: DiscountKind;
  value: string;
  minSpend: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perShopperLimit: string;
  descriptionEn: string;
  descriptionZh: string;
}

export const emptyCouponDraft = (): CouponDraft => ({
  code: '',
  kind: 'PERCENTAGE',
  value: '',
  minSpend: '0',
  startsAt: '',
  endsAt: '',
  usageLimit: '',
  perShopperLimit: '',
  descriptionEn: '',
  descriptionZh: '',
});

export interface CouponValues {
  code: string;
  kind: DiscountKind;
  value: number;
  minSpendMinor: number;
  startsAt: string | null;
  endsAt: string | null;
  usageLimit: number | null;
  perShopperLimit: number | null;
  descriptionEn: string;
  descriptionZh: string;
}

function limitOf(text: string, key: string, errors: FormErrors): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) errors[key] = 'INVALID_LIMIT';
  return n;
}

/** The draft as the API wants it, or the field errors the server would answer. */
export function readCouponDraft(
  draft: CouponDraft,
  currency: CurrencyCode,
): { values: CouponValues; errors: FormErrors } {
  const errors: FormErrors = {};
  const code = draft.code.trim().toUpperCase();
  if (!COUPON_CODE_PATTERN.test(code)) errors.code = 'INVALID_CODE';
  const value = discountValue(draft.kind, draft.value, currency);
  checkValue(draft.kind, value, errors);
  const minSpendMinor = draft.minSpend.trim() === '' ? 0 : amountToMinor(draft.minSpend, currency);
  if (minSpendMinor === null || minSpendMinor < 0) errors.minSpendMinor = 'INVALID_MIN_SPEND';
  const startsAt = fromLocalInput(draft.startsAt);
  const endsAt = fromLocalInput(draft.endsAt);
  checkDates(startsAt, endsAt, errors);
  const usageLimit = limitOf(draft.usageLimit, 'usageLimit', errors);
  const perShopperLimit = limitOf(draft.perShopperLimit, 'perShopperLimit', errors);
  for (const key of ['descriptionEn', 'descriptionZh'] as const)
    if ([...draft[key].trim()].length > MAX_COUPON_DESCRIPTION) errors[key] = 'INVALID_DESCRIPTION';
  return {
    values: {
      code,
      kind: draft.kind,
      value: value ?? 0,
      minSpendMinor: minSpendMinor ?? 0,
      startsAt,
      endsAt,
      usageLimit,
      perShopperLimit,
      descriptionEn: draft.descriptionEn.trim(),
      descriptionZh: draft.descriptionZh.trim(),
    },
    errors,
  };
}

export interface ActivityDraft {
  nameEn: string;
  nameZh: string;
  kind: DiscountKind;
  value: string;
  startsAt: string;
  endsAt: string;
  allProducts: boolean;
  productIds: string[];
}

export const emptyActivityDraft = (): ActivityDraft => ({
  nameEn: '',
  nameZh: '',
  kind: 'PERCENTAGE',
  value: '',
  startsAt: '',
  endsAt: '',
  allProducts: true,
  productIds: [],
});

export interface ActivityValues {
  nameEn: string;
  nameZh: string;
  kind: DiscountKind;
  value: number;
  startsAt: string;
  endsAt: string;
  allProducts: boolean;
  productIds: string[] | null;
}

export function readActivityDraft(
  draft: ActivityDraft,
  currency: CurrencyCode,
  now: Date = new Date(),
): { values: ActivityValues; errors: FormErrors } {
  const errors: FormErrors = {};
  for (const key of ['nameEn', 'nameZh'] as const) {
    const length = [...draft[key].trim()].length;
    if (length === 0 || length > MAX_PROMOTION_NAME) errors[key] = 'INVALID_NAME';
  }
  const value = discountValue(draft.kind, draft.value, currency);
  checkValue(draft.kind, value, errors);
  const startsAt = fromLocalInput(draft.startsAt);
  const endsAt = fromLocalInput(draft.endsAt);
  if (!startsAt) errors.startsAt = 'INVALID_DATES';
  if (!endsAt) errors.endsAt = 'INVALID_DATES';
  else if (new Date(endsAt) <= now) errors.endsAt = 'INVALID_DATES';
  checkDates(startsAt, endsAt, errors);
  if (!draft.allProducts && draft.productIds.length === 0) errors.productIds = 'INVALID_PRODUCTS';
  return {
    values: {
      nameEn: draft.nameEn.trim(),
      nameZh: draft.nameZh.trim(),
      kind: draft.kind,
      value: value ?? 0,
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
      allProducts: draft.allProducts,
      productIds: draft.allProducts ? null : draft.productIds,
    },
    errors,
  };
}

/**
 * Server userErrors → form keys. `['input', 'productIds', '2']` belongs to the product picker;
 * errors without a field land on `form`.
 */
export function serverErrors(
  userErrors: readonly { code: string; field?: readonly string[] | null }[],
): FormErrors {
  const out: FormErrors = {};
  for (const e of userErrors) {
    const named = e.field && e.field.length > 1 ? e.field[1]! : 'form';
    const key = named === 'couponId' || named === 'activityId' ? 'form' : named;
    out[key] ??= e.code;
  }
  return out;
}

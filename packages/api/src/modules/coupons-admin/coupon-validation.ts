import {
  COUPON_CODE_PATTERN,
  COUPON_KINDS,
  type CouponKind,
  type CurrencyCode,
  checkDiscountValue,
  checkLimit,
  checkPeriod,
  currencyExponent,
  MAX_COUPON_DESCRIPTION,
} from '@marketplace/core';
import { userError } from '../../graphql/errors.js';
import type { CouponErrorCode } from './coupons-admin.types.js';

export type CouponFieldError = { code: CouponErrorCode; message: string; field: string[] | null };

/** Everything a coupon is made of, after merging an update over the stored coupon. */
export interface CouponDraft {
  code: string;
  kind: CouponKind;
  value: number;
  minSpendMinor: number;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  perShopperLimit: number | null;
  descriptionEn: string;
  descriptionZh: string;
}

/** Amounts (fixed values, minimum spends) are capped at 1,000,000 in major units. */
export function maxAmountMinor(currency: CurrencyCode): number {
  return 1_000_000 * 10 ** currencyExponent(currency);
}

/** Every shape problem of a draft at once, each with the input field it belongs to. */
export function checkCouponDraft(draft: CouponDraft, currency: CurrencyCode): CouponFieldError[] {
  const errors: CouponFieldError[] = [];
  const at = (f: string) => ['input', f];
  if (!COUPON_CODE_PATTERN.test(draft.code)) {
    errors.push(userError('INVALID_CODE', 'Use 3–40 letters, digits, hyphens or underscores.', at('code')));
  }
  if (!COUPON_KINDS.includes(draft.kind)) {
    errors.push(userError('INVALID_VALUE', 'Choose a percentage or a fixed amount.', at('kind')));
  } else {
    const valueError = checkDiscountValue(draft, maxAmountMinor(currency));
    if (valueError) errors.push(userError('INVALID_VALUE', valueError.message, at('value')));
  }
  if (
    !Number.isInteger(draft.minSpendMinor) ||
    draft.minSpendMinor < 0 ||
    draft.minSpendMinor > maxAmountMinor(currency)
  ) {
    errors.push(
      userError(
        'INVALID_MIN_SPEND',
        'The minimum spend is 0 or more (at most 1,000,000).',
        at('minSpendMinor'),
      ),
    );
  }
  const period = checkPeriod(draft.startsAt, draft.endsAt);
  if (period) errors.push(userError('INVALID_DATES', period.message, at(period.field)));
  for (const key of ['usageLimit', 'perShopperLimit'] as const) {
    const limit = checkLimit(key, draft[key]);
    if (limit) errors.push(userError('INVALID_LIMIT', limit.message, at(key)));
  }
  for (const key of ['descriptionEn', 'descriptionZh'] as const) {
    if ([...draft[key]].length > MAX_COUPON_DESCRIPTION) {
      errors.push(userError('INVALID_DESCRIPTION', `At most ${MAX_COUPON_DESCRIPTION} characters.`, at(key)));
    }
  }
  return errors;
}

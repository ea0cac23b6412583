import { describe, expect, it } from 'vitest';
import {
  amountToMinor,
  basisPointsToPercent,
  emptyActivityDraft,
  emptyCouponDraft,
  percentToBasisPoints,
  readActivityDraft,
  readCouponDraft,
  serverErrors,
} from './promotion-form';

describe('conversions', () => {
  it.each([
    ['10', 1000],
    ['12.5', 1250],
    ['12,5', 1250],
    ['0.01', 1],
    ['100', 10_000],
    ['abc', null],
    ['1.234', null],
    ['', null],
  ])('percent %s → %s bp', (text, bp) => {
    expect(percentToBasisPoints(text)).toBe(bp);
  });

  it.each([
    [1000, '10'],
    [1250, '12.5'],
    [1205, '12.05'],
    [10_000, '100'],
  ])('%s bp → %s %%', (bp, text) => {
    expect(basisPointsToPercent(bp)).toBe(text);
    expect(percentToBasisPoints(text)).toBe(bp);
  });

  it('amounts use the currency’s minor units', () => {
    expect(amountToMinor('2.50', 'USD')).toBe(250);
    expect(amountToMinor('2.5', 'USD')).toBe(250);
    expect(amountToMinor('x', 'USD')).toBeNull();
  });
});

describe('readCouponDraft', () => {
  const valid = { ...emptyCouponDraft(), code: ' summer-10 ', value: '10' };

  it('reads a valid draft', () => {
    const { values, errors } = readCouponDraft(valid, 'USD');
    expect(errors).toEqual({});
    expect(values).toMatchObject({
      code: 'SUMMER-10',
      kind: 'PERCENTAGE',
      value: 1000,
      minSpendMinor: 0,
      usageLimit: null,
    });
  });

  it.each([
    [{ code: 'ab' }, 'code', 'INVALID_CODE'],
    [{ value: '0.5' }, 'value', 'INVALID_VALUE'],
    [{ value: '101' }, 'value', 'INVALID_VALUE'],
    [{ kind: 'FIXED_AMOUNT' as const, value: '0' }, 'value', 'INVALID_VALUE'],
    [{ minSpend: '-1' }, 'minSpendMinor', 'INVALID_MIN_SPEND'],
    [{ startsAt: '2026-12-02T10:00', endsAt: '2026-12-01T10:00' }, 'endsAt', 'INVALID_DATES'],
    [{ usageLimit: '0' }, 'usageLimit', 'INVALID_LIMIT'],
    [{ perShopperLimit: '1.5' }, 'perShopperLimit', 'INVALID_LIMIT'],
    [{ descriptionZh: '折'.repeat(201) }, 'descriptionZh', 'INVALID_DESCRIPTION'],
  ])('refuses %o', (change, key, code) => {
    expect(readCouponDraft({ ...valid, ...change }, 'USD').errors[key]).toBe(code);
  });
});

describe('readActivityDraft', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const valid = {
    ...emptyActivityDraft(),
    nameEn: 'Sale',
    nameZh: '特賣',
    value: '15',
    startsAt: '2026-11-23T10:00',
    endsAt: '2026-11-24T10:00',
  };

  it('reads a valid draft', () => {
    const { values, errors } = readActivityDraft(valid, 'USD', now);
    expect(errors).toEqual({});
    expect(values).toMatchObject({ value: 1500, allProducts: true, productIds: null });
  });

  it.each([
    [{ nameZh: ' ' }, 'nameZh', 'INVALID_NAME'],
    [{ value: '' }, 'value', 'INVALID_VALUE'],
    [{ endsAt: '2026-11-20T10:00' }, 'endsAt', 'INVALID_DATES'],
    [{ startsAt: '' }, 'startsAt', 'INVALID_DATES'],
    [{ allProducts: false, productIds: [] }, 'productIds', 'INVALID_PRODUCTS'],
  ])('refuses %o', (change, key, code) => {
    expect(readActivityDraft({ ...valid, ...change }, 'USD', now).errors[key]).toBe(code);
  });
});

describe('serverErrors', () => {
  it('maps field paths to form keys, the first error per field', () => {
    expect(
      serverErrors([
        { code: 'CODE_TAKEN', field: ['input', 'code'] },
        { code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '1'] },
        { code: 'NOT_FOUND', field: ['input', 'couponId'] },
        { code: 'MERCHANT_FROZEN', field: null },
      ]),
    ).toEqual({ code: 'CODE_TAKEN', productIds: 'PRODUCT_NOT_FOUND', form: 'NOT_FOUND' });
  });
});

import { describe, expect, it } from 'vitest';
import { PRODUCT_KINDS, isProductKind } from './product.js';
import { isStaffRole, isUserRole, USER_ROLES } from './roles.js';

describe('roles', () => {
  it('lists the four roles', () => {
    expect(USER_ROLES).toEqual(['SHOPPER', 'MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN']);
  });

  it.each([
    ['SHOPPER', false],
    ['MERCHANT_STAFF', true],
    ['CUSTOMER_SERVICE', true],
    ['ADMIN', true],
  ] as const)('isStaffRole(%s) = %s', (role, expected) => {
    expect(isStaffRole(role)).toBe(expected);
  });

  it.each([
    ['ADMIN', true],
    ['admin', false],
    ['ROOT', false],
    [null, false],
  ])('isUserRole(%j) = %s', (value, expected) => {
    expect(isUserRole(value)).toBe(expected);
  });
});

describe('product kinds', () => {
  it.each([
    ['GOODS', true],
    ['SERVICE', true],
    ['goods', false],
    ['DIGITAL', false],
  ])('isProductKind(%j) = %s', (value, expected) => {
    expect(isProductKind(value)).toBe(expected);
  });

  it('lists goods and services', () => {
    expect(PRODUCT_KINDS).toEqual(['GOODS', 'SERVICE']);
  });
});

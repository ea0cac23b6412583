import { assertNever } from './assert-never.js';

export const USER_ROLES = ['SHOPPER', 'MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

/** Staff sign in to the admin SPA; shoppers to the storefront. */
export function isStaffRole(role: UserRole): boolean {
  switch (role) {
    case 'SHOPPER':
      return false;
    case 'MERCHANT_STAFF':
    case 'CUSTOMER_SERVICE':
    case 'ADMIN':
      return true;
    default:
      return assertNever(role, 'user role');
  }
}

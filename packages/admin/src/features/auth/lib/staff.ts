import type { UserRole } from '../../../gql/graphql';

/** Whether an account may use the admin SPA: every role except shoppers. */
export function isStaffRole(role: UserRole): boolean {
  switch (role) {
    case 'MERCHANT_STAFF':
    case 'CUSTOMER_SERVICE':
    case 'ADMIN':
      return true;
    case 'SHOPPER':
      return false;
    default:
      // A role added to the API later stays out until the SPA knows what it may see.
      role satisfies never;
      return false;
  }
}

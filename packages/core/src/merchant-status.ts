import { STORE_CAPABILITIES } from './capabilities.js';

/**
 * A merchant's standing on the platform. Under a general freeze the merchant may not publish or
 * change listings, but its listings stay on sale (buying, paying and order processing keep working);
 * a safe freeze takes them off sale; a store disabled (closed) by a platform admin neither sells nor
 * edits until it is enabled again; a deleted merchant is gone for good.
 */
export const MERCHANT_STATUSES = ['ACTIVE', 'GENERAL_FROZEN', 'SAFE_FROZEN', 'DISABLED', 'DELETED'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

/** Statuses whose published listings shoppers can see and buy. */
export const SELLING_MERCHANT_STATUSES = [
  'ACTIVE',
  'GENERAL_FROZEN',
] as const satisfies readonly MerchantStatus[];

export function merchantCanSell(status: MerchantStatus): boolean {
  switch (status) {
    case 'ACTIVE':
    case 'GENERAL_FROZEN':
      return true;
    case 'SAFE_FROZEN':
    case 'DISABLED':
    case 'DELETED':
      return false;
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

/**
 * Whether the merchant may create, change, publish or unpublish listings (only when ACTIVE): the store column
 * of the capability matrix (capabilities.ts), which the API checks in one place.
 */
export function merchantCanEditListings(status: MerchantStatus): boolean {
  return STORE_CAPABILITIES[status].includes('listing.edit');
}

/** Every user error code of the order mutations the admin uses, each with a message under `orders.errors`. */
export const ORDER_ERROR_CODES = [
  'ORDER_NOT_FOUND',
  'INVALID_TRANSITION',
  'INVALID_REASON',
  'INVALID_TEXT',
  'INVALID_ORDER_COUNT',
  'DUPLICATE_ORDER',
  'NOT_SHIPPABLE',
  'CANCELLATION_PENDING',
  'INVALID_CARRIER',
  'INVALID_TRACKING_NUMBER',
  'NO_CANCELLATION_REQUEST',
  'REQUEST_ALREADY_DECIDED',
  'NOT_PAID',
  'REFUND_EXCEEDS_CAPTURE',
  'GATEWAY_UNAVAILABLE',
  'REFUND_REFUSED',
  'NOT_A_SERVICE_ORDER',
  'ALREADY_DELIVERED',
  'INVALID_TITLE',
  'INVALID_BODY',
  'ACCOUNT_RESTRICTED',
] as const;

export type OrderErrorKey = (typeof ORDER_ERROR_CODES)[number] | 'unknown';

/** The message key of a code; a code the app does not know yet gets the generic message. */
export function ordersErrorKey(code: string): OrderErrorKey {
  return (ORDER_ERROR_CODES as readonly string[]).includes(code) ? (code as OrderErrorKey) : 'unknown';
}

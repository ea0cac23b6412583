export {
  characterCount,
  checkDisplayName,
  checkEmail,
  checkPassword,
  checkPhone,
  type DisplayNameError,
  type EmailError,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normalizeEmail,
  type PasswordError,
  type PasswordProblem,
  type PhoneError,
} from './account-rules.js';
export {
  ADDRESS_LIMITS,
  type AddressDraft,
  type AddressField,
  type AddressFieldError,
  COUNTRY_CODES,
  type CountryCode,
  checkAddress,
  isCountryCode,
  MAX_ADDRESSES,
  type ValidAddress,
} from './address-rules.js';
export { allocateProportionally } from './allocation.js';
export {
  CONTACT_LIMITS,
  type ContactDraft,
  type ContactField,
  type ContactFieldError,
  checkContactRequest,
  type ValidContactRequest,
} from './contact-rules.js';
export { assertNever } from './assert-never.js';
export {
  type CartLineAvailability,
  type CartLineUnavailableReason,
  cartLineAvailability,
  checkLineQuantity,
  type LineQuantityError,
  MAX_LINE_QUANTITY,
} from './cart-rules.js';
export {
  type PricedCheckout,
  type PricedOrder,
  type PricingGroup,
  type PricingLine,
  priceCheckout,
} from './checkout-pricing.js';
export {
  COUPON_KINDS,
  type CouponApplication,
  type CouponError,
  type CouponErrorCode,
  type CouponFacts,
  type CouponGroup,
  type CouponKind,
  evaluateCoupon,
} from './coupon-rules.js';
export {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  LOCALES,
  type Localized,
  parseLocale,
  pickLocalized,
} from './locale.js';
export {
  add,
  CURRENCY_CODES,
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  CurrencyMismatchError,
  compare,
  currencyExponent,
  formatMoney,
  isCurrencyCode,
  isNegative,
  isZero,
  type Money,
  MoneyRangeError,
  money,
  multiply,
  type ParseDecimalError,
  parseDecimal,
  percentageOf,
  roundHalfEven,
  subtract,
  sum,
  toDecimalString,
  zero,
} from './money.js';
export {
  allowedEvents,
  isOrderEvent,
  isOrderStatus,
  isTerminal,
  ORDER_EVENTS,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type OrderEvent,
  type OrderFacts,
  type OrderKind,
  type OrderStatus,
  type OrderTransition,
  type OrderTransitionError,
  orderStatusLabel,
  type TransitionRule,
  type TransitionTable,
  transition,
} from './order-status.js';
export { formatOrderNumber, isOrderNumber } from './order-number.js';
export {
  canMovePayment,
  checkRefund,
  isPaymentCaptured,
  isPaymentInFlight,
  maskCard,
  PAYMENT_FAILURE_CODES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type PaymentFailureCode,
  type PaymentMethod,
  type PaymentStatus,
  type RefundError,
  statusAfterRefunds,
} from './payment-rules.js';
export { isProductKind, PRODUCT_KINDS, type ProductKind } from './product.js';
export { type Err, err, type Ok, ok, type Result } from './result.js';
export { isStaffRole, isUserRole, USER_ROLES, type UserRole } from './roles.js';
export {
  checkShipment,
  SHIPMENT_LIMITS,
  type ShipmentDraft,
  type ShipmentFieldError,
  type ValidShipment,
} from './shipment-rules.js';
export { type ShippingPolicy, shippingFee } from './shipping.js';
export {
  MERCHANT_STATUSES,
  type MerchantStatus,
  merchantCanEditListings,
  merchantCanSell,
  SELLING_MERCHANT_STATUSES,
} from './merchant-status.js';

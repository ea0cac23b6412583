export { assertNever } from './assert-never.js';
export { checkLineQuantity, type LineQuantityError, MAX_LINE_QUANTITY } from './cart-rules.js';
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
export { isProductKind, PRODUCT_KINDS, type ProductKind } from './product.js';
export { type Err, err, type Ok, ok, type Result } from './result.js';
export { isStaffRole, isUserRole, USER_ROLES, type UserRole } from './roles.js';

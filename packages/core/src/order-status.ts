import type { Localized, Locale } from './locale.js';
import { pickLocalized } from './locale.js';
import type { ProductKind } from './product.js';
import { PRODUCT_KINDS } from './product.js';
import { err, ok, type Result } from './result.js';

/** Exactly the six statuses of seed 000. */
export const ORDER_STATUSES = [
  'AWAITING_PAYMENT',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'COMPLETED',
  'CLOSED',
  'FAILED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = [
  'PAY', // payment captured
  'CANCEL', // shopper cancels an unpaid order
  'CLOSE', // customer service closes an unpaid order
  'TIMEOUT', // payment window elapsed
  'SAFE_FREEZE', // the merchant was safe-frozen
  'SHIP', // merchant hands goods to the carrier with a tracking number
  'DELIVER_REPORT', // merchant delivers the consultation report of a service order
  'FAIL_WITH_REFUND', // paid order cancelled before shipment at the shopper's request, refunded in full
  'CONFIRM_RECEIPT', // shopper confirms delivery
  'AUTO_CONFIRM', // N days after shipping without confirmation
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

export type OrderKind = ProductKind;

export type TransitionRule = {
  readonly to: OrderStatus;
  /** Order kinds the event applies to: goods are shipped, services deliver a report. */
  readonly kinds: readonly OrderKind[];
};

export type TransitionTable = {
  readonly [S in OrderStatus]: { readonly [E in OrderEvent]?: TransitionRule };
};

const ANY_KIND = PRODUCT_KINDS;

/** DESIGN.md "Allowed transitions", as data. A status with no entries is terminal. */
export const ORDER_TRANSITIONS: TransitionTable = {
  AWAITING_PAYMENT: {
    PAY: { to: 'AWAITING_SHIPMENT', kinds: ANY_KIND },
    CANCEL: { to: 'CLOSED', kinds: ANY_KIND },
    CLOSE: { to: 'CLOSED', kinds: ANY_KIND },
    TIMEOUT: { to: 'CLOSED', kinds: ANY_KIND },
    SAFE_FREEZE: { to: 'CLOSED', kinds: ANY_KIND },
  },
  AWAITING_SHIPMENT: {
    SHIP: { to: 'SHIPPED', kinds: ['GOODS'] },
    DELIVER_REPORT: { to: 'COMPLETED', kinds: ['SERVICE'] },
    FAIL_WITH_REFUND: { to: 'FAILED', kinds: ANY_KIND },
    SAFE_FREEZE: { to: 'FAILED', kinds: ANY_KIND },
  },
  // A safe freeze leaves shipped orders shipped; only their funds are frozen (by the ledger).
  SHIPPED: {
    CONFIRM_RECEIPT: { to: 'COMPLETED', kinds: ['GOODS'] },
    AUTO_CONFIRM: { to: 'COMPLETED', kinds: ['GOODS'] },
  },
  COMPLETED: {},
  CLOSED: {},
  FAILED: {},
};

export type OrderTransition = { readonly from: OrderStatus; readonly to: OrderStatus };

export type OrderTransitionError = {
  readonly code: 'INVALID_TRANSITION';
  readonly message: string;
  readonly from: OrderStatus;
  readonly event: OrderEvent;
  readonly kind: OrderKind;
};

export type OrderFacts = { readonly status: OrderStatus; readonly kind: OrderKind };

/** Pure decision; the caller persists the new status and the history entry in one transaction. */
export function transition(
  order: OrderFacts,
  event: OrderEvent,
): Result<OrderTransition, OrderTransitionError> {
  const { status: from, kind } = order;
  const rule = ORDER_TRANSITIONS[from]?.[event];
  if (rule?.kinds.includes(kind)) return ok({ from, to: rule.to });
  const reason = rule ? `a ${kind.toLowerCase()} order` : `an order in status ${from}`;
  return err({
    code: 'INVALID_TRANSITION',
    message: `${event} is not allowed for ${reason}`,
    from,
    event,
    kind,
  });
}

/** Events that `transition` would accept now: for `viewerCan*` fields, so no UI re-implements the table. */
export function allowedEvents(order: OrderFacts): OrderEvent[] {
  return ORDER_EVENTS.filter((event) => transition(order, event).ok);
}

export function isTerminal(status: OrderStatus): boolean {
  return Object.keys(ORDER_TRANSITIONS[status]).length === 0;
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function isOrderEvent(value: unknown): value is OrderEvent {
  return typeof value === 'string' && (ORDER_EVENTS as readonly string[]).includes(value);
}

export const ORDER_STATUS_LABELS: { readonly [S in OrderStatus]: Localized<string> } = {
  AWAITING_PAYMENT: { en: 'Awaiting payment', zhTW: '待付款' },
  AWAITING_SHIPMENT: { en: 'Awaiting shipment', zhTW: '待出貨' },
  SHIPPED: { en: 'Shipped', zhTW: '已出貨' },
  COMPLETED: { en: 'Transaction successful', zhTW: '交易成功' },
  CLOSED: { en: 'Order closed', zhTW: '訂單已關閉' },
  FAILED: { en: 'Transaction failed', zhTW: '交易失敗' },
};

export function orderStatusLabel(status: OrderStatus, locale: Locale): string {
  return pickLocalized(ORDER_STATUS_LABELS[status], locale);
}

import { describe, expect, it } from 'vitest';
import type { Locale } from './locale.js';
import type { ProductKind } from './product.js';
import { PRODUCT_KINDS } from './product.js';
import {
  allowedEvents,
  isOrderStatus,
  isTerminal,
  ORDER_EVENTS,
  ORDER_STATUSES,
  type OrderEvent,
  type OrderStatus,
  orderStatusLabel,
  transition,
} from './order-status.js';

// Written from DESIGN.md independently of the implementation's table.
const STATUSES: OrderStatus[] = [
  'AWAITING_PAYMENT',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'COMPLETED',
  'CLOSED',
  'FAILED',
];
const EVENTS: OrderEvent[] = [
  'PAY',
  'CANCEL',
  'CLOSE',
  'TIMEOUT',
  'SAFE_FREEZE',
  'SHIP',
  'DELIVER_REPORT',
  'FAIL_WITH_REFUND',
  'CONFIRM_RECEIPT',
  'AUTO_CONFIRM',
];
const KINDS: ProductKind[] = ['GOODS', 'SERVICE'];

/** Every allowed (status, event, kind); anything not listed must be refused. */
const ALLOWED: Record<string, OrderStatus> = {
  'AWAITING_PAYMENT PAY GOODS': 'AWAITING_SHIPMENT',
  'AWAITING_PAYMENT PAY SERVICE': 'AWAITING_SHIPMENT',
  'AWAITING_PAYMENT CANCEL GOODS': 'CLOSED',
  'AWAITING_PAYMENT CANCEL SERVICE': 'CLOSED',
  'AWAITING_PAYMENT CLOSE GOODS': 'CLOSED',
  'AWAITING_PAYMENT CLOSE SERVICE': 'CLOSED',
  'AWAITING_PAYMENT TIMEOUT GOODS': 'CLOSED',
  'AWAITING_PAYMENT TIMEOUT SERVICE': 'CLOSED',
  'AWAITING_PAYMENT SAFE_FREEZE GOODS': 'CLOSED',
  'AWAITING_PAYMENT SAFE_FREEZE SERVICE': 'CLOSED',
  'AWAITING_SHIPMENT SHIP GOODS': 'SHIPPED',
  'AWAITING_SHIPMENT DELIVER_REPORT SERVICE': 'COMPLETED',
  'AWAITING_SHIPMENT FAIL_WITH_REFUND GOODS': 'FAILED',
  'AWAITING_SHIPMENT FAIL_WITH_REFUND SERVICE': 'FAILED',
  'AWAITING_SHIPMENT SAFE_FREEZE GOODS': 'FAILED',
  'AWAITING_SHIPMENT SAFE_FREEZE SERVICE': 'FAILED',
  'SHIPPED CONFIRM_RECEIPT GOODS': 'COMPLETED',
  'SHIPPED AUTO_CONFIRM GOODS': 'COMPLETED',
};

const ALL_CASES = STATUSES.flatMap((status) =>
  EVENTS.flatMap((event) =>
    KINDS.map((kind) => ({ status, event, kind, to: ALLOWED[`${status} ${event} ${kind}`] ?? null })),
  ),
);

describe('order status machine', () => {
  it('has exactly the six statuses, the known events and both kinds', () => {
    expect(ORDER_STATUSES).toEqual(STATUSES);
    expect(ORDER_EVENTS).toEqual(EVENTS);
    expect(PRODUCT_KINDS).toEqual(KINDS);
    expect(ALL_CASES).toHaveLength(120);
  });

  it.each(ALL_CASES)('$status --$event--> ($kind) = $to', ({ status, event, kind, to }) => {
    const result = transition({ status, kind }, event);
    if (to === null) {
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', from: status, event, kind },
      });
    } else {
      expect(result).toEqual({ ok: true, value: { from: status, to } });
    }
  });

  it.each([
    [
      { status: 'AWAITING_SHIPMENT', kind: 'GOODS' },
      'DELIVER_REPORT',
      'DELIVER_REPORT is not allowed for a goods order',
    ],
    [{ status: 'AWAITING_SHIPMENT', kind: 'SERVICE' }, 'SHIP', 'SHIP is not allowed for a service order'],
    [{ status: 'COMPLETED', kind: 'GOODS' }, 'PAY', 'PAY is not allowed for an order in status COMPLETED'],
  ] as const)('explains why %j cannot %s', (order, event, message) => {
    const result = transition(order, event);
    expect(result.ok || result.error.message).toBe(message);
  });

  it('refuses a status that is not in the table (bad data)', () => {
    const result = transition({ status: 'REFUNDED' as OrderStatus, kind: 'GOODS' }, 'PAY');
    expect(result.ok || result.error.code).toBe('INVALID_TRANSITION');
  });

  it.each([
    ['AWAITING_PAYMENT', false],
    ['AWAITING_SHIPMENT', false],
    ['SHIPPED', false],
    ['COMPLETED', true],
    ['CLOSED', true],
    ['FAILED', true],
  ] as const)('isTerminal(%s) = %s', (status, expected) => {
    expect(isTerminal(status)).toBe(expected);
  });

  it.each(STATUSES.flatMap((status) => KINDS.map((kind) => ({ status, kind }))))(
    'allowedEvents($status, $kind) matches the expected table',
    ({ status, kind }) => {
      const expected = EVENTS.filter((event) => `${status} ${event} ${kind}` in ALLOWED);
      expect(allowedEvents({ status, kind })).toEqual(expected);
    },
  );

  it.each([
    ['AWAITING_PAYMENT', true],
    ['PAID', false],
    ['awaiting_payment', false],
  ])('isOrderStatus(%j) = %s', (value, expected) => {
    expect(isOrderStatus(value)).toBe(expected);
  });
});

describe('order status labels', () => {
  it.each<[OrderStatus, Locale, string]>([
    ['AWAITING_PAYMENT', 'en', 'Awaiting payment'],
    ['AWAITING_SHIPMENT', 'en', 'Awaiting shipment'],
    ['SHIPPED', 'en', 'Shipped'],
    ['COMPLETED', 'en', 'Transaction successful'],
    ['CLOSED', 'en', 'Order closed'],
    ['FAILED', 'en', 'Transaction failed'],
    ['AWAITING_PAYMENT', 'zh-TW', '待付款'],
    ['AWAITING_SHIPMENT', 'zh-TW', '待出貨'],
    ['SHIPPED', 'zh-TW', '已出貨'],
    ['COMPLETED', 'zh-TW', '交易成功'],
    ['CLOSED', 'zh-TW', '訂單已關閉'],
    ['FAILED', 'zh-TW', '交易失敗'],
  ])('%s in %s is "%s"', (status, locale, label) => {
    expect(orderStatusLabel(status, locale)).toBe(label);
  });
});

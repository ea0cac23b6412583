import { describe, expect, it } from 'vitest';
import { formatDateTime, ORDER_FILTERS, parseOrderFilter, statusText } from './order-format.js';

describe('order filters', () => {
  it('has All and the six statuses', () => {
    expect(ORDER_FILTERS).toEqual([
      'ALL',
      'AWAITING_PAYMENT',
      'AWAITING_SHIPMENT',
      'SHIPPED',
      'COMPLETED',
      'CLOSED',
      'FAILED',
    ]);
  });

  it.each<[string | null, string]>([
    [null, 'ALL'],
    ['', 'ALL'],
    ['SHIPPED', 'SHIPPED'],
    ['shipped', 'ALL'],
    ['DELETED', 'ALL'],
  ])('reads %j as %s', (value, filter) => {
    expect(parseOrderFilter(value)).toBe(filter);
  });
});

describe('statusText', () => {
  it.each([
    ['AWAITING_PAYMENT', 'en', 'Awaiting payment'],
    ['AWAITING_PAYMENT', 'zh-TW', '待付款'],
    ['COMPLETED', 'en', 'Transaction successful'],
    ['CLOSED', 'zh-TW', '訂單已關閉'],
    ['FAILED', 'zh-TW', '交易失敗'],
  ] as const)('names %s in %s as %s', (status, locale, text) => {
    expect(statusText(status, locale)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('formats in the UI language and keeps unparsable values', () => {
    expect(formatDateTime('2026-11-22T08:30:00.000Z', 'en')).toMatch(/2026/);
    expect(formatDateTime('2026-11-22T08:30:00.000Z', 'zh-TW')).toMatch(/2026/);
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

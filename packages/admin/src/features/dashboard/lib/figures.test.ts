import { describe, expect, it } from 'vitest';
import {
  dashboardViewParams,
  dayInZone,
  formatDay,
  formatMoney,
  ordersHref,
  parseDashboardView,
} from './figures';

describe('dashboard view in the URL', () => {
  it('reads the store and ranking, with defaults for anything else', () => {
    expect(parseDashboardView(new URLSearchParams('merchant=TWVyY2hhbnQ6MQ&top=revenue'))).toEqual({
      merchantId: 'TWVyY2hhbnQ6MQ',
      topBy: 'REVENUE',
    });
    expect(parseDashboardView(new URLSearchParams('top=nonsense'))).toEqual({
      merchantId: null,
      topBy: 'UNITS',
    });
  });

  it('round-trips and leaves defaults out', () => {
    expect(dashboardViewParams({ merchantId: null, topBy: 'UNITS' }).toString()).toBe('');
    const params = dashboardViewParams({ merchantId: 'abc', topBy: 'REVENUE' });
    expect(parseDashboardView(params)).toEqual({ merchantId: 'abc', topBy: 'REVENUE' });
  });
});

describe('links to the orders list', () => {
  it('uses the orders page parameters', () => {
    expect(ordersHref({ status: 'AWAITING_SHIPMENT', merchantId: 'm1' }, 'Asia/Taipei')).toBe(
      '/orders?status=AWAITING_SHIPMENT&merchant=m1',
    );
    expect(ordersHref({ cancellationRequestStatus: 'PENDING', merchantId: null }, 'Asia/Taipei')).toBe(
      '/orders?cancellation=pending',
    );
    expect(ordersHref({}, 'UTC')).toBe('/orders');
  });

  it('turns the period start into its calendar day in the reporting time zone', () => {
    // Midnight in Taipei is 16:00 UTC of the day before.
    expect(dayInZone('2026-11-21T16:00:00.000Z', 'Asia/Taipei')).toBe('2026-11-22');
    expect(dayInZone('2026-11-21T16:00:00.000Z', 'UTC')).toBe('2026-11-21');
    expect(ordersHref({ status: 'SHIPPED', createdFrom: '2026-10-23T16:00:00.000Z' }, 'Asia/Taipei')).toBe(
      '/orders?status=SHIPPED&from=2026-10-24',
    );
  });
});

describe('formatting', () => {
  it('formats money with its currency in the UI language', () => {
    expect(formatMoney({ amount: '1234.50', currencyCode: 'USD' }, 'en')).toBe('$1,234.50');
    expect(formatMoney({ amount: '1234.50', currencyCode: 'USD' }, 'zh-TW')).toBe('US$1,234.50');
    expect(formatMoney({ amount: '1500', currencyCode: 'USD' }, 'en', true)).toBe('$1.5K');
  });

  it('formats calendar days without shifting them by the browser time zone', () => {
    expect(formatDay('2026-11-22', 'en')).toBe('11/22');
    expect(formatDay('2026-11-22', 'en', 'long')).toBe('Nov 22, 2026');
  });
});

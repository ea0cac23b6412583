import { describe, expect, it } from 'vitest';
import {
  csvFileName,
  errorsByField,
  filterOf,
  nextSort,
  ordersViewParams,
  parseOrdersView,
  shipErrorIndex,
} from './order-filters';

describe('orders view in the URL', () => {
  it('has defaults for a plain URL and round-trips every setting', () => {
    const plain = parseOrdersView(new URLSearchParams());
    expect(plain).toMatchObject({
      status: null,
      sortField: 'CREATED_AT',
      sortDirection: 'DESC',
      after: null,
    });
    expect(ordersViewParams(plain).toString()).toBe('');
    const params = new URLSearchParams(
      'status=SHIPPED&merchant=TWVyY2hhbnQ6MQ&q=MP-2026&from=2026-11-01&to=2026-11-22&cancellation=1&sort=TOTAL&dir=ASC&after=abc',
    );
    const view = parseOrdersView(params);
    expect(view).toEqual({
      status: 'SHIPPED',
      merchantId: 'TWVyY2hhbnQ6MQ',
      search: 'MP-2026',
      createdFrom: '2026-11-01',
      createdTo: '2026-11-22',
      cancellation: 'ANY',
      sortField: 'TOTAL',
      sortDirection: 'ASC',
      after: 'abc',
    });
    expect(ordersViewParams(view).toString()).toBe(params.toString());
  });

  it.each([
    ['status=PAID', 'status', null],
    ['sort=PRICE', 'sortField', 'CREATED_AT'],
    ['dir=sideways', 'sortDirection', 'DESC'],
    ['from=22/11/2026', 'createdFrom', null],
    ['cancellation=yes', 'cancellation', null],
  ])('ignores a bad %s', (query, key, expected) => {
    expect(parseOrdersView(new URLSearchParams(query))[key as 'status']).toBe(expected);
  });

  it('makes the "to" day inclusive', () => {
    const f = filterOf(parseOrdersView(new URLSearchParams('from=2026-11-01&to=2026-11-01')));
    expect(new Date(f.createdTo!).getTime() - new Date(f.createdFrom!).getTime()).toBe(86_400_000);
    expect(f.hasCancellationRequest).toBeNull();
    expect(f.cancellationRequestStatus).toBeNull();
  });

  it('narrows to requests waiting for a decision (the dashboard links here)', () => {
    const view = parseOrdersView(new URLSearchParams('cancellation=pending'));
    expect(view.cancellation).toBe('PENDING');
    expect(filterOf(view)).toMatchObject({
      hasCancellationRequest: null,
      cancellationRequestStatus: 'PENDING',
    });
    expect(ordersViewParams(view).toString()).toBe('cancellation=pending');
  });

  it('flips the direction of the same column, starts a new one descending (number ascending)', () => {
    const view = parseOrdersView(new URLSearchParams());
    expect(nextSort(view, 'CREATED_AT')).toEqual({ sortField: 'CREATED_AT', sortDirection: 'ASC' });
    expect(nextSort(view, 'TOTAL')).toEqual({ sortField: 'TOTAL', sortDirection: 'DESC' });
    expect(nextSort(view, 'NUMBER')).toEqual({ sortField: 'NUMBER', sortDirection: 'ASC' });
  });
});

describe('user errors', () => {
  it('puts errors next to their input; order-level errors stay general', () => {
    const { byField, general } = errorsByField([
      { code: 'INVALID_REASON', field: ['input', 'reason'] },
      { code: 'ORDER_NOT_FOUND', field: ['input', 'orderId'] },
      { code: 'INVALID_TRANSITION', field: null },
    ]);
    expect(byField.get('reason')?.code).toBe('INVALID_REASON');
    expect(general.map((e) => e.code)).toEqual(['ORDER_NOT_FOUND', 'INVALID_TRANSITION']);
  });

  it('finds the order of a shipping error', () => {
    expect(shipErrorIndex(['input', 'orders', '2', 'trackingNumber'])).toBe(2);
    expect(shipErrorIndex(['input', 'orders'])).toBeNull();
    expect(shipErrorIndex(null)).toBeNull();
  });

  it('names the CSV by the local time', () => {
    expect(csvFileName(new Date(2026, 10, 2, 9, 5))).toBe('orders-20261102-0905.csv');
  });
});

import type { OrderStatus, SortDirection, StaffOrderSortField } from '../../../gql/graphql';

export const ORDER_STATUSES = [
  'AWAITING_PAYMENT',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'COMPLETED',
  'CLOSED',
  'FAILED',
] as const satisfies readonly OrderStatus[];

export const SORT_FIELDS = [
  'CREATED_AT',
  'NUMBER',
  'TOTAL',
] as const satisfies readonly StaffOrderSortField[];

/** What the orders page keeps in the URL: filters, sort and page cursor. */
export interface OrdersView {
  status: OrderStatus | null;
  merchantId: string | null;
  search: string;
  /** `YYYY-MM-DD` (the staff member's calendar day), inclusive. */
  createdFrom: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  createdTo: string | null;
  /** Orders with a cancellation request in any state (`1`) or waiting for a decision (`pending`). */
  cancellation: 'ANY' | 'PENDING' | null;
  sortField: StaffOrderSortField;
  sortDirection: SortDirection;
  after: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/** Reads the view from the URL; anything unknown falls back to the default. */
export function parseOrdersView(params: URLSearchParams): OrdersView {
  const date = (key: string) => {
    const v = params.get(key);
    return v && DATE.test(v) ? v : null;
  };
  return {
    status: pick(params.get('status'), ORDER_STATUSES),
    merchantId: params.get('merchant') || null,
    search: params.get('q')?.trim() ?? '',
    createdFrom: date('from'),
    createdTo: date('to'),
    cancellation:
      params.get('cancellation') === '1'
        ? 'ANY'
        : params.get('cancellation') === 'pending'
          ? 'PENDING'
          : null,
    sortField: pick(params.get('sort'), SORT_FIELDS) ?? 'CREATED_AT',
    sortDirection: params.get('dir') === 'ASC' ? 'ASC' : 'DESC',
    after: params.get('after') || null,
  };
}

/** The URL parameters of a view (defaults left out, so the plain page has a plain URL). */
export function ordersViewParams(view: OrdersView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.status) out.set('status', view.status);
  if (view.merchantId) out.set('merchant', view.merchantId);
  if (view.search.trim()) out.set('q', view.search.trim());
  if (view.createdFrom) out.set('from', view.createdFrom);
  if (view.createdTo) out.set('to', view.createdTo);
  if (view.cancellation) out.set('cancellation', view.cancellation === 'ANY' ? '1' : 'pending');
  if (view.sortField !== 'CREATED_AT') out.set('sort', view.sortField);
  if (view.sortDirection !== 'DESC') out.set('dir', view.sortDirection);
  if (view.after) out.set('after', view.after);
  return out;
}

/** Local midnight of a `YYYY-MM-DD` day as an ISO instant. */
function startOfDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The `StaffOrdersFilter` of a view; the "to" day is included (the API's bound is exclusive). */
export function filterOf(view: OrdersView) {
  return {
    status: view.status,
    merchantId: view.merchantId,
    search: view.search || null,
    createdFrom: view.createdFrom ? startOfDay(view.createdFrom) : null,
    createdTo: view.createdTo ? startOfDay(view.createdTo, 1) : null,
    hasCancellationRequest: view.cancellation === 'ANY' ? true : null,
    cancellationRequestStatus: view.cancellation === 'PENDING' ? ('PENDING' as const) : null,
  };
}

/** Clicking a column header: the same column flips direction, another starts descending. */
export function nextSort(
  view: OrdersView,
  field: StaffOrderSortField,
): Pick<OrdersView, 'sortField' | 'sortDirection'> {
  if (view.sortField === field)
    return { sortField: field, sortDirection: view.sortDirection === 'ASC' ? 'DESC' : 'ASC' };
  return { sortField: field, sortDirection: field === 'NUMBER' ? 'ASC' : 'DESC' };
}

/** Which user errors belong to which input: the last part of `field` that is not an index. */
export function errorsByField<E extends { code: string; field?: readonly string[] | null }>(
  errors: readonly E[],
): { byField: Map<string, E>; general: E[] } {
  const byField = new Map<string, E>();
  const general: E[] = [];
  for (const e of errors) {
    const name = e.field?.at(-1);
    if (name && name !== 'orderId' && !byField.has(name)) byField.set(name, e);
    else general.push(e);
  }
  return { byField, general };
}

/** Index of the order a `shipOrders` error is about (`['input','orders','2','trackingNumber']` → 2). */
export function shipErrorIndex(field: readonly string[] | null | undefined): number | null {
  if (field?.[1] !== 'orders' || field.length < 3) return null;
  const n = Number(field[2]);
  return Number.isInteger(n) ? n : null;
}

/** A CSV file name for an export made now. */
export function csvFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `orders-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`;
}

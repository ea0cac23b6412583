import {
  isOrderStatus,
  type Locale,
  ORDER_STATUSES,
  type OrderStatus,
  orderStatusLabel,
} from '@marketplace/core';

/** The filter tabs of My Orders: everything, then each of the six statuses. */
export const ORDER_FILTERS = ['ALL', ...ORDER_STATUSES] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

/** `?status=` of the orders URL; anything unknown shows all orders. */
export function parseOrderFilter(value: string | null): OrderFilter {
  return isOrderStatus(value) ? value : 'ALL';
}

/** The status names of seed 000 in the UI language (from core, the same table the API uses). */
export function statusText(status: OrderStatus, locale: Locale): string {
  return orderStatusLabel(status, locale);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date-time for people, in the UI language; an unparsable value is shown as it came. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

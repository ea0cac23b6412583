import { paths } from '../../../app/paths';
import type { CancellationRequestStatus, OrderStatus, TopProductsOrder } from '../../../gql/graphql';

/** What the dashboard keeps in the URL: the store (platform staff) and how top products are ranked. */
export interface DashboardView {
  merchantId: string | null;
  topBy: TopProductsOrder;
}

export function parseDashboardView(params: URLSearchParams): DashboardView {
  return {
    merchantId: params.get('merchant') || null,
    topBy: params.get('top') === 'revenue' ? 'REVENUE' : 'UNITS',
  };
}

/** URL parameters of a view (defaults left out, so the plain dashboard has a plain URL). */
export function dashboardViewParams(view: DashboardView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.merchantId) out.set('merchant', view.merchantId);
  if (view.topBy === 'REVENUE') out.set('top', 'revenue');
  return out;
}

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function dayInZone(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The orders page showing the orders behind a dashboard figure. Uses the orders page's URL
 * parameters (`status`, `merchant`, `cancellation`, `from`); `from` is the period's first day.
 */
export function ordersHref(
  filter: {
    status?: OrderStatus | null;
    merchantId?: string | null;
    cancellationRequestStatus?: CancellationRequestStatus | null;
    createdFrom?: string | null;
  },
  timeZone: string,
): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.merchantId) params.set('merchant', filter.merchantId);
  if (filter.cancellationRequestStatus === 'PENDING') params.set('cancellation', 'pending');
  else if (filter.cancellationRequestStatus) params.set('cancellation', '1');
  if (filter.createdFrom) params.set('from', dayInZone(filter.createdFrom, timeZone));
  const query = params.toString();
  return query ? `${paths.orders.getHref()}?${query}` : paths.orders.getHref();
}

/** Money as the API gives it (a decimal string and a currency), in the UI language. */
export function formatMoney(
  money: { amount: string; currencyCode: string },
  language: string,
  compact = false,
): string {
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency: money.currencyCode,
      ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    }).format(Number(money.amount));
  } catch {
    return `${money.currencyCode} ${money.amount}`;
  }
}

/** A `YYYY-MM-DD` day for a chart axis (month and day) or a table (full date), in the UI language. */
export function formatDay(day: string, language: string, style: 'short' | 'long' = 'short'): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(
    language,
    style === 'short'
      ? { month: 'numeric', day: 'numeric', timeZone: 'UTC' }
      : { dateStyle: 'medium', timeZone: 'UTC' },
  ).format(date);
}

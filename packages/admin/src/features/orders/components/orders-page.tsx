import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { StaffOrderSortField, UserRole } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import { apiLocale, formatMoney } from '../lib/format';
import {
  csvFileName,
  filterOf,
  nextSort,
  ORDER_STATUSES,
  type OrdersView,
  ordersViewParams,
  parseOrdersView,
  shipErrorIndex,
} from '../lib/order-filters';
import { useOrderErrorText } from './use-order-error-text';
import './orders.css';

const OrdersPageQuery = graphql(`
  query OrdersPage_OrdersQuery(
    $first: Int!
    $after: String
    $filter: StaffOrdersFilter
    $sort: StaffOrdersSort
    $locale: Locale
  ) {
    staffOrders(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCountUpTo(limit: 1000)
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        status
        kind
        createdAt
        shopperEmail
        total {
          amount
          currencyCode
        }
        merchant {
          id
          name(locale: $locale)
        }
        cancellationRequest {
          status
        }
      }
    }
  }
`);

const OrdersPageMerchantsQuery = graphql(`
  query OrdersPage_MerchantsQuery {
    staffMerchants(first: 100, sort: { field: NAME, direction: ASC }) {
      nodes {
        id
        nameEn
        nameZh
      }
    }
  }
`);

const OrdersPageExportQuery = graphql(`
  query OrdersPage_ExportQuery($filter: StaffOrdersFilter, $sort: StaffOrdersSort) {
    exportOrdersCsv(filter: $filter, sort: $sort)
  }
`);

const OrdersPageShipMutation = graphql(`
  mutation OrdersPage_ShipMutation($input: ShipOrdersInput!) {
    shipOrders(input: $input) {
      orders {
        id
        status
        shipment {
          carrier
          trackingNumber
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const PAGE_SIZE = 25;
/** Counting stops here (`totalCountUpTo(limit: 1000)`): “1,000+ orders” instead of counting them all. */
const COUNT_UP_TO = 1000;

const isPlatformStaff = (role: UserRole) => role === 'ADMIN' || role === 'CUSTOMER_SERVICE';

/**
 * The orders table: server-side filters, sort and pages (the view lives in the URL), CSV export of
 * the current filter, and for merchant staff shipping one or many selected orders.
 */
export function OrdersPage({ role }: { role: UserRole }) {
  const { t, i18n } = useTranslation();
  const locale = apiLocale(i18n.language);
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseOrdersView(params), [params]);
  const [draft, setDraft] = useState<OrdersView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState<Record<string, string>>({});
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const [shippedCount, setShippedCount] = useState<number | null>(null);
  const errorText = useOrderErrorText();
  const platform = isPlatformStaff(role);
  const canShip = role === 'MERCHANT_STAFF';

  useEffect(() => setDraft(view), [view]);

  const filter = filterOf(view);
  const sort = { field: view.sortField, direction: view.sortDirection };
  const { data, loading, error, refetch } = useQuery(OrdersPageQuery, {
    variables: { first: PAGE_SIZE, after: view.after, filter, sort, locale },
    notifyOnNetworkStatusChange: true,
  });
  const merchants = useQuery(OrdersPageMerchantsQuery, { skip: !platform });
  const [ship, shipping] = useMutation(OrdersPageShipMutation);
  const shipResult = shipping.data?.shipOrders;

  const go = (next: OrdersView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setSelected([]);
    setShippedCount(null);
    setParams(ordersViewParams(next));
  };

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null });
  };

  const onSort = (field: StaffOrderSortField) => go({ ...view, ...nextSort(view, field), after: null });

  const onExport = async () => {
    setExporting(true);
    setExportFailed(false);
    try {
      const result = await client.query({
        query: OrdersPageExportQuery,
        variables: { filter, sort },
        fetchPolicy: 'network-only',
      });
      const csv = result.data?.exportOrdersCsv;
      if (csv === undefined) throw new Error('no data');
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = csvFileName(new Date());
      a.click();
      URL.revokeObjectURL(url);
    } catch {
      setExportFailed(true);
    } finally {
      setExporting(false);
    }
  };

  const orders = data?.staffOrders;
  const byId = new Map(orders?.nodes.map((o) => [o.id, o]) ?? []);
  const chosen = selected.filter((id) => byId.get(id)?.status === 'AWAITING_SHIPMENT');

  const onShip = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShippedCount(null);
    const result = await ship({
      variables: {
        input: {
          orders: chosen.map((orderId) => ({ orderId, carrier, trackingNumber: tracking[orderId] ?? '' })),
        },
      },
    }).catch(() => null);
    const payload = result?.data?.shipOrders;
    if (payload && payload.userErrors.length === 0) {
      setShippedCount(payload.orders.length);
      setSelected([]);
      setTracking({});
      void refetch();
    }
  };

  const shipErrors = shipResult?.userErrors ?? [];
  const errorFor = (index: number, name: string) =>
    shipErrors.find((e) => shipErrorIndex(e.field) === index && e.field?.at(-1) === name);
  const carrierError = shipErrors.find((e) => e.field?.at(-1) === 'carrier');
  const generalShipErrors = shipErrors.filter(
    (e) => shipErrorIndex(e.field) === null || e.field?.at(-1) === 'orderId',
  );

  const title = `${t('orders.title')} · ${t('app.name')}`;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const sortIndicator = (field: StaffOrderSortField) =>
    view.sortField === field ? (view.sortDirection === 'ASC' ? ' ▲' : ' ▼') : '';
  const ariaSort = (field: StaffOrderSortField) =>
    view.sortField === field ? (view.sortDirection === 'ASC' ? 'ascending' : 'descending') : undefined;
  const header = (field: StaffOrderSortField, label: string) => (
    <th scope="col" aria-sort={ariaSort(field)}>
      <button type="button" className="orders-sort" onClick={() => onSort(field)}>
        {label}
        {sortIndicator(field)}
      </button>
    </th>
  );

  return (
    <div className="orders-page">
      <title>{title}</title>
      <header className="orders-page__header">
        <h1>{t('orders.title')}</h1>
        <p className="orders-page__intro">{t('orders.intro')}</p>
      </header>

      <search>
        <form className="orders-filters" onSubmit={onFilter} aria-label={t('orders.filters.legend')}>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="orders-status">
              {t('orders.filters.status')}
            </label>
            <select
              id="orders-status"
              name="status"
              className="ui-field__input"
              value={draft.status ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, status: (e.target.value || null) as OrdersView['status'] })
              }
            >
              <option value="">{t('orders.filters.anyStatus')}</option>
              {ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`orders.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {platform && (
            <div className="ui-field">
              <label className="ui-field__label" htmlFor="orders-merchant">
                {t('orders.filters.merchant')}
              </label>
              <select
                id="orders-merchant"
                name="merchant"
                className="ui-field__input"
                value={draft.merchantId ?? ''}
                onChange={(e) => setDraft({ ...draft, merchantId: e.target.value || null })}
              >
                <option value="">{t('orders.filters.anyMerchant')}</option>
                {merchants.data?.staffMerchants.nodes.map((m) => (
                  <option key={m.id} value={m.id}>
                    {locale === 'ZH_TW' ? m.nameZh : m.nameEn}
                  </option>
                ))}
              </select>
            </div>
          )}
          <TextField
            label={t('orders.filters.search')}
            name="search"
            type="search"
            value={draft.search}
            onChange={(e) => setDraft({ ...draft, search: e.target.value })}
            autoComplete="off"
          />
          <TextField
            label={t('orders.filters.createdFrom')}
            name="createdFrom"
            type="date"
            value={draft.createdFrom ?? ''}
            onChange={(e) => setDraft({ ...draft, createdFrom: e.target.value || null })}
          />
          <TextField
            label={t('orders.filters.createdTo')}
            name="createdTo"
            type="date"
            value={draft.createdTo ?? ''}
            onChange={(e) => setDraft({ ...draft, createdTo: e.target.value || null })}
          />
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="orders-cancellation">
              {t('orders.filters.cancellation')}
            </label>
            <select
              id="orders-cancellation"
              name="cancellation"
              className="ui-field__input"
              value={draft.cancellation ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, cancellation: (e.target.value || null) as OrdersView['cancellation'] })
              }
            >
              <option value="">{t('orders.filters.cancellationAll')}</option>
              <option value="ANY">{t('orders.filters.cancellationRequested')}</option>
              <option value="PENDING">{t('orders.filters.cancellationPending')}</option>
            </select>
          </div>
          <div className="orders-filters__actions">
            <Button type="submit">{t('orders.filters.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseOrdersView(new URLSearchParams()))}>
              {t('orders.filters.reset')}
            </Button>
            <Button
              variant="secondary"
              data-testid="export-csv"
              pending={exporting}
              onClick={() => void onExport()}
            >
              {exporting ? t('orders.exporting') : t('orders.exportCsv')}
            </Button>
          </div>
        </form>
      </search>
      {exportFailed && <Alert tone="error">{t('orders.exportFailed')}</Alert>}

      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !orders && loading ? (
        <LoadingState label={t('orders.loading')} />
      ) : orders && orders.nodes.length === 0 ? (
        <StatusPanel title={t('orders.emptyTitle')}>
          <p>{t('orders.emptyBody')}</p>
        </StatusPanel>
      ) : orders ? (
        <>
          <p className="orders-page__count" aria-live="polite">
            {orders.totalCountUpTo >= COUNT_UP_TO
              ? t('orders.countAtLeast', { shown: COUNT_UP_TO.toLocaleString(i18n.language) })
              : t('orders.count', { count: orders.totalCountUpTo })}
          </p>
          {shippedCount !== null && (
            <Alert tone="info">{t('orders.ship.done', { count: shippedCount })}</Alert>
          )}
          <div className="orders-table-wrap">
            <table className="orders-table" data-testid="orders-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  {canShip && (
                    <th scope="col">
                      <span className="visually-hidden">{t('orders.columns.select')}</span>
                    </th>
                  )}
                  {header('NUMBER', t('orders.columns.number'))}
                  {header('CREATED_AT', t('orders.columns.created'))}
                  {platform && <th scope="col">{t('orders.columns.store')}</th>}
                  <th scope="col">{t('orders.columns.shopper')}</th>
                  <th scope="col">{t('orders.columns.status')}</th>
                  {header('TOTAL', t('orders.columns.total'))}
                </tr>
              </thead>
              <tbody>
                {orders.nodes.map((o) => (
                  <tr key={o.id} data-testid="orders-row" data-status={o.status} data-number={o.number}>
                    {canShip && (
                      <td>
                        {o.status === 'AWAITING_SHIPMENT' && o.kind === 'GOODS' && (
                          <input
                            type="checkbox"
                            name="select"
                            aria-label={t('orders.selectOrder', { number: o.number })}
                            checked={selected.includes(o.id)}
                            onChange={(e) =>
                              setSelected((s) =>
                                e.target.checked ? [...s, o.id] : s.filter((x) => x !== o.id),
                              )
                            }
                          />
                        )}
                      </td>
                    )}
                    <td className="orders-table__number">
                      <Link to={paths.order.getHref(o.number)}>{o.number}</Link>
                    </td>
                    <td>{dateFormat.format(new Date(o.createdAt))}</td>
                    {platform && <td>{o.merchant.name}</td>}
                    <td className="orders-table__email">{o.shopperEmail}</td>
                    <td>
                      <span className={`orders-status orders-status--${o.status.toLowerCase()}`}>
                        {t(`orders.status.${o.status}`)}
                      </span>
                      {o.cancellationRequest?.status === 'PENDING' && (
                        <span className="orders-flag">{t('orders.cancellationFlag')}</span>
                      )}
                    </td>
                    <td className="orders-table__money">{formatMoney(o.total, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="orders-pager" aria-label={t('orders.title')}>
            <Button
              variant="secondary"
              disabled={previous.length === 0 || loading}
              onClick={() => {
                const before = previous.at(-1) ?? null;
                setPrevious((p) => p.slice(0, -1));
                go({ ...view, after: before }, true);
              }}
            >
              {t('orders.previousPage')}
            </Button>
            <Button
              variant="secondary"
              disabled={!orders.pageInfo.hasNextPage || loading}
              onClick={() => {
                setPrevious((p) => [...p, view.after]);
                go({ ...view, after: orders.pageInfo.endCursor ?? null }, true);
              }}
            >
              {t('orders.nextPage')}
            </Button>
          </nav>

          {canShip && (
            <section className="orders-ship" aria-labelledby="orders-ship-title">
              <h2 id="orders-ship-title">
                {chosen.length === 0
                  ? t('orders.ship.heading')
                  : t('orders.ship.title', { count: chosen.length })}
              </h2>
              {chosen.length === 0 ? (
                <p className="orders-page__intro">{t('orders.ship.hint')}</p>
              ) : (
                <form onSubmit={(e) => void onShip(e)} className="orders-ship__form">
                  {generalShipErrors.map((e) => (
                    <Alert key={`${e.code}-${e.field?.join('.')}`} tone="error">
                      {errorText(e.code)}
                    </Alert>
                  ))}
                  <TextField
                    label={t('orders.ship.carrier')}
                    name="carrier"
                    value={carrier}
                    onChange={(e) => setCarrier(e.target.value)}
                    required
                    maxLength={60}
                    aria-invalid={carrierError ? true : undefined}
                  />
                  {carrierError && <p className="orders-field-error">{errorText(carrierError.code)}</p>}
                  {chosen.map((id, index) => {
                    const err = errorFor(index, 'trackingNumber');
                    return (
                      <div key={id}>
                        <TextField
                          label={t('orders.ship.trackingFor', { number: byId.get(id)?.number ?? '' })}
                          name="trackingNumber"
                          value={tracking[id] ?? ''}
                          onChange={(e) => setTracking((s) => ({ ...s, [id]: e.target.value }))}
                          required
                          maxLength={60}
                          aria-invalid={err ? true : undefined}
                        />
                        {err && <p className="orders-field-error">{errorText(err.code)}</p>}
                      </div>
                    );
                  })}
                  <Button type="submit" data-testid="ship-selected" pending={shipping.loading}>
                    {shipping.loading ? t('orders.ship.submitting') : t('orders.ship.submit')}
                  </Button>
                </form>
              )}
            </section>
          )}
        </>
      ) : null}
    </div>
  );
}

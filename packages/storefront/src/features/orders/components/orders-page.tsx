import { useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { Price } from '../../../components/ui/price.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import { formatDateTime, ORDER_FILTERS, parseOrderFilter, statusText } from '../order-format.js';
import './orders.css';

const PAGE_SIZE = 10;

const OrdersPage_OrdersQuery = graphql(`
  query OrdersPage_OrdersQuery($first: Int!, $after: String, $status: OrderStatus, $locale: Locale!) {
    viewer {
      id
      orders(first: $first, after: $after, status: $status) {
        edges {
          cursor
          node {
            id
            number
            status
            createdAt
            viewerCanReview
            checkout {
              id
            }
            total {
              amount
              currencyCode
            }
            merchant {
              id
              name(locale: $locale)
            }
            lines {
              id
              quantity
              title(locale: $locale)
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** "Personal Center → My Orders": the shopper's orders, newest first, filterable by status. */
export function OrdersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const apiLocale = useApiLocale();
  const location = useLocation();
  const [params] = useSearchParams();
  const filter = parseOrderFilter(params.get('status'));
  const [loadingMore, setLoadingMore] = useState(false);
  const result = useQuery(OrdersPage_OrdersQuery, {
    variables: { first: PAGE_SIZE, status: filter === 'ALL' ? null : filter, locale: apiLocale },
    fetchPolicy: 'cache-and-network',
  });
  const data = result.data;
  if (data && data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(location.pathname + location.search)} replace />;
  }
  const title = t('orders.list.title');
  const connection = data?.viewer?.orders;

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await result.fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.viewer?.orders;
          const next = fetchMoreResult.viewer?.orders;
          if (!prev || !next || !fetchMoreResult.viewer) return previous as typeof fetchMoreResult;
          return {
            ...fetchMoreResult,
            viewer: { ...fetchMoreResult.viewer, orders: { ...next, edges: [...prev.edges, ...next.edges] } },
          };
        },
      });
    } finally {
      setLoadingMore(false);
    }
  };

  let content: ReactNode;
  if (!connection) {
    content = result.error ? (
      <ErrorState description={t('orders.list.loadError')} onRetry={() => void result.refetch()} />
    ) : (
      <LoadingState />
    );
  } else if (connection.edges.length === 0) {
    content =
      filter === 'ALL' ? (
        <EmptyState
          title={t('orders.list.emptyTitle')}
          description={t('orders.list.emptyDescription')}
          action={<ButtonLink to={paths.home.getHref()}>{t('orders.complete.continueShopping')}</ButtonLink>}
        />
      ) : (
        <EmptyState title={t('orders.list.emptyFilteredTitle')} />
      );
  } else {
    content = (
      <>
        <ul className="order-list">
          {connection.edges.map(({ node: order }) => {
            const units = order.lines.reduce((n, l) => n + l.quantity, 0);
            return (
              <li key={order.id} className="order-row" data-testid="order-row">
                <div className="order-row__head">
                  <Link to={paths.order.getHref(order.number)} className="order-row__number" translate="no">
                    {order.number}
                  </Link>
                  <span className="order-status" data-testid="order-status" data-status={order.status}>
                    {statusText(order.status, locale)}
                  </span>
                </div>
                <p className="order-row__meta">
                  {order.merchant.name} ·{' '}
                  {t('orders.list.placedOn', { date: formatDateTime(order.createdAt, locale) })}
                </p>
                <p className="order-row__items">
                  {order.lines.map((l) => l.title).join('、')} · {t('orders.list.items', { count: units })}
                </p>
                <div className="order-row__foot">
                  <Price money={order.total} className="order-row__total" />
                  {order.status === 'AWAITING_PAYMENT' && (
                    <ButtonLink
                      to={paths.checkoutComplete.getHref(order.checkout.id)}
                      className="order-row__pay"
                      aria-label={t('payments.payNowFor', { number: order.number })}
                      data-testid="go-to-payment"
                    >
                      {t('payments.payNow')}
                    </ButtonLink>
                  )}
                  {order.viewerCanReview && (
                    <ButtonLink
                      to={`${paths.order.getHref(order.number)}#review`}
                      variant="secondary"
                      className="order-row__pay"
                      aria-label={t('reviews.order.rateOrder', { number: order.number })}
                      data-testid="rate-order"
                    >
                      {t('reviews.order.rateTitle')}
                    </ButtonLink>
                  )}
                  <Link
                    to={paths.order.getHref(order.number)}
                    aria-label={t('orders.list.orderNumber', { number: order.number })}
                  >
                    {t('orders.list.details')}
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
        {connection.pageInfo.hasNextPage && (
          <Button variant="secondary" onClick={() => void loadMore()} isLoading={loadingMore}>
            {t('orders.list.loadMore')}
          </Button>
        )}
      </>
    );
  }

  return (
    <div className="page orders-page">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <nav className="order-tabs" aria-label={t('orders.list.filterLabel')}>
        {ORDER_FILTERS.map((f) => (
          <Link
            key={f}
            to={paths.orders.getHref(f === 'ALL' ? null : f)}
            className="order-tabs__tab"
            aria-current={f === filter ? 'page' : undefined}
            data-filter={f}
          >
            {f === 'ALL' ? t('orders.list.all') : statusText(f, locale)}
          </Link>
        ))}
      </nav>
      {content}
    </div>
  );
}

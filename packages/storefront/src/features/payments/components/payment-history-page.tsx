import { useQuery } from '@apollo/client/react';
import { isPaymentCaptured } from '@marketplace/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useLocation } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { Price } from '../../../components/ui/price.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useLocale } from '../../../lib/locale.js';
import { formatPaymentTime, paidWithText } from '../payment-format.js';
import './payments.css';

const PAGE_SIZE = 20;

const PaymentHistoryPage_PaymentsQuery = graphql(`
  query PaymentHistoryPage_PaymentsQuery($first: Int!, $after: String) {
    viewer {
      id
      payments(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            reference
            method
            status
            createdAt
            succeededAt
            amount {
              amount
              currencyCode
            }
            refundedAmount {
              amount
              currencyCode
              minorUnits
            }
            card {
              masked
            }
            payerEmail
            orders {
              id
              number
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

/** "Personal Center → Payments": every payment attempt, newest first, with a voucher for each successful one. */
export function PaymentHistoryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const [loadingMore, setLoadingMore] = useState(false);
  const result = useQuery(PaymentHistoryPage_PaymentsQuery, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const data = result.data;
  if (data && data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(location.pathname)} replace />;
  }
  const connection = data?.viewer?.payments;
  const title = t('payments.history.title');

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await result.fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.viewer?.payments;
          const next = fetchMoreResult.viewer?.payments;
          if (!prev || !next || !fetchMoreResult.viewer) return previous as typeof fetchMoreResult;
          return {
            ...fetchMoreResult,
            viewer: {
              ...fetchMoreResult.viewer,
              payments: { ...next, edges: [...prev.edges, ...next.edges] },
            },
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
      <ErrorState description={t('payments.history.loadError')} onRetry={() => void result.refetch()} />
    ) : (
      <LoadingState />
    );
  } else if (connection.edges.length === 0) {
    content = (
      <EmptyState
        title={t('payments.history.emptyTitle')}
        description={t('payments.history.emptyDescription')}
        action={<ButtonLink to={paths.orders.getHref()}>{t('payments.confirmation.myOrders')}</ButtonLink>}
      />
    );
  } else {
    content = (
      <>
        <ul className="payment-list">
          {connection.edges.map(({ node: payment }) => (
            <li
              key={payment.id}
              className="payment-row"
              data-testid="payment-row"
              data-status={payment.status}
              data-reference={payment.reference}
            >
              <div className="payment-row__head">
                <span className="payment-row__reference" translate="no">
                  {payment.reference}
                </span>
                <span className="payment-status" data-testid="payment-status" data-status={payment.status}>
                  {t(`payments.status.${payment.status}`)}
                </span>
              </div>
              <p className="payment-row__meta">
                {formatPaymentTime(payment.succeededAt ?? payment.createdAt, locale)} ·{' '}
                {paidWithText(payment, t)}
              </p>
              <p className="payment-row__orders">
                {t('payments.history.orders', { count: payment.orders.length })}{' '}
                {payment.orders.map((order, index) => (
                  <span key={order.id}>
                    {index > 0 && '、'}
                    <Link to={paths.order.getHref(order.number)} translate="no">
                      {order.number}
                    </Link>
                  </span>
                ))}
              </p>
              <div className="payment-row__foot">
                <span className="payment-row__amounts">
                  <Price money={payment.amount} className="payment-row__amount" />
                  {payment.refundedAmount.minorUnits > 0 && (
                    <span className="payment-row__refunded">
                      {t('payments.history.refunded')} <Price money={payment.refundedAmount} />
                    </span>
                  )}
                </span>
                {isPaymentCaptured(payment.status) && (
                  <Link
                    to={paths.paymentVoucher.getHref(payment.id)}
                    data-testid="voucher-link"
                    aria-label={t('payments.history.voucherFor', { reference: payment.reference })}
                  >
                    {t('payments.history.voucher')}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
        {connection.pageInfo.hasNextPage && (
          <Button variant="secondary" onClick={() => void loadMore()} isLoading={loadingMore}>
            {t('payments.history.loadMore')}
          </Button>
        )}
      </>
    );
  }

  return (
    <div className="page payment-history">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="payment-history__intro">{t('payments.history.intro')}</p>
      {content}
    </div>
  );
}

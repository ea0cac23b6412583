import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useLocation } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { Price } from '../../../components/ui/price.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import { formatPaymentTime } from '../payment-format.js';
import './payments.css';
import './voucher-print.css';

const PaymentVoucherPage_PaymentQuery = graphql(`
  query PaymentVoucherPage_PaymentQuery($id: ID!, $locale: Locale!) {
    viewer {
      id
    }
    payment(id: $id) {
      id
      status
      voucher(locale: $locale) {
        paymentReference
        gatewayReference
        paidAt
        method
        paidWith
        maskedCard
        payerEmail
        status
        billedTo
        amount {
          amount
          currencyCode
        }
        refundedAmount {
          amount
          currencyCode
          minorUnits
        }
        orders {
          number
          merchantName
          total {
            amount
            currencyCode
          }
        }
      }
    }
  }
`);

/** A printable receipt of a successful payment (seed 002: keep your payment vouchers). */
export function PaymentVoucherPage({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const apiLocale = useApiLocale();
  const location = useLocation();
  const result = useQuery(PaymentVoucherPage_PaymentQuery, {
    variables: { id: paymentId, locale: apiLocale },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const data = result.data ?? result.previousData;
  if (data && data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(location.pathname)} replace />;
  }
  const back = (
    <Link to={paths.payments.getHref()} className="voucher-page__back voucher-page__screen-only">
      ← {t('payments.voucher.back')}
    </Link>
  );
  if (!data) {
    return (
      <div className="page voucher-page">
        {back}
        {result.error ? (
          <ErrorState description={t('payments.voucher.loadError')} onRetry={() => void result.refetch()} />
        ) : (
          <LoadingState />
        )}
      </div>
    );
  }
  const voucher = data.payment?.voucher;
  if (!voucher) {
    const title = data.payment ? t('payments.voucher.notPaidTitle') : t('payments.voucher.notFoundTitle');
    return (
      <div className="page voucher-page">
        <PageTitle title={title} />
        <EmptyState
          headingLevel={1}
          title={title}
          description={
            data.payment
              ? t('payments.voucher.notPaidDescription')
              : t('payments.voucher.notFoundDescription')
          }
          action={<ButtonLink to={paths.payments.getHref()}>{t('payments.voucher.back')}</ButtonLink>}
        />
      </div>
    );
  }

  const title = t('payments.voucher.title');
  return (
    <div className="page voucher-page">
      <PageTitle title={`${title} ${voucher.paymentReference}`} />
      {back}
      <article className="voucher" data-testid="payment-voucher" aria-labelledby="voucher-title">
        <header className="voucher__header">
          <div>
            <p className="voucher__issuer">{t('app.name')}</p>
            <h1 id="voucher-title" className="voucher__title">
              {title}
            </h1>
          </div>
          <p className="voucher__reference" translate="no" data-testid="voucher-reference">
            {voucher.paymentReference}
          </p>
        </header>
        <dl className="voucher__facts">
          <div>
            <dt>{t('payments.voucher.date')}</dt>
            <dd data-testid="voucher-date">{formatPaymentTime(voucher.paidAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('payments.voucher.billedTo')}</dt>
            <dd>{voucher.billedTo}</dd>
          </div>
          <div>
            <dt>{t('payments.voucher.method')}</dt>
            <dd data-testid="voucher-method">{voucher.paidWith}</dd>
          </div>
          <div>
            <dt>{t('payments.voucher.status')}</dt>
            <dd>{t(`payments.status.${voucher.status}`)}</dd>
          </div>
          <div>
            <dt>{t('payments.voucher.gatewayReference')}</dt>
            <dd translate="no" data-testid="voucher-gateway-reference">
              {voucher.gatewayReference || '—'}
            </dd>
          </div>
        </dl>
        <table className="payment-table voucher__orders">
          <caption>{t('payments.voucher.orders')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payments.voucher.orderNumber')}</th>
              <th scope="col">{t('payments.voucher.merchant')}</th>
              <th scope="col" className="numeric">
                {t('payments.voucher.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {voucher.orders.map((order) => (
              <tr key={order.number}>
                <td translate="no" data-testid="voucher-order-number">
                  {order.number}
                </td>
                <td>{order.merchantName}</td>
                <td className="numeric">
                  <Price money={order.total} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('payments.voucher.amount')}
              </th>
              <td className="numeric" data-testid="voucher-amount">
                <Price money={voucher.amount} />
              </td>
            </tr>
            {voucher.refundedAmount.minorUnits > 0 && (
              <tr>
                <th scope="row" colSpan={2}>
                  {t('payments.voucher.refunded')}
                </th>
                <td className="numeric">
                  <Price money={voucher.refundedAmount} format={(s) => `−${s}`} />
                </td>
              </tr>
            )}
          </tfoot>
        </table>
        <p className="voucher__note">{t('payments.voucher.keepNote')}</p>
      </article>
      <div className="voucher-page__actions voucher-page__screen-only">
        <Button onClick={() => window.print()} data-testid="print-voucher">
          {t('payments.voucher.print')}
        </Button>
      </div>
    </div>
  );
}

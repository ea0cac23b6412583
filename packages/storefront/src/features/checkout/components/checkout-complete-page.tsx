import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useLocation } from 'react-router';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { Price } from '../../../components/ui/price.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale } from '../../../lib/locale.js';
import './checkout.css';

const CheckoutCompletePage_CheckoutQuery = graphql(`
  query CheckoutCompletePage_CheckoutQuery($id: ID!, $locale: Locale!) {
    viewer {
      id
    }
    checkout(id: $id) {
      id
      total {
        amount
        currencyCode
      }
      orders {
        id
        number
        status
        statusLabel(locale: $locale)
        merchant {
          id
          name(locale: $locale)
        }
        total {
          amount
          currencyCode
        }
      }
    }
  }
`);

type CheckoutCompletePageProps = {
  checkoutId: string;
  /** The pay step, composed in by the route (null: nothing awaits payment). */
  payment?: ReactNode;
};

/** After submit: the order numbers and totals, then the pay step. */
export function CheckoutCompletePage({ checkoutId, payment }: CheckoutCompletePageProps) {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const location = useLocation();
  const result = useQuery(CheckoutCompletePage_CheckoutQuery, {
    variables: { id: checkoutId, locale },
    errorPolicy: 'all',
  });
  const data = result.data ?? result.previousData;
  if (data && data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(location.pathname)} replace />;
  }
  const checkout = data?.checkout;
  const title = t('orders.complete.title');

  let content: ReactNode;
  if (!data) {
    content = result.error ? <ErrorState onRetry={() => void result.refetch()} /> : <LoadingState />;
  } else if (!checkout) {
    return (
      <div className="page checkout-complete">
        <PageTitle title={t('orders.complete.notFoundTitle')} />
        <EmptyState
          headingLevel={1}
          title={t('orders.complete.notFoundTitle')}
          description={t('orders.complete.notFoundDescription')}
          action={<ButtonLink to={paths.orders.getHref()}>{t('orders.complete.myOrders')}</ButtonLink>}
        />
      </div>
    );
  } else {
    content = (
      <>
        <p className="checkout-complete__intro">
          {t('orders.complete.intro', { count: checkout.orders.length })}
        </p>
        {!payment && <p className="checkout-complete__note">{t('orders.complete.paymentNext')}</p>}
        <table className="checkout-complete__table">
          <thead>
            <tr>
              <th scope="col">{t('orders.complete.orderNumber')}</th>
              <th scope="col">{t('orders.complete.merchant')}</th>
              <th scope="col" className="numeric">
                {t('orders.complete.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {checkout.orders.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link to={paths.order.getHref(order.number)} data-testid="order-number" translate="no">
                    {order.number}
                  </Link>
                  <span className="status-badge" data-status={order.status}>
                    {order.statusLabel}
                  </span>
                </td>
                <td>{order.merchant.name}</td>
                <td className="numeric">
                  <Price money={order.total} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('orders.complete.grandTotal')}
              </th>
              <td className="numeric" data-testid="checkout-complete-total">
                <Price money={checkout.total} />
              </td>
            </tr>
          </tfoot>
        </table>
        {payment}
        <div className="checkout-complete__actions">
          <ButtonLink to={paths.orders.getHref()}>{t('orders.complete.myOrders')}</ButtonLink>
          <ButtonLink to={paths.home.getHref()} variant="secondary">
            {t('orders.complete.continueShopping')}
          </ButtonLink>
        </div>
      </>
    );
  }
  return (
    <div className="page checkout-complete">
      <PageTitle title={title} />
      <h1>{title}</h1>
      {content}
    </div>
  );
}

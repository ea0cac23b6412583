import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { Price } from '../../../components/ui/price.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import { useLocale } from '../../../lib/locale.js';
import type { IssuedOrderKey } from '../order-key-handoff.js';
import { formatPaymentTime, paidWithText } from '../payment-format.js';
import { OrderKeys } from './order-keys.js';

export const PaymentConfirmation_ConfirmationFragment = graphql(`
  fragment PaymentConfirmation_ConfirmationFragment on PaymentConfirmation {
    checkout {
      id
      total {
        amount
        currencyCode
      }
      orders {
        id
        number
        kind
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
    payment {
      id
      reference
      method
      status
      amount {
        amount
        currencyCode
      }
      card {
        masked
      }
      payerEmail
      succeededAt
    }
  }
`);

type PaymentConfirmationProps = {
  confirmation: FragmentType<typeof PaymentConfirmation_ConfirmationFragment>;
  /** Order keys issued by the call that paid (this page view only). */
  orderKeys: readonly IssuedOrderKey[];
};

/** The order confirmation after payment: orders, totals, method, time and any order keys (once). */
export function PaymentConfirmation({ confirmation: ref, orderKeys }: PaymentConfirmationProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { checkout, payment } = getFragmentData(PaymentConfirmation_ConfirmationFragment, ref);
  const paidOrders = checkout.orders.filter((o) => o.status !== 'AWAITING_PAYMENT' && o.status !== 'CLOSED');
  const orders = paidOrders.length > 0 ? paidOrders : checkout.orders;
  const services = orders.filter((o) => o.kind === 'SERVICE');
  const title = t('payments.confirmation.title');

  return (
    <div className="page payment-confirmation" data-testid="payment-confirmation">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="payment-confirmation__intro">
        {t('payments.confirmation.intro', { count: orders.length })}
      </p>

      {orderKeys.length > 0 && <OrderKeys keys={orderKeys} />}
      {orderKeys.length === 0 && services.length > 0 && (
        <p className="payment-confirmation__note">{t('payments.confirmation.keysEmailed')}</p>
      )}

      {payment && (
        <dl className="payment-summary" data-testid="payment-summary">
          <div>
            <dt>{t('payments.confirmation.paidAt')}</dt>
            <dd data-testid="paid-at">
              {payment.succeededAt ? formatPaymentTime(payment.succeededAt, locale) : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('payments.confirmation.method')}</dt>
            <dd data-testid="paid-with">{paidWithText(payment, t)}</dd>
          </div>
          <div>
            <dt>{t('payments.confirmation.reference')}</dt>
            <dd translate="no">{payment.reference}</dd>
          </div>
          <div>
            <dt>{t('payments.confirmation.totalPaid')}</dt>
            <dd data-testid="paid-total">
              <Price money={payment.amount} />
            </dd>
          </div>
        </dl>
      )}

      <h2 className="payment-confirmation__subtitle">{t('payments.confirmation.ordersTitle')}</h2>
      <div className="payment-table__wrap">
        <table className="payment-table">
          <thead>
            <tr>
              <th scope="col">{t('payments.confirmation.orderNumber')}</th>
              <th scope="col">{t('payments.confirmation.merchant')}</th>
              <th scope="col">{t('payments.confirmation.status')}</th>
              <th scope="col" className="numeric">
                {t('payments.confirmation.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link to={paths.order.getHref(order.number)} data-testid="paid-order-number" translate="no">
                    {order.number}
                  </Link>
                </td>
                <td>{order.merchant.name}</td>
                <td>
                  <span className="payment-status" data-status={order.status}>
                    {order.statusLabel}
                  </span>
                </td>
                <td className="numeric">
                  <Price money={order.total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="payment-confirmation__actions">
        {payment && (
          <ButtonLink to={paths.paymentVoucher.getHref(payment.id)} data-testid="view-voucher">
            {t('payments.confirmation.voucher')}
          </ButtonLink>
        )}
        {services.length > 0 && (
          <ButtonLink
            to={paths.consultation.getHref(services.length === 1 ? services[0]!.number : null)}
            variant="secondary"
          >
            {t('payments.confirmation.openReport')}
          </ButtonLink>
        )}
        <ButtonLink to={paths.orders.getHref()} variant="secondary">
          {t('payments.confirmation.myOrders')}
        </ButtonLink>
        <ButtonLink to={paths.home.getHref()} variant="ghost">
          {t('payments.confirmation.continueShopping')}
        </ButtonLink>
      </div>
    </div>
  );
}

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
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import { formatDateTime, statusText } from '../order-format.js';
import { OrderActions } from './order-actions.js';
import './orders.css';

const OrderPage_OrderQuery = graphql(`
  query OrderPage_OrderQuery($number: String!, $locale: Locale!) {
    viewer {
      id
    }
    order(number: $number) {
      id
      number
      status
      createdAt
      paymentMethod
      couponCode
      checkout {
        id
      }
      consultationReport {
        title
        body
        deliveredAt
      }
      subtotal {
        amount
        currencyCode
      }
      discount {
        amount
        currencyCode
        minorUnits
      }
      shippingFee {
        amount
        currencyCode
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
        title(locale: $locale)
        variantTitle(locale: $locale)
        productHandle
        sku
        quantity
        unitPrice {
          amount
          currencyCode
        }
        lineTotal {
          amount
          currencyCode
        }
      }
      shipment {
        carrier
        trackingNumber
        shippedAt
      }
      shippingAddress {
        recipientName
        phone
        countryCode
        region
        city
        postalCode
        line1
        line2
      }
      serviceContact {
        name
        email
        phone
        notes
      }
      history {
        from
        to
        actor
        reason
        at
      }
      cancellationRequest {
        reason
        status
        requestedAt
      }
      viewerCanCancel
      viewerCanRequestCancellation
      viewerCanConfirmReceipt
    }
  }
`);

/** One order: lines, address or contact, totals, status timeline and what the shopper can do now. */
export function OrderPage({
  number,
  renderReview,
}: {
  number: string;
  /** The review of a completed order (composed in by the app); gets the order's status. */
  renderReview?: (status: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const apiLocale = useApiLocale();
  const location = useLocation();
  const result = useQuery(OrderPage_OrderQuery, {
    variables: { number, locale: apiLocale },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const data = result.data ?? result.previousData;
  if (data && data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(location.pathname)} replace />;
  }
  const order = data?.order;
  const back = (
    <Link to={paths.orders.getHref()} className="order-page__back">
      ← {t('orders.detail.back')}
    </Link>
  );
  if (!data) {
    return (
      <div className="page order-page">
        {back}
        {result.error ? (
          <ErrorState description={t('orders.detail.loadError')} onRetry={() => void result.refetch()} />
        ) : (
          <LoadingState />
        )}
      </div>
    );
  }
  if (!order) {
    return (
      <div className="page order-page">
        <PageTitle title={t('orders.detail.notFoundTitle')} />
        <EmptyState
          headingLevel={1}
          title={t('orders.detail.notFoundTitle')}
          description={t('orders.detail.notFoundDescription')}
          action={<ButtonLink to={paths.orders.getHref()}>{t('orders.detail.back')}</ButtonLink>}
        />
      </div>
    );
  }

  const title = t('orders.detail.title', { number: order.number });
  const address = order.shippingAddress;
  const contact = order.serviceContact;
  return (
    <div className="page order-page">
      <PageTitle title={title} />
      {back}
      <div className="order-page__head">
        <h1 translate="no">{title}</h1>
        <span className="order-status" data-testid="order-status" data-status={order.status}>
          {statusText(order.status, locale)}
        </span>
      </div>
      <p className="order-page__meta">
        {t('orders.detail.soldBy', { merchant: order.merchant.name })} ·{' '}
        {t('orders.detail.placedOn', { date: formatDateTime(order.createdAt, locale) })}
      </p>
      <div className="order-page__layout">
        <div className="order-page__main">
          <section className="order-card" aria-labelledby="order-items-title">
            <h2 id="order-items-title" className="order-card__title">
              {t('orders.detail.itemsTitle')}
            </h2>
            <ul className="order-lines">
              {order.lines.map((line) => (
                <li key={line.id} className="order-line">
                  <div>
                    <Link to={paths.product.getHref(line.productHandle)} className="order-line__title">
                      {line.title}
                    </Link>
                    <div className="order-line__meta">
                      {line.variantTitle} · {line.sku} · <Price money={line.unitPrice} /> × {line.quantity}
                    </div>
                  </div>
                  <Price money={line.lineTotal} className="order-line__total" />
                </li>
              ))}
            </ul>
            <dl className="order-totals">
              <div>
                <dt>{t('orders.checkout.subtotal')}</dt>
                <dd>
                  <Price money={order.subtotal} />
                </dd>
              </div>
              {order.discount.minorUnits > 0 && (
                <div>
                  <dt>
                    {t('orders.checkout.discount')}
                    {order.couponCode
                      ? ` (${t('orders.detail.couponUsed', { code: order.couponCode })})`
                      : ''}
                  </dt>
                  <dd>
                    <Price money={order.discount} format={(s) => `−${s}`} />
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('orders.checkout.shipping')}</dt>
                <dd>
                  <Price money={order.shippingFee} />
                </dd>
              </div>
              <div className="order-totals__total">
                <dt>{t('orders.checkout.total')}</dt>
                <dd data-testid="order-total">
                  <Price money={order.total} />
                </dd>
              </div>
              <div>
                <dt>{t('orders.detail.paymentTitle')}</dt>
                <dd>
                  {order.paymentMethod === 'PAYPAL'
                    ? t('orders.checkout.paypal')
                    : t('orders.checkout.unionpay')}
                </dd>
              </div>
            </dl>
          </section>
          {renderReview?.(order.status)}
          {order.shipment && (
            <section
              className="order-card"
              aria-labelledby="order-shipment-title"
              data-testid="order-shipment"
            >
              <h2 id="order-shipment-title" className="order-card__title">
                {t('orders.detail.shipmentTitle')}
              </h2>
              <dl className="order-totals">
                <div>
                  <dt>{t('orders.detail.carrier')}</dt>
                  <dd>{order.shipment.carrier}</dd>
                </div>
                <div>
                  <dt>{t('orders.detail.trackingNumber')}</dt>
                  <dd translate="no" data-testid="order-tracking-number">
                    {order.shipment.trackingNumber}
                  </dd>
                </div>
                <div>
                  <dt>{t('orders.detail.shippedOn')}</dt>
                  <dd>{formatDateTime(order.shipment.shippedAt, locale)}</dd>
                </div>
              </dl>
            </section>
          )}
          {address && (
            <section className="order-card" aria-labelledby="order-address-title">
              <h2 id="order-address-title" className="order-card__title">
                {t('orders.detail.shippingTitle')}
              </h2>
              <address className="order-address">
                {address.recipientName}
                <br />
                {address.phone}
                <br />
                {address.line1}
                {address.line2 ? (
                  <>
                    <br />
                    {address.line2}
                  </>
                ) : null}
                <br />
                {[
                  [address.postalCode, address.city].filter(Boolean).join(' '),
                  address.region,
                  address.countryCode,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </address>
            </section>
          )}
          {order.consultationReport && (
            <section className="order-card" aria-labelledby="order-report-title" data-testid="order-report">
              <h2 id="order-report-title" className="order-card__title">
                {t('payments.consultation.reportTitle', { title: order.consultationReport.title })}
              </h2>
              <p className="order-report__meta">
                {t('payments.consultation.deliveredOn', {
                  date: formatDateTime(order.consultationReport.deliveredAt, locale),
                })}
              </p>
              <p className="order-report__body">{order.consultationReport.body}</p>
            </section>
          )}
          {contact && (
            <section className="order-card" aria-labelledby="order-contact-title">
              <h2 id="order-contact-title" className="order-card__title">
                {t('orders.detail.contactTitle')}
              </h2>
              <p className="order-address">
                {contact.name}
                <br />
                {contact.email}
                <br />
                {contact.phone}
                {contact.notes ? (
                  <>
                    <br />
                    {contact.notes}
                  </>
                ) : null}
              </p>
            </section>
          )}
        </div>
        <div className="order-page__side">
          {order.status === 'AWAITING_PAYMENT' && (
            <ButtonLink
              to={paths.checkoutComplete.getHref(order.checkout.id)}
              size="lg"
              className="order-page__pay"
              data-testid="go-to-payment"
            >
              {t('payments.payNow')}
            </ButtonLink>
          )}
          {order.cancellationRequest && (
            <p className="order-card order-request" data-testid="cancellation-request">
              {t('orders.detail.requestPending', {
                date: formatDateTime(order.cancellationRequest.requestedAt, locale),
                reason: order.cancellationRequest.reason,
                status: t(`orders.detail.requestStatus.${order.cancellationRequest.status}`),
              })}
            </p>
          )}
          <OrderActions
            orderId={order.id}
            canCancel={order.viewerCanCancel}
            canRequestCancellation={order.viewerCanRequestCancellation}
            canConfirmReceipt={order.viewerCanConfirmReceipt}
            onChanged={() => result.refetch()}
          />
          <section className="order-card" aria-labelledby="order-timeline-title">
            <h2 id="order-timeline-title" className="order-card__title">
              {t('orders.detail.timelineTitle')}
            </h2>
            <ol className="order-timeline" data-testid="order-timeline">
              {order.history.map((entry) => (
                <li key={`${entry.at}-${entry.to}`} className="order-timeline__entry" data-status={entry.to}>
                  <span className="order-timeline__status">
                    {entry.from === null ? t('orders.detail.created') : statusText(entry.to, locale)}
                  </span>
                  <span className="order-timeline__meta">
                    {formatDateTime(entry.at, locale)} · {t(`orders.detail.actors.${entry.actor}`)}
                  </span>
                  {entry.reason && entry.actor === 'SHOPPER' && (
                    <span className="order-timeline__reason">{entry.reason}</span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}

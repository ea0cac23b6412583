import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { UserRole } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import { apiLocale, formatMoney } from '../lib/format';
import { errorsByField } from '../lib/order-filters';
import { useOrderErrorText } from './use-order-error-text';
import './orders.css';

const OrderDetailQuery = graphql(`
  query OrderDetailPage_OrderQuery($number: String!, $locale: Locale) {
    staffOrder(number: $number) {
      id
      number
      status
      kind
      paymentMethod
      createdAt
      couponCode
      shopperEmail
      merchant {
        id
        name(locale: $locale)
      }
      subtotal {
        amount
        currencyCode
      }
      discount {
        amount
        currencyCode
      }
      shippingFee {
        amount
        currencyCode
      }
      total {
        amount
        currencyCode
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
      shipment {
        carrier
        trackingNumber
        shippedAt
      }
      lines {
        id
        sku
        quantity
        title(locale: $locale)
        variantTitle(locale: $locale)
        unitPrice {
          amount
          currencyCode
        }
        lineTotal {
          amount
          currencyCode
        }
      }
      history {
        from
        to
        actor
        at
        reason
      }
      cancellationRequest {
        status
        reason
        requestedAt
        decidedAt
        decisionReason
      }
      consultationReport {
        title
        body
        deliveredAt
      }
      internalNotes {
        id
        text
        authorEmail
        createdAt
      }
      staffRefunds {
        id
        reference
        status
        createdAt
        amount {
          amount
          currencyCode
        }
      }
    }
  }
`);

const ApproveMutation = graphql(`
  mutation OrderDetailPage_ApproveMutation($input: ApproveCancellationRequestInput!) {
    approveCancellationRequest(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const DeclineMutation = graphql(`
  mutation OrderDetailPage_DeclineMutation($input: DeclineCancellationRequestInput!) {
    declineCancellationRequest(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const DeliverReportMutation = graphql(`
  mutation OrderDetailPage_DeliverReportMutation($input: DeliverConsultationReportInput!) {
    deliverConsultationReport(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const CloseMutation = graphql(`
  mutation OrderDetailPage_CloseMutation($input: CloseOrderInput!) {
    closeOrder(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AddNoteMutation = graphql(`
  mutation OrderDetailPage_AddNoteMutation($input: AddOrderNoteInput!) {
    addOrderNote(input: $input) {
      note {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const ShipOneMutation = graphql(`
  mutation OrderDetailPage_ShipMutation($input: ShipOrdersInput!) {
    shipOrders(input: $input) {
      orders {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

type UserErrors = readonly { code: string; field?: readonly string[] | null }[];

/** User errors of a mutation: general ones as alerts, the others next to their input. */
function useFormErrors() {
  const errorText = useOrderErrorText();
  const [errors, setErrors] = useState<UserErrors>([]);
  const { byField, general } = errorsByField(errors);
  return {
    set: setErrors,
    field: (name: string) => {
      const e = byField.get(name);
      return e ? errorText(e.code) : null;
    },
    general: general.map((e) => (
      <Alert key={`${e.code}-${e.field?.join('.') ?? ''}`} tone="error">
        {errorText(e.code)}
      </Alert>
    )),
  };
}

function FieldError({ text }: { text: string | null }) {
  return text ? <p className="orders-field-error">{text}</p> : null;
}

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="order-panel" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** One order for staff: what was bought, where it goes, what happened, and what the role may do now. */
export function OrderDetailPage({ number, role }: { number: string; role: UserRole }) {
  const { t, i18n } = useTranslation();
  const locale = apiLocale(i18n.language);
  const { data, loading, error, refetch } = useQuery(OrderDetailQuery, { variables: { number, locale } });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const money = (m: { amount: string; currencyCode: string }) => formatMoney(m, i18n.language);
  const [notice, setNotice] = useState<string | null>(null);

  const [approve, approving] = useMutation(ApproveMutation);
  const [decline, declining] = useMutation(DeclineMutation);
  const [deliver, delivering] = useMutation(DeliverReportMutation);
  const [close, closing] = useMutation(CloseMutation);
  const [addNote, addingNote] = useMutation(AddNoteMutation);
  const [shipOne, shipping] = useMutation(ShipOneMutation);
  const cancellationErrors = useFormErrors();
  const reportErrors = useFormErrors();
  const closeErrors = useFormErrors();
  const noteErrors = useFormErrors();
  const shipErrors = useFormErrors();
  const [declineReason, setDeclineReason] = useState('');
  const [reportTitle, setReportTitle] = useState('');
  const [reportBody, setReportBody] = useState('');
  const [closeReason, setCloseReason] = useState('');
  const [noteText, setNoteText] = useState('');
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');

  const title = `${number} · ${t('orders.title')} · ${t('app.name')}`;

  if (error) {
    return (
      <StatusPanel
        tone="error"
        title={t('errors.title')}
        actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
      >
        <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
      </StatusPanel>
    );
  }
  if (!data && loading) return <LoadingState label={t('orders.loading')} />;
  const order = data?.staffOrder;
  if (!order) {
    return (
      <StatusPanel
        title={t('orders.detail.notFoundTitle')}
        actions={<Link to={paths.orders.getHref()}>{t('orders.detail.back')}</Link>}
      >
        <p>{t('orders.detail.notFoundBody')}</p>
      </StatusPanel>
    );
  }

  const platform = role === 'ADMIN' || role === 'CUSTOMER_SERVICE';
  const merchantStaff = role === 'MERCHANT_STAFF';
  const request = order.cancellationRequest;

  /** Runs a mutation; on success clears the form, refreshes the order and says so. */
  async function run<P extends { userErrors: UserErrors }>(
    action: () => Promise<P | null | undefined>,
    errors: ReturnType<typeof useFormErrors>,
    onDone: () => void,
  ) {
    setNotice(null);
    errors.set([]);
    let payload: P | null | undefined = null;
    try {
      payload = await action();
    } catch {
      errors.set([{ code: 'unknown', field: null }]);
      return;
    }
    if (!payload) return;
    if (payload.userErrors.length > 0) {
      errors.set(payload.userErrors);
      return;
    }
    onDone();
    setNotice(t('orders.detail.done'));
    await refetch();
  }

  const onApprove = () =>
    run(
      async () =>
        (await approve({ variables: { input: { orderId: order.id } } })).data?.approveCancellationRequest,
      cancellationErrors,
      () => undefined,
    );
  const onDecline = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      async () =>
        (await decline({ variables: { input: { orderId: order.id, reason: declineReason } } })).data
          ?.declineCancellationRequest,
      cancellationErrors,
      () => setDeclineReason(''),
    );
  };
  const onDeliver = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      async () =>
        (await deliver({ variables: { input: { orderId: order.id, title: reportTitle, body: reportBody } } }))
          .data?.deliverConsultationReport,
      reportErrors,
      () => {
        setReportTitle('');
        setReportBody('');
      },
    );
  };
  const onClose = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      async () =>
        (await close({ variables: { input: { orderId: order.id, reason: closeReason } } })).data?.closeOrder,
      closeErrors,
      () => setCloseReason(''),
    );
  };
  const onAddNote = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      async () =>
        (await addNote({ variables: { input: { orderId: order.id, text: noteText } } })).data?.addOrderNote,
      noteErrors,
      () => setNoteText(''),
    );
  };
  const onShip = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      async () =>
        (
          await shipOne({
            variables: { input: { orders: [{ orderId: order.id, carrier, trackingNumber }] } },
          })
        ).data?.shipOrders,
      shipErrors,
      () => {
        setCarrier('');
        setTrackingNumber('');
      },
    );
  };

  const statusName = (s: string | null | undefined) => (s ? t(`orders.status.${s as 'CLOSED'}`) : '');

  return (
    <div className="order-detail" data-testid="order-detail" data-status={order.status}>
      <title>{title}</title>
      <p>
        <Link to={paths.orders.getHref()}>← {t('orders.detail.back')}</Link>
      </p>
      <header className="orders-page__header">
        <h1>{order.number}</h1>
        <p>
          <span
            className={`orders-status orders-status--${order.status.toLowerCase()}`}
            data-testid="order-status"
          >
            {statusName(order.status)}
          </span>
        </p>
      </header>
      {notice && <Alert tone="info">{notice}</Alert>}

      <div className="order-detail__grid">
        <Panel title={t('orders.detail.summary')}>
          <dl className="order-dl">
            <dt>{t('orders.detail.store')}</dt>
            <dd>{order.merchant.name}</dd>
            <dt>{t('orders.detail.shopper')}</dt>
            <dd>{order.shopperEmail}</dd>
            <dt>{t('orders.detail.payment')}</dt>
            <dd>{order.paymentMethod}</dd>
            <dt>{t('orders.detail.created')}</dt>
            <dd>{dateFormat.format(new Date(order.createdAt))}</dd>
          </dl>
        </Panel>

        {order.shippingAddress && (
          <Panel title={t('orders.detail.address')}>
            <address className="order-address">
              {order.shippingAddress.recipientName}
              <br />
              {order.shippingAddress.phone}
              <br />
              {[order.shippingAddress.postalCode, order.shippingAddress.region, order.shippingAddress.city]
                .filter(Boolean)
                .join(' ')}
              <br />
              {order.shippingAddress.line1}
              {order.shippingAddress.line2 && (
                <>
                  <br />
                  {order.shippingAddress.line2}
                </>
              )}
              <br />
              {order.shippingAddress.countryCode}
            </address>
          </Panel>
        )}
        {order.serviceContact && (
          <Panel title={t('orders.detail.contact')}>
            <p>
              {order.serviceContact.name}
              <br />
              {order.serviceContact.email}
              <br />
              {order.serviceContact.phone}
            </p>
            {order.serviceContact.notes && <p className="order-pre">{order.serviceContact.notes}</p>}
          </Panel>
        )}
        {order.shipment && (
          <Panel title={t('orders.detail.shipment')}>
            <p data-testid="order-shipment">
              {t('orders.detail.shipmentLine', {
                carrier: order.shipment.carrier,
                trackingNumber: order.shipment.trackingNumber,
              })}
            </p>
          </Panel>
        )}
      </div>

      <Panel title={t('orders.detail.lines')}>
        <div className="orders-table-wrap">
          <table className="orders-table">
            <thead>
              <tr>
                <th scope="col">{t('orders.detail.lines')}</th>
                <th scope="col">{t('orders.detail.sku')}</th>
                <th scope="col">{t('orders.detail.quantity')}</th>
                <th scope="col">{t('orders.detail.unitPrice')}</th>
                <th scope="col">{t('orders.detail.lineTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((l) => (
                <tr key={l.id}>
                  <td>
                    {l.title} · {l.variantTitle}
                  </td>
                  <td>{l.sku}</td>
                  <td>{l.quantity}</td>
                  <td className="orders-table__money">{money(l.unitPrice)}</td>
                  <td className="orders-table__money">{money(l.lineTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="order-dl order-totals">
          <dt>{t('orders.detail.subtotal')}</dt>
          <dd>{money(order.subtotal)}</dd>
          <dt>
            {order.couponCode
              ? t('orders.detail.coupon', { code: order.couponCode })
              : t('orders.detail.discount')}
          </dt>
          <dd>−{money(order.discount)}</dd>
          <dt>{t('orders.detail.shippingFee')}</dt>
          <dd>{money(order.shippingFee)}</dd>
          <dt>{t('orders.detail.total')}</dt>
          <dd>
            <strong>{money(order.total)}</strong>
          </dd>
        </dl>
      </Panel>

      {merchantStaff && order.status === 'AWAITING_SHIPMENT' && order.kind === 'GOODS' && (
        <Panel title={t('orders.ship.submitOne')}>
          <form className="order-form" onSubmit={onShip}>
            {shipErrors.general}
            <TextField
              label={t('orders.ship.carrier')}
              name="carrier"
              value={carrier}
              onChange={(e) => setCarrier(e.target.value)}
              required
              maxLength={60}
              aria-invalid={shipErrors.field('carrier') ? true : undefined}
            />
            <FieldError text={shipErrors.field('carrier')} />
            <TextField
              label={t('orders.ship.trackingNumber')}
              name="trackingNumber"
              value={trackingNumber}
              onChange={(e) => setTrackingNumber(e.target.value)}
              required
              maxLength={60}
              aria-invalid={shipErrors.field('trackingNumber') ? true : undefined}
            />
            <FieldError text={shipErrors.field('trackingNumber')} />
            <Button type="submit" data-testid="ship-order" pending={shipping.loading}>
              {shipping.loading ? t('orders.ship.submitting') : t('orders.ship.submitOne')}
            </Button>
          </form>
        </Panel>
      )}

      {request && (
        <Panel title={t('orders.detail.cancellation')} testId="cancellation-request">
          <p>
            <strong>{t(`orders.detail.cancellationStatus.${request.status}`)}</strong> ·{' '}
            {dateFormat.format(new Date(request.requestedAt))}
          </p>
          <p className="order-pre">{t('orders.detail.cancellationReason', { reason: request.reason })}</p>
          {request.decisionReason && (
            <p className="order-pre">
              {t('orders.detail.declineReasonShown', { reason: request.decisionReason })}
            </p>
          )}
          {request.status === 'PENDING' && (
            <div className="order-form">
              {cancellationErrors.general}
              <Button
                data-testid="approve-cancellation"
                pending={approving.loading}
                onClick={() => void onApprove()}
              >
                {approving.loading ? t('orders.detail.approving') : t('orders.detail.approve')}
              </Button>
              <form className="order-form" onSubmit={onDecline}>
                <TextField
                  label={t('orders.detail.declineReason')}
                  name="declineReason"
                  value={declineReason}
                  onChange={(e) => setDeclineReason(e.target.value)}
                  required
                  maxLength={500}
                  aria-invalid={cancellationErrors.field('reason') ? true : undefined}
                />
                <FieldError text={cancellationErrors.field('reason')} />
                <Button
                  type="submit"
                  variant="secondary"
                  data-testid="decline-cancellation"
                  pending={declining.loading}
                >
                  {declining.loading ? t('orders.detail.declining') : t('orders.detail.decline')}
                </Button>
              </form>
            </div>
          )}
        </Panel>
      )}

      {order.kind === 'SERVICE' && (
        <Panel title={t('orders.detail.report')}>
          {order.consultationReport ? (
            <article>
              <h3>{order.consultationReport.title}</h3>
              <p className="order-pre">{order.consultationReport.body}</p>
            </article>
          ) : merchantStaff && order.status === 'AWAITING_SHIPMENT' ? (
            <form className="order-form" onSubmit={onDeliver}>
              {reportErrors.general}
              <TextField
                label={t('orders.detail.reportTitle')}
                name="reportTitle"
                value={reportTitle}
                onChange={(e) => setReportTitle(e.target.value)}
                required
                aria-invalid={reportErrors.field('title') ? true : undefined}
              />
              <FieldError text={reportErrors.field('title')} />
              <div className="ui-field">
                <label className="ui-field__label" htmlFor="report-body">
                  {t('orders.detail.reportBody')}
                </label>
                <textarea
                  id="report-body"
                  name="reportBody"
                  className="ui-field__input"
                  rows={10}
                  value={reportBody}
                  onChange={(e) => setReportBody(e.target.value)}
                  required
                  aria-invalid={reportErrors.field('body') ? true : undefined}
                />
              </div>
              <FieldError text={reportErrors.field('body')} />
              <Button type="submit" data-testid="deliver-report" pending={delivering.loading}>
                {delivering.loading ? t('orders.detail.delivering') : t('orders.detail.deliverReport')}
              </Button>
            </form>
          ) : null}
        </Panel>
      )}

      {platform && order.status === 'AWAITING_PAYMENT' && (
        <Panel title={t('orders.detail.close')}>
          <form className="order-form" onSubmit={onClose}>
            {closeErrors.general}
            <TextField
              label={t('orders.detail.closeReason')}
              name="closeReason"
              value={closeReason}
              onChange={(e) => setCloseReason(e.target.value)}
              required
              maxLength={500}
              aria-invalid={closeErrors.field('reason') ? true : undefined}
            />
            <FieldError text={closeErrors.field('reason')} />
            <Button type="submit" variant="secondary" data-testid="close-order" pending={closing.loading}>
              {closing.loading ? t('orders.detail.closing') : t('orders.detail.close')}
            </Button>
          </form>
        </Panel>
      )}

      <Panel title={t('orders.detail.refunds')}>
        {order.staffRefunds && order.staffRefunds.length > 0 ? (
          <ul>
            {order.staffRefunds.map((r) => (
              <li key={r.id}>
                {t('orders.detail.refundLine', {
                  reference: r.reference,
                  amount: money(r.amount),
                  status: r.status,
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('orders.detail.noRefunds')}</p>
        )}
      </Panel>

      <Panel title={t('orders.detail.history')}>
        <ol className="order-timeline" data-testid="order-history">
          {order.history.map((h) => (
            <li key={`${h.at}-${h.to}`}>
              <time dateTime={h.at}>{dateFormat.format(new Date(h.at))}</time>{' '}
              {h.from
                ? t('orders.detail.historyEntry', { from: statusName(h.from), to: statusName(h.to) })
                : t('orders.detail.created_entry')}{' '}
              · {t(`orders.detail.actor.${h.actor}`)}
              {h.reason && <span className="order-pre"> — {h.reason}</span>}
            </li>
          ))}
        </ol>
      </Panel>

      {order.internalNotes && (
        <Panel title={t('orders.detail.notes')} testId="order-notes">
          <p className="orders-page__intro">{t('orders.detail.notesHint')}</p>
          {order.internalNotes.length === 0 ? (
            <p>{t('orders.detail.noNotes')}</p>
          ) : (
            <ul className="order-notes">
              {order.internalNotes.map((n) => (
                <li key={n.id}>
                  <p className="order-pre">{n.text}</p>
                  <small>
                    {t('orders.detail.noteBy', {
                      author: n.authorEmail ?? '—',
                      date: dateFormat.format(new Date(n.createdAt)),
                    })}
                  </small>
                </li>
              ))}
            </ul>
          )}
          {platform && (
            <form className="order-form" onSubmit={onAddNote}>
              {noteErrors.general}
              <div className="ui-field">
                <label className="ui-field__label" htmlFor="note-text">
                  {t('orders.detail.noteText')}
                </label>
                <textarea
                  id="note-text"
                  name="noteText"
                  className="ui-field__input"
                  rows={3}
                  value={noteText}
                  onChange={(e) => setNoteText(e.target.value)}
                  required
                  maxLength={2000}
                  aria-invalid={noteErrors.field('text') ? true : undefined}
                />
              </div>
              <FieldError text={noteErrors.field('text')} />
              <Button type="submit" data-testid="add-note" pending={addingNote.loading}>
                {addingNote.loading ? t('orders.detail.addingNote') : t('orders.detail.addNote')}
              </Button>
            </form>
          )}
        </Panel>
      )}
    </div>
  );
}

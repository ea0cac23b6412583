import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { graphql } from '../../../gql/gql.js';
import type { ConsultationPage_ReportQueryQuery } from '../../../gql/graphql.js';
import { useLocale } from '../../../lib/locale.js';
import {
  isThrottled,
  keyFromHash,
  missingFields,
  normalizeKey,
  normalizeOrderNumber,
  type ReportField,
  type ReportRequest,
} from '../consultation-request.js';
import { reportParagraphs } from '../report-body.js';
import './consulting.css';

const ConsultationPage_ReportQuery = graphql(`
  query ConsultationPage_ReportQuery($orderNumber: String!, $key: String!) {
    consultationReport(orderNumber: $orderNumber, key: $key) {
      status
      report {
        orderNumber
        title
        body
        deliveredAt
      }
    }
  }
`);

type Report = NonNullable<ConsultationPage_ReportQueryQuery['consultationReport']['report']>;

type Outcome =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'report'; report: Report }
  | { kind: 'invalid' }
  | { kind: 'notDelivered' }
  | { kind: 'throttled' }
  | { kind: 'error' };

const dateFormat = (iso: string, locale: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
};

/**
 * Opens a consultation report with the order number and the order key, without signing in. The
 * key stays in memory (never the URL or storage); a key arriving in the email link's fragment is
 * read once and removed from the address bar.
 */
export function ConsultationPage({ orderNumber: routeNumber }: { orderNumber: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { hash, pathname, search } = useLocation();
  const [values, setValues] = useState<ReportRequest>({ orderNumber: routeNumber ?? '', key: '' });
  const [missing, setMissing] = useState<ReportField[]>([]);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const keyInput = useRef<HTMLInputElement>(null);

  const open = async (request: ReportRequest) => {
    setOutcome({ kind: 'loading' });
    try {
      const result = await client.query({
        query: ConsultationPage_ReportQuery,
        variables: request,
        fetchPolicy: 'no-cache',
      });
      const access = result.data?.consultationReport;
      if (!access) throw new Error('no data');
      switch (access.status) {
        case 'AVAILABLE':
          setOutcome(access.report ? { kind: 'report', report: access.report } : { kind: 'error' });
          break;
        case 'NOT_DELIVERED':
          setOutcome({ kind: 'notDelivered' });
          break;
        case 'INVALID_KEY':
          setOutcome({ kind: 'invalid' });
          keyInput.current?.focus();
          break;
      }
    } catch (error) {
      setOutcome({ kind: isThrottled(error) ? 'throttled' : 'error' });
    }
  };

  // From the email link (`#key=…`, also when only the fragment changed): take the key out of the
  // address bar and history, then open the report.
  const handledHash = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to a new fragment only
  useEffect(() => {
    const key = keyFromHash(hash);
    if (!key) {
      handledHash.current = null;
      return;
    }
    if (handledHash.current === hash) return;
    handledHash.current = hash;
    void navigate({ pathname, search }, { replace: true });
    setValues({ orderNumber: routeNumber ?? '', key });
    setMissing([]);
    if (routeNumber) void open({ orderNumber: normalizeOrderNumber(routeNumber), key });
  }, [hash]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outcome.kind === 'loading') return;
    const request = { orderNumber: normalizeOrderNumber(values.orderNumber), key: normalizeKey(values.key) };
    const gaps = missingFields(request);
    setMissing(gaps);
    if (gaps.length > 0) return;
    // The order number is part of the address (bookmarkable); the key never is.
    if (request.orderNumber !== routeNumber) {
      void navigate(paths.consultation.getHref(request.orderNumber), { replace: routeNumber !== null });
    }
    void open(request);
  };

  if (outcome.kind === 'report') {
    const { report } = outcome;
    return (
      <div className="page consultation-page">
        <PageTitle title={report.title} />
        <article
          className="consultation-report"
          data-testid="consultation-report"
          aria-labelledby={`${id}-title`}
        >
          <p className="consultation-report__eyebrow">
            {t('payments.consultation.title')} ·{' '}
            <span translate="no">{t('payments.consultation.forOrder', { number: report.orderNumber })}</span>
          </p>
          <h1 id={`${id}-title`}>{report.title}</h1>
          <p className="consultation-report__meta">
            {t('payments.consultation.deliveredOn', { date: dateFormat(report.deliveredAt, locale) })}
          </p>
          <div className="consultation-report__body">
            {reportParagraphs(report.body).map((lines, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text, never reordered
              <p key={index}>
                {lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed paragraph
                  <span key={i}>
                    {i > 0 && <br />}
                    {line}
                  </span>
                ))}
              </p>
            ))}
          </div>
        </article>
        <div className="consultation-page__actions">
          <Button onClick={() => window.print()}>{t('payments.consultation.print')}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setValues({ orderNumber: '', key: '' });
              setOutcome({ kind: 'idle' });
              void navigate(paths.consultation.getHref());
            }}
          >
            {t('payments.consultation.another')}
          </Button>
        </div>
      </div>
    );
  }

  const fieldError = (field: ReportField) =>
    missing.includes(field)
      ? t(
          field === 'orderNumber'
            ? 'payments.consultation.orderNumberRequired'
            : 'payments.consultation.keyRequired',
        )
      : field === 'key' && outcome.kind === 'invalid'
        ? t('payments.consultation.invalidKey')
        : null;
  const message =
    outcome.kind === 'notDelivered'
      ? t('payments.consultation.notDelivered')
      : outcome.kind === 'throttled'
        ? t('payments.consultation.throttled')
        : outcome.kind === 'error'
          ? t('payments.consultation.loadError')
          : null;
  const title = t('payments.consultation.title');
  const numberError = fieldError('orderNumber');
  const keyError = fieldError('key');

  return (
    <div className="page consultation-page">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="consultation-page__intro">{t('payments.consultation.intro')}</p>
      {message && (
        <p
          className={`consultation-page__message consultation-page__message--${outcome.kind}`}
          role={outcome.kind === 'notDelivered' ? 'status' : 'alert'}
          data-testid="consultation-message"
          data-outcome={outcome.kind}
        >
          {message}
        </p>
      )}
      <form className="consultation-form" onSubmit={submit} noValidate data-testid="consultation-form">
        <div className="consultation-field">
          <label htmlFor={`${id}-number`}>{t('payments.consultation.orderNumber')}</label>
          <input
            id={`${id}-number`}
            name="orderNumber"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            placeholder="MP-20261122-0000001"
            value={values.orderNumber}
            onChange={(e) => setValues((v) => ({ ...v, orderNumber: e.target.value }))}
            aria-invalid={numberError ? true : undefined}
            aria-describedby={numberError ? `${id}-number-error` : undefined}
          />
          {numberError && (
            <p id={`${id}-number-error`} className="consultation-field__error">
              {numberError}
            </p>
          )}
        </div>
        <div className="consultation-field">
          <label htmlFor={`${id}-key`}>{t('payments.consultation.key')}</label>
          <input
            ref={keyInput}
            id={`${id}-key`}
            name="key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={values.key}
            onChange={(e) => setValues((v) => ({ ...v, key: e.target.value }))}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={`${id}-key-hint${keyError ? ` ${id}-key-error` : ''}`}
          />
          <p id={`${id}-key-hint`} className="consultation-field__hint">
            {t('payments.consultation.keyHint')}
          </p>
          {keyError && (
            <p
              id={`${id}-key-error`}
              className="consultation-field__error"
              data-testid="consultation-key-error"
            >
              {keyError}
            </p>
          )}
        </div>
        <Button type="submit" size="lg" isLoading={outcome.kind === 'loading'} data-testid="open-report">
          {outcome.kind === 'loading'
            ? t('payments.consultation.submitting')
            : t('payments.consultation.submit')}
        </Button>
      </form>
    </div>
  );
}

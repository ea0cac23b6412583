import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import type { FragmentType } from '../../../gql/fragment-masking';
import type { LedgerEntrySortField } from '../../../gql/graphql';
import { LEDGER_BUCKETS, LEDGER_KINDS, type LedgerView, nextSort, parseLedgerView } from '../lib/funds-view';
import { LedgerRow, type LedgerRowEntryFragment } from './ledger-row';

export interface LedgerPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: ({ id: string } & FragmentType<typeof LedgerRowEntryFragment>)[];
}

/**
 * The ledger behind the balances: filters (balance, movement, dates), sort by date or amount and
 * pages, all kept in the URL by the page (`onView`).
 */
export function LedgerTable({
  ledger,
  view,
  loading,
  canGoBack,
  onView,
  onNext,
  onPrevious,
}: {
  ledger: LedgerPage;
  view: LedgerView;
  loading: boolean;
  canGoBack: boolean;
  onView: (view: LedgerView) => void;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(view);
  useEffect(() => setDraft(view), [view]);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onView({ ...draft, after: null });
  };
  const onSort = (field: LedgerEntrySortField) => onView({ ...view, ...nextSort(view, field), after: null });
  const ariaSort = (field: LedgerEntrySortField) =>
    view.sortField === field ? (view.sortDirection === 'ASC' ? 'ascending' : 'descending') : undefined;
  const header = (field: LedgerEntrySortField, label: string, className?: string) => (
    <th scope="col" aria-sort={ariaSort(field)} className={className}>
      <button type="button" className="funds-sort" onClick={() => onSort(field)}>
        {label}
        {view.sortField === field ? (view.sortDirection === 'ASC' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <>
      <search>
        <form className="funds-filters" onSubmit={onFilter} aria-label={t('funds.ledger.filters')}>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="ledger-bucket">
              {t('funds.ledger.bucket')}
            </label>
            <select
              id="ledger-bucket"
              name="bucket"
              className="ui-field__input"
              value={draft.bucket ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, bucket: (e.target.value || null) as LedgerView['bucket'] })
              }
            >
              <option value="">{t('funds.ledger.anyBucket')}</option>
              {LEDGER_BUCKETS.map((b) => (
                <option key={b} value={b}>
                  {t(`funds.balances.${b}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="ledger-kind">
              {t('funds.ledger.kind')}
            </label>
            <select
              id="ledger-kind"
              name="kind"
              className="ui-field__input"
              value={draft.kind ?? ''}
              onChange={(e) => setDraft({ ...draft, kind: (e.target.value || null) as LedgerView['kind'] })}
            >
              <option value="">{t('funds.ledger.anyKind')}</option>
              {LEDGER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`funds.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('funds.ledger.from')}
            name="from"
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => setDraft({ ...draft, from: e.target.value || null })}
          />
          <TextField
            label={t('funds.ledger.to')}
            name="to"
            type="date"
            value={draft.to ?? ''}
            onChange={(e) => setDraft({ ...draft, to: e.target.value || null })}
          />
          <div className="funds-filters__actions">
            <Button type="submit">{t('funds.ledger.apply')}</Button>
            <Button
              variant="ghost"
              onClick={() =>
                onView({ ...parseLedgerView(new URLSearchParams()), merchantId: view.merchantId })
              }
            >
              {t('funds.ledger.reset')}
            </Button>
          </div>
        </form>
      </search>

      {ledger.nodes.length === 0 ? (
        <StatusPanel title={t('funds.ledger.emptyTitle')}>
          <p>{t('funds.ledger.emptyBody')}</p>
        </StatusPanel>
      ) : (
        <>
          <p className="funds-muted" aria-live="polite">
            {t('funds.ledger.count', { count: ledger.totalCount })}
          </p>
          <div className="funds-table-wrap">
            <table className="funds-table" data-testid="ledger-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  {header('CREATED_AT', t('funds.ledger.columns.date'))}
                  <th scope="col">{t('funds.ledger.columns.movement')}</th>
                  <th scope="col">{t('funds.ledger.columns.bucket')}</th>
                  <th scope="col">{t('funds.ledger.columns.details')}</th>
                  {header('AMOUNT', t('funds.ledger.columns.amount'), 'funds-table__money')}
                </tr>
              </thead>
              <tbody>
                {ledger.nodes.map((entry) => (
                  <LedgerRow key={entry.id} entry={entry} dateFormat={dateFormat} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="funds-pager" aria-label={t('funds.ledger.title')}>
            <Button variant="secondary" disabled={!canGoBack || loading} onClick={onPrevious}>
              {t('funds.ledger.previousPage')}
            </Button>
            <Button
              variant="secondary"
              disabled={!ledger.pageInfo.hasNextPage || loading}
              onClick={() => ledger.pageInfo.endCursor && onNext(ledger.pageInfo.endCursor)}
            >
              {t('funds.ledger.nextPage')}
            </Button>
          </nav>
        </>
      )}
    </>
  );
}

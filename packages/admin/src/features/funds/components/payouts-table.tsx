import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking';
import { graphql } from '../../../gql/gql';
import type { PayoutSortField } from '../../../gql/graphql';
import { formatMoney } from '../lib/format';
import { dateRangeValid, nextSort, type PayoutsView, parsePayoutsView } from '../lib/funds-view';

export const PayoutsTablePayoutFragment = graphql(`
  fragment PayoutsTable_PayoutFragment on Payout {
    id
    createdAt
    reference
    note
    createdByEmail
    amount {
      amount
      currencyCode
    }
    merchant {
      id
      name(locale: $locale)
    }
  }
`);

export interface PayoutsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: FragmentType<typeof PayoutsTablePayoutFragment>[];
}

/**
 * A payout history: date filter, sort by date or amount, and pages, all kept in the URL by the page
 * (`onView`). `showStore` adds the store column (admins' history of every store); the "recorded by"
 * column appears when the API shows it (admins only).
 */
export function PayoutsTable({
  page,
  showStore,
  view,
  loading,
  canGoBack,
  onView,
  onNext,
  onPrevious,
  stores,
}: {
  page: PayoutsPage;
  showStore: boolean;
  view: PayoutsView;
  loading: boolean;
  canGoBack: boolean;
  onView: (view: PayoutsView) => void;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
  /** Offers a store filter (admins' history of every store). */
  stores?: { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(view);
  useEffect(() => setDraft(view), [view]);
  const payouts = page.nodes.map((ref) => getFragmentData(PayoutsTablePayoutFragment, ref));
  const showAuthor = payouts.some((p) => p.createdByEmail !== null);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const rangeValid = dateRangeValid(draft.from, draft.to);
  const filtered =
    view.from !== null || view.to !== null || (stores !== undefined && view.merchantId !== null);

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rangeValid)
      onView({ ...view, merchantId: draft.merchantId, from: draft.from, to: draft.to, after: null });
  };
  const onSort = (field: PayoutSortField) => onView({ ...view, ...nextSort(view, field), after: null });
  const ariaSort = (field: PayoutSortField) =>
    view.sortField === field ? (view.sortDirection === 'ASC' ? 'ascending' : 'descending') : undefined;
  const header = (field: PayoutSortField, label: string, className?: string) => (
    <th scope="col" aria-sort={ariaSort(field)} className={className}>
      <button
        type="button"
        className="funds-sort"
        data-testid={`payouts-sort-${field}`}
        onClick={() => onSort(field)}
      >
        {label}
        {view.sortField === field ? (view.sortDirection === 'ASC' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <>
      <search>
        <form className="funds-filters" onSubmit={onFilter} aria-label={t('funds.payouts.filters')}>
          {stores && (
            <div className="ui-field">
              <label className="ui-field__label" htmlFor="payouts-store">
                {t('funds.payouts.columns.store')}
              </label>
              <select
                id="payouts-store"
                name="payoutsStore"
                className="ui-field__input"
                value={draft.merchantId ?? ''}
                onChange={(e) => setDraft({ ...draft, merchantId: e.target.value || null })}
              >
                <option value="">{t('funds.payouts.allStores')}</option>
                {stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <TextField
            label={t('funds.payouts.from')}
            name="payoutsFrom"
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => setDraft({ ...draft, from: e.target.value || null })}
          />
          <div>
            <TextField
              label={t('funds.payouts.to')}
              name="payoutsTo"
              type="date"
              value={draft.to ?? ''}
              onChange={(e) => setDraft({ ...draft, to: e.target.value || null })}
              aria-invalid={!rangeValid || undefined}
            />
            {!rangeValid && <p className="funds-field-error">{t('funds.payouts.invalidRange')}</p>}
          </div>
          <div className="funds-filters__actions">
            <Button type="submit" disabled={!rangeValid}>
              {t('funds.payouts.apply')}
            </Button>
            <Button variant="ghost" onClick={() => onView(parsePayoutsView(new URLSearchParams()))}>
              {t('funds.payouts.reset')}
            </Button>
          </div>
        </form>
      </search>

      {payouts.length === 0 ? (
        <StatusPanel title={t('funds.payouts.emptyTitle')}>
          <p>{filtered ? t('funds.payouts.emptyFilteredBody') : t('funds.payouts.emptyBody')}</p>
        </StatusPanel>
      ) : (
        <>
          <p className="funds-muted" aria-live="polite">
            {t('funds.payouts.count', { count: page.totalCount })}
          </p>
          <div className="funds-table-wrap">
            <table className="funds-table" data-testid="payouts-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  {header('CREATED_AT', t('funds.payouts.columns.date'))}
                  {showStore && <th scope="col">{t('funds.payouts.columns.store')}</th>}
                  <th scope="col">{t('funds.payouts.columns.reference')}</th>
                  <th scope="col">{t('funds.payouts.columns.note')}</th>
                  {showAuthor && <th scope="col">{t('funds.payouts.columns.by')}</th>}
                  {header('AMOUNT', t('funds.payouts.columns.amount'), 'funds-table__money')}
                </tr>
              </thead>
              <tbody>
                {payouts.map((p) => (
                  <tr key={p.id} data-testid="payouts-row" data-reference={p.reference}>
                    <td className="funds-nowrap">{dateFormat.format(new Date(p.createdAt))}</td>
                    {showStore && <td>{p.merchant.name}</td>}
                    <td>{p.reference}</td>
                    <td>{p.note}</td>
                    {showAuthor && <td>{p.createdByEmail}</td>}
                    <td className="funds-table__money">{formatMoney(p.amount, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="funds-pager" aria-label={t('funds.payouts.title')}>
            <Button variant="secondary" disabled={!canGoBack || loading} onClick={onPrevious}>
              {t('funds.payouts.previousPage')}
            </Button>
            <Button
              variant="secondary"
              disabled={!page.pageInfo.hasNextPage || loading}
              onClick={() => page.pageInfo.endCursor && onNext(page.pageInfo.endCursor)}
            >
              {t('funds.payouts.nextPage')}
            </Button>
          </nav>
        </>
      )}
    </>
  );
}

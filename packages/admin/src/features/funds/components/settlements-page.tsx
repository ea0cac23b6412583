import { useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { FundsOverviewSortField } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import { apiLocale, formatMoney } from '../lib/format';
import {
  keepPayoutsParams,
  nextSort,
  type PayoutsView,
  parsePayoutsView,
  parseSettlementsView,
  payoutsFilterOf,
  payoutsViewParams,
  type SettlementsView,
  settlementsViewParams,
} from '../lib/funds-view';
import { PayoutsTable } from './payouts-table';
import { SettleForm } from './settle-form';
import './funds.css';

const SettlementsPageOverviewQuery = graphql(`
  query SettlementsPage_OverviewQuery(
    $first: Int!
    $after: String
    $filter: FundsOverviewFilter
    $sort: FundsOverviewSort
    $locale: Locale
  ) {
    staffFundsOverview(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        settleable
        viewerCanSettle
        merchant {
          id
          handle
          name(locale: $locale)
        }
        pending {
          amount
          currencyCode
        }
        available {
          amount
          currencyCode
        }
        frozen {
          amount
          currencyCode
        }
      }
    }
  }
`);

const SettlementsPagePayoutsQuery = graphql(`
  query SettlementsPage_PayoutsQuery(
    $first: Int!
    $after: String
    $filter: PayoutsFilter
    $sort: PayoutsSort
    $locale: Locale
  ) {
    staffPayouts(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...PayoutsTable_PayoutFragment
      }
    }
  }
`);

const PAGE_SIZE = 25;
const SettlementsPageStoresQuery = graphql(`
  query SettlementsPage_StoresQuery {
    staffMerchants(first: 100, sort: { field: HANDLE, direction: ASC }) {
      nodes {
        id
        handle
        nameEn
        nameZh
      }
    }
  }
`);

const PAYOUTS_PAGE_SIZE = 10;

type Money = { amount: string; currencyCode: string };

/**
 * Platform admins' settlements: every store with its balances (filter, sort and page in the URL),
 * "Settle" with amount, reference and a confirmation, and the payout history of all stores.
 */
export function SettlementsPage() {
  const { t, i18n } = useTranslation();
  const locale = apiLocale(i18n.language);
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseSettlementsView(params), [params]);
  const [draft, setDraft] = useState<SettlementsView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [settling, setSettling] = useState<{ id: string; name: string; available: Money } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const payoutsView = useMemo(() => parsePayoutsView(params), [params]);
  const [payoutsPrevious, setPayoutsPrevious] = useState<(string | null)[]>([]);
  useEffect(() => setDraft(view), [view]);

  const { data, loading, error, refetch } = useQuery(SettlementsPageOverviewQuery, {
    variables: {
      first: PAGE_SIZE,
      after: view.after,
      filter: { search: view.search || null, minAvailable: view.minAvailable || null },
      sort: { field: view.sortField, direction: view.sortDirection },
      locale,
    },
    notifyOnNetworkStatusChange: true,
  });
  const payouts = useQuery(SettlementsPagePayoutsQuery, {
    variables: {
      first: PAYOUTS_PAGE_SIZE,
      after: payoutsView.after,
      filter: { ...payoutsFilterOf(payoutsView), merchantId: payoutsView.merchantId },
      sort: { field: payoutsView.sortField, direction: payoutsView.sortDirection },
      locale,
    },
    notifyOnNetworkStatusChange: true,
  });

  const stores = useQuery(SettlementsPageStoresQuery);
  const go = (next: SettlementsView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(keepPayoutsParams(settlementsViewParams(next), params));
  };
  const goPayouts = (next: PayoutsView, keepPages = false) => {
    if (!keepPages) setPayoutsPrevious([]);
    setParams(payoutsViewParams(next, params));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, minAvailable: draft.minAvailable.trim(), after: null });
  };
  const onSort = (field: FundsOverviewSortField) =>
    go({ ...view, ...nextSort(view, field, ['HANDLE']), after: null });
  const ariaSort = (field: FundsOverviewSortField) =>
    view.sortField === field ? (view.sortDirection === 'ASC' ? 'ascending' : 'descending') : undefined;
  const header = (field: FundsOverviewSortField, label: string, money = true) => (
    <th scope="col" aria-sort={ariaSort(field)} className={money ? 'funds-table__money' : undefined}>
      <button type="button" className="funds-sort" onClick={() => onSort(field)}>
        {label}
        {view.sortField === field ? (view.sortDirection === 'ASC' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  const minAvailableInvalid =
    draft.minAvailable.trim() !== '' && !/^\d+(\.\d+)?$/.test(draft.minAvailable.trim());
  const overview = data?.staffFundsOverview;
  const payoutPage = payouts.data?.staffPayouts;
  const title = t('funds.settlements.title');

  return (
    <div className="funds-page">
      <title>{`${title} · ${t('app.name')}`}</title>
      <header className="funds-page__header">
        <h1>{title}</h1>
        <p className="funds-muted">{t('funds.settlements.intro')}</p>
      </header>

      <search>
        <form className="funds-filters" onSubmit={onFilter} aria-label={t('funds.settlements.filters')}>
          <TextField
            label={t('funds.settlements.search')}
            name="search"
            type="search"
            value={draft.search}
            onChange={(e) => setDraft({ ...draft, search: e.target.value })}
            autoComplete="off"
          />
          <div>
            <TextField
              label={t('funds.settlements.minAvailable')}
              name="minAvailable"
              inputMode="decimal"
              value={draft.minAvailable}
              onChange={(e) => setDraft({ ...draft, minAvailable: e.target.value })}
              aria-invalid={minAvailableInvalid || undefined}
              autoComplete="off"
            />
            {minAvailableInvalid && <p className="funds-field-error">{t('funds.errors.INVALID_AMOUNT')}</p>}
          </div>
          <div className="funds-filters__actions">
            <Button type="submit" disabled={minAvailableInvalid}>
              {t('funds.settlements.apply')}
            </Button>
            <Button variant="ghost" onClick={() => go(parseSettlementsView(new URLSearchParams()))}>
              {t('funds.settlements.reset')}
            </Button>
          </div>
        </form>
      </search>

      {done && <Alert tone="info">{done}</Alert>}
      {settling && (
        <SettleForm
          key={settling.id}
          merchant={settling}
          available={settling.available}
          onCancel={() => setSettling(null)}
          onDone={(paid) => {
            setDone(
              t('funds.settle.done', { amount: formatMoney(paid, i18n.language), name: settling.name }),
            );
            setSettling(null);
            void refetch();
            void payouts.refetch();
          }}
        />
      )}

      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !overview && loading ? (
        <LoadingState label={t('funds.settlements.loading')} />
      ) : overview && overview.nodes.length === 0 ? (
        <StatusPanel title={t('funds.settlements.emptyTitle')}>
          <p>{t('funds.settlements.emptyBody')}</p>
        </StatusPanel>
      ) : overview ? (
        <>
          <p className="funds-muted" aria-live="polite">
            {t('funds.settlements.count', { count: overview.totalCount })}
          </p>
          <div className="funds-table-wrap">
            <table className="funds-table" data-testid="settlements-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  {header('HANDLE', t('funds.settlements.columns.store'), false)}
                  {header('PENDING', t('funds.settlements.columns.pending'))}
                  {header('AVAILABLE', t('funds.settlements.columns.available'))}
                  {header('FROZEN', t('funds.settlements.columns.frozen'))}
                  <th scope="col">{t('funds.settlements.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.nodes.map((row) => (
                  <tr key={row.merchant.id} data-testid="settlements-row" data-handle={row.merchant.handle}>
                    <td>
                      {row.merchant.name}
                      <span className="funds-hint"> · {row.merchant.handle}</span>
                    </td>
                    <td className="funds-table__money">{formatMoney(row.pending, i18n.language)}</td>
                    <td className="funds-table__money" data-testid="settlements-available">
                      {formatMoney(row.available, i18n.language)}
                    </td>
                    <td className="funds-table__money">{formatMoney(row.frozen, i18n.language)}</td>
                    <td>
                      <div className="funds-actions">
                        <Link
                          to={`${paths.funds.getHref()}?${new URLSearchParams({ merchant: row.merchant.id })}`}
                          aria-label={t('funds.settlements.viewFundsOf', { name: row.merchant.name })}
                        >
                          {t('funds.settlements.viewFunds')}
                        </Link>
                        {row.viewerCanSettle ? (
                          <Button
                            variant="secondary"
                            data-testid="settle-open"
                            aria-label={t('funds.settlements.settleStore', { name: row.merchant.name })}
                            onClick={() => {
                              setDone(null);
                              setSettling({
                                id: row.merchant.id,
                                name: row.merchant.name,
                                available: row.available,
                              });
                            }}
                          >
                            {t('funds.settlements.settle')}
                          </Button>
                        ) : (
                          !row.settleable && (
                            <span className="funds-tag funds-tag--frozen">
                              {t('funds.settlements.notSettleable')}
                            </span>
                          )
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="funds-pager" aria-label={title}>
            <Button
              variant="secondary"
              disabled={previous.length === 0 || loading}
              onClick={() => {
                const before = previous.at(-1) ?? null;
                setPrevious((p) => p.slice(0, -1));
                go({ ...view, after: before }, true);
              }}
            >
              {t('funds.settlements.previousPage')}
            </Button>
            <Button
              variant="secondary"
              disabled={!overview.pageInfo.hasNextPage || loading}
              onClick={() => {
                setPrevious((p) => [...p, view.after]);
                go({ ...view, after: overview.pageInfo.endCursor ?? null }, true);
              }}
            >
              {t('funds.settlements.nextPage')}
            </Button>
          </nav>
        </>
      ) : null}

      <section className="funds-section" aria-labelledby="settlements-payouts-title">
        <h2 id="settlements-payouts-title">{t('funds.payouts.title')}</h2>
        {payouts.error ? (
          <Alert tone="error">{t('errors.unexpected')}</Alert>
        ) : !payoutPage ? (
          <LoadingState label={t('funds.loading')} />
        ) : (
          <PayoutsTable
            page={payoutPage}
            showStore
            stores={stores.data?.staffMerchants.nodes.map((m) => ({
              id: m.id,
              name: `${locale === 'ZH_TW' ? m.nameZh : m.nameEn} (${m.handle})`,
            }))}
            view={payoutsView}
            loading={payouts.loading}
            canGoBack={payoutsPrevious.length > 0 || payoutsView.after !== null}
            onView={(next) => goPayouts(next)}
            onNext={(cursor) => {
              setPayoutsPrevious((p) => [...p, payoutsView.after]);
              goPayouts({ ...payoutsView, after: cursor }, true);
            }}
            onPrevious={() => {
              const before = payoutsPrevious.at(-1) ?? null;
              setPayoutsPrevious((p) => p.slice(0, -1));
              goPayouts({ ...payoutsView, after: before }, true);
            }}
          />
        )}
      </section>
    </div>
  );
}

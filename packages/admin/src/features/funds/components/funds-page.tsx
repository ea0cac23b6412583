import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { graphql } from '../../../gql/gql';
import type { UserRole } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import { apiLocale } from '../lib/format';
import {
  keepPayoutsParams,
  type LedgerView,
  ledgerFilterOf,
  ledgerViewParams,
  type PayoutsView,
  parseLedgerView,
  parsePayoutsView,
  payoutsFilterOf,
  payoutsViewParams,
} from '../lib/funds-view';
import { FundsBalances } from './funds-balances';
import { LedgerTable } from './ledger-table';
import { PayoutsTable } from './payouts-table';
import './funds.css';

const FundsPageQuery = graphql(`
  query FundsPage_FundsQuery(
    $merchantId: ID
    $first: Int!
    $after: String
    $filter: LedgerEntriesFilter
    $sort: LedgerEntriesSort
    $locale: Locale
  ) {
    merchantFunds(merchantId: $merchantId) {
      settleable
      merchant {
        id
        name(locale: $locale)
      }
      ...FundsBalances_FundsFragment
      ledgerEntries(first: $first, after: $after, filter: $filter, sort: $sort) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...LedgerRow_EntryFragment
        }
      }
    }
  }
`);

const FundsPagePayoutsQuery = graphql(`
  query FundsPage_PayoutsQuery(
    $merchantId: ID
    $first: Int!
    $after: String
    $filter: MerchantPayoutsFilter
    $sort: PayoutsSort
    $locale: Locale
  ) {
    merchantFunds(merchantId: $merchantId) {
      merchant {
        id
      }
      payouts(first: $first, after: $after, filter: $filter, sort: $sort) {
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
  }
`);

const PAGE_SIZE = 25;
const PAYOUTS_PAGE_SIZE = 10;

/**
 * A store's funds: balance cards, the ledger behind them (filters, sort and page in the URL) and
 * the payout history. Merchant staff see their own store; admins open any store with `?merchant=`.
 */
export function FundsPage({ role }: { role: UserRole }) {
  const { t, i18n } = useTranslation();
  const locale = apiLocale(i18n.language);
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseLedgerView(params), [params]);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const payoutsView = useMemo(() => parsePayoutsView(params), [params]);
  const [payoutsPrevious, setPayoutsPrevious] = useState<(string | null)[]>([]);
  const isAdmin = role === 'ADMIN';
  const needsStore = isAdmin && !view.merchantId;

  const { data, loading, error, refetch } = useQuery(FundsPageQuery, {
    variables: {
      merchantId: view.merchantId,
      first: PAGE_SIZE,
      after: view.after,
      filter: ledgerFilterOf(view),
      sort: { field: view.sortField, direction: view.sortDirection },
      locale,
    },
    skip: needsStore,
    notifyOnNetworkStatusChange: true,
  });
  const payouts = useQuery(FundsPagePayoutsQuery, {
    variables: {
      merchantId: view.merchantId,
      first: PAYOUTS_PAGE_SIZE,
      after: payoutsView.after,
      filter: payoutsFilterOf(payoutsView),
      sort: { field: payoutsView.sortField, direction: payoutsView.sortDirection },
      locale,
    },
    skip: needsStore,
    notifyOnNetworkStatusChange: true,
  });

  const go = (next: LedgerView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(keepPayoutsParams(ledgerViewParams(next), params));
  };
  const goPayouts = (next: PayoutsView, keepPages = false) => {
    if (!keepPages) setPayoutsPrevious([]);
    setParams(payoutsViewParams(next, params));
  };

  const funds = data?.merchantFunds;
  const title = funds && isAdmin ? t('funds.titleFor', { name: funds.merchant.name }) : t('funds.title');
  const back = isAdmin && <Link to={paths.settlements.getHref()}>{t('funds.backToSettlements')}</Link>;

  let body: React.ReactNode;
  if (needsStore) {
    body = (
      <StatusPanel
        title={t('funds.chooseStoreTitle')}
        actions={<Link to={paths.settlements.getHref()}>{t('funds.toSettlements')}</Link>}
      >
        <p>{t('funds.chooseStoreBody')}</p>
      </StatusPanel>
    );
  } else if (error) {
    body = (
      <StatusPanel
        tone="error"
        title={t('errors.title')}
        actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
      >
        <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
      </StatusPanel>
    );
  } else if (!data && loading) {
    body = <LoadingState label={t('funds.loading')} />;
  } else if (!funds) {
    body = (
      <StatusPanel title={t('funds.notFoundTitle')}>
        <p>{t('funds.notFoundBody')}</p>
      </StatusPanel>
    );
  } else {
    const payoutPage = payouts.data?.merchantFunds?.payouts;
    body = (
      <>
        <FundsBalances funds={funds} />
        {!funds.settleable && <Alert tone="info">{t('funds.notSettleable')}</Alert>}
        <section className="funds-section" aria-labelledby="funds-ledger-title">
          <h2 id="funds-ledger-title">{t('funds.ledger.title')}</h2>
          <p className="funds-muted">{t('funds.ledger.intro')}</p>
          <LedgerTable
            ledger={funds.ledgerEntries}
            view={view}
            loading={loading}
            canGoBack={previous.length > 0}
            onView={(next) => go(next)}
            onNext={(cursor) => {
              setPrevious((p) => [...p, view.after]);
              go({ ...view, after: cursor }, true);
            }}
            onPrevious={() => {
              const before = previous.at(-1) ?? null;
              setPrevious((p) => p.slice(0, -1));
              go({ ...view, after: before }, true);
            }}
          />
        </section>
        <section className="funds-section" aria-labelledby="funds-payouts-title">
          <h2 id="funds-payouts-title">{t('funds.payouts.title')}</h2>
          {payouts.error ? (
            <Alert tone="error">{t('errors.unexpected')}</Alert>
          ) : !payoutPage ? (
            <LoadingState label={t('funds.loading')} />
          ) : (
            <PayoutsTable
              page={payoutPage}
              showStore={false}
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
      </>
    );
  }

  return (
    <div className="funds-page">
      <title>{`${title} · ${t('app.name')}`}</title>
      <header className="funds-page__header">
        {back}
        <h1>{title}</h1>
        <p className="funds-muted">{t('funds.intro')}</p>
      </header>
      {body}
    </div>
  );
}

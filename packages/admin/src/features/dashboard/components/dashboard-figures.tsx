import { useQuery } from '@apollo/client/react';
import { lazy, type ReactNode, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/status-panel';
import { graphql } from '../../../gql/gql';
import type { Locale, UserRole } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import { dashboardViewParams, type DashboardView, ordersHref, parseDashboardView } from '../lib/figures';
import './dashboard-figures.css';

// recharts is large: the charts load in their own chunk, after the figures.
const DashboardCharts = lazy(async () => ({ default: (await import('./dashboard-charts')).DashboardCharts }));

const DashboardFiguresQuery = graphql(`
  query DashboardFigures_DashboardQuery($merchantId: ID, $locale: Locale, $topBy: TopProductsOrder) {
    staffDashboard(merchantId: $merchantId) {
      days
      timeZone
      from
      currencyCode
      merchant {
        id
      }
      salesTotal {
        amount
        currencyCode
      }
      salesByDay {
        date
        orders
        sales {
          amount
          currencyCode
          minorUnits
        }
      }
      ordersByStatus {
        status
        count
        ordersFilter {
          status
          merchantId
          createdFrom
          cancellationRequestStatus
        }
      }
      topProducts(by: $topBy, limit: 5, locale: $locale) {
        handle
        title
        unitsSold
        revenue {
          amount
          currencyCode
          minorUnits
        }
      }
      pendingShipments {
        count
        oldestAt
        ordersFilter {
          status
          merchantId
          createdFrom
          cancellationRequestStatus
        }
      }
      openCancellationRequests {
        count
        oldestAt
        ordersFilter {
          status
          merchantId
          createdFrom
          cancellationRequestStatus
        }
      }
    }
  }
`);

const DashboardFiguresMerchantsQuery = graphql(`
  query DashboardFigures_MerchantsQuery {
    staffMerchants(first: 100, sort: { field: NAME, direction: ASC }) {
      nodes {
        id
        nameEn
        nameZh
      }
    }
  }
`);

const apiLocale = (language: string): Locale => (language === 'zh-TW' ? 'ZH_TW' : 'EN');

/**
 * The dashboard's figures: work waiting for staff (orders to ship, cancellation requests) and the
 * charts. Merchant staff see their store; platform staff see every store or one (kept in the URL).
 */
export function DashboardFigures({ role }: { role: UserRole }) {
  const { t, i18n } = useTranslation();
  const locale = apiLocale(i18n.language);
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseDashboardView(params), [params]);
  const platform = role === 'ADMIN' || role === 'CUSTOMER_SERVICE';
  const headingId = useId();
  const merchantSelectId = useId();

  const { data, previousData, loading, error, refetch } = useQuery(DashboardFiguresQuery, {
    variables: { merchantId: platform ? view.merchantId : null, locale, topBy: view.topBy },
  });
  const merchants = useQuery(DashboardFiguresMerchantsQuery, { skip: !platform });
  const go = (next: DashboardView) => setParams(dashboardViewParams(next), { replace: true });

  // While another store or ranking loads, the previous figures stay (marked busy) instead of a spinner.
  const dashboard = (data ?? previousData)?.staffDashboard;
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  let body: ReactNode;
  if (error) {
    const summary = summarizeError(error);
    body = (
      <div className="dashboard-figures__error">
        <Alert tone="error">
          <p>{summary.kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
          {summary.requestId && <p>{t('errors.reference', { id: summary.requestId })}</p>}
        </Alert>
        <Button onClick={() => void refetch()}>{t('errors.retry')}</Button>
      </div>
    );
  } else if (!data && !previousData) {
    body = <LoadingState label={t('insights.dashboard.loading')} />;
  } else if (!dashboard) {
    body = (
      <Alert tone="info">
        <strong>{t('insights.dashboard.storeNotFoundTitle')}</strong>{' '}
        {t('insights.dashboard.storeNotFoundBody')}
      </Alert>
    );
  } else {
    const pending = dashboard.pendingShipments;
    const cancellations = dashboard.openCancellationRequests;
    body = (
      <div className="dashboard-figures__body" aria-busy={loading || undefined}>
        <p className="dashboard-figures__period">
          {t('insights.dashboard.period', { days: dashboard.days, timeZone: dashboard.timeZone })}
        </p>
        <section aria-labelledby={`${headingId}-actions`}>
          <h3 id={`${headingId}-actions`} className="dashboard-figures__subheading">
            {t('insights.dashboard.actionsTitle')}
          </h3>
          <ul className="dashboard-actions">
            <li>
              <Link
                className={`action-card${pending.count > 0 ? ' action-card--due' : ''}`}
                to={ordersHref(pending.ordersFilter, dashboard.timeZone)}
                data-testid="dashboard-pending-shipments"
                data-count={pending.count}
              >
                <span className="action-card__title">
                  {t('insights.dashboard.pending.title', { count: pending.count })}
                </span>
                <span className="action-card__detail">
                  {pending.oldestAt
                    ? t('insights.dashboard.pending.oldest', {
                        date: dateTime.format(new Date(pending.oldestAt)),
                      })
                    : t('insights.dashboard.pending.none')}
                </span>
                <span className="action-card__link">{t('insights.dashboard.openOrders')}</span>
              </Link>
            </li>
            <li>
              <Link
                className={`action-card${cancellations.count > 0 ? ' action-card--due' : ''}`}
                to={ordersHref(cancellations.ordersFilter, dashboard.timeZone)}
                data-testid="dashboard-cancellation-requests"
                data-count={cancellations.count}
              >
                <span className="action-card__title">
                  {t('insights.dashboard.cancellations.title', { count: cancellations.count })}
                </span>
                <span className="action-card__detail">
                  {cancellations.oldestAt
                    ? t('insights.dashboard.cancellations.oldest', {
                        date: dateTime.format(new Date(cancellations.oldestAt)),
                      })
                    : t('insights.dashboard.cancellations.none')}
                </span>
                <span className="action-card__link">{t('insights.dashboard.openOrders')}</span>
              </Link>
            </li>
          </ul>
        </section>
        <Suspense fallback={<LoadingState label={t('insights.dashboard.chartsLoading')} />}>
          <DashboardCharts
            dashboard={dashboard}
            topBy={view.topBy}
            onTopByChange={(topBy) => go({ ...view, topBy })}
          />
        </Suspense>
      </div>
    );
  }

  return (
    <section className="dashboard-figures" aria-labelledby={headingId}>
      <div className="dashboard-figures__header">
        <h2 id={headingId} className="dashboard-page__heading">
          {t('insights.dashboard.figuresTitle')}
        </h2>
        {platform && (
          <div className="ui-field dashboard-figures__merchant">
            <label className="ui-field__label" htmlFor={merchantSelectId}>
              {t('insights.dashboard.merchant')}
            </label>
            <select
              id={merchantSelectId}
              name="merchant"
              className="ui-field__input"
              value={view.merchantId ?? ''}
              onChange={(e) => go({ ...view, merchantId: e.target.value || null })}
            >
              <option value="">{t('insights.dashboard.allMerchants')}</option>
              {merchants.data?.staffMerchants.nodes.map((m) => (
                <option key={m.id} value={m.id}>
                  {locale === 'ZH_TW' ? m.nameZh : m.nameEn}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {body}
    </section>
  );
}

import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardFigures_DashboardQueryQuery, TopProductsOrder } from '../../../gql/graphql';
import { formatDay, formatMoney, ordersHref } from '../lib/figures';

type Dashboard = NonNullable<DashboardFigures_DashboardQueryQuery['staffDashboard']>;

const PRIMARY = '#1f5fbf';
const AXIS = '#55606d';
const GRID = '#dde1e6';
const STATUS_COLORS: Record<string, string> = {
  AWAITING_PAYMENT: '#9aa3ae',
  AWAITING_SHIPMENT: '#f2a900',
  SHIPPED: '#1f5fbf',
  COMPLETED: '#2e7d32',
  CLOSED: '#55606d',
  FAILED: '#c0392b',
};

/** A chart with its title and description; the drawing is hidden from screen readers, which get `table`. */
function ChartFigure({
  testId,
  title,
  description,
  actions,
  empty,
  chart,
  table,
}: {
  testId: string;
  title: string;
  description: string;
  actions?: ReactNode;
  empty: string | null;
  chart: ReactNode;
  table: ReactNode;
}) {
  const id = useId();
  return (
    <figure
      className="chart-card"
      data-testid={testId}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <figcaption className="chart-card__caption">
        <h3 id={`${id}-title`} className="chart-card__title">
          {title}
        </h3>
        <p id={`${id}-desc`} className="chart-card__description">
          {description}
        </p>
        {actions}
      </figcaption>
      {empty ? (
        <p className="chart-card__empty">{empty}</p>
      ) : (
        <div className="chart-card__plot" aria-hidden="true">
          {chart}
        </div>
      )}
      {table}
    </figure>
  );
}

/** The dashboard's charts (recharts; loaded lazily so the library stays out of the main chunk). */
export function DashboardCharts({
  dashboard,
  topBy,
  onTopByChange,
}: {
  dashboard: Dashboard;
  topBy: TopProductsOrder;
  onTopByChange: (by: TopProductsOrder) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rankId = useId();
  const currency = dashboard.currencyCode;
  const money = (amount: number | string, compact = false) =>
    formatMoney({ amount: String(amount), currencyCode: currency }, language, compact);

  const sales = dashboard.salesByDay.map((d) => ({
    date: d.date,
    label: formatDay(d.date, language),
    value: Number(d.sales.amount),
    orders: d.orders,
    text: formatMoney(d.sales, language),
  }));
  const hasSales = dashboard.salesByDay.some((d) => d.sales.minorUnits > 0);
  const statuses = dashboard.ordersByStatus.map((s) => ({
    status: s.status,
    label: t(`orders.status.${s.status}`),
    count: s.count,
    href: ordersHref(s.ordersFilter, dashboard.timeZone),
  }));
  const hasOrders = statuses.some((s) => s.count > 0);
  const top = dashboard.topProducts.map((p) => ({
    handle: p.handle,
    title: p.title,
    units: p.unitsSold,
    revenue: Number(p.revenue.amount),
    revenueText: formatMoney(p.revenue, language),
  }));

  return (
    <div className="dashboard-charts">
      <ChartFigure
        testId="dashboard-sales-chart"
        title={t('insights.dashboard.sales.title')}
        description={t('insights.dashboard.sales.description', {
          days: dashboard.days,
          total: formatMoney(dashboard.salesTotal, language),
        })}
        empty={hasSales ? null : t('insights.dashboard.sales.empty')}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={sales} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" stroke={AXIS} fontSize={12} minTickGap={16} />
              <YAxis
                stroke={AXIS}
                fontSize={12}
                width={64}
                tickFormatter={(v: number) => money(v, true)}
                allowDecimals={false}
              />
              <Tooltip
                formatter={(v) => [money(Number(v)), t('insights.dashboard.sales.amount')]}
                labelFormatter={(_, payload) =>
                  payload?.[0] ? formatDay(String(payload[0].payload.date), language, 'long') : ''
                }
              />
              <Bar dataKey="value" fill={PRIMARY} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <table className="visually-hidden">
            <caption>{t('insights.dashboard.sales.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.dashboard.sales.day')}</th>
                <th scope="col">{t('insights.dashboard.sales.amount')}</th>
                <th scope="col">{t('insights.dashboard.sales.orders')}</th>
              </tr>
            </thead>
            <tbody>
              {sales.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatDay(d.date, language, 'long')}</th>
                  <td>{d.text}</td>
                  <td>{d.orders}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <ChartFigure
        testId="dashboard-status-chart"
        title={t('insights.dashboard.status.title')}
        description={t('insights.dashboard.status.description', { days: dashboard.days })}
        empty={hasOrders ? null : t('insights.dashboard.status.empty')}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={statuses} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="label"
                stroke={AXIS}
                fontSize={11}
                interval={0}
                angle={-30}
                textAnchor="end"
                height={64}
              />
              <YAxis stroke={AXIS} fontSize={12} allowDecimals={false} width={40} />
              <Tooltip formatter={(v) => [String(v), t('insights.dashboard.status.count')]} />
              <Bar dataKey="count" isAnimationActive={false} fill={PRIMARY}>
                {statuses.map((s) => (
                  <Cell key={s.status} fill={STATUS_COLORS[s.status] ?? PRIMARY} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          // Visible: each status with its number links to those orders.
          <ul className="status-legend">
            {statuses.map((s) => (
              <li key={s.status}>
                <Link
                  to={s.href}
                  className="status-legend__item"
                  data-status={s.status}
                  aria-label={`${s.label}: ${s.count} · ${t('insights.dashboard.status.link')}`}
                >
                  <span
                    className="status-legend__swatch"
                    style={{ background: STATUS_COLORS[s.status] ?? PRIMARY }}
                  />
                  <span>{s.label}</span>
                  <strong>{s.count}</strong>
                </Link>
              </li>
            ))}
          </ul>
        }
      />

      <ChartFigure
        testId="dashboard-top-products"
        title={t('insights.dashboard.top.title')}
        description={t('insights.dashboard.top.description', { days: dashboard.days })}
        actions={
          <div className="ui-field chart-card__control">
            <label className="ui-field__label" htmlFor={rankId}>
              {t('insights.dashboard.top.rankBy')}
            </label>
            <select
              id={rankId}
              name="topBy"
              className="ui-field__input"
              value={topBy}
              onChange={(e) => onTopByChange(e.target.value === 'REVENUE' ? 'REVENUE' : 'UNITS')}
            >
              <option value="UNITS">{t('insights.dashboard.top.byUnits')}</option>
              <option value="REVENUE">{t('insights.dashboard.top.byRevenue')}</option>
            </select>
          </div>
        }
        empty={top.length > 0 ? null : t('insights.dashboard.top.empty')}
        chart={
          <ResponsiveContainer width="100%" height={Math.max(120, top.length * 44)}>
            <BarChart data={top} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={GRID} strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                stroke={AXIS}
                fontSize={12}
                allowDecimals={false}
                tickFormatter={(v: number) => (topBy === 'REVENUE' ? money(v, true) : String(v))}
              />
              <YAxis type="category" dataKey="title" stroke={AXIS} fontSize={12} width={150} />
              <Tooltip
                formatter={(v) =>
                  topBy === 'REVENUE'
                    ? [money(Number(v)), t('insights.dashboard.top.revenue')]
                    : [String(v), t('insights.dashboard.top.units')]
                }
              />
              <Bar
                dataKey={topBy === 'REVENUE' ? 'revenue' : 'units'}
                fill={PRIMARY}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          top.length > 0 && (
            <table className="top-products-table">
              <thead>
                <tr>
                  <th scope="col">{t('insights.dashboard.top.product')}</th>
                  <th scope="col">{t('insights.dashboard.top.units')}</th>
                  <th scope="col">{t('insights.dashboard.top.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {top.map((p) => (
                  <tr key={p.handle} data-testid="dashboard-top-product">
                    <th scope="row">{p.title}</th>
                    <td>{p.units}</td>
                    <td>{p.revenueText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      />
    </div>
  );
}

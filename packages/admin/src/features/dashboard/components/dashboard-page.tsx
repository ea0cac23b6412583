import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { paths } from '../../../app/paths';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { graphql } from '../../../gql/gql';
import { summarizeError } from '../../../lib/errors';
import { navigationForRole } from '../lib/navigation';
import { DashboardFigures } from './dashboard-figures';
import './dashboard.css';

const DashboardPageViewerQuery = graphql(`
  query DashboardPage_ViewerQuery {
    viewer {
      id
      displayName
      role
    }
  }
`);

/** The landing page of the management center: who is signed in, their figures and charts, their areas. */
export function DashboardPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(DashboardPageViewerQuery);
  const title = `${t('nav.sections.dashboard')} · ${t('app.name')}`;

  if (error) {
    const summary = summarizeError(error);
    return (
      <StatusPanel
        tone="error"
        title={t('errors.title')}
        actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
      >
        <p>{summary.kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        {summary.requestId && <p>{t('errors.reference', { id: summary.requestId })}</p>}
      </StatusPanel>
    );
  }
  if (loading || !data) return <LoadingState label={t('app.loading')} />;
  if (!data.viewer) {
    // The session ended since the page was opened.
    return <Navigate to={paths.auth.login.getHref(`${location.pathname}${location.search}`)} replace />;
  }

  const { displayName, role } = data.viewer;
  const areas = navigationForRole(role).filter((item) => item.section !== 'dashboard');

  return (
    <div className="dashboard-page">
      <title>{title}</title>
      <div className="dashboard-page__intro">
        <h1 className="dashboard-page__greeting">{t('dashboard.greeting', { name: displayName })}</h1>
        <p className="dashboard-page__role" data-testid="viewer-role">
          {t('dashboard.signedInAs', { role: t(`roles.${role}`) })}
        </p>
      </div>
      <DashboardFigures role={role} />
      <section aria-labelledby="dashboard-areas">
        <h2 id="dashboard-areas" className="dashboard-page__heading">
          {t('dashboard.yourAreas')}
        </h2>
        <ul className="dashboard-page__areas">
          {areas.map((item) => (
            <li key={item.section}>
              <Link className="area-card" to={item.href}>
                <span className="area-card__name">{t(`nav.sections.${item.section}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

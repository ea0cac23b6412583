import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button } from '../../components/ui/button';
import { LoadingState, StatusPanel } from '../../components/ui/status-panel';
import { summarizeError } from '../../lib/errors';
import { paths } from '../paths';

/** Shown while the first route (its code and its loader) loads. */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-state">
      <LoadingState label={t('app.loading')} />
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page-state">
      <title>{`${t('errors.notFoundTitle')} · ${t('app.name')}`}</title>
      <StatusPanel
        title={t('errors.notFoundTitle')}
        actions={
          <Link className="ui-button ui-button--primary" to={paths.home.getHref()}>
            {t('errors.home')}
          </Link>
        }
      >
        <p>{t('errors.notFoundBody')}</p>
      </StatusPanel>
    </div>
  );
}

/** Errors of loaders, of loading a route's code and of rendering. */
export function RouteErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;

  const summary = summarizeError(error);
  return (
    <div className="page-state">
      <title>{`${t('errors.title')} · ${t('app.name')}`}</title>
      <StatusPanel
        tone="error"
        title={t('errors.title')}
        // A full reload also recovers from code split chunks that disappeared with a new deployment.
        actions={<Button onClick={() => window.location.reload()}>{t('errors.retry')}</Button>}
      >
        <p>{summary.kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        {summary.requestId && <p>{t('errors.reference', { id: summary.requestId })}</p>}
      </StatusPanel>
    </div>
  );
}

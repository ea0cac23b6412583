import { useTranslation } from 'react-i18next';
import { Link, useMatches } from 'react-router';
import { paths } from '../../../app/paths';
import { StatusPanel } from '../../../components/ui/status-panel';
import { useDashboardContext } from '../lib/dashboard-context';
import { canOpenSection, isSectionRouteHandle } from '../lib/navigation';
import './dashboard.css';

/**
 * Placeholder of an area that is not built yet (the route's `handle` names it); roles without the area
 * are told it is not theirs.
 */
export function SectionPage() {
  const { t } = useTranslation();
  const { role } = useDashboardContext();
  const handle = useMatches().findLast((match) => isSectionRouteHandle(match.handle))?.handle;
  if (!isSectionRouteHandle(handle)) throw new Error('SectionPage needs a route handle naming its section');

  const name = t(`nav.sections.${handle.section}`);
  const back = (
    <Link className="ui-button ui-button--secondary" to={paths.home.getHref()}>
      {t('section.backToDashboard')}
    </Link>
  );

  if (!canOpenSection(role, handle.section)) {
    return (
      <>
        <title>{`${t('section.forbiddenTitle')} · ${t('app.name')}`}</title>
        <StatusPanel tone="error" title={t('section.forbiddenTitle')} actions={back}>
          <p>{t('section.forbiddenBody')}</p>
        </StatusPanel>
      </>
    );
  }

  return (
    <>
      <title>{`${name} · ${t('app.name')}`}</title>
      <StatusPanel title={name} actions={back}>
        <p>
          <span className="coming-soon-badge">{t('section.comingSoonTitle')}</span>
        </p>
        <p>{t('section.comingSoonBody')}</p>
      </StatusPanel>
    </>
  );
}

import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, Navigate, redirect, useLocation } from 'react-router';
import { LoadingState } from '../../components/ui/status-panel';
import { LogoutButton } from '../../features/auth/components/logout-button';
import { LogoutEverywhereButton } from '../../features/auth/components/logout-everywhere-button';
import { isStaffRole } from '../../features/auth/lib/staff';
import { DashboardLayout } from '../../features/dashboard/components/dashboard-layout';
import { LanguageSwitch } from '../../features/i18n/components/language-switch';
import { StandingBanner } from '../../features/standing/components/standing-banner';
import { NavUnreadBadge } from '../../features/messages/components/nav-unread-badge';
import { graphql } from '../../gql/gql';
import { paths } from '../paths';
import { apolloClientContext } from '../router-context';

const AppLayoutViewerQuery = graphql(`
  query AppLayout_ViewerQuery {
    viewer {
      id
      role
      ...DashboardLayout_ViewerFragment
    }
  }
`);

const loginHref = (url: { pathname: string; search: string }) =>
  paths.auth.login.getHref(`${url.pathname}${url.search}`);

/**
 * The auth guard: signed-out visitors (and shoppers) go to the login page, which brings them back here.
 * The answer is cached, so moving between pages does not ask again; signing in or out clears the cache.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const client = context.get(apolloClientContext);
  const { data } = await client.query({ query: AppLayoutViewerQuery });
  const viewer = data?.viewer;
  if (!viewer || !isStaffRole(viewer.role)) throw redirect(loginHref(new URL(request.url)));
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const location = useLocation();
  // Answered from the cache the loader has just filled.
  const { data, error } = useQuery(AppLayoutViewerQuery);

  if (error) throw error;
  if (!data) return <LoadingState label={t('app.loading')} />;
  if (!data.viewer || !isStaffRole(data.viewer.role)) return <Navigate to={loginHref(location)} replace />;

  return (
    <DashboardLayout
      viewer={data.viewer}
      banner={<StandingBanner />}
      navBadges={{ messages: <NavUnreadBadge /> }}
      actions={
        <>
          <LanguageSwitch />
          <LogoutButton />
          <LogoutEverywhereButton />
        </>
      }
    />
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Navigate, NavLink, useLocation } from 'react-router';
import { paths } from '../../../app/paths.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { ErrorState } from '../../../components/ui/states.js';
import { useViewer } from '../use-viewer.js';
import './account-layout.css';

/** Renders its children for a signed-in account; a guest is sent to sign in and brought back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();
  if (loading) return <LoadingState />;
  if (error) return <ErrorState onRetry={() => void refetch()} />;
  if (!viewer)
    return <Navigate to={paths.signIn.getHref(`${location.pathname}${location.search}`)} replace />;
  return children;
}

/** The account area: a heading, the section navigation and the section. */
export function AccountLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const links = [
    { to: paths.account.getHref(), label: t('accounts.nav.profile'), end: true },
    { to: paths.addresses.getHref(), label: t('accounts.nav.addresses'), end: false },
    { to: paths.changePassword.getHref(), label: t('accounts.nav.password'), end: false },
    { to: paths.orders.getHref(), label: t('accounts.nav.orders'), end: false },
    { to: paths.payments.getHref(), label: t('payments.menu.history'), end: false },
  ];
  return (
    <RequireSignIn>
      <div className="page account-layout">
        <PageTitle title={title} />
        <nav className="account-nav" aria-label={t('accounts.nav.label')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end} className="account-nav__link">
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account-layout__main">
          <h1>{title}</h1>
          {children}
        </div>
      </div>
    </RequireSignIn>
  );
}

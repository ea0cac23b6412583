import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isRouteErrorResponse,
  Link,
  Outlet,
  ScrollRestoration,
  useLocation,
  useRouteError,
} from 'react-router';
import { Button } from '../../components/ui/button.js';
import { Layout } from '../../components/ui/layout.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { LoadingState } from '../../components/ui/spinner.js';
import { ErrorState } from '../../components/ui/states.js';
import { AccountLocaleSync } from '../../features/accounts/components/account-locale-sync.js';
import { AccountMenu } from '../../features/accounts/components/account-menu.js';
import { VerifyEmailBanner } from '../../features/accounts/components/verify-email-banner.js';
import { CartLink } from '../../features/cart/components/cart-link.js';
import { SearchForm } from '../../features/catalog/components/search-form.js';
import { LanguageSwitch } from '../../features/i18n/components/language-switch.js';
import { MessagesLink } from '../../features/messages/components/unread-badge.js';
import { StandingBanner } from '../../features/standing/components/standing-banner.js';
import { paths } from '../paths.js';
import { NotFound } from './not-found.js';
import './root.css';

function Brand() {
  const { t } = useTranslation();
  return (
    <Link to={paths.home.getHref()} className="brand" aria-label={t('app.homeLink')}>
      <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M8 12h16l-1.6 11.2a2 2 0 0 1-2 1.8h-8.8a2 2 0 0 1-2-1.8z" fill="#fff" />
        <path d="M12 12V10a4 4 0 0 1 8 0v2" fill="none" stroke="#fff" strokeWidth="2" />
      </svg>
      <span className="brand__name">{t('app.name')}</span>
    </Link>
  );
}

/** Moves focus to the page after client-side navigation, as a full page load would. */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}

function FooterLinks() {
  const { t } = useTranslation();
  return (
    <Link to={paths.help.getHref()} data-testid="help-link">
      {t('help.link')}
    </Link>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <Layout
      brand={<Brand />}
      search={<SearchForm />}
      actions={
        <>
          <LanguageSwitch />
          <CartLink />
          <MessagesLink />
          <AccountMenu />
        </>
      }
      footerLinks={<FooterLinks />}
    >
      {children}
    </Layout>
  );
}

export function RootLayout() {
  useFocusMainOnNavigate();
  return (
    <Frame>
      <AccountLocaleSync />
      <VerifyEmailBanner />
      <StandingBanner />
      <Outlet />
      <ScrollRestoration />
    </Frame>
  );
}

/** Shown while the first page's code loads. */
export function RootHydrateFallback() {
  return <LoadingState />;
}

function ErrorContent() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <>
      <PageTitle title={t('common.errorTitle')} />
      {/* A failed page chunk after a deploy is fixed by loading the new version. */}
      <ErrorState>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      </ErrorState>
    </>
  );
}

export function RouteErrorBoundary() {
  return <ErrorContent />;
}

/** Last resort when the layout itself fails: no header parts that might fail again. */
export function RootErrorBoundary() {
  return (
    <main className="root-error">
      <ErrorContent />
    </main>
  );
}

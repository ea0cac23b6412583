import { Component, type ErrorInfo, type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from '../../lib/i18n/react.js';
import { Link, Outlet, useLocation, useNavigationType } from 'react-router';
import { Button } from '../../components/ui/button.js';
import { Layout } from '../../components/ui/layout.js';
import { PageTitle } from '../../components/ui/page-title.js';
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

/**
 * Scrolls to `top` as soon as the page is tall enough (its data may still be rendering), giving up
 * after a second or when the shopper scrolls themselves. Returns a cancel function.
 */
function restoreScroll(top: number): () => void {
  let frame = 0;
  const started = performance.now();
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of ['wheel', 'touchstart', 'keydown'] as const) window.removeEventListener(type, stop);
  };
  const attempt = () => {
    window.scrollTo(0, top);
    if (Math.abs(window.scrollY - top) < 2 || performance.now() - started > 1000) stop();
    else frame = requestAnimationFrame(attempt);
  };
  for (const type of ['wheel', 'touchstart', 'keydown'] as const)
    window.addEventListener(type, stop, { passive: true });
  attempt();
  return stop;
}

/**
 * Scroll like full page loads would: a new page starts at the top, back/forward returns to where
 * the shopper was. Changing only the query (filters, paging) keeps the position.
 */
function useScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const positions = useRef(new Map<string, number>());
  const previous = useRef(location);
  // Where the page was last scrolled to: read when leaving it, after the next page may have
  // already shortened the document (and so clamped window.scrollY).
  const lastScrollY = useRef(0);
  const cancelRestore = useRef(() => {});
  useEffect(() => {
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
    const onScroll = () => {
      lastScrollY.current = window.scrollY;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    const before = previous.current;
    if (before.key === location.key) return;
    cancelRestore.current();
    positions.current.set(before.key, lastScrollY.current);
    previous.current = location;
    if (navigationType === 'POP') {
      cancelRestore.current = restoreScroll(positions.current.get(location.key) ?? 0);
    } else if (location.hash) {
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    } else if (before.pathname !== location.pathname) {
      window.scrollTo(0, 0);
    }
  }, [location, navigationType]);
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
  useScrollRestoration();
  return (
    <Frame>
      <AccountLocaleSync />
      <VerifyEmailBanner />
      <StandingBanner />
      <Outlet />
    </Frame>
  );
}

/**
 * Catches render errors below it and shows `fallback` instead (React has no hook for this). A new
 * `resetKey` (e.g. the next page's path) tries the children again, without remounting them when
 * nothing failed: a page that stays mounted across paths keeps its state.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; fallback: ReactNode; resetKey?: string },
  { failed: boolean; failedAt: string | undefined }
> {
  override state = { failed: false, failedAt: undefined as string | undefined };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: { resetKey?: string },
    state: { failed: boolean; failedAt: string | undefined },
  ) {
    if (!state.failed) return { failedAt: props.resetKey };
    return state.failedAt === props.resetKey ? null : { failed: false, failedAt: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function ErrorContent() {
  const { t } = useTranslation();
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

/** A page failed: the error shows inside the layout. */
export function RouteErrorContent() {
  return <ErrorContent />;
}

/** Last resort when the layout itself fails: no header parts that might fail again. */
export function RootErrorContent() {
  return (
    <main className="root-error">
      <ErrorContent />
    </main>
  );
}

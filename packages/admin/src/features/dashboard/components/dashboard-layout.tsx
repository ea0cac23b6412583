import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigation } from 'react-router';
import { paths } from '../../../app/paths';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking';
import { graphql } from '../../../gql/gql';
import type { DashboardContext } from '../lib/dashboard-context';
import { navigationForRole } from '../lib/navigation';
import './dashboard.css';

const DashboardLayoutViewerFragment = graphql(`
  fragment DashboardLayout_ViewerFragment on User {
    displayName
    role
  }
`);

interface DashboardLayoutProps {
  viewer: FragmentType<typeof DashboardLayoutViewerFragment>;
  /** Account controls for the header (language switch, sign out). */
  actions: ReactNode;
  /** Small extras after a section's name in the navigation (e.g. the unread-message count). */
  navBadges?: Partial<Record<string, ReactNode>>;
  /** Shown above every page (the account's sanction banner). */
  banner?: ReactNode;
}

/** The signed-in shell: header, a side navigation for the viewer's role, and the current page. */
export function DashboardLayout({ viewer: viewerRef, actions, navBadges, banner }: DashboardLayoutProps) {
  const viewer = getFragmentData(DashboardLayoutViewerFragment, viewerRef);
  const { t } = useTranslation();
  const navigation = useNavigation();
  const navId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const items = navigationForRole(viewer.role);
  const loading = navigation.state === 'loading';
  const outletContext: DashboardContext = { role: viewer.role };

  // Escape closes the open menu wherever focus is, and puts focus back on the button that opened it.
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  return (
    <div className="shell" data-testid="dashboard">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <button
          ref={menuButton}
          type="button"
          className="ui-button ui-button--ghost shell__menu-button"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="shell__menu-icon" aria-hidden="true" />
          {menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
        </button>
        <Link className="shell__brand" to={paths.home.getHref()}>
          {t('app.name')}
        </Link>
        <div className="shell__account">
          <span className="shell__user">
            <span className="shell__user-name" data-testid="viewer-name">
              {viewer.displayName}
            </span>
            <span className="shell__user-role">{t(`roles.${viewer.role}`)}</span>
          </span>
          {actions}
        </div>
      </header>
      <div className="shell__body">
        <nav id={navId} className="shell__nav" data-open={menuOpen} aria-label={t('nav.label')}>
          <ul className="shell__nav-list">
            {items.map((item) => (
              <li key={item.section}>
                <NavLink
                  to={item.href}
                  end={item.section === 'dashboard'}
                  className="shell__nav-link"
                  onClick={() => setMenuOpen(false)}
                >
                  {t(`nav.sections.${item.section}`)}
                  {navBadges?.[item.section]}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell__main" tabIndex={-1} aria-busy={loading}>
          {loading && <div className="shell__progress" aria-hidden="true" />}
          {banner}
          <Outlet context={outletContext} />
        </main>
      </div>
    </div>
  );
}

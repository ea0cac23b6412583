import type { ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n/react.js';
import './layout.css';

type LayoutProps = {
  /** The home link with the store's name. */
  brand: ReactNode;
  /** The search form; on phones it takes its own row below the brand. */
  search: ReactNode;
  /** Language switch, cart link … */
  actions: ReactNode;
  /** Links in the footer (help center …). */
  footerLinks?: ReactNode;
  children: ReactNode;
};

/**
 * The page frame. It takes its header parts as slots so shared UI does not depend on features;
 * the app composes them.
 */
export function Layout({ brand, search, actions, footerLinks, children }: LayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div className="site-header__brand">{brand}</div>
          <div className="site-header__search">{search}</div>
          <div className="site-header__actions">{actions}</div>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          {footerLinks && <nav className="site-footer__links">{footerLinks}</nav>}
          <p>{t('app.footer')}</p>
          <p className="site-footer__note">{t('app.footerNote')}</p>
        </div>
      </footer>
    </div>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, useLocation } from 'react-router';
import { paths } from '../../../app/paths.js';
import { safeNextPath } from '../safe-next.js';
import { useSignOut } from '../use-session.js';
import { useViewer } from '../use-viewer.js';
import './account-menu.css';

function PersonIcon() {
  return (
    <svg className="account-menu__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M4.5 20a7.5 7.5 0 0 1 15 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * The header's account entry. Signed out: "Sign in" (returning to this page) and "Register".
 * Signed in: the display name opens a disclosure list (Account, My orders, Payments, Addresses, Sign out);
 * Escape, a click elsewhere or a navigation closes it.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const { signOut, loading: signingOut, error } = useSignOut();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on every navigation is the point
  useEffect(() => setOpen(false), [location.pathname, location.search]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (loading)
    return (
      <div className="account-menu account-menu--pending" data-testid="account-menu" aria-hidden="true" />
    );

  if (!viewer) {
    // Come back here after signing in (unless "here" is home or another sign-in page).
    const here = safeNextPath(`${location.pathname}${location.search}`, '/');
    return (
      <div className="account-menu" data-testid="account-menu">
        <Link className="account-menu__link" to={paths.signIn.getHref(here === '/' ? null : here)}>
          <PersonIcon />
          <span className="account-menu__label">{t('accounts.menu.signIn')}</span>
        </Link>
        <Link className="account-menu__link account-menu__link--secondary" to={paths.register.getHref()}>
          {t('accounts.menu.register')}
        </Link>
      </div>
    );
  }

  return (
    <div className="account-menu" data-testid="account-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t('accounts.menu.open', { name: viewer.displayName })}
        onClick={() => setOpen((value) => !value)}
      >
        <PersonIcon />
        <span className="account-menu__name account-menu__label" data-testid="account-name">
          {viewer.displayName}
        </span>
        <svg className="account-menu__chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="m7 10 5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <div id={listId} className="account-menu__panel" hidden={!open}>
        <p className="account-menu__email">{viewer.email}</p>
        <ul className="account-menu__list">
          <li>
            <Link to={paths.account.getHref()}>{t('accounts.menu.account')}</Link>
          </li>
          <li>
            <Link to={paths.orders.getHref()}>{t('accounts.menu.orders')}</Link>
          </li>
          <li>
            <Link to={paths.messages.getHref()} data-testid="account-messages-link">
              {t('messages.headerLink')}
            </Link>
          </li>
          <li>
            <Link to={paths.payments.getHref()} data-testid="payments-link">
              {t('payments.menu.history')}
            </Link>
          </li>
          <li>
            <Link to={paths.addresses.getHref()}>{t('accounts.menu.addresses')}</Link>
          </li>
          <li>
            <button
              type="button"
              className="account-menu__sign-out"
              data-testid="sign-out"
              disabled={signingOut}
              onClick={() => void signOut().catch(() => undefined)}
            >
              {signingOut ? t('accounts.menu.signingOut') : t('accounts.menu.signOut')}
            </button>
          </li>
        </ul>
        {error && (
          <p className="account-menu__error" role="alert">
            {t('accounts.menu.signOutFailed')}
          </p>
        )}
      </div>
    </div>
  );
}

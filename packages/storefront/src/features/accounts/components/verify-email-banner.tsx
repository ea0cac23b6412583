import { lazy, Suspense } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from '../../../lib/i18n/react.js';
import { paths } from '../../../app/paths.js';
import { useViewer } from '../use-viewer.js';
import './verify-email-banner.css';

// Only unconfirmed accounts see the banner: its button (and the account error texts it needs)
// stays out of the entry chunk every visitor downloads.
const ResendVerificationButton = lazy(() =>
  import('./resend-verification-button.js').then((module) => ({ default: module.ResendVerificationButton })),
);

/** Under the header for a signed-in account whose email is not confirmed yet (not on the confirmation page itself). */
export function VerifyEmailBanner() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const { pathname } = useLocation();
  if (!viewer || viewer.emailVerified || pathname === paths.verifyEmail.path) return null;
  return (
    <aside
      className="verify-banner"
      data-testid="verify-email-banner"
      aria-label={t('accounts.verify.title')}
    >
      <p className="verify-banner__text">{t('accounts.verify.banner', { email: viewer.email })}</p>
      <Suspense fallback={null}>
        <ResendVerificationButton email={viewer.email} variant="ghost" />
      </Suspense>
    </aside>
  );
}

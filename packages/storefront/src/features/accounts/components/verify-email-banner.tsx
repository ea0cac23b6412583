import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { paths } from '../../../app/paths.js';
import { useViewer } from '../use-viewer.js';
import { ResendVerificationButton } from './resend-verification-button.js';
import './verify-email-banner.css';

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
      <ResendVerificationButton email={viewer.email} variant="ghost" />
    </aside>
  );
}

import { VerifyEmailPage } from '../../features/accounts/components/verify-email-page.js';

export function Component() {
  return <VerifyEmailPage />;
}

import { ResetPasswordPage } from '../../features/accounts/components/reset-password-page.js';

export function Component() {
  return <ResetPasswordPage />;
}

import { ForgotPasswordPage } from '../../features/accounts/components/forgot-password-page.js';

export function Component() {
  return <ForgotPasswordPage />;
}

import { ChangePasswordPage } from '../../features/accounts/components/change-password-page.js';

export function Component() {
  return <ChangePasswordPage />;
}

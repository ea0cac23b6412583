import { RegisterPage } from '../../features/accounts/components/register-page.js';

export function Component() {
  return <RegisterPage />;
}

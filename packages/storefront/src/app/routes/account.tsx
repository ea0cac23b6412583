import { AccountPage } from '../../features/accounts/components/account-page.js';

export function Component() {
  return <AccountPage />;
}

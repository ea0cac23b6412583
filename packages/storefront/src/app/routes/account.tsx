import { AccountPage } from '../../features/accounts/components/account-page.js';
import { AccountWarnings } from '../../features/warnings/components/account-warnings.js';

export function Component() {
  return (
    <AccountPage>
      <AccountWarnings />
    </AccountPage>
  );
}

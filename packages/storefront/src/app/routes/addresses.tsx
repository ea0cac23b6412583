import { AddressesPage } from '../../features/accounts/components/addresses-page.js';

export function Component() {
  return <AddressesPage />;
}

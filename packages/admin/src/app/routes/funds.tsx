import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { FundsPage } from '../../features/funds/components/funds-page';

/** A store's funds: merchant staff see their own; admins open any store's (`?merchant=`). */
export function Component() {
  const { role } = useDashboardContext();
  return role === 'MERCHANT_STAFF' || role === 'ADMIN' ? <FundsPage role={role} /> : <SectionPage />;
}

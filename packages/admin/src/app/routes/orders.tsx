import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { OrdersPage } from '../../features/orders/components/orders-page';

/** The orders table for roles that have the orders area; others get the shared "no access" page. */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'orders') ? <OrdersPage role={role} /> : <SectionPage />;
}

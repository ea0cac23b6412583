import { useParams } from 'react-router';
import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { OrderDetailPage } from '../../features/orders/components/order-detail-page';

/** One order's page (by its number) for roles that have the orders area. */
export function Component() {
  const { role } = useDashboardContext();
  const { number = '' } = useParams();
  return canOpenSection(role, 'orders') ? (
    <OrderDetailPage key={number} number={number} role={role} />
  ) : (
    <SectionPage />
  );
}

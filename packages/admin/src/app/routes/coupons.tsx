import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { PromotionsPage } from '../../features/coupons/components/promotions-page';

/** Coupons and activities: merchant staff (their store) and admins (platform coupons, oversight). */
export function Component() {
  const { role } = useDashboardContext();
  if (!canOpenSection(role, 'coupons') || (role !== 'MERCHANT_STAFF' && role !== 'ADMIN'))
    return <SectionPage />;
  return <PromotionsPage role={role} />;
}

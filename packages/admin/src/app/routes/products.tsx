import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { SectionPage } from '../../features/dashboard/components/section-page';
import { ProductsPage } from '../../features/products/components/products-page';

/** The catalogue for roles that have it (merchant staff edit; admins look); others get "no access". */
export function Component() {
  const { role } = useDashboardContext();
  if (!canOpenSection(role, 'products')) return <SectionPage />;
  return <ProductsPage canEdit={role === 'MERCHANT_STAFF'} showStores={role === 'ADMIN'} />;
}

import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { SectionPage } from '../../features/dashboard/components/section-page';
import { ProductsPage } from '../../features/products/components/products-page';
import { useRestrictions } from '../../features/standing/components/standing-banner';

/** The catalogue for roles that have it (merchant staff edit; admins look); others get "no access". */
export function Component() {
  const { role } = useDashboardContext();
  // A frozen store's staff see the catalogue read-only (the API refuses changes anyway).
  const restrictions = useRestrictions();
  if (!canOpenSection(role, 'products')) return <SectionPage />;
  return (
    <ProductsPage
      canEdit={role === 'MERCHANT_STAFF' && !restrictions.has('LISTING_EDIT')}
      showStores={role === 'ADMIN'}
    />
  );
}

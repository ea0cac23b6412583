import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { MerchantsPage } from '../../features/platform/components/merchants-page';

/** Every store (admins create, edit, disable); others get "no access". */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'merchants') ? <MerchantsPage canCreate={role === 'ADMIN'} /> : <SectionPage />;
}

import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { PenaltiesPage } from '../../features/penalties/components/penalties-page';

/** Violations for platform staff (admins also freeze and lift); others get the shared "no access" page. */
export function Component() {
  const { role } = useDashboardContext();
  return role === 'ADMIN' || role === 'CUSTOMER_SERVICE' ? (
    <PenaltiesPage canFreeze={role === 'ADMIN'} />
  ) : (
    <SectionPage />
  );
}

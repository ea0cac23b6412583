import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { UsersPage } from '../../features/platform/components/users-page';

/** Every account (admins); others get the shared "no access" page (the API refuses them too). */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'users') ? <UsersPage /> : <SectionPage />;
}

import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { SettlementsPage } from '../../features/funds/components/settlements-page';

/** Settlements are platform admins' work; other roles get the shared "no access" page. */
export function Component() {
  const { role } = useDashboardContext();
  return role === 'ADMIN' ? <SettlementsPage /> : <SectionPage />;
}

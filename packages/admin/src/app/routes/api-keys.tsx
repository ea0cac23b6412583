import { ApiKeysPage } from '../../features/api-keys/components/api-keys-page';
import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';

/** API keys for merchant staff (their store) and admins (all); others get the shared "no access" page. */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'apiKeys') ? <ApiKeysPage /> : <SectionPage />;
}

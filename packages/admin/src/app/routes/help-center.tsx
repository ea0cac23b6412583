import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { HelpCenterPage } from '../../features/platform/components/help-center-page';

/** The help-center editor (admins). */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'helpCenter') ? <HelpCenterPage /> : <SectionPage />;
}

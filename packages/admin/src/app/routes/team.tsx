import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { TeamPage } from '../../features/platform/components/team-page';

/** A store's team (merchant staff; the owner manages it). */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'team') ? <TeamPage /> : <SectionPage />;
}

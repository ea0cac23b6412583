import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { MessagesPage } from '../../features/messages/components/messages-page';

/** The messages inbox (platform staff: the platform's; merchant staff: their store's); others get "no access". */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'messages') ? <MessagesPage role={role} /> : <SectionPage />;
}

import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { WebhooksPage } from '../../features/webhooks/components/webhooks-page';

/** Webhooks for merchant staff (their store) and admins (platform-wide); others get the shared "no access" page. */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'webhooks') ? <WebhooksPage /> : <SectionPage />;
}

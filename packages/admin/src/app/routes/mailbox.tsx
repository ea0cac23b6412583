import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { SectionPage } from '../../features/dashboard/components/section-page';
import { MailboxPage } from '../../features/mailbox/components/mailbox-page';

/** The mailbox for roles that have it; others get the shared "no access" page. */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'mailbox') ? <MailboxPage /> : <SectionPage />;
}

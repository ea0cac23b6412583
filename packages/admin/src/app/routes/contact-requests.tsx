import { ContactRequestsPage } from '../../features/contact-requests/components/contact-requests-page';
import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';

/** The contact-form inbox for customer service and admins; others get the shared "no access" page. */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'contactRequests') ? <ContactRequestsPage /> : <SectionPage />;
}

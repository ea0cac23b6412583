import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { ClaimsPage } from '../../features/safe-freeze/components/claims-page';

/** Claims (penalties section): admins file and decide them, customer service reads them. */
export function Component() {
  const { role } = useDashboardContext();
  if (!canOpenSection(role, 'penalties') || (role !== 'ADMIN' && role !== 'CUSTOMER_SERVICE'))
    return <SectionPage />;
  return <ClaimsPage canManage={role === 'ADMIN'} />;
}

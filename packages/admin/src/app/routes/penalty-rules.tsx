import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { PenaltyRulesPage } from '../../features/penalties/components/penalty-rules-page';

/** The penalty rule list (penalties section): platform staff read it, admins edit it. */
export function Component() {
  const { role } = useDashboardContext();
  return role === 'ADMIN' || role === 'CUSTOMER_SERVICE' ? (
    <PenaltyRulesPage canEdit={role === 'ADMIN'} />
  ) : (
    <SectionPage />
  );
}

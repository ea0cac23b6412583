import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { AuditLogPage } from '../../features/penalties/components/audit-log-page';

/** The audit log, for platform admins only. */
export function Component() {
  const { role } = useDashboardContext();
  return role === 'ADMIN' ? <AuditLogPage /> : <SectionPage />;
}

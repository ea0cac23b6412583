import { DashboardPage } from '../../features/dashboard/components/dashboard-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { MyWarningsPanel } from '../../features/penalties/components/my-warnings-panel';

/** The home page: merchant staff first see their store's open warnings (if any), then the dashboard. */
export function Component() {
  const { role } = useDashboardContext();
  return (
    <>
      {role === 'MERCHANT_STAFF' && <MyWarningsPanel />}
      <DashboardPage />
    </>
  );
}

import { useParams } from 'react-router';
import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { MerchantDetailPage } from '../../features/platform/components/merchant-detail-page';
import { SafeFreezePanel } from '../../features/safe-freeze/components/safe-freeze-panel';

/** One store's figures, profile and status (admins). */
export function Component() {
  const { role } = useDashboardContext();
  const { id = '' } = useParams();
  if (!canOpenSection(role, 'merchants')) return <SectionPage />;
  return (
    <>
      <MerchantDetailPage id={id} canManage={role === 'ADMIN'} />
      {role === 'ADMIN' && <SafeFreezePanel merchantId={id} />}
    </>
  );
}

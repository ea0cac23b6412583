import { SectionPage } from '../../features/dashboard/components/section-page';
import { useDashboardContext } from '../../features/dashboard/lib/dashboard-context';
import { canOpenSection } from '../../features/dashboard/lib/navigation';
import { ReviewsPage } from '../../features/reviews/components/reviews-page';

/** Reviews of the staff member's store (merchant staff) or of every store (admins); others get "no access". */
export function Component() {
  const { role } = useDashboardContext();
  return canOpenSection(role, 'reviews') ? <ReviewsPage role={role} /> : <SectionPage />;
}

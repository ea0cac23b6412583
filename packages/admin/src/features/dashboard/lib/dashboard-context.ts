import { useOutletContext } from 'react-router';
import type { UserRole } from '../../../gql/graphql';

/** What the dashboard layout hands to the pages inside it. */
export interface DashboardContext {
  role: UserRole;
}

export function useDashboardContext(): DashboardContext {
  return useOutletContext<DashboardContext>();
}

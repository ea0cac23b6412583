import { HelpCenterPage } from '../../features/help/components/help-center-page.js';

export function Component() {
  return <HelpCenterPage />;
}

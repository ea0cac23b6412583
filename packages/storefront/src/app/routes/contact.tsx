import { ContactPage } from '../../features/help/components/contact-page.js';

export function Component() {
  return <ContactPage />;
}

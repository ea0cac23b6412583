import { NewMessagePage } from '../../features/messages/components/new-message-page.js';

export function Component() {
  return <NewMessagePage />;
}

import { MessagesPage } from '../../features/messages/components/messages-page.js';

export function Component() {
  return <MessagesPage />;
}

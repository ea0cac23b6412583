import { ConversationPage } from '../../features/messages/components/conversation-page.js';

export function Component() {
  return <ConversationPage />;
}

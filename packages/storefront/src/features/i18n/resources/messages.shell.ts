/** The messages text shown in the header on every page: bundled with the app shell (see en.ts). */
export const messagesShellEn = {
  headerLink: 'Messages',
  headerLinkUnread_one: 'Messages, {{count}} unread',
  headerLinkUnread_other: 'Messages, {{count}} unread',
  unreadBadge_one: '{{count}} unread',
  unreadBadge_other: '{{count}} unread',
};

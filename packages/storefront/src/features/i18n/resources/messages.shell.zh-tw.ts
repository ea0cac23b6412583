/** Traditional Chinese (Taiwan) of ./messages.shell.ts. */
import type { messagesShellEn } from './messages.shell.js';

export const messagesShellZhTw: typeof messagesShellEn = {
  headerLink: '站內訊息',
  headerLinkUnread_one: '站內訊息，{{count}} 則未讀',
  headerLinkUnread_other: '站內訊息，{{count}} 則未讀',
  unreadBadge_one: '{{count}} 則未讀',
  unreadBadge_other: '{{count}} 則未讀',
};

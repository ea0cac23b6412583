import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { graphql } from '../../../gql/gql.js';
import './messages.css';

const MessagesLink_ViewerQuery = graphql(`
  query MessagesLink_ViewerQuery {
    viewer {
      id
    }
  }
`);

export const MessagesLink_UnreadQuery = graphql(`
  query MessagesLink_UnreadQuery {
    unreadMessageCount
  }
`);

/** How often the header refreshes the unread count while the page is open. */
const POLL_MS = 60_000;

/** A small count of unread messages (hidden at zero). */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <span className="unread-badge" data-testid="unread-badge" data-count={count}>
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('messages.unreadBadge', { count })}</span>
    </span>
  );
}

/** The header's "Messages" link with the viewer's unread count; nothing for guests. */
export function MessagesLink() {
  const { t } = useTranslation();
  const viewer = useQuery(MessagesLink_ViewerQuery);
  const signedIn = Boolean((viewer.data ?? viewer.previousData)?.viewer);
  const unread = useQuery(MessagesLink_UnreadQuery, {
    skip: !signedIn,
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'ignore',
  });
  if (!signedIn) return null;
  const count = (unread.data ?? unread.previousData)?.unreadMessageCount ?? 0;
  return (
    <Link
      to={paths.messages.getHref()}
      className="messages-link"
      data-testid="messages-link"
      aria-label={count > 0 ? t('messages.headerLinkUnread', { count }) : t('messages.headerLink')}
    >
      <svg className="messages-link__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M4 5h16v11H8l-4 4V5Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      <span className="messages-link__label">{t('messages.headerLink')}</span>
      <UnreadBadge count={count} />
    </Link>
  );
}

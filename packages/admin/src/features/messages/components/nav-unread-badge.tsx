import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql/gql';
import { UnreadBadge } from './messages-page';
import './messages.css';

const NavUnreadBadgeQuery = graphql(`
  query NavUnreadBadge_Query {
    unreadMessageCount
  }
`);

/** How often the navigation refreshes the unread count. */
const POLL_MS = 60_000;

/** The unread-message count next to "Messages" in the navigation (hidden at zero). */
export function NavUnreadBadge() {
  const { data, previousData } = useQuery(NavUnreadBadgeQuery, {
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'ignore',
  });
  return <UnreadBadge count={(data ?? previousData)?.unreadMessageCount ?? 0} />;
}

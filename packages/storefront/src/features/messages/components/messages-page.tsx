import { useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import { formatMessageTime, previewOf } from '../message-format.js';
import { UnreadBadge } from './unread-badge.js';
import './messages.css';

const PAGE_SIZE = 20;

const MessagesPage_Query = graphql(`
  query MessagesPage_Query($first: Int!, $after: String, $filter: ConversationsFilter, $locale: Locale!) {
    viewer {
      id
    }
    conversations(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          kind
          subject(locale: $locale)
          merchantName(locale: $locale)
          orderNumber
          unreadCount
          lastMessageAt
          lastMessage {
            id
            body(locale: $locale)
            fromViewer
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** "Personal Center → Messages": the shopper's conversations, latest first, with unread counts. */
export function MessagesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const apiLocale = useApiLocale();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('filter') === 'unread';
  const [loadingMore, setLoadingMore] = useState(false);
  const result = useQuery(MessagesPage_Query, {
    variables: { first: PAGE_SIZE, filter: unreadOnly ? { unread: true } : null, locale: apiLocale },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const data = result.data ?? result.previousData;
  if (data && data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(`${location.pathname}${location.search}`)} replace />;
  }
  const connection = result.data?.conversations;
  const title = t('messages.list.title');

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await result.fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.conversations;
          const next = fetchMoreResult.conversations;
          if (!prev || !next) return previous as typeof fetchMoreResult;
          return { ...fetchMoreResult, conversations: { ...next, edges: [...prev.edges, ...next.edges] } };
        },
      });
    } finally {
      setLoadingMore(false);
    }
  };

  let content: ReactNode;
  if (!connection) {
    content =
      result.error && !result.loading ? (
        <ErrorState description={t('messages.list.loadError')} onRetry={() => void result.refetch()} />
      ) : (
        <LoadingState />
      );
  } else if (connection.edges.length === 0) {
    content = unreadOnly ? (
      <EmptyState
        title={t('messages.list.emptyUnreadTitle')}
        description={t('messages.list.emptyUnreadDescription')}
      />
    ) : (
      <EmptyState
        title={t('messages.list.emptyTitle')}
        description={t('messages.list.emptyDescription')}
        action={<ButtonLink to={paths.newMessage.getHref()}>{t('messages.list.newConversation')}</ButtonLink>}
      />
    );
  } else {
    content = (
      <>
        <ul className="conversation-list" data-testid="conversations-table">
          {connection.edges.map(({ node: c }) => (
            <li
              key={c.id}
              className={`conversation-row${c.unreadCount > 0 ? ' conversation-row--unread' : ''}`}
              data-testid="conversation-row"
              data-unread={c.unreadCount}
              data-kind={c.kind}
            >
              <Link to={paths.conversation.getHref(c.id)} className="conversation-row__link">
                <span className="conversation-row__head">
                  <span className="conversation-row__with">
                    {t(`messages.list.with.${c.kind}`, { merchant: c.merchantName ?? '' })}
                    {c.orderNumber && (
                      <span className="conversation-row__order" translate="no">
                        {' · '}
                        {t('messages.list.aboutOrder', { number: c.orderNumber })}
                      </span>
                    )}
                  </span>
                  <time className="conversation-row__time" dateTime={String(c.lastMessageAt)}>
                    {formatMessageTime(String(c.lastMessageAt), locale)}
                  </time>
                </span>
                <span className="conversation-row__subject">
                  {c.subject}
                  <UnreadBadge count={c.unreadCount} />
                </span>
                <span className="conversation-row__preview">
                  {c.lastMessage
                    ? `${c.lastMessage.fromViewer ? `${t('messages.conversation.you')}: ` : ''}${previewOf(c.lastMessage.body)}`
                    : t('messages.list.noMessages')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        {connection.pageInfo.hasNextPage && (
          <Button variant="secondary" onClick={() => void loadMore()} isLoading={loadingMore}>
            {t('messages.list.loadMore')}
          </Button>
        )}
      </>
    );
  }

  return (
    <div className="page messages-page">
      <PageTitle title={title} />
      <div className="messages-page__header">
        <h1>{title}</h1>
        <ButtonLink to={paths.newMessage.getHref()} variant="secondary" data-testid="new-conversation">
          {t('messages.list.newConversation')}
        </ButtonLink>
      </div>
      <p className="messages-page__intro">{t('messages.list.intro')}</p>
      <fieldset className="messages-filter">
        <legend className="visually-hidden">{t('messages.list.filterLabel')}</legend>
        {(['all', 'unread'] as const).map((value) => (
          <label key={value} className="messages-filter__option">
            <input
              type="radio"
              name="filter"
              value={value}
              checked={(value === 'unread') === unreadOnly}
              onChange={() => setParams(value === 'unread' ? { filter: 'unread' } : {}, { replace: true })}
            />
            {value === 'unread' ? t('messages.list.filterUnread') : t('messages.list.filterAll')}
          </label>
        ))}
      </fieldset>
      {content}
    </div>
  );
}

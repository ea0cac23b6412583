import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import {
  formatMessageTime,
  isMessageErrorCode,
  MESSAGE_BOUNDS,
  type MessageErrorCode,
  messageFormProblems,
} from '../message-format.js';
import './messages.css';

const MESSAGES_PAGE = 100;

const ConversationPage_Query = graphql(`
  query ConversationPage_Query($id: ID!, $locale: Locale!, $first: Int!, $after: String) {
    viewer {
      id
    }
    conversation(id: $id) {
      id
      kind
      subject(locale: $locale)
      merchantName(locale: $locale)
      orderNumber
      unreadCount
      messages(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            kind
            fromViewer
            senderName(locale: $locale)
            body(locale: $locale)
            createdAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const ConversationPage_ReplyMutation = graphql(`
  mutation ConversationPage_ReplyMutation($input: ReplyToConversationInput!) {
    replyToConversation(input: $input) {
      conversation {
        id
        unreadCount
        messageCount
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const ConversationPage_MarkReadMutation = graphql(`
  mutation ConversationPage_MarkReadMutation($input: MarkConversationReadInput!) {
    markConversationRead(input: $input) {
      conversation {
        id
        unreadCount
      }
      userErrors {
        code
      }
    }
  }
`);

/** One conversation: its messages (oldest first), marked read on opening, and a reply box. */
export function ConversationPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const apiLocale = useApiLocale();
  const location = useLocation();
  const { id = '' } = useParams();
  const formId = useId();
  const result = useQuery(ConversationPage_Query, {
    variables: { id, locale: apiLocale, first: MESSAGES_PAGE },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const [markRead] = useMutation(ConversationPage_MarkReadMutation, {
    refetchQueries: ['MessagesLink_UnreadQuery'],
  });
  const [reply, replyState] = useMutation(ConversationPage_ReplyMutation);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const markedFor = useRef<string | null>(null);
  const listEnd = useRef<HTMLDivElement>(null);

  const conversation = result.data?.conversation;
  const unread = conversation?.unreadCount ?? 0;
  // Opening the conversation reads it (once per visit; again if new messages arrive while open).
  useEffect(() => {
    if (!conversation || unread === 0) return;
    const key = `${conversation.id}:${conversation.messages.edges.length}`;
    if (markedFor.current === key) return;
    markedFor.current = key;
    void markRead({ variables: { input: { conversationId: conversation.id } } }).catch(() => undefined);
  }, [conversation, unread, markRead]);

  const data = result.data ?? result.previousData;
  if (data && data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(location.pathname)} replace />;
  }
  const back = (
    <Link to={paths.messages.getHref()} className="conversation-page__back">
      ← {t('messages.conversation.back')}
    </Link>
  );
  if (!conversation) {
    if (result.loading || !result.data)
      return (
        <div className="page conversation-page">
          {back}
          {result.error && !result.loading ? (
            <ErrorState
              description={t('messages.conversation.loadError')}
              onRetry={() => void result.refetch()}
            />
          ) : (
            <LoadingState />
          )}
        </div>
      );
    return (
      <div className="page conversation-page">
        {back}
        <PageTitle title={t('messages.conversation.notFoundTitle')} />
        <EmptyState
          headingLevel={1}
          title={t('messages.conversation.notFoundTitle')}
          description={t('messages.conversation.notFoundDescription')}
        />
      </div>
    );
  }

  const messageOf = (code: MessageErrorCode | 'unknown') => t(`messages.errors.${code}`, MESSAGE_BOUNDS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(false);
    const problems = messageFormProblems(null, body);
    if (problems.body) {
      setError(messageOf(problems.body));
      return;
    }
    setError(null);
    try {
      const res = await reply({ variables: { input: { conversationId: conversation.id, body } } });
      const payload = res.data?.replyToConversation;
      if (!payload) throw new Error('no payload');
      const [first] = payload.userErrors;
      if (first) {
        setError(isMessageErrorCode(first.code) ? messageOf(first.code) : first.message);
        return;
      }
      setBody('');
      setSent(true);
      await result.refetch();
      listEnd.current?.scrollIntoView({ block: 'nearest' });
    } catch {
      setError(messageOf('unknown'));
    }
  };

  const loadMore = async () => {
    const cursor = conversation.messages.pageInfo.endCursor;
    if (!cursor) return;
    setLoadingMore(true);
    try {
      await result.fetchMore({
        variables: { after: cursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.conversation;
          const next = fetchMoreResult.conversation;
          if (!prev || !next) return previous as typeof fetchMoreResult;
          return {
            ...fetchMoreResult,
            conversation: {
              ...next,
              messages: { ...next.messages, edges: [...prev.messages.edges, ...next.messages.edges] },
            },
          };
        },
      });
    } finally {
      setLoadingMore(false);
    }
  };

  const withWhom =
    conversation.kind === 'ORDER'
      ? t('messages.conversation.withStore', { merchant: conversation.merchantName ?? '' })
      : t('messages.conversation.withCustomerService');

  return (
    <div className="page conversation-page">
      {back}
      <PageTitle title={conversation.subject} />
      <header className="conversation-page__header">
        <h1>{conversation.subject}</h1>
        <p className="conversation-page__meta">
          {withWhom}
          {conversation.orderNumber && (
            <>
              {' · '}
              {t('messages.conversation.aboutOrder')}{' '}
              <Link to={paths.order.getHref(conversation.orderNumber)} translate="no">
                {conversation.orderNumber}
              </Link>
            </>
          )}
        </p>
      </header>
      <ol
        className="message-list"
        data-testid="message-list"
        aria-label={t('messages.conversation.listLabel')}
      >
        {conversation.messages.edges.map(({ node: m }) => (
          <li
            key={m.id}
            className={`message${m.fromViewer ? ' message--mine' : ''}${m.kind !== 'USER' ? ' message--notice' : ''}`}
            data-testid="message"
            data-from={m.fromViewer ? 'viewer' : 'other'}
            data-kind={m.kind}
          >
            <p className="message__meta">
              <span className="message__sender">
                {m.fromViewer ? t('messages.conversation.you') : m.senderName}
              </span>
              {m.kind !== 'USER' && <span className="message__tag">{t('messages.conversation.notice')}</span>}
              <time dateTime={String(m.createdAt)}>{formatMessageTime(String(m.createdAt), locale)}</time>
            </p>
            <p className="message__body">{m.body}</p>
          </li>
        ))}
      </ol>
      <div ref={listEnd} />
      {conversation.messages.pageInfo.hasNextPage && (
        <Button variant="secondary" onClick={() => void loadMore()} isLoading={loadingMore}>
          {t('messages.list.loadMore')}
        </Button>
      )}
      <form className="reply-form" data-testid="reply-form" noValidate onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${formId}-body`} className="reply-form__label">
          {t('messages.reply.label')}
        </label>
        <textarea
          id={`${formId}-body`}
          name="body"
          rows={4}
          value={body}
          maxLength={MESSAGE_BOUNDS.max}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${formId}-hint${error ? ` ${formId}-error` : ''}`}
        />
        <p id={`${formId}-hint`} className="reply-form__hint">
          {t('messages.reply.hint', MESSAGE_BOUNDS)}
        </p>
        {error && (
          <p id={`${formId}-error`} className="reply-form__error" role="alert" data-testid="reply-error">
            {error}
          </p>
        )}
        {sent && (
          <p className="reply-form__success" role="status" data-testid="reply-sent">
            {t('messages.reply.sent')}
          </p>
        )}
        <div>
          <Button type="submit" isLoading={replyState.loading} data-testid="reply-submit">
            {replyState.loading ? t('messages.reply.sending') : t('messages.reply.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

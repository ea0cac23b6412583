import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { Locale } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import {
  CONVERSATION_KINDS,
  MAX_MESSAGE,
  MAX_SUBJECT,
  type MessagesView,
  messagesFilterOf,
  messagesViewParams,
  parseMessagesView,
  replyError,
  startErrors,
} from '../lib/view';
import './messages.css';

const MessagesListQuery = graphql(`
  query MessagesPage_ListQuery($first: Int!, $after: String, $filter: ConversationsFilter, $locale: Locale!) {
    conversations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        subject(locale: $locale)
        merchantName(locale: $locale)
        userName
        userEmail
        orderNumber
        unreadCount
        lastMessageAt
      }
    }
  }
`);

const ConversationQuery = graphql(`
  query MessagesPage_ConversationQuery($id: ID!, $locale: Locale!, $after: String) {
    conversation(id: $id) {
      id
      kind
      viewerParty
      subject(locale: $locale)
      merchantName(locale: $locale)
      userName
      userEmail
      orderNumber
      unreadCount
      messages(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          fromViewer
          senderName(locale: $locale)
          body(locale: $locale)
          createdAt
        }
      }
    }
  }
`);

const ReplyMutation = graphql(`
  mutation MessagesPage_ReplyMutation($input: ReplyToConversationInput!) {
    replyToConversation(input: $input) {
      conversation {
        id
        unreadCount
        messageCount
        lastMessageAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation MessagesPage_MarkReadMutation($input: MarkConversationReadInput!) {
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

const StartMutation = graphql(`
  mutation MessagesPage_StartMutation($input: StartConversationInput!) {
    startConversation(input: $input) {
      conversation {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const PAGE_SIZE = 25;
type ErrorCode =
  | 'INVALID_BODY'
  | 'INVALID_SUBJECT'
  | 'NOT_FOUND'
  | 'ACCOUNT_RESTRICTED'
  | 'INVALID_RECIPIENT'
  | 'ORDER_REQUIRED';

function apiLocale(language: string): Locale {
  return language === 'zh-TW' ? 'ZH_TW' : 'EN';
}

/**
 * The messages inbox: platform conversations for customer service and admins, the store's conversations for
 * merchant staff. Filters and pages live in the URL; the open conversation is `/messages/:id`, beside the list.
 */
export function MessagesPage({ role }: { role: string }) {
  const { t, i18n } = useTranslation();
  const locale = apiLocale(i18n.language);
  const { id: selected = null } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const view = useMemo(() => parseMessagesView(params), [params]);
  const [draft, setDraft] = useState<MessagesView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [starting, setStarting] = useState(false);
  useEffect(() => setDraft(view), [view]);
  const isStore = role === 'MERCHANT_STAFF';

  const { data, loading, error, refetch } = useQuery(MessagesListQuery, {
    variables: { first: PAGE_SIZE, after: view.after, filter: messagesFilterOf(view), locale },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });

  const go = (next: MessagesView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(messagesViewParams(next));
  };
  const search = messagesViewParams(view).toString();
  const listHref = `${paths.messages.getHref()}${search ? `?${search}` : ''}`;
  const conversationHref = (id: string) => `${paths.conversation.getHref(id)}${search ? `?${search}` : ''}`;
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null });
  };

  const list = data?.conversations;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const title = `${t('messages.title')} · ${t('app.name')}`;
  const withWhom = (c: { kind: string; merchantName?: string | null; userName?: string | null }) =>
    (isStore ? c.userName : c.kind === 'MERCHANT_SUPPORT' ? c.merchantName : c.userName) ??
    c.merchantName ??
    '—';

  return (
    <div className="messages-admin">
      <title>{title}</title>
      <header className="messages-admin__header">
        <div>
          <h1>{t('messages.title')}</h1>
          <p className="messages-admin__muted">
            {isStore ? t('messages.introStaff') : t('messages.introPlatform')}
          </p>
        </div>
        {isStore && !starting && (
          <Button variant="secondary" onClick={() => setStarting(true)} data-testid="start-conversation">
            {t('messages.start.open')}
          </Button>
        )}
      </header>

      {starting && (
        <StartForm
          onCancel={() => setStarting(false)}
          onStarted={(id) => {
            setStarting(false);
            void refetch();
            navigate(conversationHref(id));
          }}
        />
      )}

      <search>
        <form className="messages-filters" onSubmit={onFilter} aria-label={t('messages.filters.legend')}>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="messages-unread">
              {t('messages.filters.show')}
            </label>
            <select
              id="messages-unread"
              name="unread"
              className="ui-field__input"
              value={draft.unread ? 'unread' : 'all'}
              onChange={(e) => setDraft({ ...draft, unread: e.target.value === 'unread' })}
            >
              <option value="all">{t('messages.filters.all')}</option>
              <option value="unread">{t('messages.filters.unreadOnly')}</option>
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="messages-kind">
              {t('messages.filters.kind')}
            </label>
            <select
              id="messages-kind"
              name="kind"
              className="ui-field__input"
              value={draft.kind ?? ''}
              onChange={(e) => setDraft({ ...draft, kind: (e.target.value || null) as MessagesView['kind'] })}
            >
              <option value="">{t('messages.filters.anyKind')}</option>
              {CONVERSATION_KINDS.filter((k) => (isStore ? k !== 'CUSTOMER_SERVICE' : k !== 'ORDER')).map(
                (k) => (
                  <option key={k} value={k}>
                    {t(`messages.kind.${k}`)}
                  </option>
                ),
              )}
            </select>
          </div>
          {!isStore && (
            <TextField
              label={t('messages.filters.participant')}
              name="participant"
              type="search"
              value={draft.participant}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, participant: e.target.value })}
              autoComplete="off"
            />
          )}
          <TextField
            label={t('messages.filters.orderNumber')}
            name="orderNumber"
            type="search"
            value={draft.orderNumber}
            maxLength={40}
            onChange={(e) => setDraft({ ...draft, orderNumber: e.target.value })}
            autoComplete="off"
          />
          <div className="messages-filters__actions">
            <Button type="submit">{t('messages.filters.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseMessagesView(new URLSearchParams()))}>
              {t('messages.filters.reset')}
            </Button>
          </div>
        </form>
      </search>

      <div className={`messages-layout${selected ? ' messages-layout--open' : ''}`}>
        <div className="messages-layout__list">
          {error ? (
            <StatusPanel
              tone="error"
              title={t('errors.title')}
              actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
            >
              <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
            </StatusPanel>
          ) : !list && loading ? (
            <LoadingState label={t('messages.loading')} />
          ) : list && list.nodes.length === 0 ? (
            <StatusPanel title={t('messages.emptyTitle')}>
              <p>{t('messages.emptyBody')}</p>
            </StatusPanel>
          ) : list ? (
            <>
              <p className="messages-admin__muted" aria-live="polite">
                {t('messages.count', { count: list.totalCount })}
              </p>
              <div className="messages-table-wrap">
                <table
                  className="messages-table"
                  data-testid="conversations-table"
                  aria-busy={loading || undefined}
                >
                  <thead>
                    <tr>
                      <th scope="col">{t('messages.columns.subject')}</th>
                      <th scope="col">{t('messages.columns.with')}</th>
                      <th scope="col">{t('messages.columns.kind')}</th>
                      <th scope="col">{t('messages.columns.order')}</th>
                      <th scope="col">{t('messages.columns.lastMessage')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.nodes.map((c) => (
                      <tr
                        key={c.id}
                        data-testid="conversation-row"
                        data-unread={c.unreadCount}
                        data-kind={c.kind}
                        className={c.unreadCount > 0 ? 'messages-table__unread' : undefined}
                        aria-current={selected === c.id ? 'true' : undefined}
                      >
                        <td>
                          <Link
                            to={conversationHref(c.id)}
                            aria-label={t('messages.open', { subject: c.subject })}
                          >
                            {c.subject}
                          </Link>
                          <UnreadBadge count={c.unreadCount} />
                        </td>
                        <td className="messages-table__with">
                          <span>{withWhom(c)}</span>
                          {c.userEmail && <span className="messages-admin__muted">{c.userEmail}</span>}
                        </td>
                        <td className="messages-table__nowrap">{t(`messages.kind.${c.kind}`)}</td>
                        <td className="messages-table__nowrap">{c.orderNumber ?? '—'}</td>
                        <td className="messages-table__nowrap">
                          {dateFormat.format(new Date(c.lastMessageAt))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="messages-pager" aria-label={t('messages.title')}>
                <Button
                  variant="secondary"
                  disabled={previous.length === 0 || loading}
                  onClick={() => {
                    const before = previous.at(-1) ?? null;
                    setPrevious((p) => p.slice(0, -1));
                    go({ ...view, after: before }, true);
                  }}
                >
                  {t('messages.previousPage')}
                </Button>
                <Button
                  variant="secondary"
                  disabled={!list.pageInfo.hasNextPage || loading}
                  onClick={() => {
                    setPrevious((p) => [...p, view.after]);
                    go({ ...view, after: list.pageInfo.endCursor ?? null }, true);
                  }}
                >
                  {t('messages.nextPage')}
                </Button>
              </nav>
            </>
          ) : null}
        </div>
        {selected && (
          <ConversationDetail
            key={selected}
            id={selected}
            locale={locale}
            onClose={() => navigate(listHref)}
            onChanged={() => void refetch()}
          />
        )}
      </div>
    </div>
  );
}

export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <span className="messages-unread" data-testid="unread-badge" data-count={count}>
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('messages.unreadBadge', { count })}</span>
    </span>
  );
}

function ConversationDetail({
  id,
  locale,
  onClose,
  onChanged,
}: {
  id: string;
  locale: Locale;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const bodyId = useId();
  const hintId = useId();
  const errorId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const markedFor = useRef<string | null>(null);
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(ConversationQuery, {
    variables: { id, locale },
    fetchPolicy: 'cache-and-network',
  });
  const [reply, replying] = useMutation(ReplyMutation);
  const [markRead] = useMutation(MarkReadMutation, { refetchQueries: ['NavUnreadBadge_Query'] });
  const conversation = data?.conversation;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  // Opening a conversation moves focus to it and reads it.
  const loaded = Boolean(conversation);
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);
  useEffect(() => {
    if (!conversation || conversation.unreadCount === 0) return;
    const key = `${conversation.id}:${conversation.messages.nodes.length}`;
    if (markedFor.current === key) return;
    markedFor.current = key;
    void markRead({ variables: { input: { conversationId: conversation.id } } })
      .then(onChanged)
      .catch(() => undefined);
  }, [conversation, markRead, onChanged]);

  const errorText = (code: string) =>
    t(`messages.errors.${code as ErrorCode}`, {
      max: MAX_MESSAGE,
      maxSubject: MAX_SUBJECT,
      defaultValue: t('messages.errors.unknown'),
    });

  const onReply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(false);
    const local = replyError(body);
    if (local) {
      setProblem(errorText(local));
      return;
    }
    setProblem(null);
    const result = await reply({ variables: { input: { conversationId: id, body } } }).catch(() => null);
    const payload = result?.data?.replyToConversation;
    if (!payload) {
      setProblem(errorText('unknown'));
      return;
    }
    if (payload.userErrors[0]) {
      setProblem(errorText(payload.userErrors[0].code));
      return;
    }
    setBody('');
    setSent(true);
    await refetch();
    onChanged();
  };

  if (error)
    return (
      <aside className="conversation-detail">
        <Alert tone="error">
          {summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}
        </Alert>
      </aside>
    );
  if (loading && !conversation)
    return (
      <aside className="conversation-detail">
        <LoadingState label={t('messages.loading')} />
      </aside>
    );
  if (!conversation)
    return (
      <aside className="conversation-detail" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('messages.detail.notFoundTitle')}</h2>
        <p>{t('messages.detail.notFoundBody')}</p>
        <Button variant="secondary" onClick={onClose}>
          {t('messages.detail.close')}
        </Button>
      </aside>
    );

  const page = conversation.messages;
  return (
    <aside className="conversation-detail" aria-labelledby={headingId} data-testid="conversation-detail">
      <div className="conversation-detail__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {conversation.subject}
        </h2>
        <Button variant="ghost" onClick={onClose}>
          {t('messages.detail.close')}
        </Button>
      </div>
      <p className="messages-admin__muted">
        {t(`messages.kind.${conversation.kind}`)}
        {conversation.userName && ` · ${conversation.userName}`}
        {conversation.userEmail && ` <${conversation.userEmail}>`}
        {conversation.merchantName && ` · ${conversation.merchantName}`}
        {conversation.orderNumber && (
          <>
            {' · '}
            <Link to={paths.order.getHref(conversation.orderNumber)}>
              {t('messages.detail.order', { number: conversation.orderNumber })}
            </Link>
          </>
        )}
      </p>
      <ol
        className="admin-message-list"
        data-testid="message-list"
        aria-label={t('messages.detail.listLabel')}
      >
        {page.nodes.map((m) => (
          <li
            key={m.id}
            className={`admin-message${m.fromViewer ? ' admin-message--mine' : ''}${m.kind !== 'USER' ? ' admin-message--notice' : ''}`}
            data-testid="message"
            data-from={m.fromViewer ? 'viewer' : 'other'}
            data-kind={m.kind}
          >
            <p className="admin-message__meta">
              <strong>{m.senderName}</strong>
              {m.kind !== 'USER' && <span className="admin-message__tag">{t('messages.detail.notice')}</span>}
              <time dateTime={String(m.createdAt)}>{dateFormat.format(new Date(m.createdAt))}</time>
            </p>
            <p className="admin-message__body">{m.body}</p>
          </li>
        ))}
      </ol>
      {page.pageInfo.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() =>
            void fetchMore({
              variables: { after: page.pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => {
                const a = prev.conversation;
                const b = fetchMoreResult.conversation;
                if (!a || !b) return prev as typeof fetchMoreResult;
                return {
                  ...fetchMoreResult,
                  conversation: {
                    ...b,
                    messages: { ...b.messages, nodes: [...a.messages.nodes, ...b.messages.nodes] },
                  },
                };
              },
            })
          }
        >
          {t('messages.detail.loadMore')}
        </Button>
      )}
      <form
        className="conversation-detail__form"
        data-testid="reply-form"
        onSubmit={(e) => void onReply(e)}
        noValidate
      >
        <div className="ui-field">
          <label className="ui-field__label" htmlFor={bodyId}>
            {t('messages.reply.label')}
          </label>
          <textarea
            id={bodyId}
            name="body"
            className="ui-field__input"
            rows={4}
            maxLength={MAX_MESSAGE}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${hintId}${problem ? ` ${errorId}` : ''}`}
          />
          <p id={hintId} className="messages-admin__muted">
            {t('messages.reply.hint', { max: MAX_MESSAGE })}
          </p>
          {problem && (
            <p id={errorId} className="messages-admin__error" role="alert" data-testid="reply-error">
              {problem}
            </p>
          )}
          {sent && (
            <p className="messages-admin__success" role="status" data-testid="reply-sent">
              {t('messages.reply.sent')}
            </p>
          )}
        </div>
        <Button type="submit" pending={replying.loading} data-testid="reply-submit">
          {replying.loading ? t('messages.reply.sending') : t('messages.reply.submit')}
        </Button>
      </form>
    </aside>
  );
}

/** Merchant staff write to the platform (customer service). */
function StartForm({ onCancel, onStarted }: { onCancel: () => void; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ subject?: string; body?: string; form?: string }>({});
  const [start, starting] = useMutation(StartMutation);
  const bodyId = useId();
  const errorText = (code: string) =>
    t(`messages.errors.${code as ErrorCode}`, {
      max: MAX_MESSAGE,
      maxSubject: MAX_SUBJECT,
      defaultValue: t('messages.errors.unknown'),
    });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = startErrors(subject, body);
    if (local.subject || local.body) {
      setErrors({
        subject: local.subject && errorText(local.subject),
        body: local.body && errorText(local.body),
      });
      return;
    }
    setErrors({});
    const result = await start({ variables: { input: { to: 'PLATFORM', subject, body } } }).catch(() => null);
    const payload = result?.data?.startConversation;
    if (!payload) {
      setErrors({ form: errorText('unknown') });
      return;
    }
    if (payload.userErrors.length > 0) {
      const next: typeof errors = {};
      for (const e of payload.userErrors) {
        const field = e.field?.at(-1);
        next[field === 'subject' || field === 'body' ? field : 'form'] = errorText(e.code);
      }
      setErrors(next);
      return;
    }
    if (payload.conversation) onStarted(payload.conversation.id);
  };

  return (
    <form
      className="messages-start"
      data-testid="start-conversation-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <h2>{t('messages.start.title')}</h2>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField
        label={t('messages.start.subject')}
        name="subject"
        value={subject}
        maxLength={MAX_SUBJECT}
        onChange={(e) => setSubject(e.target.value)}
        aria-invalid={errors.subject ? true : undefined}
      />
      {errors.subject && (
        <p className="messages-admin__error" role="alert">
          {errors.subject}
        </p>
      )}
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={bodyId}>
          {t('messages.start.body')}
        </label>
        <textarea
          id={bodyId}
          name="body"
          className="ui-field__input"
          rows={5}
          maxLength={MAX_MESSAGE}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={errors.body ? true : undefined}
        />
      </div>
      {errors.body && (
        <p className="messages-admin__error" role="alert">
          {errors.body}
        </p>
      )}
      <div className="messages-filters__actions">
        <Button type="submit" pending={starting.loading} data-testid="start-submit">
          {starting.loading ? t('messages.start.sending') : t('messages.start.submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('messages.start.cancel')}
        </Button>
      </div>
    </form>
  );
}

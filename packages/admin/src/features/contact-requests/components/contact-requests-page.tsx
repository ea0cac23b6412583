import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Pager } from '../../../components/ui/pager';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import { summarizeError } from '../../../lib/errors';
import {
  CONTACT_STATUSES,
  CONTACT_TOPICS,
  type ContactRequestsView,
  contactFilterOf,
  contactRequestsViewParams,
  MAX_NOTE,
  noteError,
  parseContactRequestsView,
  replyHref,
} from '../lib/view';
import './contact-requests.css';

const ContactRequestsListQuery = graphql(`
  query ContactRequestsPage_ListQuery(
    $first: Int!
    $after: String
    $filter: StaffContactRequestsFilter
    $sort: StaffContactRequestsSort
  ) {
    staffContactRequests(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        reference
        name
        email
        orderNumber
        topic
        status
        createdAt
      }
    }
  }
`);

const ContactRequestDetailQuery = graphql(`
  query ContactRequestsPage_DetailQuery($id: ID!) {
    staffContactRequest(id: $id) {
      id
      reference
      name
      email
      orderNumber
      topic
      message
      locale
      fromAccount
      status
      createdAt
      resolvedAt
      resolvedByEmail
      resolutionNote
    }
  }
`);

const ResolveContactRequestMutation = graphql(`
  mutation ContactRequestsPage_ResolveMutation($input: ResolveContactRequestInput!) {
    resolveContactRequest(input: $input) {
      contactRequest {
        id
        status
        resolvedAt
        resolvedByEmail
        resolutionNote
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
type ErrorCode = 'NOT_FOUND' | 'ALREADY_RESOLVED' | 'INVALID_NOTE';

/**
 * Customer service's contact-form inbox: server-side filters, sort and pages kept in the URL; the
 * selected request opens beside the table, where it can be answered by email and marked handled.
 */
export function ContactRequestsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseContactRequestsView(params), [params]);
  const [draft, setDraft] = useState<ContactRequestsView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  useEffect(() => setDraft(view), [view]);

  const { data, loading, error, refetch } = useQuery(ContactRequestsListQuery, {
    variables: {
      first: PAGE_SIZE,
      after: view.after,
      filter: contactFilterOf(view),
      sort: { field: 'CREATED_AT', direction: view.direction },
    },
    notifyOnNetworkStatusChange: true,
  });

  const go = (next: ContactRequestsView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(contactRequestsViewParams(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null, selected: null });
  };

  const list = data?.staffContactRequests;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const title = `${t('insights.contactRequests.title')} · ${t('app.name')}`;

  return (
    <div className="contact-requests-page">
      <title>{title}</title>
      <header className="contact-requests-page__header">
        <h1>{t('insights.contactRequests.title')}</h1>
        <p className="contact-requests-page__muted">{t('insights.contactRequests.intro')}</p>
      </header>

      <search>
        <form
          className="contact-requests-filters"
          onSubmit={onFilter}
          aria-label={t('insights.contactRequests.filters.legend')}
        >
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="contact-status">
              {t('insights.contactRequests.filters.status')}
            </label>
            <select
              id="contact-status"
              name="status"
              className="ui-field__input"
              value={draft.status ?? 'all'}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  status: e.target.value === 'all' ? null : (e.target.value as ContactRequestsView['status']),
                })
              }
            >
              <option value="all">{t('insights.contactRequests.filters.anyStatus')}</option>
              {CONTACT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`insights.contactRequests.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="contact-topic">
              {t('insights.contactRequests.filters.topic')}
            </label>
            <select
              id="contact-topic"
              name="topic"
              className="ui-field__input"
              value={draft.topic ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, topic: (e.target.value || null) as ContactRequestsView['topic'] })
              }
            >
              <option value="">{t('insights.contactRequests.filters.anyTopic')}</option>
              {CONTACT_TOPICS.map((s) => (
                <option key={s} value={s}>
                  {t(`insights.contactRequests.topic.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('insights.contactRequests.filters.query')}
            name="query"
            type="search"
            value={draft.query}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, query: e.target.value })}
            autoComplete="off"
          />
          <div className="contact-requests-filters__actions">
            <Button type="submit">{t('insights.contactRequests.filters.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseContactRequestsView(new URLSearchParams()))}>
              {t('insights.contactRequests.filters.reset')}
            </Button>
          </div>
        </form>
      </search>

      <div className={`contact-requests-layout${view.selected ? ' contact-requests-layout--open' : ''}`}>
        <div className="contact-requests-layout__list">
          {error ? (
            <StatusPanel
              tone="error"
              title={t('errors.title')}
              actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
            >
              <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
            </StatusPanel>
          ) : !list && loading ? (
            <LoadingState label={t('insights.contactRequests.loading')} />
          ) : list && list.nodes.length === 0 ? (
            <StatusPanel title={t('insights.contactRequests.emptyTitle')}>
              <p>{t('insights.contactRequests.emptyBody')}</p>
            </StatusPanel>
          ) : list ? (
            <>
              <p className="contact-requests-page__muted" aria-live="polite">
                {t('insights.contactRequests.count', { count: list.totalCount })}
              </p>
              <div className="contact-requests-table-wrap">
                <table
                  className="contact-requests-table"
                  data-testid="contact-requests-table"
                  aria-busy={loading || undefined}
                >
                  <thead>
                    <tr>
                      <th scope="col" className="contact-requests-table__nowrap">
                        {t('insights.contactRequests.columns.reference')}
                      </th>
                      <th scope="col">{t('insights.contactRequests.columns.status')}</th>
                      <th
                        scope="col"
                        className="contact-requests-table__nowrap"
                        aria-sort={view.direction === 'ASC' ? 'ascending' : 'descending'}
                      >
                        <button
                          type="button"
                          className="contact-requests-sort"
                          aria-label={t('insights.contactRequests.sortReceived')}
                          onClick={() =>
                            go({
                              ...view,
                              direction: view.direction === 'ASC' ? 'DESC' : 'ASC',
                              after: null,
                            })
                          }
                        >
                          {t('insights.contactRequests.columns.received')}
                          {view.direction === 'ASC' ? ' ▲' : ' ▼'}
                        </button>
                      </th>
                      <th scope="col">{t('insights.contactRequests.columns.sender')}</th>
                      <th scope="col">{t('insights.contactRequests.columns.topic')}</th>
                      <th scope="col">{t('insights.contactRequests.columns.order')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.nodes.map((r) => (
                      <tr
                        key={r.id}
                        data-testid="contact-requests-row"
                        data-status={r.status}
                        data-reference={r.reference}
                        aria-current={view.selected === r.id ? 'true' : undefined}
                      >
                        <td className="contact-requests-table__nowrap">
                          <Link
                            to={{
                              search: contactRequestsViewParams({ ...view, selected: r.id }).toString(),
                            }}
                            aria-label={t('insights.contactRequests.view', { reference: r.reference })}
                          >
                            {r.reference}
                          </Link>
                        </td>
                        <td>
                          <span className={`contact-status contact-status--${r.status.toLowerCase()}`}>
                            {t(`insights.contactRequests.status.${r.status}`)}
                          </span>
                        </td>
                        <td className="contact-requests-table__nowrap">
                          {dateFormat.format(new Date(r.createdAt))}
                        </td>
                        <td className="contact-requests-table__sender">
                          <span>{r.name}</span>
                          <span className="contact-requests-page__muted">{r.email}</span>
                        </td>
                        <td className="contact-requests-table__nowrap">
                          {t(`insights.contactRequests.topic.${r.topic}`)}
                        </td>
                        <td className="contact-requests-table__nowrap">{r.orderNumber ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                mode="disable"
                className="contact-requests-pager"
                label={t('insights.contactRequests.title')}
                pageInfo={list.pageInfo}
                after={view.after}
                previous={previous}
                setPrevious={setPrevious}
                loading={loading}
                onNavigate={(cursor) => go({ ...view, after: cursor }, true)}
                labels={{
                  previous: t('insights.contactRequests.previousPage'),
                  next: t('insights.contactRequests.nextPage'),
                }}
              />
            </>
          ) : null}
        </div>
        {view.selected && (
          <ContactRequestDetail
            key={view.selected}
            id={view.selected}
            onClose={() => go({ ...view, selected: null }, true)}
            onResolved={() => void refetch()}
          />
        )}
      </div>
    </div>
  );
}

function ContactRequestDetail({
  id,
  onClose,
  onResolved,
}: {
  id: string;
  onClose: () => void;
  onResolved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const noteId = useId();
  const noteErrorId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState('');
  const [clientError, setClientError] = useState<ErrorCode | null>(null);
  const { data, loading, error, refetch } = useQuery(ContactRequestDetailQuery, { variables: { id } });
  const [resolve, resolving] = useMutation(ResolveContactRequestMutation);
  const request = data?.staffContactRequest;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  // Opening a request moves focus to it, so keyboard and screen-reader users land on the detail.
  useEffect(() => {
    if (request) headingRef.current?.focus();
  }, [request]);

  const payload = resolving.data?.resolveContactRequest;
  const serverErrors = payload?.userErrors ?? [];
  const noteServerError = serverErrors.find((e) => e.field?.at(-1) === 'note');
  const generalErrors = serverErrors.filter((e) => e.field?.at(-1) !== 'note');
  const noteProblem = clientError ?? (noteServerError?.code as ErrorCode | undefined) ?? null;
  const errorText = (code: string) =>
    t(`insights.contactRequests.errors.${code as ErrorCode}`, {
      defaultValue: t('insights.contactRequests.errors.unknown'),
    });

  const onResolve = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = noteError(note);
    setClientError(problem);
    if (problem) return;
    const result = await resolve({ variables: { input: { id, note: note.trim() || null } } }).catch(
      () => null,
    );
    const answer = result?.data?.resolveContactRequest;
    if (answer?.userErrors.some((e) => e.code === 'ALREADY_RESOLVED')) void refetch();
    if (answer && answer.userErrors.length === 0) {
      setNote('');
      onResolved();
    }
  };

  return (
    <aside
      className="contact-request-detail"
      aria-labelledby={headingId}
      data-testid="contact-request-detail"
    >
      {error ? (
        <Alert tone="error">
          {summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}
        </Alert>
      ) : loading && !request ? (
        <LoadingState label={t('insights.contactRequests.loading')} />
      ) : !request ? (
        <>
          <h2 id={headingId}>{t('insights.contactRequests.detail.notFoundTitle')}</h2>
          <p>{t('insights.contactRequests.detail.notFoundBody')}</p>
          <Button variant="secondary" onClick={onClose}>
            {t('insights.contactRequests.detail.close')}
          </Button>
        </>
      ) : (
        <>
          <div className="contact-request-detail__header">
            <h2 id={headingId} ref={headingRef} tabIndex={-1}>
              {t('insights.contactRequests.detail.title', { reference: request.reference })}
            </h2>
            <Button variant="ghost" onClick={onClose}>
              {t('insights.contactRequests.detail.close')}
            </Button>
          </div>
          <span
            className={`contact-status contact-status--${request.status.toLowerCase()}`}
            data-testid="contact-request-status"
          >
            {t(`insights.contactRequests.status.${request.status}`)}
          </span>
          <dl className="contact-request-detail__facts">
            <dt>{t('insights.contactRequests.detail.from')}</dt>
            <dd>{request.name}</dd>
            <dt>{t('insights.contactRequests.detail.email')}</dt>
            <dd>
              <a href={replyHref(request)}>{request.email}</a>
            </dd>
            <dt>{t('insights.contactRequests.columns.topic')}</dt>
            <dd>{t(`insights.contactRequests.topic.${request.topic}`)}</dd>
            <dt>{t('insights.contactRequests.detail.order')}</dt>
            <dd>
              {request.orderNumber ? (
                <Link to={paths.order.getHref(request.orderNumber)}>{request.orderNumber}</Link>
              ) : (
                t('insights.contactRequests.detail.noOrder')
              )}
            </dd>
            <dt>{t('insights.contactRequests.detail.language')}</dt>
            <dd>{t(`insights.contactRequests.language.${request.locale}`)}</dd>
            <dt>{t('insights.contactRequests.detail.account')}</dt>
            <dd>
              {request.fromAccount
                ? t('insights.contactRequests.detail.signedIn')
                : t('insights.contactRequests.detail.guest')}
            </dd>
            <dt>{t('insights.contactRequests.detail.received')}</dt>
            <dd>{dateFormat.format(new Date(request.createdAt))}</dd>
          </dl>
          <h3 className="contact-request-detail__subheading">
            {t('insights.contactRequests.detail.message')}
          </h3>
          <p className="contact-request-detail__message">{request.message}</p>
          <a
            className="ui-button ui-button--secondary contact-request-detail__reply"
            href={replyHref(request)}
          >
            {t('insights.contactRequests.detail.replyByEmail')}
          </a>

          {request.status === 'CLOSED' ? (
            <div className="contact-request-detail__resolution">
              {payload?.contactRequest && (
                <Alert tone="info">{t('insights.contactRequests.detail.resolved')}</Alert>
              )}
              {request.resolvedAt && (
                <p>
                  {t('insights.contactRequests.detail.handledBy', {
                    email: request.resolvedByEmail ?? '—',
                    date: dateFormat.format(new Date(request.resolvedAt)),
                  })}
                </p>
              )}
              {request.resolutionNote && (
                <>
                  <h3 className="contact-request-detail__subheading">
                    {t('insights.contactRequests.detail.note')}
                  </h3>
                  <p className="contact-request-detail__message">{request.resolutionNote}</p>
                </>
              )}
            </div>
          ) : (
            <form className="contact-request-detail__form" onSubmit={(e) => void onResolve(e)} noValidate>
              {generalErrors.map((e) => (
                <Alert key={e.code} tone="error">
                  {errorText(e.code)}
                </Alert>
              ))}
              <div className="ui-field">
                <label className="ui-field__label" htmlFor={noteId}>
                  {t('insights.contactRequests.detail.noteLabel')}
                </label>
                <textarea
                  id={noteId}
                  name="note"
                  className="ui-field__input"
                  rows={4}
                  maxLength={MAX_NOTE + 100}
                  value={note}
                  onChange={(e) => {
                    setNote(e.target.value);
                    setClientError(null);
                  }}
                  aria-invalid={noteProblem ? true : undefined}
                  aria-describedby={noteProblem ? noteErrorId : undefined}
                />
                {noteProblem && (
                  <p id={noteErrorId} className="contact-request-detail__field-error">
                    {errorText(noteProblem)}
                  </p>
                )}
              </div>
              <Button type="submit" data-testid="resolve-contact-request" pending={resolving.loading}>
                {resolving.loading
                  ? t('insights.contactRequests.detail.resolving')
                  : t('insights.contactRequests.detail.resolve')}
              </Button>
            </form>
          )}
        </>
      )}
    </aside>
  );
}

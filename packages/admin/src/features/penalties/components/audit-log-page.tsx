import { useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import { summarizeError } from '../../../lib/errors';
import { type AuditView, auditFilterOf, auditViewParams, parseAuditView, prettyJson } from '../lib/view';
import './penalties.css';

const AuditLogQuery = graphql(`
  query AuditLogPage_Query($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        actorName
        actorEmail
        action
        subjectType
        subjectId
        before
        after
        reason
        requestId
        createdAt
      }
    }
  }
`);

const PAGE_SIZE = 50;
const SUBJECT_TYPES = ['USER', 'MERCHANT', 'VIOLATION', 'SANCTION', 'CLAIM', 'ORDER', 'PENALTY_RULE'];

/** The append-only audit log for platform admins: filters and page in the URL, newest first. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseAuditView(params), [params]);
  const [draft, setDraft] = useState<AuditView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  useEffect(() => setDraft(view), [view]);
  const { data, loading, error, refetch } = useQuery(AuditLogQuery, {
    variables: { first: PAGE_SIZE, after: view.after, filter: auditFilterOf(view) },
    notifyOnNetworkStatusChange: true,
  });
  const go = (next: AuditView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(auditViewParams(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null });
  };
  const list = data?.auditLog;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  return (
    <div className="audit-log-page">
      <title>{`${t('penalties.audit.title')} · ${t('app.name')}`}</title>
      <header className="penalties-page__header">
        <h1>{t('penalties.audit.title')}</h1>
        <p className="penalties-muted">{t('penalties.audit.intro')}</p>
      </header>
      <search>
        <form
          className="penalties-filters"
          onSubmit={onFilter}
          aria-label={t('penalties.audit.filters.legend')}
        >
          <TextField
            label={t('penalties.audit.filters.action')}
            name="action"
            type="search"
            value={draft.action}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="audit-subject-type">
              {t('penalties.audit.filters.subjectType')}
            </label>
            <select
              id="audit-subject-type"
              name="subjectType"
              className="ui-field__input"
              value={draft.subjectType}
              onChange={(e) => setDraft({ ...draft, subjectType: e.target.value })}
            >
              <option value="">{t('penalties.audit.filters.anySubjectType')}</option>
              {[...new Set([...SUBJECT_TYPES, ...(draft.subjectType ? [draft.subjectType] : [])])].map(
                (type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ),
              )}
            </select>
          </div>
          <TextField
            label={t('penalties.audit.filters.subjectId')}
            name="subjectId"
            inputMode="numeric"
            pattern="[0-9]*"
            value={draft.subjectId}
            onChange={(e) => setDraft({ ...draft, subjectId: e.target.value.replace(/\D/g, '').slice(0, 9) })}
          />
          <TextField
            label={t('penalties.audit.filters.from')}
            name="from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <TextField
            label={t('penalties.audit.filters.to')}
            name="to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          <label className="penalties-check">
            <input
              type="checkbox"
              name="systemOnly"
              checked={draft.systemOnly}
              onChange={(e) => setDraft({ ...draft, systemOnly: e.target.checked })}
            />{' '}
            {t('penalties.audit.filters.systemOnly')}
          </label>
          <div className="penalties-form__actions">
            <Button type="submit">{t('penalties.audit.filters.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseAuditView(new URLSearchParams()))}>
              {t('penalties.audit.filters.reset')}
            </Button>
          </div>
        </form>
      </search>

      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !list && loading ? (
        <LoadingState label={t('penalties.audit.loading')} />
      ) : list && list.nodes.length === 0 ? (
        <StatusPanel title={t('penalties.audit.emptyTitle')}>
          <p>{t('penalties.audit.emptyBody')}</p>
        </StatusPanel>
      ) : list ? (
        <>
          <p className="penalties-muted" aria-live="polite">
            {t('penalties.audit.count', { count: list.totalCount })}
          </p>
          <div className="penalties-table-wrap">
            <table className="penalties-table" data-testid="audit-log-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('penalties.audit.columns.time')}</th>
                  <th scope="col">{t('penalties.audit.columns.actor')}</th>
                  <th scope="col">{t('penalties.audit.columns.action')}</th>
                  <th scope="col">{t('penalties.audit.columns.subject')}</th>
                  <th scope="col">{t('penalties.audit.columns.reason')}</th>
                  <th scope="col">{t('penalties.audit.columns.change')}</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((entry) => (
                  <tr
                    key={entry.id}
                    data-testid="audit-log-row"
                    data-action={entry.action}
                    data-subject={`${entry.subjectType}:${entry.subjectId}`}
                  >
                    <td className="penalties-nowrap">{dateFormat.format(new Date(entry.createdAt))}</td>
                    <td className="penalties-table__subject">
                      <span>{entry.actorName ?? t('penalties.audit.platform')}</span>
                      {entry.actorEmail && <span className="penalties-muted">{entry.actorEmail}</span>}
                    </td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td className="penalties-nowrap">
                      {entry.subjectType} #{entry.subjectId}
                    </td>
                    <td>{entry.reason ?? '—'}</td>
                    <td>
                      <details>
                        <summary>{t('penalties.audit.showChange')}</summary>
                        <p className="penalties-muted">{t('penalties.audit.before')}</p>
                        <pre className="audit-change">{prettyJson(entry.before)}</pre>
                        <p className="penalties-muted">{t('penalties.audit.after')}</p>
                        <pre className="audit-change">{prettyJson(entry.after)}</pre>
                        {entry.requestId && (
                          <p className="penalties-muted">
                            {t('penalties.audit.request', { id: entry.requestId })}
                          </p>
                        )}
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="penalties-pager" aria-label={t('penalties.audit.title')}>
            <Button
              variant="secondary"
              disabled={previous.length === 0 || loading}
              onClick={() => {
                const before = previous.at(-1) ?? null;
                setPrevious((p) => p.slice(0, -1));
                go({ ...view, after: before }, true);
              }}
            >
              {t('penalties.previousPage')}
            </Button>
            <Button
              variant="secondary"
              disabled={!list.pageInfo.hasNextPage || loading}
              onClick={() => {
                setPrevious((p) => [...p, view.after]);
                go({ ...view, after: list.pageInfo.endCursor ?? null }, true);
              }}
            >
              {t('penalties.nextPage')}
            </Button>
          </nav>
        </>
      ) : null}
    </div>
  );
}

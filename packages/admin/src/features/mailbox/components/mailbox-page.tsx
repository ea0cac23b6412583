import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import { summarizeError } from '../../../lib/errors';
import './mailbox.css';

const MailboxPageQuery = graphql(`
  query MailboxPage_MailboxQuery(
    $first: Int!
    $after: String
    $to: String
    $status: String
    $template: String
    $direction: SortDirection
  ) {
    developmentMailbox(
      first: $first
      after: $after
      to: $to
      status: $status
      template: $template
      direction: $direction
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        to
        subject
        text
        template
        locale
        status
        createdAt
        sentAt
      }
    }
  }
`);

const PAGE_SIZE = 25;
const STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;

/**
 * The development mailbox: every email the platform wrote (verification links, order emails …),
 * newest first. With SMTP configured they were also sent; without it this is where they are read.
 */
export function MailboxPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const to = params.get('to')?.trim() || null;
  const statusParam = params.get('status');
  const status = STATUSES.find((s) => s === statusParam) ?? null;
  const template = params.get('template')?.trim() || null;
  const direction = params.get('dir') === 'ASC' ? 'ASC' : 'DESC';
  const after = params.get('after') || null;
  // Cursors of the pages before this one, so "Previous" goes back one page.
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [draft, setDraft] = useState(to ?? '');
  const [draftTemplate, setDraftTemplate] = useState(template ?? '');
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(MailboxPageQuery, {
    variables: { first: PAGE_SIZE, after, to, status, template, direction },
    notifyOnNetworkStatusChange: true,
  });
  const title = `${t('nav.sections.mailbox')} · ${t('app.name')}`;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(params);
    const set = (key: string, value: string | null) => {
      if (value) next.set(key, value);
      else next.delete(key);
    };
    set('to', draft.trim() || null);
    set('template', draftTemplate.trim() || null);
    set('status', String(form.get('status') ?? '') || null);
    set('dir', form.get('dir') === 'ASC' ? 'ASC' : null);
    next.delete('after');
    setPrevious([]);
    setParams(next);
  };
  const goTo = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('after', cursor);
    else next.delete('after');
    setOpenId(null);
    setParams(next);
  };

  if (error) {
    const summary = summarizeError(error);
    return (
      <StatusPanel
        tone="error"
        title={t('errors.title')}
        actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
      >
        <p>{summary.kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
      </StatusPanel>
    );
  }

  const mailbox = (data ?? previousData)?.developmentMailbox;
  return (
    <div className="mailbox-page">
      <title>{title}</title>
      <header className="mailbox-page__header">
        <h1>{t('mailbox.title')}</h1>
        <p className="mailbox-page__intro">{t('mailbox.intro')}</p>
        <search>
          <form className="mailbox-page__filter" onSubmit={onFilter}>
            <TextField
              label={t('mailbox.filterLabel')}
              name="to"
              type="email"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              autoComplete="off"
            />
            <TextField
              label={t('insights.mailbox.template')}
              name="template"
              value={draftTemplate}
              maxLength={100}
              onChange={(e) => setDraftTemplate(e.target.value)}
              autoComplete="off"
            />
            <div className="ui-field">
              <label className="ui-field__label" htmlFor="mailbox-status">
                {t('insights.mailbox.status')}
              </label>
              <select
                id="mailbox-status"
                name="status"
                className="ui-field__input"
                defaultValue={status ?? ''}
                key={`s-${status}`}
              >
                <option value="">{t('insights.mailbox.anyStatus')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`mailbox.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="ui-field">
              <label className="ui-field__label" htmlFor="mailbox-dir">
                {t('insights.mailbox.order')}
              </label>
              <select
                id="mailbox-dir"
                name="dir"
                className="ui-field__input"
                defaultValue={direction}
                key={`d-${direction}`}
              >
                <option value="DESC">{t('insights.mailbox.newestFirst')}</option>
                <option value="ASC">{t('insights.mailbox.oldestFirst')}</option>
              </select>
            </div>
            <Button type="submit">{t('mailbox.filter')}</Button>
          </form>
        </search>
      </header>
      {!mailbox && loading ? (
        <LoadingState label={t('app.loading')} />
      ) : mailbox && mailbox.nodes.length === 0 ? (
        <StatusPanel title={t('mailbox.emptyTitle')}>
          <p>{t('mailbox.emptyBody')}</p>
        </StatusPanel>
      ) : mailbox ? (
        <>
          <p className="mailbox-page__count">{t('mailbox.count', { count: mailbox.totalCount })}</p>
          <ul className="mailbox-list" data-testid="mailbox-list">
            {mailbox.nodes.map((mail) => {
              const open = openId === mail.id;
              return (
                <li key={mail.id} className="mailbox-item" data-testid="mailbox-item">
                  <button
                    type="button"
                    className="mailbox-item__summary"
                    aria-expanded={open}
                    aria-controls={`mail-${mail.id}`}
                    onClick={() => setOpenId(open ? null : mail.id)}
                  >
                    <span className="mailbox-item__subject">{mail.subject}</span>
                    <span className="mailbox-item__meta">
                      {t('mailbox.toLine', { to: mail.to })} · {dateFormat.format(new Date(mail.createdAt))} ·{' '}
                      <span className={`mailbox-status mailbox-status--${mail.status.toLowerCase()}`}>
                        {t(`mailbox.status.${mail.status as 'PENDING' | 'SENT' | 'FAILED'}`)}
                      </span>
                    </span>
                  </button>
                  {open && (
                    <div id={`mail-${mail.id}`} className="mailbox-item__body">
                      <p className="mailbox-item__template">
                        {t('mailbox.template', { template: mail.template, locale: mail.locale })}
                      </p>
                      {/* Plain text, rendered as text: nothing in an email can run in the admin app. */}
                      <pre className="mailbox-item__text">{mail.text}</pre>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <nav className="mailbox-page__pager" aria-label={t('insights.mailbox.pages')}>
            <Button
              variant="secondary"
              disabled={(previous.length === 0 && after === null) || loading}
              onClick={() => {
                const before = previous.at(-1) ?? null;
                setPrevious((p) => p.slice(0, -1));
                goTo(before);
              }}
            >
              {t('insights.mailbox.previousPage')}
            </Button>
            <Button
              variant="secondary"
              disabled={!mailbox.pageInfo.hasNextPage || loading}
              onClick={() => {
                setPrevious((p) => [...p, after]);
                goTo(mailbox.pageInfo.endCursor ?? null);
              }}
            >
              {t('insights.mailbox.nextPage')}
            </Button>
          </nav>
        </>
      ) : null}
    </div>
  );
}

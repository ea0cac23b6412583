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
  query MailboxPage_MailboxQuery($first: Int!, $after: String, $to: String) {
    developmentMailbox(first: $first, after: $after, to: $to) {
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

/**
 * The development mailbox: every email the platform wrote (verification links, order emails …),
 * newest first. With SMTP configured they were also sent; without it this is where they are read.
 */
export function MailboxPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const to = params.get('to')?.trim() || null;
  const [draft, setDraft] = useState(to ?? '');
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(MailboxPageQuery, {
    variables: { first: PAGE_SIZE, to },
    notifyOnNetworkStatusChange: true,
  });
  const title = `${t('nav.sections.mailbox')} · ${t('app.name')}`;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set('to', draft.trim());
    else next.delete('to');
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

  const mailbox = data?.developmentMailbox;
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
          {mailbox.pageInfo.hasNextPage && (
            <Button
              variant="secondary"
              disabled={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: mailbox.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    developmentMailbox: {
                      ...fetchMoreResult.developmentMailbox,
                      nodes: [
                        ...previous.developmentMailbox.nodes,
                        ...fetchMoreResult.developmentMailbox.nodes,
                      ],
                    },
                  }),
                })
              }
            >
              {t('mailbox.loadMore')}
            </Button>
          )}
        </>
      ) : null}
    </div>
  );
}

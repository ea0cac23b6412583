import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { Locale } from '../../../gql/graphql';
import { checkDisplayName, checkEmail } from '../lib/account-input';
import { parseTeamView, type TeamView, teamViewParams } from '../lib/views';
import { AccountsTable } from './accounts-table';
import { ProfileForm } from './merchant-detail-page';
import { errorFor, Pager, QueryError } from './shared';
import './platform.css';

const TeamPageQuery = graphql(`
  query TeamPage_TeamQuery($first: Int!, $after: String, $filter: StaffUsersFilter, $sort: StaffUsersSort) {
    viewer {
      id
      merchantRole
      merchant {
        id
      }
    }
    staffUsers(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        email
        displayName
        role
        merchantRole
        status
        createdAt
        invitationAccepted
        viewerCanManage
      }
    }
  }
`);

const TeamPageInviteMutation = graphql(`
  mutation TeamPage_InviteMutation($input: InviteMerchantStaffInput!) {
    inviteMerchantStaff(input: $input) {
      user {
        id
        email
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const TeamPageStoreQuery = graphql(`
  query TeamPage_StoreQuery($id: ID!) {
    staffMerchant(id: $id) {
      id
      status
      nameEn
      nameZh
      descriptionEn
      descriptionZh
    }
  }
`);

const PAGE_SIZE = 50;

const SORT_FIELDS = ['CREATED_AT', 'EMAIL', 'DISPLAY_NAME'] as const;

/**
 * A store's team: everyone sees the list (filters, sort and page kept in the URL); the owner invites
 * and disables/enables its staff.
 */
export function TeamPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseTeamView(params), [params]);
  const [draft, setDraft] = useState<TeamView>(view);
  useEffect(() => setDraft(view), [view]);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const { data, previousData, loading, error, refetch } = useQuery(TeamPageQuery, {
    variables: {
      first: PAGE_SIZE,
      after: view.after,
      filter: { query: view.query.trim() || null, status: view.status },
      sort: { field: view.sortField, direction: view.sortDirection },
    },
    notifyOnNetworkStatusChange: true,
  });
  const go = (next: TeamView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(teamViewParams(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null });
  };
  const result = data ?? previousData;
  const owner = result?.viewer?.merchantRole === 'OWNER';
  const storeId = result?.viewer?.merchant?.id ?? null;
  const store = useQuery(TeamPageStoreQuery, { variables: { id: storeId ?? '' }, skip: !owner || !storeId });
  const profile = store.data?.staffMerchant;
  const team = result?.staffUsers;

  return (
    <div className="platform-page">
      <title>{`${t('platform.team.title')} · ${t('app.name')}`}</title>
      <header className="platform-page__header">
        <h1>{t('platform.team.title')}</h1>
        <p className="platform-muted">{t('platform.team.intro')}</p>
      </header>
      <search>
        <form
          className="platform-filters"
          onSubmit={onFilter}
          aria-label={t('platform.users.filters.legend')}
          data-testid="team-filters"
        >
          <TextField
            label={t('platform.users.filters.query')}
            name="query"
            type="search"
            value={draft.query}
            onChange={(e) => setDraft({ ...draft, query: e.target.value })}
            autoComplete="off"
          />
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="team-status">
              {t('platform.users.filters.status')}
            </label>
            <select
              id="team-status"
              name="status"
              className="ui-field__input"
              value={draft.status ?? ''}
              onChange={(e) => setDraft({ ...draft, status: (e.target.value || null) as TeamView['status'] })}
            >
              <option value="">{t('platform.common.any')}</option>
              <option value="ACTIVE">{t('platform.accountStatus.ACTIVE')}</option>
              <option value="DISABLED">{t('platform.accountStatus.DISABLED')}</option>
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="team-sort">
              {t('platform.common.sortBy')}
            </label>
            <select
              id="team-sort"
              name="sort"
              className="ui-field__input"
              value={`${draft.sortField}:${draft.sortDirection}`}
              onChange={(e) => {
                const [field, direction] = e.target.value.split(':') as [
                  TeamView['sortField'],
                  'ASC' | 'DESC',
                ];
                setDraft({ ...draft, sortField: field, sortDirection: direction });
              }}
            >
              {SORT_FIELDS.flatMap((f) =>
                (['ASC', 'DESC'] as const).map((d) => (
                  <option key={`${f}:${d}`} value={`${f}:${d}`}>
                    {`${t(`platform.users.sort.${f}`)} · ${d === 'ASC' ? t('platform.common.ascending') : t('platform.common.descending')}`}
                  </option>
                )),
              )}
            </select>
          </div>
          <div className="platform-actions">
            <Button type="submit">{t('platform.common.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseTeamView(new URLSearchParams()))}>
              {t('platform.common.reset')}
            </Button>
          </div>
        </form>
      </search>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !team ? (
        <LoadingState label={t('platform.accounts.loading')} />
      ) : (
        <>
          {!owner && <Alert tone="info">{t('platform.team.ownerOnly')}</Alert>}
          <p className="platform-muted" aria-live="polite">
            {t('platform.accounts.count', { count: team.totalCount })}
          </p>
          {team.nodes.length === 0 ? (
            <StatusPanel title={t('platform.accounts.emptyTitle')}>
              <p>{t('platform.accounts.emptyBody')}</p>
            </StatusPanel>
          ) : (
            <AccountsTable rows={team.nodes} testId="team" showStore={false} busy={loading} />
          )}
          <Pager
            label={t('platform.team.title')}
            hasPrevious={previous.length > 0 || view.after !== null}
            hasNext={team.pageInfo.hasNextPage}
            busy={loading}
            onPrevious={() => {
              const before = previous.at(-1) ?? null;
              setPrevious((p) => p.slice(0, -1));
              go({ ...view, after: before }, true);
            }}
            onNext={() => {
              setPrevious((p) => [...p, view.after]);
              go({ ...view, after: team.pageInfo.endCursor ?? null }, true);
            }}
          />
          {owner && <InviteForm onInvited={() => void refetch()} />}
          {owner && profile && (
            <ProfileForm
              key={profile.id}
              id={profile.id}
              initial={{
                nameEn: profile.nameEn,
                nameZh: profile.nameZh,
                descriptionEn: profile.descriptionEn,
                descriptionZh: profile.descriptionZh,
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t, i18n } = useTranslation();
  const empty = {
    email: '',
    displayName: '',
    locale: (i18n.language === 'zh-TW' ? 'ZH_TW' : 'EN') as Locale,
  };
  const [form, setForm] = useState(empty);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [invite, inviting] = useMutation(TeamPageInviteMutation);
  const serverErrors = inviting.data?.inviteMerchantStaff.userErrors;
  const fieldError = (field: string) => {
    const server = errorFor(serverErrors, field);
    return clientErrors[field] ?? (server ? t(`platform.staffErrors.${server.code}`) : undefined);
  };
  const general = serverErrors?.filter((e) => !e.field);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const errors: Record<string, string> = {};
    if (!checkEmail(form.email)) errors.email = t('platform.staffErrors.INVALID_EMAIL');
    if (!checkDisplayName(form.displayName))
      errors.displayName = t('platform.staffErrors.INVALID_DISPLAY_NAME');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await invite({ variables: { input: form } }).catch(() => null);
    const payload = result?.data?.inviteMerchantStaff;
    if (payload?.user) {
      setDone(t('platform.team.invite.done', { email: payload.user.email }));
      setForm(empty);
      onInvited();
    } else if (!payload) {
      setClientErrors({ form: t('errors.unexpected') });
    }
  };

  return (
    <section className="platform-card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('platform.team.invite.title')}</h2>
      <p className="platform-muted">{t('platform.team.invite.intro')}</p>
      {done && <Alert tone="info">{done}</Alert>}
      {clientErrors.form && <Alert tone="error">{clientErrors.form}</Alert>}
      {general?.map((e) => (
        <Alert key={e.code} tone="error">
          {t(`platform.staffErrors.${e.code}`)}
        </Alert>
      ))}
      <form
        className="platform-form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        data-testid="invite-staff-form"
      >
        <div className="platform-form__row">
          <div>
            <TextField
              label={t('platform.team.invite.email')}
              name="email"
              type="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
              aria-invalid={fieldError('email') ? true : undefined}
              required
            />
            {fieldError('email') && <p className="platform-field-error">{fieldError('email')}</p>}
          </div>
          <div>
            <TextField
              label={t('platform.team.invite.displayName')}
              name="displayName"
              value={form.displayName}
              maxLength={60}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
              aria-invalid={fieldError('displayName') ? true : undefined}
              required
            />
            {fieldError('displayName') && <p className="platform-field-error">{fieldError('displayName')}</p>}
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="invite-locale">
              {t('platform.team.invite.locale')}
            </label>
            <select
              id="invite-locale"
              name="locale"
              className="ui-field__input"
              value={form.locale}
              onChange={(e) => setForm({ ...form, locale: e.target.value as Locale })}
            >
              <option value="EN">{t('platform.common.english')}</option>
              <option value="ZH_TW">{t('platform.common.chinese')}</option>
            </select>
          </div>
        </div>
        <div className="platform-actions">
          <Button type="submit" pending={inviting.loading}>
            {inviting.loading ? t('platform.team.invite.submitting') : t('platform.team.invite.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

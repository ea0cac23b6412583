import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { Locale } from '../../../gql/graphql';
import { checkDisplayName, checkEmail } from '../lib/account-input';
import { AccountsTable } from './accounts-table';
import { ProfileForm } from './merchant-detail-page';
import { errorFor, Pager, QueryError } from './shared';
import './platform.css';

const TeamPageQuery = graphql(`
  query TeamPage_TeamQuery($first: Int!, $after: String) {
    viewer {
      id
      merchantRole
      merchant {
        id
      }
    }
    staffUsers(first: $first, after: $after, sort: { field: CREATED_AT, direction: ASC }) {
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

/** A store's team: everyone sees the list; the owner invites and disables/enables its staff. */
export function TeamPage() {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | null>(null);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const { data, loading, error, refetch } = useQuery(TeamPageQuery, {
    variables: { first: PAGE_SIZE, after },
    notifyOnNetworkStatusChange: true,
  });
  const owner = data?.viewer?.merchantRole === 'OWNER';
  const storeId = data?.viewer?.merchant?.id ?? null;
  const store = useQuery(TeamPageStoreQuery, { variables: { id: storeId ?? '' }, skip: !owner || !storeId });
  const profile = store.data?.staffMerchant;
  const team = data?.staffUsers;

  return (
    <div className="platform-page">
      <title>{`${t('platform.team.title')} · ${t('app.name')}`}</title>
      <header className="platform-page__header">
        <h1>{t('platform.team.title')}</h1>
        <p className="platform-muted">{t('platform.team.intro')}</p>
      </header>
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
          <AccountsTable rows={team.nodes} testId="team" showStore={false} busy={loading} />
          <Pager
            label={t('platform.team.title')}
            hasPrevious={previous.length > 0}
            hasNext={team.pageInfo.hasNextPage}
            busy={loading}
            onPrevious={() => {
              setAfter(previous.at(-1) ?? null);
              setPrevious((p) => p.slice(0, -1));
            }}
            onNext={() => {
              setPrevious((p) => [...p, after]);
              setAfter(team.pageInfo.endCursor ?? null);
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

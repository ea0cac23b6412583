import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { Locale, MerchantRole, StaffRole } from '../../../gql/graphql';
import { checkDisplayName, checkEmail } from '../lib/account-input';
import { parseUsersView, type UsersView, usersViewParams } from '../lib/views';
import { AccountsTable } from './accounts-table';
import { errorFor, Pager, QueryError } from './shared';
import './platform.css';

const UsersPageQuery = graphql(`
  query UsersPage_UsersQuery($first: Int!, $after: String, $filter: StaffUsersFilter, $sort: StaffUsersSort) {
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
        merchant {
          id
          handle
        }
      }
    }
  }
`);

const UsersPageMerchantsQuery = graphql(`
  query UsersPage_MerchantsQuery {
    staffMerchants(first: 100, sort: { field: HANDLE, direction: ASC }) {
      nodes {
        id
        handle
        nameEn
        nameZh
      }
    }
  }
`);

const UsersPageCreateMutation = graphql(`
  mutation UsersPage_CreateStaffAccountMutation($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
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

const PAGE_SIZE = 25;
const ROLES = ['SHOPPER', 'MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN'] as const;
const STAFF_ROLES: StaffRole[] = ['CUSTOMER_SERVICE', 'ADMIN', 'MERCHANT_STAFF'];

/** Every account (admins): server-side filters, sort and pages kept in the URL; create staff; disable/enable. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseUsersView(params), [params]);
  const [draft, setDraft] = useState<UsersView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  useEffect(() => setDraft(view), [view]);

  const { data, loading, error, refetch } = useQuery(UsersPageQuery, {
    variables: {
      first: PAGE_SIZE,
      after: view.after,
      filter: {
        query: view.query || null,
        role: view.role,
        status: view.status,
        merchantId: view.merchantId,
      },
      sort: { field: view.sortField, direction: view.sortDirection },
    },
    notifyOnNetworkStatusChange: true,
  });
  const merchants = useQuery(UsersPageMerchantsQuery);
  const storeName = (m: { nameEn: string; nameZh: string; handle: string }) =>
    `${i18n.language === 'zh-TW' ? m.nameZh : m.nameEn} (${m.handle})`;

  const go = (next: UsersView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(usersViewParams(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null });
  };

  const users = data?.staffUsers;
  return (
    <div className="platform-page">
      <title>{`${t('platform.users.title')} · ${t('app.name')}`}</title>
      <header className="platform-page__header">
        <h1>{t('platform.users.title')}</h1>
        <p className="platform-muted">{t('platform.users.intro')}</p>
      </header>

      <search>
        <form
          className="platform-filters"
          onSubmit={onFilter}
          aria-label={t('platform.users.filters.legend')}
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
            <label className="ui-field__label" htmlFor="users-role">
              {t('platform.users.filters.role')}
            </label>
            <select
              id="users-role"
              name="role"
              className="ui-field__input"
              value={draft.role ?? ''}
              onChange={(e) => setDraft({ ...draft, role: (e.target.value || null) as UsersView['role'] })}
            >
              <option value="">{t('platform.common.any')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="users-status">
              {t('platform.users.filters.status')}
            </label>
            <select
              id="users-status"
              name="status"
              className="ui-field__input"
              value={draft.status ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, status: (e.target.value || null) as UsersView['status'] })
              }
            >
              <option value="">{t('platform.common.any')}</option>
              <option value="ACTIVE">{t('platform.accountStatus.ACTIVE')}</option>
              <option value="DISABLED">{t('platform.accountStatus.DISABLED')}</option>
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="users-store">
              {t('platform.users.filters.store')}
            </label>
            <select
              id="users-store"
              name="merchantId"
              className="ui-field__input"
              value={draft.merchantId ?? ''}
              onChange={(e) => setDraft({ ...draft, merchantId: e.target.value || null })}
            >
              <option value="">{t('platform.common.any')}</option>
              {merchants.data?.staffMerchants.nodes.map((m) => (
                <option key={m.id} value={m.id}>
                  {storeName(m)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="users-sort">
              {t('platform.common.sortBy')}
            </label>
            <select
              id="users-sort"
              name="sort"
              className="ui-field__input"
              value={`${draft.sortField}:${draft.sortDirection}`}
              onChange={(e) => {
                const [field, direction] = e.target.value.split(':') as [
                  UsersView['sortField'],
                  'ASC' | 'DESC',
                ];
                setDraft({ ...draft, sortField: field, sortDirection: direction });
              }}
            >
              {(['CREATED_AT', 'EMAIL', 'DISPLAY_NAME'] as const).flatMap((f) =>
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
            <Button variant="ghost" onClick={() => go(parseUsersView(new URLSearchParams()))}>
              {t('platform.common.reset')}
            </Button>
          </div>
        </form>
      </search>

      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !users && loading ? (
        <LoadingState label={t('platform.accounts.loading')} />
      ) : users && users.nodes.length === 0 ? (
        <StatusPanel title={t('platform.accounts.emptyTitle')}>
          <p>{t('platform.accounts.emptyBody')}</p>
        </StatusPanel>
      ) : users ? (
        <>
          <p className="platform-muted" aria-live="polite">
            {t('platform.accounts.count', { count: users.totalCount })}
          </p>
          <AccountsTable rows={users.nodes} testId="users" showStore busy={loading} />
          <Pager
            label={t('platform.users.title')}
            hasPrevious={previous.length > 0}
            hasNext={users.pageInfo.hasNextPage}
            busy={loading}
            onPrevious={() => {
              const before = previous.at(-1) ?? null;
              setPrevious((p) => p.slice(0, -1));
              go({ ...view, after: before }, true);
            }}
            onNext={() => {
              setPrevious((p) => [...p, view.after]);
              go({ ...view, after: users.pageInfo.endCursor ?? null }, true);
            }}
          />
        </>
      ) : null}

      <CreateStaffForm
        merchants={merchants.data?.staffMerchants.nodes.map((m) => ({ id: m.id, label: storeName(m) })) ?? []}
        onCreated={() => void refetch()}
      />
    </div>
  );
}

function CreateStaffForm({
  merchants,
  onCreated,
}: {
  merchants: { id: string; label: string }[];
  onCreated: () => void;
}) {
  const { t, i18n } = useTranslation();
  const empty = {
    email: '',
    displayName: '',
    role: 'CUSTOMER_SERVICE' as StaffRole,
    merchantId: '',
    merchantRole: 'STAFF' as MerchantRole,
    locale: (i18n.language === 'zh-TW' ? 'ZH_TW' : 'EN') as Locale,
  };
  const [form, setForm] = useState(empty);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [create, creating] = useMutation(UsersPageCreateMutation);
  const serverErrors = creating.data?.createStaffAccount.userErrors;
  const fieldError = (field: string) => {
    const server = errorFor(serverErrors, field);
    return clientErrors[field] ?? (server ? t(`platform.staffErrors.${server.code}`) : undefined);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const errors: Record<string, string> = {};
    if (!checkEmail(form.email)) errors.email = t('platform.staffErrors.INVALID_EMAIL');
    if (!checkDisplayName(form.displayName))
      errors.displayName = t('platform.staffErrors.INVALID_DISPLAY_NAME');
    if (form.role === 'MERCHANT_STAFF' && !form.merchantId)
      errors.merchantId = t('platform.staffErrors.MERCHANT_REQUIRED');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const merchant = form.role === 'MERCHANT_STAFF';
    const result = await create({
      variables: {
        input: {
          email: form.email,
          displayName: form.displayName,
          role: form.role,
          merchantId: merchant ? form.merchantId : null,
          merchantRole: merchant ? form.merchantRole : null,
          locale: form.locale,
        },
      },
    }).catch(() => null);
    const payload = result?.data?.createStaffAccount;
    if (payload?.user) {
      setDone(t('platform.users.create.done', { email: payload.user.email }));
      setForm(empty);
      onCreated();
    } else if (!payload) {
      setClientErrors({ form: t('errors.unexpected') });
    }
  };

  return (
    <section className="platform-card" aria-labelledby="create-staff-title">
      <h2 id="create-staff-title">{t('platform.users.create.title')}</h2>
      <p className="platform-muted">{t('platform.users.create.intro')}</p>
      {done && <Alert tone="info">{done}</Alert>}
      {clientErrors.form && <Alert tone="error">{clientErrors.form}</Alert>}
      <form
        className="platform-form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        data-testid="create-staff-form"
      >
        <div className="platform-form__row">
          <div>
            <TextField
              label={t('platform.users.create.email')}
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
              label={t('platform.users.create.displayName')}
              name="displayName"
              value={form.displayName}
              maxLength={60}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
              aria-invalid={fieldError('displayName') ? true : undefined}
              required
            />
            {fieldError('displayName') && <p className="platform-field-error">{fieldError('displayName')}</p>}
          </div>
        </div>
        <div className="platform-form__row">
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="create-role">
              {t('platform.users.create.role')}
            </label>
            <select
              id="create-role"
              name="role"
              className="ui-field__input"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}
            >
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="create-locale">
              {t('platform.users.create.locale')}
            </label>
            <select
              id="create-locale"
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
        {form.role === 'MERCHANT_STAFF' && (
          <div className="platform-form__row">
            <div className="ui-field">
              <label className="ui-field__label" htmlFor="create-store">
                {t('platform.users.create.store')}
              </label>
              <select
                id="create-store"
                name="merchantId"
                className="ui-field__input"
                value={form.merchantId}
                aria-invalid={fieldError('merchantId') ? true : undefined}
                onChange={(e) => setForm({ ...form, merchantId: e.target.value })}
              >
                <option value="">{t('platform.users.create.chooseStore')}</option>
                {merchants.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
              {fieldError('merchantId') && <p className="platform-field-error">{fieldError('merchantId')}</p>}
            </div>
            <div className="ui-field">
              <label className="ui-field__label" htmlFor="create-merchant-role">
                {t('platform.users.create.merchantRole')}
              </label>
              <select
                id="create-merchant-role"
                name="merchantRole"
                className="ui-field__input"
                value={form.merchantRole}
                onChange={(e) => setForm({ ...form, merchantRole: e.target.value as MerchantRole })}
              >
                <option value="STAFF">{t('platform.merchantRole.STAFF')}</option>
                <option value="OWNER">{t('platform.merchantRole.OWNER')}</option>
              </select>
            </div>
          </div>
        )}
        <div className="platform-actions">
          <Button type="submit" pending={creating.loading}>
            {creating.loading ? t('platform.users.create.submitting') : t('platform.users.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

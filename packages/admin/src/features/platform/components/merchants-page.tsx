import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { Locale } from '../../../gql/graphql';
import { checkDisplayName, checkEmail, checkHandle } from '../lib/account-input';
import { MERCHANT_STATUSES, type MerchantsView, merchantsViewParams, parseMerchantsView } from '../lib/views';
import { errorFor, Pager, QueryError } from './shared';
import './platform.css';

const MerchantsPageQuery = graphql(`
  query MerchantsPage_MerchantsQuery(
    $first: Int!
    $after: String
    $filter: StaffMerchantsFilter
    $sort: StaffMerchantsSort
  ) {
    staffMerchants(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        handle
        nameEn
        nameZh
        status
        createdAt
      }
    }
  }
`);

const MerchantsPageCreateMutation = graphql(`
  mutation MerchantsPage_CreateMerchantMutation($input: CreateMerchantInput!) {
    createMerchant(input: $input) {
      merchant {
        id
        handle
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

/** Every store (admins): filters, sort and pages in the URL; create a store with its invited owner. */
export function MerchantsPage({ canCreate }: { canCreate: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseMerchantsView(params), [params]);
  const [draft, setDraft] = useState<MerchantsView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  useEffect(() => setDraft(view), [view]);

  const { data, loading, error, refetch } = useQuery(MerchantsPageQuery, {
    variables: {
      first: PAGE_SIZE,
      after: view.after,
      filter: { query: view.query || null, status: view.status },
      sort: { field: view.sortField, direction: view.sortDirection },
    },
    notifyOnNetworkStatusChange: true,
  });
  const go = (next: MerchantsView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(merchantsViewParams(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null });
  };
  const merchants = data?.staffMerchants;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const zh = i18n.language === 'zh-TW';

  return (
    <div className="platform-page">
      <title>{`${t('platform.merchants.title')} · ${t('app.name')}`}</title>
      <header className="platform-page__header">
        <h1>{t('platform.merchants.title')}</h1>
        <p className="platform-muted">{t('platform.merchants.intro')}</p>
      </header>
      <search>
        <form
          className="platform-filters"
          onSubmit={onFilter}
          aria-label={t('platform.merchants.filters.legend')}
        >
          <TextField
            label={t('platform.merchants.filters.query')}
            name="query"
            type="search"
            value={draft.query}
            onChange={(e) => setDraft({ ...draft, query: e.target.value })}
            autoComplete="off"
          />
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="merchants-status">
              {t('platform.merchants.filters.status')}
            </label>
            <select
              id="merchants-status"
              name="status"
              className="ui-field__input"
              value={draft.status ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, status: (e.target.value || null) as MerchantsView['status'] })
              }
            >
              <option value="">{t('platform.common.any')}</option>
              {MERCHANT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`platform.merchantStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="merchants-sort">
              {t('platform.common.sortBy')}
            </label>
            <select
              id="merchants-sort"
              name="sort"
              className="ui-field__input"
              value={`${draft.sortField}:${draft.sortDirection}`}
              onChange={(e) => {
                const [field, direction] = e.target.value.split(':') as [
                  MerchantsView['sortField'],
                  'ASC' | 'DESC',
                ];
                setDraft({ ...draft, sortField: field, sortDirection: direction });
              }}
            >
              {(['CREATED_AT', 'HANDLE', 'NAME'] as const).flatMap((f) =>
                (['ASC', 'DESC'] as const).map((d) => (
                  <option key={`${f}:${d}`} value={`${f}:${d}`}>
                    {`${t(`platform.merchants.sort.${f}`)} · ${d === 'ASC' ? t('platform.common.ascending') : t('platform.common.descending')}`}
                  </option>
                )),
              )}
            </select>
          </div>
          <div className="platform-actions">
            <Button type="submit">{t('platform.common.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseMerchantsView(new URLSearchParams()))}>
              {t('platform.common.reset')}
            </Button>
          </div>
        </form>
      </search>

      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !merchants && loading ? (
        <LoadingState label={t('platform.merchants.loading')} />
      ) : merchants && merchants.nodes.length === 0 ? (
        <StatusPanel title={t('platform.merchants.emptyTitle')}>
          <p>{t('platform.merchants.emptyBody')}</p>
        </StatusPanel>
      ) : merchants ? (
        <>
          <p className="platform-muted" aria-live="polite">
            {t('platform.merchants.count', { count: merchants.totalCount })}
          </p>
          <div className="platform-table-wrap">
            <table className="platform-table" data-testid="merchants-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('platform.merchants.columns.handle')}</th>
                  <th scope="col">{t('platform.merchants.columns.name')}</th>
                  <th scope="col">{t('platform.merchants.columns.status')}</th>
                  <th scope="col">{t('platform.merchants.columns.created')}</th>
                </tr>
              </thead>
              <tbody>
                {merchants.nodes.map((m) => (
                  <tr key={m.id} data-testid="merchants-row" data-handle={m.handle} data-status={m.status}>
                    <td>
                      <Link to={paths.merchant.getHref(m.id)}>{m.handle}</Link>
                    </td>
                    <td>{zh ? m.nameZh : m.nameEn}</td>
                    <td>
                      <span className={`platform-badge platform-badge--${m.status.toLowerCase()}`}>
                        {t(`platform.merchantStatus.${m.status}`)}
                      </span>
                    </td>
                    <td>{dateFormat.format(new Date(m.createdAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label={t('platform.merchants.title')}
            hasPrevious={previous.length > 0}
            hasNext={merchants.pageInfo.hasNextPage}
            busy={loading}
            onPrevious={() => {
              const before = previous.at(-1) ?? null;
              setPrevious((p) => p.slice(0, -1));
              go({ ...view, after: before }, true);
            }}
            onNext={() => {
              setPrevious((p) => [...p, view.after]);
              go({ ...view, after: merchants.pageInfo.endCursor ?? null }, true);
            }}
          />
        </>
      ) : null}
      {canCreate && <CreateMerchantForm onCreated={() => void refetch()} />}
    </div>
  );
}

const FIELDS = [
  'handle',
  'nameEn',
  'nameZh',
  'descriptionEn',
  'descriptionZh',
  'ownerEmail',
  'ownerName',
] as const;

function CreateMerchantForm({ onCreated }: { onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const empty = {
    ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<(typeof FIELDS)[number], string>),
    ownerLocale: (i18n.language === 'zh-TW' ? 'ZH_TW' : 'EN') as Locale,
  };
  const [form, setForm] = useState(empty);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [create, creating] = useMutation(MerchantsPageCreateMutation);
  const serverErrors = creating.data?.createMerchant.userErrors;
  const fieldError = (field: string) => {
    const server = errorFor(serverErrors, field);
    return clientErrors[field] ?? (server ? t(`platform.merchants.errors.${server.code}`) : undefined);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const errors: Record<string, string> = {};
    if (!checkHandle(form.handle)) errors.handle = t('platform.merchants.errors.INVALID_HANDLE');
    for (const f of ['nameEn', 'nameZh'] as const)
      if (!form[f].trim() || form[f].length > 200) errors[f] = t('platform.merchants.errors.INVALID_NAME');
    for (const f of ['descriptionEn', 'descriptionZh'] as const)
      if (form[f].length > 5000) errors[f] = t('platform.merchants.errors.INVALID_DESCRIPTION');
    if (!checkEmail(form.ownerEmail)) errors.ownerEmail = t('platform.merchants.errors.INVALID_EMAIL');
    if (!checkDisplayName(form.ownerName))
      errors.ownerName = t('platform.merchants.errors.INVALID_DISPLAY_NAME');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await create({ variables: { input: form } }).catch(() => null);
    const payload = result?.data?.createMerchant;
    if (payload?.merchant) {
      setDone(
        t('platform.merchants.create.done', { handle: payload.merchant.handle, email: form.ownerEmail }),
      );
      setForm(empty);
      onCreated();
    } else if (!payload) {
      setClientErrors({ form: t('errors.unexpected') });
    }
  };

  const text = (field: (typeof FIELDS)[number], type = 'text', hint?: string) => (
    <div>
      <TextField
        label={t(`platform.merchants.create.${field}`)}
        name={field}
        type={type}
        value={form[field]}
        onChange={(e) => setForm({ ...form, [field]: e.target.value })}
        aria-invalid={fieldError(field) ? true : undefined}
        aria-describedby={hint ? `${field}-hint` : undefined}
        required
      />
      {hint && (
        <p id={`${field}-hint`} className="platform-note">
          {hint}
        </p>
      )}
      {fieldError(field) && <p className="platform-field-error">{fieldError(field)}</p>}
    </div>
  );
  const area = (field: 'descriptionEn' | 'descriptionZh') => (
    <div className="ui-field">
      <label className="ui-field__label" htmlFor={`create-${field}`}>
        {t(`platform.merchants.create.${field}`)}
      </label>
      <textarea
        id={`create-${field}`}
        name={field}
        className="platform-textarea"
        value={form[field]}
        maxLength={5000}
        onChange={(e) => setForm({ ...form, [field]: e.target.value })}
      />
      {fieldError(field) && <p className="platform-field-error">{fieldError(field)}</p>}
    </div>
  );

  return (
    <section className="platform-card" aria-labelledby="create-merchant-title">
      <h2 id="create-merchant-title">{t('platform.merchants.create.title')}</h2>
      <p className="platform-muted">{t('platform.merchants.create.intro')}</p>
      {done && <Alert tone="info">{done}</Alert>}
      {clientErrors.form && <Alert tone="error">{clientErrors.form}</Alert>}
      <form
        className="platform-form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        data-testid="create-merchant-form"
      >
        {text('handle', 'text', t('platform.merchants.create.handleHint'))}
        <div className="platform-form__row">
          {text('nameEn')}
          {text('nameZh')}
        </div>
        <div className="platform-form__row">
          {area('descriptionEn')}
          {area('descriptionZh')}
        </div>
        <div className="platform-form__row">
          {text('ownerEmail', 'email')}
          {text('ownerName')}
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="create-owner-locale">
              {t('platform.merchants.create.ownerLocale')}
            </label>
            <select
              id="create-owner-locale"
              name="ownerLocale"
              className="ui-field__input"
              value={form.ownerLocale}
              onChange={(e) => setForm({ ...form, ownerLocale: e.target.value as Locale })}
            >
              <option value="EN">{t('platform.common.english')}</option>
              <option value="ZH_TW">{t('platform.common.chinese')}</option>
            </select>
          </div>
        </div>
        <div className="platform-actions">
          <Button type="submit" pending={creating.loading}>
            {creating.loading
              ? t('platform.merchants.create.submitting')
              : t('platform.merchants.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

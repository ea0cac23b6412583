import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import { hasErrorCode, summarizeError } from '../../../lib/errors';
import { SecretOnce } from '../../../components/ui/secret-once';
import {
  API_KEY_SCOPE_VALUES,
  API_KEY_STATES,
  type ApiKeyScopeValue,
  type ApiKeysView,
  apiKeysViewParams,
  type CreateKeyField,
  type CreateKeyForm,
  expiryOf,
  fieldOf,
  MAX_NAME,
  parseApiKeysView,
  validateCreateKey,
} from '../lib/view';
import './api-keys.css';

const ApiKeysListQuery = graphql(`
  query ApiKeysPage_ListQuery($first: Int!, $after: String, $filter: ApiKeysFilter) {
    apiKeys(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        prefix
        scopes
        state
        merchantName
        createdByEmail
        createdAt
        expiresAt
        lastUsedAt
      }
    }
  }
`);

const CreateApiKeyMutation = graphql(`
  mutation ApiKeysPage_CreateMutation($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        prefix
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const RevokeApiKeyMutation = graphql(`
  mutation ApiKeysPage_RevokeMutation($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        state
        revokedAt
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
type RevokeMessageKey =
  | 'apiKeys.revoke.done'
  | 'apiKeys.revoke.errors.NOT_FOUND'
  | 'apiKeys.revoke.errors.ALREADY_REVOKED'
  | 'apiKeys.revoke.errors.FORBIDDEN'
  | 'errors.unexpected';
const EMPTY_FORM: CreateKeyForm = { name: '', scopes: [], expiresOn: '' };

const isForbidden = (error: unknown) => hasErrorCode(error, 'FORBIDDEN');

/** The secret of a new key, shown once with a copy button and a warning. */
function SecretPanel({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <SecretOnce
      secret={secret}
      texts={{
        title: `${t('apiKeys.secret.title')} · ${name}`,
        warning: t('apiKeys.secret.warning'),
        label: t('apiKeys.secret.label'),
        copy: t('apiKeys.secret.copy'),
        copied: t('apiKeys.secret.copied'),
        copyFailed: t('apiKeys.secret.copyFailed'),
        done: t('apiKeys.secret.done'),
      }}
      classNames={{
        panel: 'api-key-secret',
        row: 'api-key-secret__row',
        value: 'api-key-secret__value',
        muted: 'api-keys-page__muted',
      }}
      testId="api-key-secret"
      copyTestId="api-key-copy"
      onDone={onDone}
    />
  );
}

/** API keys of the viewer's store (merchant staff) or of everyone (admins): list, create, revoke. */
export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseApiKeysView(params), [params]);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [form, setForm] = useState<CreateKeyForm>(EMPTY_FORM);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<CreateKeyField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [confirming, setConfirming] = useState<{ id: string; name: string } | null>(null);
  const [revokeMessage, setRevokeMessage] = useState<{
    tone: 'info' | 'error';
    key: RevokeMessageKey;
    name?: string;
  } | null>(null);
  const confirmRef = useRef<HTMLElement>(null);
  const formId = useId();

  const { data, loading, error, refetch } = useQuery(ApiKeysListQuery, {
    variables: { first: PAGE_SIZE, after: view.after, filter: view.state ? { state: view.state } : null },
    notifyOnNetworkStatusChange: true,
  });
  const [createKey, creating] = useMutation(CreateApiKeyMutation);
  const [revokeKey, revoking] = useMutation(RevokeApiKeyMutation);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const go = (next: ApiKeysView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(apiKeysViewParams(next));
  };

  const onCreate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const local = validateCreateKey(form);
    const localMessages = Object.fromEntries(
      Object.entries(local).map(([f, code]) => [f, t(`apiKeys.create.errors.${code}`)]),
    );
    setFieldErrors(localMessages);
    if (Object.keys(local).length) return;
    try {
      const res = await createKey({
        variables: {
          input: {
            name: form.name.trim(),
            scopes: form.scopes,
            expiresAt: form.expiresOn ? expiryOf(form.expiresOn)?.toISOString() : null,
          },
        },
      });
      const payload = res.data?.createApiKey;
      if (!payload) return;
      if (payload.userErrors.length) {
        const byField: Partial<Record<CreateKeyField, string>> = {};
        for (const e of payload.userErrors) {
          const f = fieldOf(e.field);
          const text = t(`apiKeys.create.errors.${e.code}`, { defaultValue: e.message });
          if (f) byField[f] = text;
          else setFormError(text);
        }
        setFieldErrors(byField);
        return;
      }
      if (payload.secret && payload.apiKey) {
        setCreated({ name: payload.apiKey.name, secret: payload.secret });
        setForm(EMPTY_FORM);
        setFieldErrors({});
        void refetch();
      }
    } catch (e) {
      setFormError(
        isForbidden(e)
          ? t('apiKeys.create.errors.FORBIDDEN')
          : summarizeError(e).kind === 'network'
            ? t('errors.network')
            : t('errors.unexpected'),
      );
    }
  };

  const onRevoke = async () => {
    if (!confirming) return;
    const target = confirming;
    try {
      const res = await revokeKey({ variables: { input: { id: target.id } } });
      const payload = res.data?.revokeApiKey;
      if (payload?.userErrors.length) {
        const code = payload.userErrors[0]!.code;
        setRevokeMessage({ tone: 'error', key: `apiKeys.revoke.errors.${code}` });
      } else {
        setRevokeMessage({ tone: 'info', key: 'apiKeys.revoke.done', name: target.name });
      }
      void refetch();
    } catch (e) {
      setRevokeMessage({
        tone: 'error',
        key: isForbidden(e) ? 'apiKeys.revoke.errors.FORBIDDEN' : 'errors.unexpected',
      });
    }
    setConfirming(null);
  };

  const toggleScope = (scope: ApiKeyScopeValue, on: boolean) =>
    setForm((f) => ({
      ...f,
      scopes: on
        ? API_KEY_SCOPE_VALUES.filter((s) => s === scope || f.scopes.includes(s))
        : f.scopes.filter((s) => s !== scope),
    }));

  const list = data?.apiKeys;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const title = `${t('apiKeys.title')} · ${t('app.name')}`;

  return (
    <div className="api-keys-page">
      <title>{title}</title>
      <header className="api-keys-page__header">
        <h1>{t('apiKeys.title')}</h1>
        <p className="api-keys-page__muted">{t('apiKeys.intro')}</p>
      </header>

      {created && <SecretPanel name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}

      <section className="api-keys-create" aria-labelledby={`${formId}-title`}>
        <h2 id={`${formId}-title`}>{t('apiKeys.create.title')}</h2>
        <form onSubmit={(e) => void onCreate(e)} noValidate data-testid="api-key-create-form">
          {formError && <Alert tone="error">{formError}</Alert>}
          <TextField
            label={t('apiKeys.create.name')}
            name="name"
            value={form.name}
            maxLength={MAX_NAME}
            required
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={`${formId}-name-hint ${formId}-name-error`}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <p id={`${formId}-name-hint`} className="api-keys-page__muted">
            {t('apiKeys.create.nameHint')}
          </p>
          {fieldErrors.name && (
            <p id={`${formId}-name-error`} className="api-keys-page__error" data-testid="api-key-error-name">
              {fieldErrors.name}
            </p>
          )}
          <fieldset
            className="api-keys-create__scopes"
            aria-invalid={fieldErrors.scopes ? true : undefined}
            aria-describedby={fieldErrors.scopes ? `${formId}-scopes-error` : undefined}
          >
            <legend className="ui-field__label">{t('apiKeys.create.scopes')}</legend>
            {API_KEY_SCOPE_VALUES.map((scope) => (
              <label key={scope} className="api-keys-create__scope">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={form.scopes.includes(scope)}
                  onChange={(e) => toggleScope(scope, e.target.checked)}
                />
                <span>
                  <code>{scope.toLowerCase().replace('_', ':')}</code> {t(`apiKeys.scopes.${scope}`)}
                </span>
              </label>
            ))}
          </fieldset>
          {fieldErrors.scopes && (
            <p
              id={`${formId}-scopes-error`}
              className="api-keys-page__error"
              data-testid="api-key-error-scopes"
            >
              {fieldErrors.scopes}
            </p>
          )}
          <TextField
            label={t('apiKeys.create.expiresAt')}
            name="expiresAt"
            type="date"
            value={form.expiresOn}
            aria-invalid={fieldErrors.expiresAt ? true : undefined}
            onChange={(e) => setForm({ ...form, expiresOn: e.target.value })}
          />
          {fieldErrors.expiresAt && (
            <p className="api-keys-page__error" data-testid="api-key-error-expiresAt">
              {fieldErrors.expiresAt}
            </p>
          )}
          <Button type="submit" pending={creating.loading} data-testid="api-key-create">
            {creating.loading ? t('apiKeys.create.submitting') : t('apiKeys.create.submit')}
          </Button>
        </form>
      </section>

      {revokeMessage && (
        <Alert tone={revokeMessage.tone}>{t(revokeMessage.key, { name: revokeMessage.name ?? '' })}</Alert>
      )}

      {confirming && (
        <section
          ref={confirmRef}
          tabIndex={-1}
          className="api-keys-confirm"
          data-testid="api-key-revoke-confirm"
          aria-labelledby={`${formId}-confirm`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(null);
          }}
        >
          <h2 id={`${formId}-confirm`}>{t('apiKeys.revoke.confirmTitle', { name: confirming.name })}</h2>
          <p>{t('apiKeys.revoke.confirmBody')}</p>
          <div className="api-keys-confirm__actions">
            <Button
              pending={revoking.loading}
              onClick={() => void onRevoke()}
              data-testid="api-key-revoke-confirm-button"
            >
              {revoking.loading ? t('apiKeys.revoke.confirming') : t('apiKeys.revoke.confirm')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(null)}>
              {t('apiKeys.revoke.cancel')}
            </Button>
          </div>
        </section>
      )}

      <search>
        <form
          className="api-keys-filters"
          aria-label={t('apiKeys.filters.legend')}
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="ui-field">
            <label className="ui-field__label" htmlFor={`${formId}-state`}>
              {t('apiKeys.filters.state')}
            </label>
            <select
              id={`${formId}-state`}
              name="state"
              className="ui-field__input"
              value={view.state ?? ''}
              onChange={(e) => go({ state: (e.target.value || null) as ApiKeysView['state'], after: null })}
            >
              <option value="">{t('apiKeys.filters.anyState')}</option>
              {API_KEY_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`apiKeys.state.${s}`)}
                </option>
              ))}
            </select>
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
        <LoadingState label={t('apiKeys.loading')} />
      ) : list && list.nodes.length === 0 ? (
        <StatusPanel title={t('apiKeys.emptyTitle')}>
          <p>{t('apiKeys.emptyBody')}</p>
        </StatusPanel>
      ) : list ? (
        <>
          <p className="api-keys-page__muted" aria-live="polite">
            {t('apiKeys.count', { count: list.totalCount })}
          </p>
          <div className="api-keys-table-wrap">
            <table className="api-keys-table" data-testid="api-keys-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('apiKeys.columns.name')}</th>
                  <th scope="col">{t('apiKeys.columns.prefix')}</th>
                  <th scope="col">{t('apiKeys.columns.scopes')}</th>
                  <th scope="col">{t('apiKeys.columns.store')}</th>
                  <th scope="col">{t('apiKeys.columns.state')}</th>
                  <th scope="col">{t('apiKeys.columns.createdBy')}</th>
                  <th scope="col">{t('apiKeys.columns.lastUsed')}</th>
                  <th scope="col">{t('apiKeys.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((k) => (
                  <tr key={k.id} data-testid="api-keys-row" data-state={k.state} data-prefix={k.prefix}>
                    <td>{k.name}</td>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>
                      <ul className="api-keys-table__scopes">
                        {k.scopes.map((s) => (
                          <li key={s}>
                            <code>{s.toLowerCase().replace('_', ':')}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{k.merchantName ?? t('apiKeys.platform')}</td>
                    <td>
                      <span className={`api-key-state api-key-state--${k.state.toLowerCase()}`}>
                        {t(`apiKeys.state.${k.state}`)}
                      </span>
                    </td>
                    <td>{k.createdByEmail}</td>
                    <td className="api-keys-table__nowrap">
                      {k.lastUsedAt ? dateFormat.format(new Date(k.lastUsedAt)) : t('apiKeys.never')}
                    </td>
                    <td>
                      {k.state !== 'REVOKED' && (
                        <Button
                          variant="secondary"
                          data-testid="api-key-revoke"
                          aria-label={t('apiKeys.revoke.actionLabel', { name: k.name })}
                          onClick={() => {
                            setRevokeMessage(null);
                            setConfirming({ id: k.id, name: k.name });
                          }}
                        >
                          {t('apiKeys.revoke.action')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="api-keys-pager" aria-label={t('apiKeys.title')}>
            <Button
              variant="secondary"
              disabled={previous.length === 0 || loading}
              onClick={() => {
                const before = previous.at(-1) ?? null;
                setPrevious((p) => p.slice(0, -1));
                go({ ...view, after: before }, true);
              }}
            >
              {t('apiKeys.previousPage')}
            </Button>
            <Button
              variant="secondary"
              disabled={!list.pageInfo.hasNextPage || loading}
              onClick={() => {
                setPrevious((p) => [...p, view.after]);
                go({ ...view, after: list.pageInfo.endCursor ?? null }, true);
              }}
            >
              {t('apiKeys.nextPage')}
            </Button>
          </nav>
        </>
      ) : null}
    </div>
  );
}

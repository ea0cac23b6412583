import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import { errorFor, QueryError } from './shared';
import './platform.css';

const MerchantDetailQuery = graphql(`
  query MerchantDetail_MerchantQuery($id: ID!) {
    staffMerchant(id: $id) {
      id
      handle
      nameEn
      nameZh
      descriptionEn
      descriptionZh
      status
      createdAt
      owner {
        id
        email
        displayName
      }
      stats {
        products
        publishedProducts
        teamSize
        ordersByStatus {
          status
          count
        }
      }
      statusHistory {
        fromStatus
        toStatus
        reason
        actorEmail
        createdAt
      }
    }
  }
`);

const MerchantDetailUpdateMutation = graphql(`
  mutation MerchantDetail_UpdateMutation($id: ID!, $input: UpdateMerchantInput!) {
    updateMerchant(id: $id, input: $input) {
      merchant {
        id
        nameEn
        nameZh
        descriptionEn
        descriptionZh
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const MerchantDetailDisableMutation = graphql(`
  mutation MerchantDetail_DisableMutation($id: ID!, $reason: String!) {
    disableMerchant(id: $id, reason: $reason) {
      merchant {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const MerchantDetailEnableMutation = graphql(`
  mutation MerchantDetail_EnableMutation($id: ID!, $reason: String!) {
    enableMerchant(id: $id, reason: $reason) {
      merchant {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

type Profile = { nameEn: string; nameZh: string; descriptionEn: string; descriptionZh: string };

/** One store (admins): figures, profile editor, disable/enable with a recorded reason, and its history. */
export function MerchantDetailPage({ id, canManage }: { id: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MerchantDetailQuery, { variables: { id } });
  const merchant = data?.staffMerchant;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data && loading) return <LoadingState label={t('platform.common.loading')} />;
  if (!merchant)
    return (
      <StatusPanel
        title={t('platform.merchant.notFoundTitle')}
        actions={<Link to={paths.merchants.getHref()}>{t('platform.merchant.back')}</Link>}
      >
        <p>{t('platform.merchant.notFoundBody')}</p>
      </StatusPanel>
    );

  const zh = i18n.language === 'zh-TW';
  return (
    <div className="platform-page" data-testid="merchant-detail" data-status={merchant.status}>
      <title>{`${merchant.handle} · ${t('platform.merchants.title')} · ${t('app.name')}`}</title>
      <p>
        <Link to={paths.merchants.getHref()}>← {t('platform.merchant.back')}</Link>
      </p>
      <header className="platform-page__header">
        <h1>{zh ? merchant.nameZh : merchant.nameEn}</h1>
        <p className="platform-muted">
          {merchant.handle} ·{' '}
          <span className={`platform-badge platform-badge--${merchant.status.toLowerCase()}`}>
            {t(`platform.merchantStatus.${merchant.status}`)}
          </span>
        </p>
        <p className="platform-muted">
          {t('platform.merchant.owner')}:{' '}
          {merchant.owner
            ? `${merchant.owner.displayName} <${merchant.owner.email}>`
            : t('platform.merchant.noOwner')}
        </p>
      </header>

      <section className="platform-card" aria-labelledby="stats-title">
        <h2 id="stats-title">{t('platform.merchant.stats.title')}</h2>
        <dl className="platform-stats" data-testid="merchant-stats">
          <div>
            <dt>{t('platform.merchant.stats.products')}</dt>
            <dd>{merchant.stats.products}</dd>
          </div>
          <div>
            <dt>{t('platform.merchant.stats.publishedProducts')}</dt>
            <dd>{merchant.stats.publishedProducts}</dd>
          </div>
          <div>
            <dt>{t('platform.merchant.stats.teamSize')}</dt>
            <dd>{merchant.stats.teamSize}</dd>
          </div>
        </dl>
        <h3>{t('platform.merchant.stats.orders')}</h3>
        <dl className="platform-stats">
          {merchant.stats.ordersByStatus.map((o) => (
            <div key={o.status}>
              <dt>{t(`orders.status.${o.status}`)}</dt>
              <dd>{o.count}</dd>
            </div>
          ))}
        </dl>
      </section>

      {canManage && (
        <ProfileForm
          key={merchant.id}
          id={merchant.id}
          initial={{
            nameEn: merchant.nameEn,
            nameZh: merchant.nameZh,
            descriptionEn: merchant.descriptionEn,
            descriptionZh: merchant.descriptionZh,
          }}
        />
      )}

      {canManage && (
        <StatusForm
          id={merchant.id}
          handle={merchant.handle}
          disabled={merchant.status === 'DISABLED'}
          canDisable={merchant.status === 'ACTIVE' || merchant.status === 'GENERAL_FROZEN'}
          onChanged={() => void refetch()}
        />
      )}

      <section className="platform-card" aria-labelledby="history-title">
        <h2 id="history-title">{t('platform.merchant.status.history')}</h2>
        {merchant.statusHistory.length === 0 ? (
          <p className="platform-muted">{t('platform.merchant.status.noHistory')}</p>
        ) : (
          <ol className="platform-history">
            {merchant.statusHistory.map((h) => (
              <li key={`${h.createdAt}-${h.toStatus}`}>
                <strong>
                  {t('platform.merchant.status.change', {
                    from: t(`platform.merchantStatus.${h.fromStatus}`),
                    to: t(`platform.merchantStatus.${h.toStatus}`),
                  })}
                </strong>{' '}
                · {dateFormat.format(new Date(h.createdAt))}
                {h.actorEmail && ` · ${t('platform.merchant.status.by', { email: h.actorEmail })}`}
                <span className="platform-note">{h.reason}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** The store's names and descriptions in both languages (admins; and the owner on the Team page). */
export function ProfileForm({ id, initial }: { id: string; initial: Profile }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [update, updating] = useMutation(MerchantDetailUpdateMutation);
  const serverErrors = updating.data?.updateMerchant.userErrors;
  const fieldError = (field: string) => {
    const server = errorFor(serverErrors, field);
    return clientErrors[field] ?? (server ? t(`platform.merchants.errors.${server.code}`) : undefined);
  };
  const general = serverErrors?.filter((e) => !e.field || e.field.at(-1) === 'id');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const errors: Record<string, string> = {};
    for (const f of ['nameEn', 'nameZh'] as const)
      if (!form[f].trim() || form[f].length > 200) errors[f] = t('platform.merchants.errors.INVALID_NAME');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await update({ variables: { id, input: form } }).catch(() => null);
    const payload = result?.data?.updateMerchant;
    if (payload?.merchant) setSaved(true);
    else if (!payload) setClientErrors({ form: t('errors.unexpected') });
  };

  const field = (name: keyof Profile, multiline: boolean) => (
    <div className="ui-field">
      <label className="ui-field__label" htmlFor={`profile-${name}`}>
        {t(`platform.merchants.create.${name}`)}
      </label>
      {multiline ? (
        <textarea
          id={`profile-${name}`}
          name={name}
          className="platform-textarea"
          maxLength={5000}
          value={form[name]}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        />
      ) : (
        <input
          id={`profile-${name}`}
          name={name}
          className="ui-field__input"
          maxLength={200}
          value={form[name]}
          aria-invalid={fieldError(name) ? true : undefined}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        />
      )}
      {fieldError(name) && <p className="platform-field-error">{fieldError(name)}</p>}
    </div>
  );

  return (
    <section className="platform-card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('platform.merchant.edit.title')}</h2>
      {saved && <Alert tone="info">{t('platform.common.saved')}</Alert>}
      {clientErrors.form && <Alert tone="error">{clientErrors.form}</Alert>}
      {general?.map((e) => (
        <Alert key={e.code} tone="error">
          {t(`platform.merchants.errors.${e.code}`)}
        </Alert>
      ))}
      <form
        className="platform-form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        data-testid="merchant-profile-form"
      >
        <div className="platform-form__row">
          {field('nameEn', false)}
          {field('nameZh', false)}
        </div>
        <div className="platform-form__row">
          {field('descriptionEn', true)}
          {field('descriptionZh', true)}
        </div>
        <div className="platform-actions">
          <Button type="submit" pending={updating.loading}>
            {updating.loading ? t('platform.merchant.edit.submitting') : t('platform.merchant.edit.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function StatusForm({
  id,
  handle,
  disabled,
  canDisable,
  onChanged,
}: {
  id: string;
  handle: string;
  disabled: boolean;
  canDisable: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [clientError, setClientError] = useState<string | null>(null);
  const [disable, disabling] = useMutation(MerchantDetailDisableMutation);
  const [enable, enabling] = useMutation(MerchantDetailEnableMutation);
  const [serverError, setServerError] = useState<string | null>(null);
  if (!disabled && !canDisable) return null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setServerError(null);
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > 500) {
      setClientError(t('platform.merchants.errors.INVALID_REASON'));
      return;
    }
    setClientError(null);
    setConfirming(true);
  };

  const onConfirm = async () => {
    const variables = { id, reason: reason.trim() };
    const payload = disabled
      ? (await enable({ variables }).catch(() => null))?.data?.enableMerchant
      : (await disable({ variables }).catch(() => null))?.data?.disableMerchant;
    setConfirming(false);
    if (!payload) setServerError(t('errors.unexpected'));
    else if (payload.userErrors.length > 0)
      setServerError(t(`platform.merchants.errors.${payload.userErrors[0]!.code}`));
    else {
      setReason('');
      onChanged();
    }
  };

  return (
    <section className="platform-card" aria-labelledby="status-title">
      <h2 id="status-title">{t('platform.merchant.status.title')}</h2>
      <p className="platform-muted">
        {disabled ? t('platform.merchant.status.enableIntro') : t('platform.merchant.status.disableIntro')}
      </p>
      {serverError && <Alert tone="error">{serverError}</Alert>}
      <form className="platform-form" onSubmit={onSubmit} noValidate data-testid="merchant-status-form">
        <TextField
          label={t('platform.merchant.status.reason')}
          name="reason"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={clientError ? true : undefined}
          required
        />
        {clientError && <p className="platform-field-error">{clientError}</p>}
        {confirming ? (
          <div className="platform-actions">
            <span>
              {disabled
                ? t('platform.merchant.status.confirmEnable', { handle })
                : t('platform.merchant.status.confirmDisable', { handle })}
            </span>
            <Button
              data-testid="confirm-merchant-status"
              pending={disabling.loading || enabling.loading}
              onClick={() => void onConfirm()}
            >
              {t('platform.merchant.status.confirm')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('platform.common.cancel')}
            </Button>
          </div>
        ) : (
          <div className="platform-actions">
            <Button
              type="submit"
              variant="secondary"
              data-testid={disabled ? 'enable-merchant' : 'disable-merchant'}
            >
              {disabled ? t('platform.merchant.status.enable') : t('platform.merchant.status.disable')}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}

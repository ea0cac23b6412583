import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/status-panel';
import { graphql } from '../../../gql/gql';
import { formatMoney } from '../lib/money';
import './safe-freeze.css';

const SafeFreezePanelQuery = graphql(`
  query SafeFreezePanel_MerchantQuery($id: ID!) {
    staffMerchant(id: $id) {
      id
      handle
      status
      openClaimCount
      activeSafeFreeze {
        id
        reason
        frozenAt
        frozenByEmail
        effects {
          ...SafeFreezePanel_Effects
        }
      }
    }
    merchantFunds(merchantId: $id) {
      frozen {
        amount
        currencyCode
      }
    }
  }
`);

export const SafeFreezePanelEffectsFragment = graphql(`
  fragment SafeFreezePanel_Effects on SafeFreezeEffects {
    unpublishedProductCount
    cancelledActivityCount
    deactivatedCouponCount
    closedOrderCount
    failedOrderCount
    frozenFromPending {
      amount
      currencyCode
    }
    frozenFromAvailable {
      amount
      currencyCode
    }
    frozenTotal {
      amount
      currencyCode
    }
  }
`);

const FreezeMutation = graphql(`
  mutation SafeFreezePanel_FreezeMutation($input: FreezeMerchantInput!) {
    freezeMerchant(input: $input) {
      merchant {
        id
        status
      }
      effects {
        ...SafeFreezePanel_Effects
      }
      refunds {
        id
        orderNumber
        status
        amount {
          amount
          currencyCode
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const UnfreezeMutation = graphql(`
  mutation SafeFreezePanel_UnfreezeMutation($input: UnfreezeMerchantInput!) {
    unfreezeMerchant(input: $input) {
      merchant {
        id
        status
      }
      releasedToPending {
        amount
        currencyCode
      }
      releasedToAvailable {
        amount
        currencyCode
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const DeleteMutation = graphql(`
  mutation SafeFreezePanel_DeleteMutation($input: DeleteMerchantAccountInput!) {
    deleteMerchantAccount(input: $input) {
      merchant {
        id
        status
      }
      closedStaffAccountCount
      revokedSessionCount
      cancelledReviewCount
      userErrors {
        code
        field
        message
      }
    }
  }
`);

type Money = { amount: string; currencyCode: string };
type Effects = {
  unpublishedProductCount: number;
  cancelledActivityCount: number;
  deactivatedCouponCount: number;
  closedOrderCount: number;
  failedOrderCount: number;
  frozenFromPending: Money;
  frozenFromAvailable: Money;
  frozenTotal: Money;
};
type Refund = { id: string; orderNumber: string | null; status: string; amount: Money };

/** Refetched after every change so the detail page above shows the new status and history too. */
const REFETCH = ['SafeFreezePanel_MerchantQuery', 'MerchantDetail_MerchantQuery'];

/**
 * Safe freeze of one store (admins, on the merchant detail page): freeze with a reason and a
 * confirmation, then what it did; while frozen, lift it or delete the account; links to claims.
 */
export function SafeFreezePanel({ merchantId }: { merchantId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(SafeFreezePanelQuery, { variables: { id: merchantId } });
  const [result, setResult] = useState<{ effects: Effects; refunds: Refund[] } | null>(null);
  const merchant = data?.staffMerchant;

  if (error) return <Alert tone="error">{t('safeFreeze.errors.unexpected')}</Alert>;
  if (!data && loading) return <LoadingState label={t('safeFreeze.panel.loading')} />;
  if (!merchant) return null;

  const frozen = merchant.status === 'SAFE_FROZEN';
  const freeze = merchant.activeSafeFreeze;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const effects = (result?.effects ?? (freeze?.effects as Effects | undefined)) || null;
  const claimsHref = `${paths.claims.getHref()}?${new URLSearchParams({ merchant: merchant.id }).toString()}`;

  return (
    <section
      className="platform-card safe-freeze"
      aria-labelledby="safe-freeze-title"
      data-testid="safe-freeze-panel"
      data-status={merchant.status}
    >
      <h2 id="safe-freeze-title">{t('safeFreeze.panel.title')}</h2>
      {merchant.status === 'DELETED' ? (
        <p className="platform-muted">{t('safeFreeze.panel.deletedStore')}</p>
      ) : frozen ? (
        <>
          <p data-testid="safe-freeze-since">
            <strong>
              {freeze
                ? t('safeFreeze.panel.frozenSince', { date: dateFormat.format(new Date(freeze.frozenAt)) })
                : t('platform.merchantStatus.SAFE_FROZEN')}
            </strong>
            {freeze?.frozenByEmail && ` · ${t('safeFreeze.panel.frozenBy', { email: freeze.frozenByEmail })}`}
          </p>
          {freeze && <p className="platform-note">{freeze.reason}</p>}
          {data.merchantFunds && (
            <p data-testid="safe-freeze-funds">
              {t('safeFreeze.panel.frozenFunds', {
                amount: formatMoney(data.merchantFunds.frozen, i18n.language),
              })}
            </p>
          )}
          {(merchant.openClaimCount ?? 0) > 0 && (
            <Alert tone="info">
              {t('safeFreeze.panel.openClaims', { count: merchant.openClaimCount ?? 0 })}
            </Alert>
          )}
        </>
      ) : (
        <p className="platform-muted">{t('safeFreeze.panel.intro')}</p>
      )}

      {effects && <EffectsList effects={effects} refunds={result?.refunds ?? []} />}

      {merchant.status !== 'DELETED' && !frozen && (
        <ReasonAction
          testId="freeze-merchant"
          label={t('safeFreeze.panel.freeze')}
          confirmText={t('safeFreeze.panel.confirmFreeze', { handle: merchant.handle })}
          confirmLabel={t('safeFreeze.panel.confirm')}
          mutation={FreezeMutation}
          run={async (mutate, reason) => {
            const payload = (await mutate({ variables: { input: { merchantId: merchant.id, reason } } }))
              ?.data?.freezeMerchant;
            if (payload?.effects)
              setResult({ effects: payload.effects as Effects, refunds: payload.refunds });
            return payload ?? null;
          }}
        />
      )}

      {frozen && (
        <>
          <h3>{t('safeFreeze.panel.unfreezeTitle')}</h3>
          <p className="platform-muted">{t('safeFreeze.panel.unfreezeIntro')}</p>
          <ReasonAction
            testId="unfreeze-merchant"
            label={t('safeFreeze.panel.unfreeze')}
            confirmText={t('safeFreeze.panel.confirmUnfreeze', { handle: merchant.handle })}
            confirmLabel={t('safeFreeze.panel.confirmUnfreezeButton')}
            mutation={UnfreezeMutation}
            run={async (mutate, reason) => {
              setResult(null);
              const payload = (await mutate({ variables: { input: { merchantId: merchant.id, reason } } }))
                ?.data?.unfreezeMerchant;
              return payload ?? null;
            }}
            done={(payload) =>
              payload &&
              'releasedToPending' in payload &&
              payload.releasedToPending &&
              payload.releasedToAvailable
                ? t('safeFreeze.panel.unfrozen', {
                    pending: formatMoney(payload.releasedToPending as Money, i18n.language),
                    available: formatMoney(payload.releasedToAvailable as Money, i18n.language),
                  })
                : null
            }
          />
          <h3>{t('safeFreeze.panel.deleteTitle')}</h3>
          <p className="platform-muted">{t('safeFreeze.panel.deleteIntro')}</p>
          <ReasonAction
            testId="delete-merchant-account"
            label={t('safeFreeze.panel.delete')}
            confirmText={t('safeFreeze.panel.confirmDelete', { handle: merchant.handle })}
            confirmLabel={t('safeFreeze.panel.confirmDeleteButton')}
            mutation={DeleteMutation}
            run={async (mutate, reason) =>
              (await mutate({ variables: { input: { merchantId: merchant.id, reason } } }))?.data
                ?.deleteMerchantAccount ?? null
            }
            done={(payload) =>
              payload && 'closedStaffAccountCount' in payload
                ? t('safeFreeze.panel.deleted', {
                    staff: payload.closedStaffAccountCount,
                    sessions: payload.revokedSessionCount,
                    reviews: payload.cancelledReviewCount,
                  })
                : null
            }
          />
        </>
      )}

      <p className="platform-actions">
        {merchant.status !== 'DELETED' && (
          <Link
            to={`${paths.claims.getHref()}?${new URLSearchParams({ merchant: merchant.id, file: '1' }).toString()}`}
            data-testid="file-claim-link"
          >
            {t('safeFreeze.panel.fileClaim')}
          </Link>
        )}
        <Link to={claimsHref}>{t('safeFreeze.panel.claims')}</Link>
      </p>
    </section>
  );
}

function EffectsList({ effects, refunds }: { effects: Effects; refunds: Refund[] }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string | number, string][] = [
    ['unpublished', effects.unpublishedProductCount, 'unpublished'],
    ['activities', effects.cancelledActivityCount, 'activities'],
    ['coupons', effects.deactivatedCouponCount, 'coupons'],
    ['closed', effects.closedOrderCount, 'closed'],
    ['failed', effects.failedOrderCount, 'failed'],
    ['fromPending', formatMoney(effects.frozenFromPending, i18n.language), 'from-pending'],
    ['fromAvailable', formatMoney(effects.frozenFromAvailable, i18n.language), 'from-available'],
    ['total', formatMoney(effects.frozenTotal, i18n.language), 'total'],
  ];
  return (
    <div data-testid="freeze-effects">
      <h3>{t('safeFreeze.effects.title')}</h3>
      <dl className="platform-stats">
        {rows.map(([key, value, id]) => (
          <div key={key} data-testid={`freeze-effect-${id}`}>
            <dt>{t(`safeFreeze.effects.${key as 'total'}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {refunds.length > 0 && (
        <>
          <h4>{t('safeFreeze.effects.refunds')}</h4>
          <ul data-testid="freeze-refunds">
            {refunds.map((r) => (
              <li key={r.id}>
                {t('safeFreeze.effects.refund', {
                  order: r.orderNumber ?? '—',
                  amount: formatMoney(r.amount, i18n.language),
                  status: t(`safeFreeze.refundStatus.${r.status as 'PENDING'}`, { defaultValue: r.status }),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type Payload = { userErrors: readonly { code: string; field?: readonly string[] | null }[] } & Record<
  string,
  unknown
>;

/** A reason field, a button, a confirmation step; the server's userErrors shown next to the field. */
function ReasonAction<M>({
  testId,
  label,
  confirmText,
  confirmLabel,
  mutation,
  run,
  done,
}: {
  testId: string;
  label: string;
  confirmText: string;
  confirmLabel: string;
  // biome-ignore lint/suspicious/noExplicitAny: the typed document of one of the three mutations above
  mutation: any;
  run: (
    // biome-ignore lint/suspicious/noExplicitAny: each caller reads its own mutation's payload
    mutate: (options: { variables: M }) => Promise<{ data?: any } | null>,
    reason: string,
  ) => Promise<Payload | null>;
  done?: (payload: Payload | null) => string | null;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [mutate, state] = useMutation(mutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const id = `${testId}-reason`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    setFormError(null);
    const trimmed = reason.trim();
    if (!trimmed || [...trimmed].length > 500) {
      setFieldError(t('safeFreeze.errors.INVALID_REASON'));
      return;
    }
    setFieldError(null);
    setConfirming(true);
  };

  const onConfirm = async () => {
    const payload = await run(
      (options) => mutate(options as never).catch(() => null) as Promise<{ data?: unknown } | null>,
      reason.trim(),
    );
    setConfirming(false);
    if (!payload) {
      setFormError(t('safeFreeze.errors.unexpected'));
      return;
    }
    const [first] = payload.userErrors;
    if (first) {
      const text = t(`safeFreeze.errors.${first.code as 'unexpected'}`, {
        defaultValue: t('safeFreeze.errors.unexpected'),
      });
      if (first.field?.at(-1) === 'reason') setFieldError(text);
      else setFormError(text);
      return;
    }
    setReason('');
    setMessage(done?.(payload) ?? null);
  };

  return (
    <form className="platform-form" onSubmit={onSubmit} noValidate data-testid={`${testId}-form`}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {message && <Alert tone="info">{message}</Alert>}
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={id}>
          {t('safeFreeze.panel.reason')}
        </label>
        <textarea
          id={id}
          name="reason"
          className="platform-textarea"
          maxLength={500}
          value={reason}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setReason(e.target.value)}
          required
        />
        <p id={`${id}-hint`} className="platform-muted">
          {t('safeFreeze.panel.reasonHint')}
        </p>
        {fieldError && (
          <p className="platform-field-error" role="alert">
            {fieldError}
          </p>
        )}
      </div>
      {confirming ? (
        <div className="platform-actions">
          <span>{confirmText}</span>
          <Button data-testid={`confirm-${testId}`} pending={state.loading} onClick={() => void onConfirm()}>
            {confirmLabel}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            {t('safeFreeze.panel.cancel')}
          </Button>
        </div>
      ) : (
        <div className="platform-actions">
          <Button type="submit" variant="secondary" data-testid={testId}>
            {label}
          </Button>
        </div>
      )}
    </form>
  );
}

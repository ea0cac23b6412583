import { useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import { formatMoney } from '../lib/format';
import { checkSettleForm, type SettleFieldError, settleErrorField, settleErrorKey } from '../lib/funds-view';

const SettleFormMutation = graphql(`
  mutation SettleForm_SettleMutation($input: SettleMerchantFundsInput!) {
    settleMerchantFunds(input: $input) {
      payout {
        id
        reference
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

type Field = 'amount' | 'reference' | 'note';
type Money = { amount: string; currencyCode: string };

/**
 * Pays out a store: amount (blank = everything available), transfer reference and note, checked as
 * the API checks them; then a confirmation step; the API's userErrors return to the form, next to
 * their field.
 */
export function SettleForm({
  merchant,
  available,
  onDone,
  onCancel,
}: {
  merchant: { id: string; name: string };
  available: Money;
  onDone: (paid: Money) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [form, setForm] = useState({ amount: '', reference: '', note: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [settle, settling] = useMutation(SettleFormMutation);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the form moves keyboard focus to it, so "Settle" is not a dead end for keyboard users.
  useEffect(() => heading.current?.focus(), []);
  const message = (code: SettleFieldError | string) => t(`funds.errors.${settleErrorKey(code)}`);

  const onReview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkSettleForm(form, available);
    setErrors(Object.fromEntries(Object.entries(found).map(([k, code]) => [k, message(code)])));
    setGeneral([]);
    if (Object.keys(found).length === 0) setConfirming(true);
  };

  const onConfirm = async () => {
    const result = await settle({
      variables: {
        input: {
          merchantId: merchant.id,
          amount: form.amount.trim() || null,
          reference: form.reference.trim(),
          note: form.note.trim() || null,
        },
      },
    }).catch(() => null);
    const payload = result?.data?.settleMerchantFunds;
    if (!payload) {
      setConfirming(false);
      setGeneral([t('funds.settle.failed')]);
      return;
    }
    if (payload.payout && payload.userErrors.length === 0) {
      onDone(payload.payout.amount);
      return;
    }
    const byField: Partial<Record<Field, string>> = {};
    const rest: string[] = [];
    for (const e of payload.userErrors) {
      const field = settleErrorField(e.field);
      if (field && !byField[field]) byField[field] = message(e.code);
      else rest.push(message(e.code));
    }
    setErrors(byField);
    setGeneral(rest);
    setConfirming(false);
  };

  const amountText = form.amount.trim()
    ? formatMoney({ amount: form.amount.trim(), currencyCode: available.currencyCode }, i18n.language)
    : `${t('funds.settle.confirmAll')} (${formatMoney(available, i18n.language)})`;

  const field = (name: Field, label: string, hint?: string) => (
    <div>
      <TextField
        label={label}
        name={name}
        value={form[name]}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
        inputMode={name === 'amount' ? 'decimal' : undefined}
        maxLength={name === 'reference' ? 100 : name === 'note' ? 500 : 30}
        required={name === 'reference'}
        autoComplete="off"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={
          errors[name] ? `${titleId}-${name}-error` : hint ? `${titleId}-${name}-hint` : undefined
        }
        readOnly={confirming}
      />
      {hint && !errors[name] && (
        <p className="funds-hint" id={`${titleId}-${name}-hint`}>
          {hint}
        </p>
      )}
      {errors[name] && (
        <p className="funds-field-error" id={`${titleId}-${name}-error`} data-testid={`settle-error-${name}`}>
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <section className="funds-panel" aria-labelledby={titleId} data-testid="settle-form">
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('funds.settle.title', { name: merchant.name })}
      </h2>
      <p className="funds-muted">
        {t('funds.settle.available', { amount: formatMoney(available, i18n.language) })}
      </p>
      <form className="funds-form" onSubmit={onReview} noValidate>
        {general.map((text) => (
          <Alert key={text} tone="error">
            {text}
          </Alert>
        ))}
        {field('amount', t('funds.settle.amount'), t('funds.settle.amountHint'))}
        {field('reference', t('funds.settle.reference'), t('funds.settle.referenceHint'))}
        {field('note', t('funds.settle.note'))}
        {confirming ? (
          <div role="alertdialog" aria-labelledby={`${titleId}-confirm`} className="funds-panel">
            <h3 id={`${titleId}-confirm`}>{t('funds.settle.confirmTitle')}</h3>
            <p>
              {t('funds.settle.confirmBody', {
                amount: amountText,
                name: merchant.name,
                reference: form.reference.trim(),
              })}
            </p>
            <div className="funds-actions">
              <Button
                data-testid="settle-confirm"
                pending={settling.loading}
                onClick={() => void onConfirm()}
              >
                {settling.loading ? t('funds.settle.confirming') : t('funds.settle.confirm')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('funds.settle.back')}
              </Button>
            </div>
          </div>
        ) : (
          <div className="funds-actions">
            <Button type="submit" data-testid="settle-review">
              {t('funds.settle.review')}
            </Button>
            <Button variant="ghost" onClick={onCancel}>
              {t('funds.settle.cancel')}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}

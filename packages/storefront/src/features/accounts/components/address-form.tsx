import { type AddressField, COUNTRY_CODES } from '@marketplace/core';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { useLocale } from '../../../lib/locale.js';
import { type AccountProblem, accountErrorText } from '../account-errors.js';
import { type FieldProblems, hasProblems, validateAddress } from '../client-validation.js';
import { CheckboxField, FormMessage, focusFirstInvalid, SelectField, TextField } from './form-controls.js';

export type AddressValues = Record<AddressField, string>;

export const EMPTY_ADDRESS: AddressValues = {
  recipientName: '',
  phone: '',
  countryCode: 'TW',
  region: '',
  city: '',
  postalCode: '',
  line1: '',
  line2: '',
};

/** What the form's owner answers after sending: field problems from the API, a general one, or success. */
export type AddressSubmitResult =
  | { ok: true }
  | { ok: false; fields?: FieldProblems<AddressField>; general?: AccountProblem | null; failed?: boolean };

/** Country names in the UI language, Taiwan first (most of our shoppers), then alphabetical. */
function useCountryOptions(): { code: string; name: string }[] {
  const locale = useLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(locale);
    const options = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code }));
    const [taiwan] = options.filter((o) => o.code === 'TW');
    const rest = options.filter((o) => o.code !== 'TW').sort((a, b) => collator.compare(a.name, b.name));
    return taiwan ? [taiwan, ...rest] : rest;
  }, [locale]);
}

type AddressFormProps = {
  title: string;
  initial: AddressValues;
  /** Offers "use as my default address" (adding, or editing an address that is not the default). */
  offerDefault: boolean;
  defaultChecked?: boolean;
  onSubmit: (values: AddressValues, setAsDefault: boolean) => Promise<AddressSubmitResult>;
  onCancel: () => void;
};

export function AddressForm({
  title,
  initial,
  offerDefault,
  defaultChecked = false,
  onSubmit,
  onCancel,
}: AddressFormProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AddressValues>(initial);
  const [setAsDefault, setSetAsDefault] = useState(defaultChecked);
  const [problems, setProblems] = useState<FieldProblems<AddressField>>({});
  const [general, setGeneral] = useState<AccountProblem | null>(null);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // The form opens where the shopper clicked: put the keyboard there too.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(formRef.current);
  }, [attempt]);

  const set = (field: AddressField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setGeneral(null);
    setFailed(false);
    const local = validateAddress(values);
    setProblems(local);
    if (hasProblems(local)) {
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    const result = await onSubmit(values, setAsDefault);
    setSaving(false);
    if (result.ok) return;
    setProblems(result.fields ?? {});
    setGeneral(result.general ?? null);
    setFailed(Boolean(result.failed));
    setAttempt((n) => n + 1);
  };

  const error = (field: AddressField) => (problems[field] ? accountErrorText(t, problems[field]) : null);
  const text = (field: AddressField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={field}
      label={t(`accounts.addresses.${field}`)}
      value={values[field]}
      onChange={set(field)}
      error={error(field)}
      {...extra}
    />
  );

  return (
    <form
      ref={formRef}
      className="form address-form"
      onSubmit={submit}
      noValidate
      aria-label={title}
      data-testid="address-form"
    >
      <h2 className="address-form__title">{title}</h2>
      {general && <FormMessage tone="error">{accountErrorText(t, general)}</FormMessage>}
      {failed && <FormMessage tone="error">{t('accounts.errors.unknown')}</FormMessage>}
      <div className="form__row">
        {text('recipientName', { autoComplete: 'shipping name' })}
        {text('phone', {
          type: 'tel',
          inputMode: 'tel',
          autoComplete: 'shipping tel',
          hint: t('accounts.fields.phoneHint'),
        })}
      </div>
      <SelectField
        name="countryCode"
        label={t('accounts.addresses.countryCode')}
        autoComplete="shipping country"
        value={values.countryCode}
        onChange={set('countryCode')}
        error={error('countryCode')}
      >
        <option value="">{t('accounts.addresses.chooseCountry')}</option>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </SelectField>
      <div className="form__row">
        {text('region', { optional: true, autoComplete: 'shipping address-level1' })}
        {text('city', { autoComplete: 'shipping address-level2' })}
        {text('postalCode', { optional: true, autoComplete: 'shipping postal-code', inputMode: 'text' })}
      </div>
      {text('line1', { autoComplete: 'shipping address-line1', hint: t('accounts.addresses.line1Hint') })}
      {text('line2', { optional: true, autoComplete: 'shipping address-line2' })}
      {offerDefault && (
        <CheckboxField
          name="setAsDefault"
          label={t('accounts.addresses.setAsDefault')}
          checked={setAsDefault}
          onChange={(event) => setSetAsDefault(event.target.checked)}
        />
      )}
      <div className="form__actions">
        <Button type="submit" isLoading={saving}>
          {saving ? t('accounts.addresses.saving') : t('accounts.addresses.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={saving}>
          {t('accounts.addresses.cancel')}
        </Button>
      </div>
    </form>
  );
}

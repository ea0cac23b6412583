import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import type { AddressField } from '../checkout-errors.js';
import { TextField } from './text-field.js';

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

export type SavedAddress = {
  id: string;
  isDefault: boolean;
  recipientName: string;
  phone: string;
  countryCode: string;
  region?: string | null;
  city: string;
  postalCode?: string | null;
  line1: string;
  line2?: string | null;
};

/** Every field of the saved address, unchanged: the checkout validates addresses like the address book. */
export function fromSavedAddress(a: SavedAddress): AddressValues {
  return {
    recipientName: a.recipientName,
    phone: a.phone,
    countryCode: a.countryCode,
    region: a.region ?? '',
    city: a.city,
    postalCode: a.postalCode ?? '',
    line1: a.line1,
    line2: a.line2 ?? '',
  };
}

/** Optional in `AddressInput` (the address book’s shape, also used for shipping); the rest is required. */
const OPTIONAL_FIELDS: readonly AddressField[] = ['region', 'postalCode', 'line2'];

type AddressFieldsProps = {
  values: AddressValues;
  onChange: (values: AddressValues) => void;
  saved: readonly SavedAddress[];
  errors: Partial<Record<AddressField | 'form', string>>;
};

/** The shipping address form, prefilled from (and switchable to) an address-book entry. */
export function AddressFields({ values, onChange, saved, errors }: AddressFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (field: AddressField) => (e: { target: { value: string } }) =>
    onChange({ ...values, [field]: e.target.value });
  const field = (
    name: AddressField,
    autoComplete: string,
    extra: { hint?: string; maxLength?: number } = {},
  ) => (
    <TextField
      name={name}
      label={t(`orders.checkout.fields.${name}`)}
      value={values[name]}
      onChange={set(name)}
      autoComplete={autoComplete}
      error={errors[name]}
      required={!OPTIONAL_FIELDS.includes(name)}
      {...extra}
    />
  );
  return (
    <fieldset className="checkout-section">
      <legend className="checkout-section__title">{t('orders.checkout.shippingTitle')}</legend>
      {errors.form && (
        <p className="checkout-section__error" role="alert">
          {errors.form}
        </p>
      )}
      {saved.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-saved`} className="field__label">
            {t('orders.checkout.savedAddress')}
          </label>
          <select
            id={`${id}-saved`}
            className="field__input"
            defaultValue={saved.find((a) => a.isDefault)?.id ?? saved[0]?.id}
            onChange={(e) => {
              const picked = saved.find((a) => a.id === e.target.value);
              onChange(picked ? fromSavedAddress(picked) : EMPTY_ADDRESS);
            }}
          >
            {saved.map((a) => (
              <option key={a.id} value={a.id}>
                {`${a.recipientName} · ${a.city} ${a.line1}`}
              </option>
            ))}
            <option value="">{t('orders.checkout.newAddress')}</option>
          </select>
        </div>
      )}
      <div className="checkout-grid">
        {field('recipientName', 'shipping name', { maxLength: 100 })}
        {field('phone', 'shipping tel', { hint: t('orders.checkout.fields.phoneHint'), maxLength: 40 })}
        {field('countryCode', 'shipping country', {
          hint: t('orders.checkout.fields.countryHint'),
          maxLength: 2,
        })}
        {field('region', 'shipping address-level1', { maxLength: 100 })}
        {field('city', 'shipping address-level2', { maxLength: 100 })}
        {field('postalCode', 'shipping postal-code', { maxLength: 12 })}
        {field('line1', 'shipping address-line1', { maxLength: 200 })}
        {field('line2', 'shipping address-line2', { maxLength: 200 })}
      </div>
    </fieldset>
  );
}

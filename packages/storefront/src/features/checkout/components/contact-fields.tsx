import { useTranslation } from '../../../lib/i18n/react.js';
import type { ContactField } from '../checkout-errors.js';
import { TextField } from './text-field.js';

export type ContactValues = Record<ContactField, string>;

type ContactFieldsProps = {
  values: ContactValues;
  onChange: (values: ContactValues) => void;
  errors: Partial<Record<ContactField | 'form', string>>;
};

/** Contact details for consulting services: how the consultant reaches the shopper. */
export function ContactFields({ values, onChange, errors }: ContactFieldsProps) {
  const { t } = useTranslation();
  const set = (field: ContactField) => (e: { target: { value: string } }) =>
    onChange({ ...values, [field]: e.target.value });
  return (
    <fieldset className="checkout-section">
      <legend className="checkout-section__title">{t('orders.checkout.contactTitle')}</legend>
      <p className="checkout-section__intro">{t('orders.checkout.contactIntro')}</p>
      {errors.form && (
        <p className="checkout-section__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="checkout-grid">
        <TextField
          name="contactName"
          label={t('orders.checkout.fields.contactName')}
          value={values.name}
          onChange={set('name')}
          autoComplete="name"
          maxLength={120}
          error={errors.name}
          required
        />
        <TextField
          name="contactEmail"
          type="email"
          label={t('orders.checkout.fields.contactEmail')}
          value={values.email}
          onChange={set('email')}
          autoComplete="email"
          maxLength={320}
          error={errors.email}
          required
        />
        <TextField
          name="contactPhone"
          type="tel"
          label={t('orders.checkout.fields.contactPhone')}
          value={values.phone}
          onChange={set('phone')}
          autoComplete="tel"
          maxLength={40}
          error={errors.phone}
          required
        />
        <TextField
          name="contactNotes"
          multiline
          className="checkout-grid__wide"
          label={t('orders.checkout.fields.contactNotes')}
          value={values.notes}
          onChange={set('notes')}
          maxLength={2000}
          error={errors.notes}
        />
      </div>
    </fieldset>
  );
}

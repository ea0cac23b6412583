import { useMutation } from '@apollo/client/react';
import type { CurrencyCode } from '@marketplace/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import {
  type CouponDraft,
  type CouponErrorKey,
  discountText,
  emptyCouponDraft,
  type FormErrors,
  minorToAmount,
  readCouponDraft,
  serverErrors,
  toLocalInput,
} from '../lib/promotion-form';
import { FieldError, invalidProps } from './field-error';

const CreateCoupon = graphql(`
  mutation CouponForm_CreateCoupon($input: CreateCouponInput!) {
    createCoupon(input: $input) {
      coupon {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const UpdateCoupon = graphql(`
  mutation CouponForm_UpdateCoupon($input: UpdateCouponInput!) {
    updateCoupon(input: $input) {
      coupon {
        id
        code
        kind
        value
        state
        minSpend {
          minorUnits
        }
        startsAt
        endsAt
        usageLimit
        perShopperLimit
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

export interface EditedCoupon {
  id: string;
  code: string;
  kind: 'PERCENTAGE' | 'FIXED_AMOUNT';
  value: number;
  minSpend: { minorUnits: number };
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  perShopperLimit?: number | null;
  descriptionEn: string;
  descriptionZh: string;
  redemptionCount: number;
}

function draftOf(c: EditedCoupon | null, currency: CurrencyCode): CouponDraft {
  if (!c) return emptyCouponDraft();
  return {
    code: c.code,
    kind: c.kind,
    value: discountText(c.kind, c.value, currency),
    minSpend: minorToAmount(c.minSpend.minorUnits, currency),
    startsAt: toLocalInput(c.startsAt),
    endsAt: toLocalInput(c.endsAt),
    usageLimit: c.usageLimit == null ? '' : String(c.usageLimit),
    perShopperLimit: c.perShopperLimit == null ? '' : String(c.perShopperLimit),
    descriptionEn: c.descriptionEn,
    descriptionZh: c.descriptionZh,
  };
}

/** Create or edit one coupon; both languages side by side; the server's userErrors beside their fields. */
export function CouponForm({
  coupon,
  currency,
  platform,
  onClose,
  onSaved,
}: {
  coupon: EditedCoupon | null;
  currency: CurrencyCode;
  /** Admins create platform coupons; merchant staff their store's. */
  platform: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => draftOf(coupon, currency));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saved, setSaved] = useState(false);
  const [create, creating] = useMutation(CreateCoupon);
  const [update, updating] = useMutation(UpdateCoupon);
  const locked = (coupon?.redemptionCount ?? 0) > 0;

  const set = <K extends keyof CouponDraft>(key: K, value: CouponDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const errorId = (key: string) => `${id}-${key}-error`;
  const errorText = (key: string): string | null =>
    errors[key] ? t(`promotions.coupons.errors.${errors[key] as CouponErrorKey}`) : null;
  const field = (key: string) => invalidProps(errorId(key), Boolean(errors[key]));
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { values, errors: local } = readCouponDraft(draft, currency);
    setErrors(local);
    if (Object.keys(local).length) return focusFirstInvalid();
    try {
      if (!coupon) {
        const res = await create({ variables: { input: values } });
        const payload = res.data?.createCoupon;
        if (payload?.userErrors.length) {
          setErrors(serverErrors(payload.userErrors));
          return focusFirstInvalid();
        }
        if (payload?.coupon) onSaved(payload.coupon.id);
        return;
      }
      const res = await update({
        variables: {
          input: {
            couponId: coupon.id,
            ...(locked ? {} : { code: values.code, kind: values.kind, value: values.value }),
            minSpendMinor: values.minSpendMinor,
            ...(values.startsAt ? { startsAt: values.startsAt } : { clearStartsAt: true }),
            ...(values.endsAt ? { endsAt: values.endsAt } : { clearEndsAt: true }),
            ...(values.usageLimit !== null ? { usageLimit: values.usageLimit } : { clearUsageLimit: true }),
            ...(values.perShopperLimit !== null
              ? { perShopperLimit: values.perShopperLimit }
              : { clearPerShopperLimit: true }),
            descriptionEn: values.descriptionEn,
            descriptionZh: values.descriptionZh,
          },
        },
      });
      const payload = res.data?.updateCoupon;
      if (payload?.userErrors.length) {
        setErrors(serverErrors(payload.userErrors));
        return focusFirstInvalid();
      }
      setSaved(true);
      if (payload?.coupon) onSaved(payload.coupon.id);
    } catch {
      setErrors({ form: 'unexpected' });
    }
  };

  return (
    <form
      ref={ref}
      className="promotions-form"
      aria-labelledby={`${id}-title`}
      data-testid="coupon-form"
      onSubmit={onSubmit}
      noValidate
    >
      <div className="promotions-form__header">
        <h2 id={`${id}-title`}>
          {coupon
            ? t('promotions.coupons.form.editTitle', { code: coupon.code })
            : t('promotions.coupons.form.createTitle')}
        </h2>
        <Button variant="ghost" onClick={onClose}>
          {t('promotions.close')}
        </Button>
      </div>
      <p className="promotions-hint">
        {platform ? t('promotions.coupons.form.platformHint') : t('promotions.coupons.form.storeHint')}
      </p>
      {locked && (
        <Alert tone="info">
          {t('promotions.coupons.form.lockedHint', { count: coupon?.redemptionCount ?? 0 })}
        </Alert>
      )}
      {errors.form && <Alert tone="error">{errorText('form')}</Alert>}
      {saved && <Alert tone="info">{t('promotions.coupons.form.saved')}</Alert>}

      <div className="promotions-form__grid">
        <div>
          <TextField
            label={t('promotions.coupons.form.code')}
            name="code"
            value={draft.code}
            disabled={locked}
            autoComplete="off"
            onChange={(e) => set('code', e.target.value)}
            {...field('code')}
          />
          <p className="promotions-sub">{t('promotions.coupons.form.codeHint')}</p>
          <FieldError id={errorId('code')} text={errorText('code')} />
        </div>
        <div>
          <label className="promotions-select">
            <span>{t('promotions.coupons.form.kind')}</span>
            <select
              name="kind"
              value={draft.kind}
              disabled={locked}
              onChange={(e) => set('kind', e.target.value as CouponDraft['kind'])}
              {...field('kind')}
            >
              <option value="PERCENTAGE">{t('promotions.kind.PERCENTAGE')}</option>
              <option value="FIXED_AMOUNT">{t('promotions.kind.FIXED_AMOUNT')}</option>
            </select>
          </label>
          <FieldError id={errorId('kind')} text={errorText('kind')} />
        </div>
        <div>
          <TextField
            label={
              draft.kind === 'PERCENTAGE'
                ? t('promotions.coupons.form.percentValue')
                : t('promotions.coupons.form.amountValue', { currency })
            }
            name="value"
            inputMode="decimal"
            value={draft.value}
            disabled={locked}
            onChange={(e) => set('value', e.target.value)}
            {...field('value')}
          />
          <FieldError id={errorId('value')} text={errorText('value')} />
        </div>
        <div>
          <TextField
            label={t('promotions.coupons.form.minSpend', { currency })}
            name="minSpend"
            inputMode="decimal"
            value={draft.minSpend}
            onChange={(e) => set('minSpend', e.target.value)}
            {...field('minSpendMinor')}
          />
          <FieldError id={errorId('minSpendMinor')} text={errorText('minSpendMinor')} />
        </div>
        <div>
          <TextField
            label={t('promotions.coupons.form.startsAt')}
            name="startsAt"
            type="datetime-local"
            value={draft.startsAt}
            onChange={(e) => set('startsAt', e.target.value)}
            {...field('startsAt')}
          />
          <FieldError id={errorId('startsAt')} text={errorText('startsAt')} />
        </div>
        <div>
          <TextField
            label={t('promotions.coupons.form.endsAt')}
            name="endsAt"
            type="datetime-local"
            value={draft.endsAt}
            onChange={(e) => set('endsAt', e.target.value)}
            {...field('endsAt')}
          />
          <FieldError id={errorId('endsAt')} text={errorText('endsAt')} />
        </div>
        <div>
          <TextField
            label={t('promotions.coupons.form.usageLimit')}
            name="usageLimit"
            inputMode="numeric"
            value={draft.usageLimit}
            onChange={(e) => set('usageLimit', e.target.value)}
            {...field('usageLimit')}
          />
          <FieldError id={errorId('usageLimit')} text={errorText('usageLimit')} />
        </div>
        <div>
          <TextField
            label={t('promotions.coupons.form.perShopperLimit')}
            name="perShopperLimit"
            inputMode="numeric"
            value={draft.perShopperLimit}
            onChange={(e) => set('perShopperLimit', e.target.value)}
            {...field('perShopperLimit')}
          />
          <FieldError id={errorId('perShopperLimit')} text={errorText('perShopperLimit')} />
        </div>
      </div>

      <div className="promotions-form__languages">
        {(['descriptionEn', 'descriptionZh'] as const).map((key) => (
          <fieldset key={key} lang={key === 'descriptionEn' ? 'en' : 'zh-TW'}>
            <legend>{key === 'descriptionEn' ? t('promotions.english') : t('promotions.chinese')}</legend>
            <TextField
              label={t(`promotions.coupons.form.${key}`)}
              name={key}
              value={draft[key]}
              maxLength={400}
              onChange={(e) => set(key, e.target.value)}
              {...field(key)}
            />
            <FieldError id={errorId(key)} text={errorText(key)} />
          </fieldset>
        ))}
      </div>

      <div className="promotions-actions">
        <Button type="submit" pending={creating.loading || updating.loading} data-testid="coupon-save">
          {coupon
            ? updating.loading
              ? t('promotions.coupons.form.saving')
              : t('promotions.coupons.form.save')
            : creating.loading
              ? t('promotions.coupons.form.creating')
              : t('promotions.coupons.form.create')}
        </Button>
      </div>
    </form>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import type { CurrencyCode } from '@marketplace/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import {
  type ActivityDraft,
  type ActivityErrorKey,
  discountText,
  emptyActivityDraft,
  type FormErrors,
  fromLocalInput,
  readActivityDraft,
  serverErrors,
  toLocalInput,
} from '../lib/promotion-form';
import { FieldError, invalidProps } from './field-error';

const CreateActivity = graphql(`
  mutation ActivityForm_CreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      activity {
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

const UpdateActivity = graphql(`
  mutation ActivityForm_UpdateActivity($input: UpdateActivityInput!) {
    updateActivity(input: $input) {
      activity {
        id
        state
        endsAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const PickerQuery = graphql(`
  query ActivityForm_ProductPicker($query: String) {
    merchantProducts(first: 20, query: $query, sort: TITLE) {
      nodes {
        id
        titleEn
        titleZh
        status
      }
    }
  }
`);

export interface EditedActivity {
  id: string;
  nameEn: string;
  nameZh: string;
  kind: 'PERCENTAGE' | 'FIXED_AMOUNT';
  value: number;
  startsAt: string;
  endsAt: string;
  state: string;
  allProducts: boolean;
  products?: { id: string; titleEn: string; titleZh: string }[] | null;
}

type Picked = { id: string; titleEn: string; titleZh: string };

function draftOf(a: EditedActivity | null, currency: CurrencyCode): ActivityDraft {
  if (!a) return emptyActivityDraft();
  return {
    nameEn: a.nameEn,
    nameZh: a.nameZh,
    kind: a.kind,
    value: discountText(a.kind, a.value, currency),
    startsAt: toLocalInput(a.startsAt),
    endsAt: toLocalInput(a.endsAt),
    allProducts: a.allProducts,
    productIds: (a.products ?? []).map((p) => p.id),
  };
}

/**
 * Create or edit an activity: names side by side, the discount, the period and the products (the
 * whole store or a pick from the store's catalogue). A running activity may only end earlier.
 */
export function ActivityForm({
  activity,
  currency,
  onClose,
  onSaved,
}: {
  activity: EditedActivity | null;
  currency: CurrencyCode;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => draftOf(activity, currency));
  const [picked, setPicked] = useState<Picked[]>(() => activity?.products ?? []);
  const [search, setSearch] = useState('');
  const [productQuery, setProductQuery] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saved, setSaved] = useState(false);
  const running = activity?.state === 'RUNNING';
  const picker = useQuery(PickerQuery, {
    variables: { query: productQuery },
    skip: draft.allProducts || running,
  });
  const [create, creating] = useMutation(CreateActivity);
  const [update, updating] = useMutation(UpdateActivity);
  const zh = i18n.language.startsWith('zh');

  const set = <K extends keyof ActivityDraft>(key: K, value: ActivityDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const togglePick = (p: Picked, on: boolean) => {
    const next = on ? [...picked.filter((x) => x.id !== p.id), p] : picked.filter((x) => x.id !== p.id);
    setPicked(next);
    set(
      'productIds',
      next.map((x) => x.id),
    );
  };
  const errorId = (key: string) => `${id}-${key}-error`;
  const errorText = (key: string): string | null =>
    errors[key] ? t(`promotions.activities.errors.${errors[key] as ActivityErrorKey}`) : null;
  const field = (key: string) => invalidProps(errorId(key), Boolean(errors[key]));
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const answer = (
    payload:
      | { activity?: { id: string } | null; userErrors: { code: string; field?: string[] | null }[] }
      | undefined,
  ) => {
    if (payload?.userErrors.length) {
      setErrors(serverErrors(payload.userErrors));
      focusFirstInvalid();
      return;
    }
    setSaved(true);
    if (payload?.activity) onSaved(payload.activity.id);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (running && activity) {
        const endsAt = fromLocalInput(draft.endsAt);
        if (!endsAt) {
          setErrors({ endsAt: 'INVALID_DATES' });
          return focusFirstInvalid();
        }
        setErrors({});
        const res = await update({ variables: { input: { activityId: activity.id, endsAt } } });
        return answer(res.data?.updateActivity);
      }
      const { values, errors: local } = readActivityDraft(draft, currency);
      setErrors(local);
      if (Object.keys(local).length) return focusFirstInvalid();
      if (!activity) {
        const res = await create({ variables: { input: values } });
        return answer(res.data?.createActivity);
      }
      const res = await update({ variables: { input: { activityId: activity.id, ...values } } });
      answer(res.data?.updateActivity);
    } catch {
      setErrors({ form: 'unexpected' });
    }
  };

  const products = picker.data?.merchantProducts.nodes ?? [];

  return (
    <form
      ref={ref}
      className="promotions-form"
      aria-labelledby={`${id}-title`}
      data-testid="activity-form"
      onSubmit={onSubmit}
      noValidate
    >
      <div className="promotions-form__header">
        <h2 id={`${id}-title`}>
          {activity ? t('promotions.activities.form.editTitle') : t('promotions.activities.form.createTitle')}
        </h2>
        <Button variant="ghost" onClick={onClose}>
          {t('promotions.close')}
        </Button>
      </div>
      {running ? (
        <Alert tone="info">{t('promotions.activities.form.runningHint')}</Alert>
      ) : (
        <p className="promotions-hint">{t('promotions.activities.form.overlapHint')}</p>
      )}
      {errors.form && <Alert tone="error">{errorText('form')}</Alert>}
      {saved && <Alert tone="info">{t('promotions.activities.form.saved')}</Alert>}

      <div className="promotions-form__languages">
        {(['nameEn', 'nameZh'] as const).map((key) => (
          <fieldset key={key} lang={key === 'nameEn' ? 'en' : 'zh-TW'}>
            <legend>{key === 'nameEn' ? t('promotions.english') : t('promotions.chinese')}</legend>
            <TextField
              label={t(`promotions.activities.form.${key}`)}
              name={key}
              value={draft[key]}
              disabled={running}
              maxLength={200}
              onChange={(e) => set(key, e.target.value)}
              {...field(key)}
            />
            <FieldError id={errorId(key)} text={errorText(key)} />
          </fieldset>
        ))}
      </div>

      <div className="promotions-form__grid">
        <div>
          <label className="promotions-select">
            <span>{t('promotions.activities.form.kind')}</span>
            <select
              name="kind"
              value={draft.kind}
              disabled={running}
              onChange={(e) => set('kind', e.target.value as ActivityDraft['kind'])}
            >
              <option value="PERCENTAGE">{t('promotions.kind.PERCENTAGE')}</option>
              <option value="FIXED_AMOUNT">{t('promotions.kind.FIXED_AMOUNT')}</option>
            </select>
          </label>
        </div>
        <div>
          <TextField
            label={
              draft.kind === 'PERCENTAGE'
                ? t('promotions.activities.form.percentValue')
                : t('promotions.activities.form.amountValue', { currency })
            }
            name="value"
            inputMode="decimal"
            value={draft.value}
            disabled={running}
            onChange={(e) => set('value', e.target.value)}
            {...field('value')}
          />
          <FieldError id={errorId('value')} text={errorText('value')} />
        </div>
        <div>
          <TextField
            label={t('promotions.activities.form.startsAt')}
            name="startsAt"
            type="datetime-local"
            value={draft.startsAt}
            disabled={running}
            onChange={(e) => set('startsAt', e.target.value)}
            {...field('startsAt')}
          />
          <FieldError id={errorId('startsAt')} text={errorText('startsAt')} />
        </div>
        <div>
          <TextField
            label={t('promotions.activities.form.endsAt')}
            name="endsAt"
            type="datetime-local"
            value={draft.endsAt}
            onChange={(e) => set('endsAt', e.target.value)}
            {...field('endsAt')}
          />
          <FieldError id={errorId('endsAt')} text={errorText('endsAt')} />
        </div>
      </div>

      <fieldset disabled={running}>
        <legend>{t('promotions.activities.form.scope')}</legend>
        <label>
          <input
            type="radio"
            name="allProducts"
            value="all"
            checked={draft.allProducts}
            onChange={() => set('allProducts', true)}
          />{' '}
          {t('promotions.activities.form.allProducts')}
        </label>
        <label>
          <input
            type="radio"
            name="allProducts"
            value="selected"
            checked={!draft.allProducts}
            onChange={() => set('allProducts', false)}
            {...field('productIds')}
          />{' '}
          {t('promotions.activities.form.selectedProducts')}
        </label>
        <FieldError id={errorId('productIds')} text={errorText('productIds')} />
        {!draft.allProducts && (
          <div className="promotions-picker" data-testid="product-picker">
            <p aria-live="polite">
              {t('promotions.activities.form.selectedCount', { count: picked.length })}
            </p>
            {picked.length > 0 && (
              <ul className="promotions-chips">
                {picked.map((p) => {
                  const title = zh ? p.titleZh : p.titleEn;
                  return (
                    <li key={p.id}>
                      <button
                        type="button"
                        aria-label={t('promotions.activities.form.remove', { title })}
                        onClick={() => togglePick(p, false)}
                      >
                        {title} ×
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            <div className="promotions-filter">
              <TextField
                label={t('promotions.activities.form.search')}
                name="productSearch"
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    setProductQuery(search.trim() || null);
                  }
                }}
              />
              <Button variant="secondary" onClick={() => setProductQuery(search.trim() || null)}>
                {t('promotions.activities.form.searchButton')}
              </Button>
            </div>
            {picker.loading ? (
              <p role="status">{t('promotions.activities.form.pickerLoading')}</p>
            ) : products.length === 0 ? (
              <p>{t('promotions.activities.form.pickerEmpty')}</p>
            ) : (
              <ul>
                {products.map((p) => (
                  <li key={p.id}>
                    <label>
                      <input
                        type="checkbox"
                        name="productIds"
                        value={p.id}
                        checked={picked.some((x) => x.id === p.id)}
                        onChange={(e) => togglePick(p, e.target.checked)}
                      />{' '}
                      {zh ? p.titleZh : p.titleEn}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </fieldset>

      <div className="promotions-actions">
        <Button type="submit" pending={creating.loading || updating.loading} data-testid="activity-save">
          {activity
            ? updating.loading
              ? t('promotions.activities.form.saving')
              : t('promotions.activities.form.save')
            : creating.loading
              ? t('promotions.activities.form.creating')
              : t('promotions.activities.form.create')}
        </Button>
      </div>
    </form>
  );
}

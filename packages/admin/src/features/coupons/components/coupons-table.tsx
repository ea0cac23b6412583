import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Pager } from '../../../components/ui/pager';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { CouponScope, CouponState } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import { currencyOf, discountText, minorToAmount } from '../lib/promotion-form';
import { CouponForm } from './coupon-form';

export const CouponsTableQuery = graphql(`
  query CouponsTable_StaffCoupons(
    $first: Int!
    $after: String
    $filter: StaffCouponsFilter
    $sort: StaffCouponsSort
  ) {
    paymentSettings {
      currencyCode
    }
    staffCoupons(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      nodes {
        id
        code
        kind
        value
        scope
        state
        active
        usedCount
        usageLimit
        perShopperLimit
        redemptionCount
        viewerCanEdit
        startsAt
        endsAt
        descriptionEn
        descriptionZh
        minSpend {
          minorUnits
        }
        merchant {
          id
          handle
        }
      }
    }
  }
`);

const Deactivate = graphql(`
  mutation CouponsTable_DeactivateCoupon($input: CouponIdInput!) {
    deactivateCoupon(input: $input) {
      coupon {
        id
        active
        state
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const Reactivate = graphql(`
  mutation CouponsTable_ReactivateCoupon($input: CouponIdInput!) {
    reactivateCoupon(input: $input) {
      coupon {
        id
        active
        state
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const MerchantsQuery = graphql(`
  query CouponsTable_Merchants {
    staffMerchants(first: 100, sort: { field: HANDLE, direction: ASC }) {
      nodes {
        id
        handle
      }
    }
  }
`);

const PAGE_SIZE = 20;
const STATES: CouponState[] = ['ACTIVE', 'SCHEDULED', 'EXPIRED', 'EXHAUSTED', 'DEACTIVATED'];
const SCOPES: CouponScope[] = ['PLATFORM', 'STORE'];
const SORTS = {
  CREATED_DESC: { field: 'CREATED', direction: 'DESC' },
  CODE_ASC: { field: 'CODE', direction: 'ASC' },
  STARTS_AT_DESC: { field: 'STARTS_AT', direction: 'DESC' },
  ENDS_AT_ASC: { field: 'ENDS_AT', direction: 'ASC' },
  USED_COUNT_DESC: { field: 'USED_COUNT', direction: 'DESC' },
} as const;
type SortKey = keyof typeof SORTS;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Coupons with server-side filter, sort and pagination kept in the URL; the form opens above the
 * table (`?coupon=new` or `?coupon=<id>`). Admins see every store's coupons and create platform ones.
 */
export function CouponsTable({ role }: { role: 'MERCHANT_STAFF' | 'ADMIN' }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() || null;
  const state = pick(params.get('state'), STATES);
  const scope = role === 'ADMIN' ? pick(params.get('scope'), SCOPES) : null;
  const sortKey = pick(params.get('sort'), Object.keys(SORTS) as SortKey[]) ?? 'CREATED_DESC';
  const merchantId = role === 'ADMIN' ? params.get('merchant') || null : null;
  const after = params.get('after') || null;
  const editing = params.get('coupon');
  const [draftQuery, setDraftQuery] = useState(query ?? '');
  // Cursors of the pages before this one, so "Previous" goes back one page (not to the first).
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(CouponsTableQuery, {
    variables: { first: PAGE_SIZE, after, filter: { query, state, scope, merchantId }, sort: SORTS[sortKey] },
    notifyOnNetworkStatusChange: true,
  });
  const [deactivate, deactivating] = useMutation(Deactivate);
  const [reactivate, reactivating] = useMutation(Reactivate);
  const merchants = useQuery(MerchantsQuery, { skip: role !== 'ADMIN' });
  const result = data ?? previousData;
  const page = result?.staffCoupons;
  const currency = currencyOf(result?.paymentSettings.currencyCode);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const zh = i18n.language.startsWith('zh');

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPrevious([]);
    update({
      q: draftQuery.trim() || null,
      state: String(form.get('state') ?? '') || null,
      scope: String(form.get('scope') ?? '') || null,
      sort: String(form.get('sort') ?? '') || null,
      merchant: String(form.get('merchant') ?? '') || null,
      after: null,
    });
  };

  const toggle = async (id: string, code: string, on: boolean) => {
    setNotice(null);
    setFailure(null);
    try {
      const res = on
        ? (await reactivate({ variables: { input: { couponId: id } } })).data?.reactivateCoupon
        : (await deactivate({ variables: { input: { couponId: id } } })).data?.deactivateCoupon;
      const problem = res?.userErrors[0];
      if (problem) setFailure(t(`promotions.coupons.errors.${problem.code}`));
      else {
        setNotice(t(on ? 'promotions.coupons.reactivated' : 'promotions.coupons.deactivated', { code }));
        void refetch();
      }
    } catch {
      setFailure(t('promotions.coupons.errors.unexpected'));
    }
    setConfirming(null);
  };

  const discount = (kind: 'PERCENTAGE' | 'FIXED_AMOUNT', value: number) =>
    kind === 'PERCENTAGE'
      ? t('promotions.discount.percent', { value: discountText(kind, value, currency) })
      : t('promotions.discount.amount', { value: discountText(kind, value, currency) });
  const period = (start?: string | null, end?: string | null) => {
    const s = start ? dateFormat.format(new Date(start)) : null;
    const e = end ? dateFormat.format(new Date(end)) : null;
    if (s && e) return t('promotions.period', { start: s, end: e });
    if (s) return t('promotions.from', { date: s });
    if (e) return t('promotions.until', { date: e });
    return t('promotions.always');
  };

  const selected = editing && editing !== 'new' ? page?.nodes.find((c) => c.id === editing) : undefined;

  return (
    <section className="promotions-page" aria-label={t('promotions.tabs.coupons')}>
      <div className="promotions-filter">
        <Button data-testid="new-coupon" onClick={() => update({ coupon: 'new' })}>
          {t('promotions.coupons.newCoupon')}
        </Button>
      </div>
      <search>
        <form className="promotions-filter" onSubmit={onFilter}>
          <TextField
            label={t('promotions.coupons.searchLabel')}
            name="q"
            type="search"
            value={draftQuery}
            onChange={(e) => setDraftQuery(e.target.value)}
            autoComplete="off"
          />
          <label className="promotions-select">
            <span>{t('promotions.stateFilter')}</span>
            <select name="state" defaultValue={state ?? ''} key={`s-${state}`}>
              <option value="">{t('promotions.all')}</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`promotions.coupons.state.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {role === 'ADMIN' && (
            <label className="promotions-select">
              <span>{t('promotions.coupons.scopeFilter')}</span>
              <select name="scope" defaultValue={scope ?? ''} key={`c-${scope}`}>
                <option value="">{t('promotions.all')}</option>
                {SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`promotions.coupons.scope.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {role === 'ADMIN' && (
            <label className="promotions-select">
              <span>{t('promotions.merchantFilter')}</span>
              <select name="merchant" defaultValue={merchantId ?? ''} key={`m-${merchantId}`}>
                <option value="">{t('promotions.allStores')}</option>
                {(merchants.data?.staffMerchants.nodes ?? []).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.handle}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="promotions-select">
            <span>{t('promotions.sortLabel')}</span>
            <select name="sort" defaultValue={sortKey} key={`o-${sortKey}`}>
              {(Object.keys(SORTS) as SortKey[]).map((s) => (
                <option key={s} value={s}>
                  {t(`promotions.coupons.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit">{t('promotions.apply')}</Button>
        </form>
      </search>

      {editing && (editing === 'new' || selected) && (
        <CouponForm
          key={editing}
          coupon={selected ?? null}
          currency={currency}
          platform={role === 'ADMIN'}
          onClose={() => update({ coupon: null })}
          onSaved={(id) => {
            void refetch();
            update({ coupon: id });
          }}
        />
      )}
      {notice && <Alert tone="info">{notice}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}

      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !page && loading ? (
        <LoadingState label={t('promotions.coupons.loading')} />
      ) : page && page.nodes.length === 0 ? (
        <StatusPanel title={t('promotions.coupons.emptyTitle')}>
          <p>{t('promotions.coupons.emptyBody')}</p>
        </StatusPanel>
      ) : page ? (
        <>
          <p aria-live="polite">{t('promotions.coupons.count', { count: page.totalCount })}</p>
          <div className="promotions-table-wrap">
            <table className="promotions-table" data-testid="coupons-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('promotions.coupons.columns.code')}</th>
                  <th scope="col">{t('promotions.coupons.columns.scope')}</th>
                  <th scope="col">{t('promotions.coupons.columns.discount')}</th>
                  <th scope="col">{t('promotions.coupons.columns.minSpend')}</th>
                  <th scope="col">{t('promotions.coupons.columns.period')}</th>
                  <th scope="col">{t('promotions.coupons.columns.uses')}</th>
                  <th scope="col">{t('promotions.coupons.columns.state')}</th>
                  <th scope="col">{t('promotions.coupons.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((c) => (
                  <tr
                    key={c.id}
                    data-testid="coupons-row"
                    data-code={c.code}
                    data-state={c.state}
                    aria-current={c.id === editing || undefined}
                  >
                    <td>
                      <span className="promotions-code">{c.code}</span>
                      <span className="promotions-sub">{zh ? c.descriptionZh : c.descriptionEn}</span>
                    </td>
                    <td>
                      {t(`promotions.coupons.scope.${c.scope}`)}
                      {c.merchant && <span className="promotions-sub">{c.merchant.handle}</span>}
                    </td>
                    <td>{discount(c.kind, c.value)}</td>
                    <td>{minorToAmount(c.minSpend.minorUnits, currency)}</td>
                    <td>{period(c.startsAt, c.endsAt)}</td>
                    <td>
                      {t('promotions.coupons.uses', {
                        used: c.usedCount,
                        limit: c.usageLimit ?? t('promotions.open'),
                      })}
                    </td>
                    <td>
                      <span className={`promotions-state promotions-state--${c.state.toLowerCase()}`}>
                        {t(`promotions.coupons.state.${c.state}`)}
                      </span>
                    </td>
                    <td>
                      <div className="promotions-actions">
                        {c.viewerCanEdit && (
                          <Button variant="secondary" onClick={() => update({ coupon: c.id })}>
                            {t('promotions.edit')}
                          </Button>
                        )}
                        {c.active ? (
                          <Button variant="secondary" onClick={() => setConfirming(c.id)}>
                            {t('promotions.coupons.deactivate')}
                          </Button>
                        ) : (
                          c.viewerCanEdit && (
                            <Button
                              variant="secondary"
                              pending={reactivating.loading}
                              onClick={() => void toggle(c.id, c.code, true)}
                            >
                              {t('promotions.coupons.reactivate')}
                            </Button>
                          )
                        )}
                      </div>
                      {confirming === c.id && (
                        <div className="promotions-confirm" role="alertdialog" aria-label={c.code}>
                          <p>{t('promotions.coupons.confirmDeactivate', { code: c.code })}</p>
                          <div className="promotions-actions">
                            <Button
                              pending={deactivating.loading}
                              data-testid="confirm-deactivate"
                              onClick={() => void toggle(c.id, c.code, false)}
                            >
                              {t('promotions.coupons.confirm')}
                            </Button>
                            <Button variant="ghost" autoFocus onClick={() => setConfirming(null)}>
                              {t('promotions.cancelAction')}
                            </Button>
                          </div>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            className="promotions-pager"
            label={t('promotions.tabs.coupons')}
            pageInfo={page.pageInfo}
            after={after}
            previous={previous}
            setPrevious={setPrevious}
            onNavigate={(cursor) => update({ after: cursor })}
            labels={{
              first: t('promotions.first'),
              previous: t('promotions.previous'),
              next: t('promotions.next'),
            }}
          />
        </>
      ) : null}
    </section>
  );
}

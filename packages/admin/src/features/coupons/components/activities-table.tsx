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
import type { ActivityState } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import { currencyOf, discountText } from '../lib/promotion-form';
import { ActivityForm } from './activity-form';

export const ActivitiesTableQuery = graphql(`
  query ActivitiesTable_StaffActivities(
    $first: Int!
    $after: String
    $filter: StaffActivitiesFilter
    $sort: StaffActivitiesSort
  ) {
    paymentSettings {
      currencyCode
    }
    staffActivities(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      nodes {
        id
        nameEn
        nameZh
        kind
        value
        startsAt
        endsAt
        state
        allProducts
        viewerCanEdit
        viewerCanCancel
        merchant {
          id
          handle
        }
        products {
          id
          titleEn
          titleZh
        }
      }
    }
  }
`);

const Cancel = graphql(`
  mutation ActivitiesTable_CancelActivity($input: CancelActivityInput!) {
    cancelActivity(input: $input) {
      activity {
        id
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

const EndNow = graphql(`
  mutation ActivitiesTable_EndActivity($input: UpdateActivityInput!) {
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

const MerchantsQuery = graphql(`
  query ActivitiesTable_Merchants {
    staffMerchants(first: 100, sort: { field: HANDLE, direction: ASC }) {
      nodes {
        id
        handle
      }
    }
  }
`);

const PAGE_SIZE = 20;
const STATES: ActivityState[] = ['SCHEDULED', 'RUNNING', 'ENDED', 'CANCELLED'];
const SORTS = {
  CREATED_DESC: { field: 'CREATED', direction: 'DESC' },
  STARTS_AT_ASC: { field: 'STARTS_AT', direction: 'ASC' },
  STARTS_AT_DESC: { field: 'STARTS_AT', direction: 'DESC' },
  ENDS_AT_ASC: { field: 'ENDS_AT', direction: 'ASC' },
} as const;
type SortKey = keyof typeof SORTS;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Activities with server-side filter, sort and pagination in the URL. Merchant staff create and edit
 * their store's (`?activity=new` / `?activity=<id>`); admins see every store's and may cancel any.
 */
export function ActivitiesTable({ role }: { role: 'MERCHANT_STAFF' | 'ADMIN' }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() || null;
  const state = pick(params.get('state'), STATES);
  const sortKey = pick(params.get('sort'), Object.keys(SORTS) as SortKey[]) ?? 'CREATED_DESC';
  const merchantId = role === 'ADMIN' ? params.get('merchant') || null : null;
  const after = params.get('after') || null;
  const editing = params.get('activity');
  const [draftQuery, setDraftQuery] = useState(query ?? '');
  // Cursors of the pages before this one, so "Previous" goes back one page (not to the first).
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [confirming, setConfirming] = useState<{ id: string; action: 'cancel' | 'end' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(ActivitiesTableQuery, {
    variables: { first: PAGE_SIZE, after, filter: { query, state, merchantId }, sort: SORTS[sortKey] },
    notifyOnNetworkStatusChange: true,
  });
  const [cancel, cancelling] = useMutation(Cancel);
  const [endNow, ending] = useMutation(EndNow);
  const merchants = useQuery(MerchantsQuery, { skip: role !== 'ADMIN' });
  const result = data ?? previousData;
  const page = result?.staffActivities;
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
      sort: String(form.get('sort') ?? '') || null,
      merchant: String(form.get('merchant') ?? '') || null,
      after: null,
    });
  };

  const act = async (id: string, name: string, action: 'cancel' | 'end') => {
    setNotice(null);
    setFailure(null);
    try {
      const payload =
        action === 'cancel'
          ? (await cancel({ variables: { input: { activityId: id } } })).data?.cancelActivity
          : (await endNow({ variables: { input: { activityId: id, endsAt: new Date().toISOString() } } }))
              .data?.updateActivity;
      const problem = payload?.userErrors[0];
      if (problem) setFailure(t(`promotions.activities.errors.${problem.code}`));
      else {
        setNotice(
          t(action === 'cancel' ? 'promotions.activities.cancelled' : 'promotions.activities.ended', {
            name,
          }),
        );
        void refetch();
      }
    } catch {
      setFailure(t('promotions.activities.errors.unexpected'));
    }
    setConfirming(null);
  };

  const selected = editing && editing !== 'new' ? page?.nodes.find((a) => a.id === editing) : undefined;
  const canCreate = role === 'MERCHANT_STAFF';

  return (
    <section className="promotions-page" aria-label={t('promotions.tabs.activities')}>
      {canCreate && (
        <div className="promotions-filter">
          <Button data-testid="new-activity" onClick={() => update({ activity: 'new' })}>
            {t('promotions.activities.newActivity')}
          </Button>
        </div>
      )}
      <search>
        <form className="promotions-filter" onSubmit={onFilter}>
          <TextField
            label={t('promotions.activities.searchLabel')}
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
                  {t(`promotions.activities.state.${s}`)}
                </option>
              ))}
            </select>
          </label>
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
                  {t(`promotions.activities.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit">{t('promotions.apply')}</Button>
        </form>
      </search>

      {canCreate && editing && (editing === 'new' || selected?.viewerCanEdit) && (
        <ActivityForm
          key={editing}
          activity={selected ?? null}
          currency={currency}
          onClose={() => update({ activity: null })}
          onSaved={(id) => {
            void refetch();
            update({ activity: id });
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
        <LoadingState label={t('promotions.activities.loading')} />
      ) : page && page.nodes.length === 0 ? (
        <StatusPanel title={t('promotions.activities.emptyTitle')}>
          <p>{t('promotions.activities.emptyBody')}</p>
        </StatusPanel>
      ) : page ? (
        <>
          <p aria-live="polite">{t('promotions.activities.count', { count: page.totalCount })}</p>
          <div className="promotions-table-wrap">
            <table
              className="promotions-table"
              data-testid="activities-table"
              aria-busy={loading || undefined}
            >
              <thead>
                <tr>
                  <th scope="col">{t('promotions.activities.columns.name')}</th>
                  {role === 'ADMIN' && <th scope="col">{t('promotions.activities.columns.store')}</th>}
                  <th scope="col">{t('promotions.activities.columns.discount')}</th>
                  <th scope="col">{t('promotions.activities.columns.period')}</th>
                  <th scope="col">{t('promotions.activities.columns.products')}</th>
                  <th scope="col">{t('promotions.activities.columns.state')}</th>
                  <th scope="col">{t('promotions.activities.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((a) => {
                  const name = zh ? a.nameZh : a.nameEn;
                  const live = a.state === 'SCHEDULED' || a.state === 'RUNNING';
                  return (
                    <tr
                      key={a.id}
                      data-testid="activities-row"
                      data-state={a.state}
                      aria-current={a.id === editing || undefined}
                    >
                      <td>
                        <strong>{name}</strong>
                        <span className="promotions-sub">{zh ? a.nameEn : a.nameZh}</span>
                      </td>
                      {role === 'ADMIN' && <td>{a.merchant.handle}</td>}
                      <td>
                        {a.kind === 'PERCENTAGE'
                          ? t('promotions.discount.percent', {
                              value: discountText(a.kind, a.value, currency),
                            })
                          : t('promotions.discount.amount', {
                              value: discountText(a.kind, a.value, currency),
                            })}
                      </td>
                      <td>
                        {t('promotions.period', {
                          start: dateFormat.format(new Date(a.startsAt)),
                          end: dateFormat.format(new Date(a.endsAt)),
                        })}
                      </td>
                      <td>
                        {a.allProducts
                          ? t('promotions.activities.allProducts')
                          : t('promotions.activities.someProducts', { count: a.products?.length ?? 0 })}
                      </td>
                      <td>
                        <span className={`promotions-state promotions-state--${a.state.toLowerCase()}`}>
                          {t(`promotions.activities.state.${a.state}`)}
                        </span>
                      </td>
                      <td>
                        <div className="promotions-actions">
                          {a.viewerCanEdit && live && (
                            <Button variant="secondary" onClick={() => update({ activity: a.id })}>
                              {t('promotions.edit')}
                            </Button>
                          )}
                          {a.viewerCanEdit && a.state === 'RUNNING' && (
                            <Button
                              variant="secondary"
                              onClick={() => setConfirming({ id: a.id, action: 'end' })}
                            >
                              {t('promotions.activities.endNow')}
                            </Button>
                          )}
                          {a.viewerCanCancel && live && (
                            <Button
                              variant="secondary"
                              onClick={() => setConfirming({ id: a.id, action: 'cancel' })}
                            >
                              {t('promotions.activities.cancel')}
                            </Button>
                          )}
                        </div>
                        {confirming?.id === a.id && (
                          <div className="promotions-confirm" role="alertdialog" aria-label={name}>
                            <p>
                              {confirming.action === 'cancel'
                                ? t('promotions.activities.confirmCancel', { name })
                                : t('promotions.activities.confirmEnd', { name })}
                            </p>
                            <div className="promotions-actions">
                              <Button
                                pending={cancelling.loading || ending.loading}
                                data-testid={
                                  confirming.action === 'cancel' ? 'confirm-cancel' : 'confirm-end'
                                }
                                onClick={() => void act(a.id, name, confirming.action)}
                              >
                                {confirming.action === 'cancel'
                                  ? t('promotions.activities.confirm')
                                  : t('promotions.activities.confirmEndButton')}
                              </Button>
                              <Button variant="ghost" autoFocus onClick={() => setConfirming(null)}>
                                {t('promotions.cancelAction')}
                              </Button>
                            </div>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            className="promotions-pager"
            label={t('promotions.tabs.activities')}
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

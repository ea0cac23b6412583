import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Pager } from '../../../components/ui/pager';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { MerchantProductSort, ProductKind, ProductStatus } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import { ProductEditor } from './product-editor';
import './products.css';

export const ProductsPageQuery = graphql(`
  query ProductsPage_MerchantProducts(
    $first: Int!
    $after: String
    $query: String
    $status: ProductStatus
    $kind: ProductKind
    $sort: MerchantProductSort
    $merchantId: ID
  ) {
    merchantProducts(
      first: $first
      after: $after
      query: $query
      status: $status
      kind: $kind
      sort: $sort
      merchantId: $merchantId
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      nodes {
        id
        handle
        kind
        status
        titleEn
        titleZh
        descriptionEn
        descriptionZh
        updatedAt
        merchant {
          id
          handle
        }
        variants {
          id
          sku
          titleEn
          titleZh
          stock
          price: basePrice {
            amount
            currencyCode
          }
        }
        images {
          id
          url
          width
          height
          altEn
          altZh
        }
      }
    }
  }
`);

const ProductsPageMerchantsQuery = graphql(`
  query ProductsPage_Merchants {
    staffMerchants(first: 100, sort: { field: HANDLE, direction: ASC }) {
      nodes {
        id
        handle
      }
    }
  }
`);

const PAGE_SIZE = 20;
const STATUSES: ProductStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
const KINDS: ProductKind[] = ['GOODS', 'SERVICE'];
const SORTS: MerchantProductSort[] = ['NEWEST', 'OLDEST', 'TITLE', 'UPDATED'];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * The merchant's catalogue: every product of the store in any status, searched, filtered, sorted and
 * paginated on the server; the editor opens beside the list (`?product=<id>` or `?product=new`).
 */
export function ProductsPage({ canEdit, showStores = false }: { canEdit: boolean; showStores?: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() || null;
  const status = pick(params.get('status'), STATUSES);
  const kind = pick(params.get('kind'), KINDS);
  const sort = pick(params.get('sort'), SORTS) ?? 'NEWEST';
  const after = params.get('after') || null;
  // Platform admins see every store's products, or one store's (`merchant`).
  const merchantId = showStores ? params.get('merchant') || null : null;
  const editing = params.get('product');
  const [draftQuery, setDraftQuery] = useState(query ?? '');
  // Cursors of the pages before this one, so "Previous" goes back one page (not to the first).
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const { data, previousData, loading, error, refetch } = useQuery(ProductsPageQuery, {
    variables: { first: PAGE_SIZE, after, query, status, kind, sort, merchantId },
    notifyOnNetworkStatusChange: true,
  });
  const merchants = useQuery(ProductsPageMerchantsQuery, { skip: !showStores });
  const title = `${t('products.title')} · ${t('app.name')}`;
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
      merchant: String(form.get('merchant') ?? '') || null,
      q: draftQuery.trim() || null,
      status: String(form.get('status') ?? '') || null,
      kind: String(form.get('kind') ?? '') || null,
      sort: String(form.get('sort') ?? '') || null,
      after: null,
    });
  };

  const page = (data ?? previousData)?.merchantProducts;
  const selected = editing && editing !== 'new' ? page?.nodes.find((p) => p.id === editing) : undefined;

  return (
    <div className="products-page">
      <title>{title}</title>
      <header className="products-page__header">
        <h1>{t('products.title')}</h1>
        <p className="products-page__intro">{t('products.intro')}</p>
        {canEdit && (
          <Button data-testid="new-product" onClick={() => update({ product: 'new' })}>
            {t('products.newProduct')}
          </Button>
        )}
        <search>
          <form className="products-page__filter" onSubmit={onFilter}>
            <TextField
              label={t('products.searchLabel')}
              name="q"
              type="search"
              value={draftQuery}
              onChange={(e) => setDraftQuery(e.target.value)}
              autoComplete="off"
            />
            <label className="products-select">
              <span>{t('products.statusFilter')}</span>
              <select name="status" defaultValue={status ?? ''} key={`s-${status}`}>
                <option value="">{t('products.all')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`products.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="products-select">
              <span>{t('products.kindFilter')}</span>
              <select name="kind" defaultValue={kind ?? ''} key={`k-${kind}`}>
                <option value="">{t('products.all')}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`products.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            {showStores && (
              <label className="products-select">
                <span>{t('products.storeFilter')}</span>
                <select
                  name="merchant"
                  defaultValue={merchantId ?? ''}
                  key={`m-${merchantId}-${merchants.data ? 'loaded' : 'loading'}`}
                >
                  <option value="">{t('products.allStores')}</option>
                  {merchants.data?.staffMerchants.nodes.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.handle}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="products-select">
              <span>{t('products.sortLabel')}</span>
              <select name="sort" defaultValue={sort} key={`o-${sort}`}>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`products.sort.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit">{t('products.apply')}</Button>
          </form>
        </search>
      </header>

      {canEdit && editing && (editing === 'new' || selected) && (
        <ProductEditor
          key={editing}
          product={selected ?? null}
          onClose={() => update({ product: null })}
          onCreated={(id) => {
            void refetch();
            update({ product: id });
          }}
        />
      )}

      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !page && loading ? (
        <LoadingState label={t('products.loading')} />
      ) : page && page.nodes.length === 0 ? (
        <StatusPanel title={t('products.emptyTitle')}>
          <p>{t('products.emptyBody')}</p>
        </StatusPanel>
      ) : page ? (
        <>
          <p className="products-page__count" aria-live="polite">
            {t('products.count', { count: page.totalCount })}
          </p>
          <div className="products-table-wrap">
            <table className="products-table" data-testid="products-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('products.columns.title')}</th>
                  {showStores && <th scope="col">{t('products.columns.store')}</th>}
                  <th scope="col">{t('products.columns.kind')}</th>
                  <th scope="col">{t('products.columns.status')}</th>
                  <th scope="col">{t('products.columns.variants')}</th>
                  <th scope="col">{t('products.columns.updated')}</th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('products.edit')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((p) => (
                  <tr
                    key={p.id}
                    data-testid="products-row"
                    data-status={p.status}
                    aria-current={p.id === editing || undefined}
                  >
                    <td>
                      <span className="products-table__title">{zh ? p.titleZh : p.titleEn}</span>
                      <span className="products-table__sub">{zh ? p.titleEn : p.titleZh}</span>
                    </td>
                    {showStores && <td>{p.merchant.handle}</td>}
                    <td>{t(`products.kind.${p.kind}`)}</td>
                    <td>
                      <span className={`products-status products-status--${p.status.toLowerCase()}`}>
                        {t(`products.status.${p.status}`)}
                      </span>
                    </td>
                    <td>{p.variants.map((v) => v.sku).join(', ')}</td>
                    <td>{dateFormat.format(new Date(p.updatedAt))}</td>
                    {canEdit && (
                      <td>
                        <Button variant="secondary" onClick={() => update({ product: p.id })}>
                          {t('products.edit')}
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            className="products-page__pager"
            label={t('products.title')}
            pageInfo={page.pageInfo}
            after={after}
            previous={previous}
            setPrevious={setPrevious}
            onNavigate={(cursor) => update({ after: cursor })}
            labels={{ previous: t('products.previous'), next: t('products.next') }}
          />
        </>
      ) : null}
    </div>
  );
}

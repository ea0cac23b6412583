import { NetworkStatus } from '@apollo/client';
import { type SkipToken, skipToken, useQuery } from '@apollo/client/react';
import type { VariablesOf } from '@graphql-typed-document-node/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { ProductCard } from './product-card.js';
import './product-results.css';

const ProductResults_ProductsQuery = graphql(`
  query ProductResults_ProductsQuery(
    $first: Int!
    $after: String
    $query: String
    $kind: ProductKind
    $categoryId: ID
    $locale: Locale!
    $withTotal: Boolean! = true
  ) {
    products(first: $first, after: $after, query: $query, kind: $kind, categoryId: $categoryId) {
      # Counted for the first page only ("Load more" pages keep it), and only up to 1,000: a broad
      # search shows "1,000+ products" instead of counting every match.
      totalCountUpTo(limit: 1000) @include(if: $withTotal)
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        ...ProductCard_ProductFragment
      }
    }
  }
`);

/** Where the storefront stops counting products (`totalCountUpTo(limit: 1000)` above). */
const COUNT_CAP = 1000;

type ProductResultsProps = {
  variables: VariablesOf<typeof ProductResults_ProductsQuery> | SkipToken;
  emptyDescription: string;
  clearFiltersHref: string | null;
};

/** Cards, count and "Load more" (cursor pages appended with `fetchMore`). */
export function ProductResults({ variables, emptyDescription, clearFiltersHref }: ProductResultsProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLUListElement>(null);
  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  /** Index of the first card of a page being loaded, to move focus there once it renders. */
  const focusIndex = useRef<number | null>(null);
  const result = useQuery(
    ProductResults_ProductsQuery,
    variables === skipToken ? skipToken : { variables, notifyOnNetworkStatusChange: true },
  );
  const { error, refetch, fetchMore, networkStatus } = result;
  // While another language loads, keep showing the current cards instead of a spinner.
  const data = result.data ?? result.previousData;
  const shownCount = data?.products.nodes.length ?? 0;

  useEffect(() => {
    // Keyboard and screen-reader users continue at the first new product.
    if (focusIndex.current === null || shownCount <= focusIndex.current) return;
    listRef.current?.children[focusIndex.current]?.querySelector('a')?.focus();
    focusIndex.current = null;
  }, [shownCount]);

  if (!data) {
    if (error) return <ErrorState description={t('catalog.loadError')} onRetry={() => void refetch()} />;
    return <LoadingState />;
  }

  const { nodes, pageInfo } = data.products;
  const totalCount = data.products.totalCountUpTo ?? nodes.length;
  const capped = totalCount >= COUNT_CAP;
  // 1,000 is grouped the same way in English and in Taiwan.
  const total = capped ? `${COUNT_CAP.toLocaleString('en-US')}+` : String(totalCount);
  if (nodes.length === 0) {
    return (
      <EmptyState
        title={t('catalog.emptyTitle')}
        description={emptyDescription}
        action={
          clearFiltersHref && (
            <ButtonLink to={clearFiltersHref} variant="secondary">
              {t('catalog.clearFilters')}
            </ButtonLink>
          )
        }
      />
    );
  }

  const loadMore = async () => {
    if (!pageInfo.endCursor) return;
    setLoadMoreFailed(false);
    focusIndex.current = nodes.length;
    try {
      await fetchMore({
        variables: { after: pageInfo.endCursor, withTotal: false },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          products: {
            ...fetchMoreResult.products,
            totalCountUpTo: previous.products.totalCountUpTo,
            nodes: [
              ...previous.products.nodes,
              // Skip anything the previous page already showed (new products can shift pages).
              ...fetchMoreResult.products.nodes.filter(
                (node) => !previous.products.nodes.some((seen) => seen.id === node.id),
              ),
            ],
          },
        }),
      });
    } catch {
      focusIndex.current = null;
      setLoadMoreFailed(true);
    }
  };

  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  // Cards of the previous language are still shown when loading the new one failed.
  const staleAfterError = Boolean(error) && !result.data;
  return (
    <section className="product-results" aria-labelledby="product-results-count">
      <p id="product-results-count" className="product-results__count" role="status">
        {capped
          ? t('catalog.resultCountAtLeast', { total })
          : t('catalog.resultCount', { count: totalCount })}
        {totalCount > nodes.length && (
          <span className="product-results__shown">
            {' · '}
            {t('catalog.showing', { shown: nodes.length, total })}
          </span>
        )}
      </p>
      <ul className="product-grid" ref={listRef} aria-busy={networkStatus === NetworkStatus.setVariables}>
        {nodes.map((product, index) => (
          <li key={product.id}>
            <ProductCard product={product} eager={index < 4} />
          </li>
        ))}
      </ul>
      {(loadMoreFailed || staleAfterError) && (
        <p className="product-results__error" role="alert">
          {t('catalog.loadError')}{' '}
          {staleAfterError && (
            <Button variant="ghost" onClick={() => void refetch()}>
              {t('common.retry')}
            </Button>
          )}
        </p>
      )}
      {pageInfo.hasNextPage && (
        <div className="product-results__more">
          <Button variant="secondary" size="lg" isLoading={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? t('catalog.loadingMore') : t('catalog.loadMore')}
          </Button>
        </div>
      )}
    </section>
  );
}

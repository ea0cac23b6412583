import { skipToken, useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale } from '../../../lib/locale.js';
import { parseKindParam, toProductKind } from '../catalog-params.js';
import { CatalogFilters, type FilterValues } from './catalog-filters.js';
import { ProductResults } from './product-results.js';
import './product-list-page.css';

const PAGE_SIZE = 20;

const ProductListPage_CategoriesQuery = graphql(`
  query ProductListPage_CategoriesQuery($locale: Locale!) {
    categories {
      id
      handle
      ...CatalogFilters_CategoryFragment
    }
  }
`);

/**
 * Home (`/`) and search results (`/search?q=`, also `/?q=`): one product grid, filtered by words,
 * kind and category, all read from the URL.
 */
export function ProductListPage() {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const active: FilterValues = {
    kind: parseKindParam(params.get('kind')),
    category: params.get('category')?.trim() || null,
  };

  const categoriesResult = useQuery(ProductListPage_CategoriesQuery, { variables: { locale } });
  const categories = categoriesResult.data?.categories;
  const categoryId = active.category ? categories?.find((c) => c.handle === active.category)?.id : undefined;
  // The API filters by ID; wait for the handle → ID lookup instead of briefly showing everything.
  const waitingForCategory = active.category !== null && categories === undefined && !categoriesResult.error;

  const hrefFor = (values: FilterValues) =>
    query ? paths.search.getHref({ q: query, ...values }) : paths.home.getHref(values);

  const title = query ? t('catalog.searchTitle', { query }) : t('catalog.browseTitle');
  const filterKey = JSON.stringify([query, active.kind, categoryId ?? null]);

  return (
    <div className="page product-list-page">
      <PageTitle title={title} />
      <header className="page__header">
        <h1>{title}</h1>
        {!query && <p>{t('catalog.browseIntro')}</p>}
      </header>
      <CatalogFilters categories={categories ?? null} active={active} hrefFor={hrefFor} />
      <ProductResults
        // A new filter starts again at the first page.
        key={filterKey}
        variables={
          waitingForCategory
            ? skipToken
            : {
                first: PAGE_SIZE,
                locale,
                query: query || null,
                kind: active.kind ? toProductKind(active.kind) : null,
                categoryId: categoryId ?? null,
              }
        }
        emptyDescription={query ? t('catalog.emptySearch', { query }) : t('catalog.emptyBrowse')}
        clearFiltersHref={active.kind || active.category ? hrefFor({ kind: null, category: null }) : null}
      />
    </div>
  );
}

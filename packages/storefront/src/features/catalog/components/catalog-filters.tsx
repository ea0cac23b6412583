import type { ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import type { KindParam } from '../../../app/paths.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import './catalog-filters.css';

export const CatalogFilters_CategoryFragment = graphql(`
  fragment CatalogFilters_CategoryFragment on Category {
    id
    handle
    name(locale: $locale)
  }
`);

export type FilterValues = { kind: KindParam | null; category: string | null };

type CatalogFiltersProps = {
  /** `null` while loading: the category row shows its "All" chip meanwhile, so nothing below moves. */
  categories: ReadonlyArray<FragmentType<typeof CatalogFilters_CategoryFragment>> | null;
  active: FilterValues;
  /** The URL of the current listing with other filter values. */
  hrefFor: (values: FilterValues) => string;
};

/** Filters are links, so each state has a URL and works with the keyboard and the back button. */
export function CatalogFilters({ categories: categoryRefs, active, hrefFor }: CatalogFiltersProps) {
  const { t } = useTranslation();
  const categories = categoryRefs ? getFragmentData(CatalogFilters_CategoryFragment, categoryRefs) : null;
  const kinds: Array<{ value: KindParam | null; label: string }> = [
    { value: null, label: t('catalog.kindAll') },
    { value: 'goods', label: t('catalog.kindGoods') },
    { value: 'services', label: t('catalog.kindServices') },
  ];
  return (
    <nav className="catalog-filters" aria-label={t('catalog.filtersLabel')}>
      <FilterGroup label={t('catalog.kindLabel')}>
        {kinds.map(({ value, label }) => (
          <Chip key={value ?? 'all'} to={hrefFor({ ...active, kind: value })} current={active.kind === value}>
            {label}
          </Chip>
        ))}
      </FilterGroup>
      {(categories === null || categories.length > 0) && (
        <FilterGroup label={t('catalog.categoryLabel')}>
          <Chip to={hrefFor({ ...active, category: null })} current={active.category === null}>
            {t('catalog.categoryAll')}
          </Chip>
          {categories?.map((category) => (
            <Chip
              key={category.id}
              to={hrefFor({ ...active, category: category.handle })}
              current={active.category === category.handle}
            >
              {category.name}
            </Chip>
          ))}
        </FilterGroup>
      )}
    </nav>
  );
}

function FilterGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="catalog-filters__group">
      <span className="catalog-filters__label">{label}</span>
      <ul className="catalog-filters__chips">{children}</ul>
    </div>
  );
}

function Chip({ to, current, children }: { to: string; current: boolean; children: ReactNode }) {
  return (
    <li>
      <Link className="chip" to={to} aria-current={current ? 'page' : undefined} preventScrollReset>
        {children}
      </Link>
    </li>
  );
}

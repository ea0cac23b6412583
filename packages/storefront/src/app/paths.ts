/**
 * Every URL of the storefront in one place: routes use `path`, links use `getHref`, so renaming
 * a route is one edit. Search parameters are part of a URL's shape and are built here too.
 */

/** How the product-kind filter is spelled in URLs (`?kind=services`). */
export type KindParam = 'goods' | 'services';

export type CatalogParams = {
  /** Category handle. */
  readonly category?: string | null;
  readonly kind?: KindParam | null;
};

export type SearchParams = CatalogParams & { readonly q: string };

function withQuery(pathname: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const trimmed = value?.trim();
    if (trimmed) query.set(key, trimmed);
  }
  const search = query.toString();
  return search ? `${pathname}?${search}` : pathname;
}

export const paths = {
  home: {
    path: '/',
    getHref: (params: CatalogParams = {}) => withQuery('/', { kind: params.kind, category: params.category }),
  },
  search: {
    path: '/search',
    getHref: (params: SearchParams) =>
      withQuery('/search', { q: params.q, kind: params.kind, category: params.category }),
  },
  product: {
    path: '/products/:handle',
    getHref: (handle: string) => `/products/${encodeURIComponent(handle)}`,
  },
  cart: {
    path: '/cart',
    getHref: () => '/cart',
  },
} as const;

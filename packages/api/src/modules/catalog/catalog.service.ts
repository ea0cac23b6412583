import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProductKind } from '@marketplace/core';
import { leanQuery } from '../../db/lean-query.js';
import { PublicError } from '../../graphql/errors.js';
import {
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
  type CountableConnection,
} from '../../graphql/relay.js';
import {
  catalogCountStatement,
  catalogCountUpToStatement,
  catalogPageStatement,
  productViewStatement,
} from './catalog-page.sql.js';
import { type ProductView, productViewOf } from './catalog.rows.js';
import { CategoryEntity } from './category.entity.js';

export const MAX_PAGE_SIZE = 100;

export interface ProductFilter {
  first: number;
  after?: string | null;
  query?: string | null;
  merchantId?: string | null;
  categoryId?: string | null;
  kind?: ProductKind | null;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Search words: split on whitespace, lower-cased, at most 8, each at most 50 characters. */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  return query
    .toLowerCase()
    .split(/\s+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8)
    .map((t) => t.slice(0, 50));
}

export class CatalogService {
  constructor(private readonly em: EntityManager) {}

  /**
   * A page of products on sale, newest first, with merchant, variants, images and running
   * activities — ONE prepared statement (catalog-page.sql.ts), keyset on the id.
   */
  async listProducts(
    filter: ProductFilter,
    now: Date,
    opts: { withTotal?: boolean; countUpTo?: number | null } = {},
  ): Promise<CountableConnection<ProductView>> {
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > MAX_PAGE_SIZE) {
      throw new PublicError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    let afterId: number | null = null;
    if (filter.after) {
      const key = decodeCursor(filter.after);
      if (!key || typeof key[0] !== 'number' || !Number.isSafeInteger(key[0]))
        throw new PublicError('BAD_USER_INPUT', 'after is not a valid cursor');
      afterId = key[0];
    }
    const merchantId = filter.merchantId != null ? fromGlobalId(filter.merchantId, 'Merchant') : null;
    const categoryId = filter.categoryId != null ? fromGlobalId(filter.categoryId, 'Category') : null;
    const unknownFilter =
      (filter.merchantId != null && merchantId === null) ||
      (filter.categoryId != null && categoryId === null);
    if (unknownFilter) return toConnection([], filter.first, emptyOpts());
    const filters = {
      merchantId,
      categoryId,
      kind: filter.kind ?? null,
      likePatterns: searchTerms(filter.query).map(likeContains),
    };
    // A total asked for rides in the page statement (one round trip); an empty page after a cursor
    // has no row to carry it, so only then is the count its own statement.
    const totalInPage = opts.withTotal === true;
    const rows = await leanQuery<
      Record<string, unknown> & { total_count?: number; total_count_up_to?: number }
    >(
      this.em,
      catalogPageStatement({
        ...filters,
        afterId: clampId(afterId),
        limit: filter.first + 1,
        now,
        withTotal: totalInPage,
        countUpTo: opts.countUpTo ?? null,
      }),
    );
    // Like the total: from the page's row when it has one and was counted with this limit.
    const rowCarries = rows.length > 0 || afterId === null;
    const countUpTo = async (limit: number) => {
      if (rowCarries && limit === opts.countUpTo) return rows[0]?.total_count_up_to ?? 0;
      const [row] = await leanQuery<{ n: number }>(this.em, catalogCountUpToStatement(filters, limit));
      return row?.n ?? 0;
    };
    const page = toConnection(rows.map(productViewOf), filter.first, {
      hasPrevious: afterId !== null,
      cursorOf: (v) => encodeCursor([v.product.id]),
      map: (v) => v,
      count: async () => {
        if (totalInPage && rowCarries) return rows[0]?.total_count ?? 0;
        const [row] = await leanQuery<{ n: number }>(this.em, catalogCountStatement(filters));
        return row?.n ?? 0;
      },
    });
    return { ...page, countUpTo };
  }

  /** A product on sale by global id or handle, with everything its page shows (one statement). */
  async findVisibleProduct(
    by: { id?: string | null; handle?: string | null },
    now: Date,
  ): Promise<ProductView | null> {
    let key: { id: number } | { handle: string };
    if (by.id != null) {
      const id = fromGlobalId(by.id, 'Product');
      if (id === null) return null;
      key = { id };
    } else if (by.handle != null) {
      key = { handle: by.handle };
    } else {
      throw new PublicError('BAD_USER_INPUT', 'Give id or handle');
    }
    const [row] = await leanQuery(this.em, productViewStatement(key, now));
    return row ? productViewOf(row) : null;
  }

  categories(): Promise<CategoryEntity[]> {
    return this.em.find(CategoryEntity, {}, { orderBy: { position: 'asc', id: 'asc' } });
  }
}

/** Ids beyond the integer column's range match nothing larger: clamp so the cast cannot fail. */
function clampId(id: number | null): number | null {
  if (id === null) return null;
  return Math.max(-2147483648, Math.min(2147483647, id));
}

function emptyOpts() {
  return {
    hasPrevious: false,
    cursorOf: () => '',
    map: (v: ProductView) => v,
    count: async () => 0,
  };
}

import { SELLING_MERCHANT_STATUSES } from '@marketplace/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProductKind } from '@marketplace/core';
import { PublicError } from '../../graphql/errors.js';
import {
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
  type ConnectionShape,
} from '../../graphql/relay.js';
import { CategoryEntity } from './category.entity.js';
import { ProductEntity } from './product.entity.js';

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

  /** Only published products of active merchants are shown to shoppers. */
  private visible() {
    return this.em
      .createQueryBuilder(ProductEntity, 'p')
      .join('p.merchant', 'm')
      .where({ status: 'PUBLISHED' })
      .andWhere({ merchant: { status: { $in: [...SELLING_MERCHANT_STATUSES] } } });
  }

  async listProducts(filter: ProductFilter): Promise<ConnectionShape<ProductEntity>> {
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > MAX_PAGE_SIZE) {
      throw new PublicError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    let afterId: number | null = null;
    if (filter.after) {
      const key = decodeCursor(filter.after);
      if (!key || typeof key[0] !== 'number')
        throw new PublicError('BAD_USER_INPUT', 'after is not a valid cursor');
      afterId = key[0];
    }
    const qb = this.visible();
    const unknownFilter =
      (filter.merchantId != null && fromGlobalId(filter.merchantId, 'Merchant') === null) ||
      (filter.categoryId != null && fromGlobalId(filter.categoryId, 'Category') === null);
    if (unknownFilter) return toConnection([], filter.first, emptyOpts());
    if (filter.merchantId) qb.andWhere({ merchant: fromGlobalId(filter.merchantId, 'Merchant') });
    if (filter.categoryId) qb.andWhere({ category: fromGlobalId(filter.categoryId, 'Category') });
    if (filter.kind) qb.andWhere({ kind: filter.kind });
    for (const term of searchTerms(filter.query)) qb.andWhere('p.search_text like ?', [likeContains(term)]);

    const countQb = qb.clone();
    if (afterId !== null) qb.andWhere({ id: { $lt: afterId } });
    const rows = await qb
      .select('p.*')
      .orderBy({ id: 'desc' })
      .limit(filter.first + 1)
      .getResult();
    return toConnection(rows, filter.first, {
      hasPrevious: afterId !== null,
      cursorOf: (p) => encodeCursor([p.id]),
      map: (p) => p,
      count: () => countQb.getCount(),
    });
  }

  async findVisibleProduct(by: {
    id?: string | null;
    handle?: string | null;
  }): Promise<ProductEntity | null> {
    const qb = this.visible();
    if (by.id != null) {
      const id = fromGlobalId(by.id, 'Product');
      if (id === null) return null;
      qb.andWhere({ id });
    } else if (by.handle != null) {
      qb.andWhere({ handle: by.handle });
    } else {
      throw new PublicError('BAD_USER_INPUT', 'Give id or handle');
    }
    return qb.select('p.*').getSingleResult();
  }

  categories(): Promise<CategoryEntity[]> {
    return this.em.find(CategoryEntity, {}, { orderBy: { position: 'asc', id: 'asc' } });
  }
}

function emptyOpts() {
  return { hasPrevious: false, cursorOf: () => '', map: (p: ProductEntity) => p, count: async () => 0 };
}

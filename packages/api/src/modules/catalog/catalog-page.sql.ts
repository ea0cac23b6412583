import { SELLING_MERCHANT_STATUSES } from '@marketplace/core';
import { type Statement, statementName } from '../../db/lean-query.js';

/**
 * The catalog's read statements: ONE statement answers a whole page (or one product) with its
 * merchant, variants (price, stock), images and the store's running activities, as JSON built by
 * PostgreSQL. Keyset pagination on the primary key (`id < $after`, newest first), so page 500 costs
 * what page 1 costs; `coalesce($1, max int)` keeps the index condition in the generic plan of the
 * prepared statement. The plain-`pg` baseline of `pnpm bench` runs exactly `CATALOG_PAGE_SQL`.
 */

const SELLING = SELLING_MERCHANT_STATUSES.map((s) => `'${s}'`).join(', ');

/** Columns and nested JSON of one product; `$now` is the instant prices are computed at. */
export function productViewSelect(now: string, extraColumns = ''): string {
  return `select ${extraColumns}p.id, p.merchant_id, p.category_id, p.handle, p.kind, p.title_en, p.title_zh,
  p.description_en, p.description_zh, p.status, p.created_at, p.updated_at,
  to_json(m) as merchant,
  (select to_json(c) from category c where c.id = p.category_id) as category,
  (select coalesce(json_agg(v order by v.position, v.id), '[]'::json)
     from product_variant v where v.product_id = p.id) as variants,
  (select coalesce(json_agg(i order by i.position, i.id), '[]'::json)
     from product_image i where i.product_id = p.id) as images,
  (select coalesce(json_agg(a order by a.id), '[]'::json)
     from activity a
    where a.merchant_id = p.merchant_id and a.status = 'ACTIVE' and a.starts_at <= ${now} and a.ends_at > ${now}
      and (a.all_products or exists (
        select 1 from activity_product ap where ap.activity_id = a.id and ap.product_id = p.id))) as activities
from product p join merchant m on m.id = p.merchant_id`;
}

const VISIBLE = `p.status = 'PUBLISHED' and m.status in (${SELLING})`;

export interface CatalogPageFilter {
  afterId: number | null;
  /** Rows to fetch (page size + 1 to know whether a next page exists). */
  limit: number;
  now: Date;
  merchantId?: number | null;
  categoryId?: number | null;
  kind?: string | null;
  /** Lower-case words, each matched inside `search_text` (trigram index). */
  likePatterns?: readonly string[];
  /** Also count every match (`total_count` on each row), when a client asks for `totalCount`. */
  withTotal?: boolean;
  /** Also count matches up to this many (`total_count_up_to`), for `totalCountUpTo(limit:)`. */
  countUpTo?: number | null;
}

/**
 * A search (LIKE patterns) is planned with its words every time (`prepare: false`): PostgreSQL's
 * generic plan for `search_text like $n` cannot tell a word in 90% of the products from a rare one,
 * and settled on collecting every trigram match and sorting it by id — 25 ms for a frequent word on
 * 10,000 products, where the plan made for the word walks the id index and stops after a page
 * (0.5 ms; planning costs ~0.4 ms). Pages without a search keep their prepared statement.
 */
function statement(text: string, values: unknown[], f: Pick<FilterFields, 'likePatterns'> = {}): Statement {
  const search = (f.likePatterns?.length ?? 0) > 0;
  return { name: statementName('catalog', text), text, values, ...(search ? { prepare: false } : {}) };
}

type FilterFields = Pick<CatalogPageFilter, 'merchantId' | 'categoryId' | 'kind' | 'likePatterns'>;

/** The optional filters as SQL conditions; their values are appended to `values`. */
function filterClauses(f: FilterFields, values: unknown[]): string[] {
  const where: string[] = [];
  const add = (condition: (param: string) => string, value: unknown) => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (f.merchantId != null) add((x) => `p.merchant_id = ${x}::int`, f.merchantId);
  if (f.categoryId != null) add((x) => `p.category_id = ${x}::int`, f.categoryId);
  if (f.kind != null) add((x) => `p.kind = ${x}`, f.kind);
  for (const pattern of f.likePatterns ?? []) add((x) => `p.search_text like ${x}`, pattern);
  return where;
}

/** A page of visible products, newest first, with the optional filters. */
export function catalogPageStatement(f: CatalogPageFilter): Statement {
  const values: unknown[] = [f.afterId, f.limit, f.now];
  const filters = [VISIBLE, ...filterClauses(f, values)].join(' and ');
  // The count (an uncorrelated sub-select: computed once) rides along in the same statement.
  let total = f.withTotal
    ? `(select count(*)::int from product p join merchant m on m.id = p.merchant_id where ${filters}) as total_count, `
    : '';
  if (f.countUpTo != null) {
    values.push(f.countUpTo);
    total += `${countUpToSql(filters, `$${values.length}::int`)} as total_count_up_to, `;
  }
  const text = `${productViewSelect('$3::timestamptz', total)}
where ${filters} and p.id < coalesce($1::int, 2147483647)
order by p.id desc
limit $2::int`;
  return statement(text, values, f);
}

/** How many visible products match (only when a client asks for `totalCount`). */
export function catalogCountStatement(f: FilterFields): Statement {
  const values: unknown[] = [];
  const where = [VISIBLE, ...filterClauses(f, values)];
  return statement(
    `select count(*)::int as n from product p join merchant m on m.id = p.merchant_id where ${where.join(' and ')}`,
    values,
    f,
  );
}

/**
 * Counting stops at `limit`: the matches are walked, never all of them — along the id index, like
 * the page (without the order, a word in most products made PostgreSQL read the table itself
 * until the limit).
 */
function countUpToSql(filters: string, limit: string): string {
  return `(select count(*)::int from (select 1 from product p join merchant m on m.id = p.merchant_id where ${filters} order by p.id desc limit ${limit}) s)`;
}

/** How many visible products match, counted up to `limit` (`totalCountUpTo`). */
export function catalogCountUpToStatement(f: FilterFields, limit: number): Statement {
  const values: unknown[] = [];
  const filters = [VISIBLE, ...filterClauses(f, values)].join(' and ');
  values.push(limit);
  return statement(`select ${countUpToSql(filters, `$${values.length}::int`)} as n`, values, f);
}

/** One visible product by id or handle, same columns as a page row. */
export function productViewStatement(by: { id: number } | { handle: string }, now: Date): Statement {
  const key = 'id' in by ? 'p.id = $1::int' : 'p.handle = $1';
  return statement(
    `${productViewSelect('$2::timestamptz')}
where ${VISIBLE} and ${key}`,
    ['id' in by ? by.id : by.handle, now],
  );
}

/** The unfiltered catalog page the API answers for `products(first:, after:)` (the pg baseline runs it). */
export const CATALOG_PAGE_SQL: string = catalogPageStatement({
  afterId: null,
  limit: 21,
  now: new Date(0),
}).text;

/** Parameters of `CATALOG_PAGE_SQL` for a page of `first` products after product id `afterId`. */
export function catalogPageParams(args: { first: number; afterId: number | null; now?: Date }): unknown[] {
  return [args.afterId, args.first + 1, args.now ?? new Date()];
}

import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { leanQuery, type Statement, statementName } from '../../db/lean-query.js';
import type { ActivitiesLoaders } from '../activities/activities.loaders.js';
import { activityFacts } from '../activities/activity-pricing.js';
import {
  type CategoryRow,
  categoryRowOf,
  type ImageRow,
  imageRowOf,
  type MerchantRow,
  merchantRowOf,
  type ProductRow,
  type ProductView,
  productRowOf,
  type VariantRow,
  variantRowOf,
} from './catalog.rows.js';

function byId<E extends { id: number }>(rows: E[], ids: readonly number[]): (E | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<E>(rows: E[], ids: readonly number[], key: (row: E) => number): E[][] {
  const map = new Map<number, E[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return ids.map((id) => map.get(id) ?? []);
}

/** `select … where <column> = any($1::int[])` as a prepared statement. */
function byIds(text: string, ids: readonly number[]): Statement {
  return { name: statementName('catalog_ids', text), text, values: [[...ids]] };
}

/**
 * One query per kind of object per request, however many products a page shows; plain rows
 * (catalog.rows.ts), no entity hydration. Pages and product views prime these loaders, so a
 * catalog page needs no further statement.
 */
export function catalogLoaders(em: EntityManager) {
  const load = async <R>(text: string, ids: readonly number[], map: (j: Record<string, unknown>) => R) =>
    (await leanQuery(em, byIds(text, ids))).map(map);
  return {
    merchant: new DataLoader<number, MerchantRow | null>(async (ids) =>
      byId(await load('select * from merchant where id = any($1::int[])', ids, merchantRowOf), ids),
    ),
    category: new DataLoader<number, CategoryRow | null>(async (ids) =>
      byId(await load('select * from category where id = any($1::int[])', ids, categoryRowOf), ids),
    ),
    product: new DataLoader<number, ProductRow | null>(async (ids) =>
      byId(
        await load(
          `select id, merchant_id, category_id, handle, kind, title_en, title_zh, description_en,
             description_zh, status, created_at, updated_at from product where id = any($1::int[])`,
          ids,
          productRowOf,
        ),
        ids,
      ),
    ),
    variant: new DataLoader<number, VariantRow | null>(async (ids) =>
      byId(await load('select * from product_variant where id = any($1::int[])', ids, variantRowOf), ids),
    ),
    variantsByProduct: new DataLoader<number, VariantRow[]>(async (ids) =>
      groupBy(
        await load(
          'select * from product_variant where product_id = any($1::int[]) order by position, id',
          ids,
          variantRowOf,
        ),
        ids,
        (v) => v.product.id,
      ),
    ),
    imagesByProduct: new DataLoader<number, ImageRow[]>(async (ids) =>
      groupBy(
        await load(
          'select * from product_image where product_id = any($1::int[]) order by position, id',
          ids,
          imageRowOf,
        ),
        ids,
        (i) => i.product.id,
      ),
    ),
  };
}

export type CatalogLoaders = ReturnType<typeof catalogLoaders>;

/** Hands a product view read in one statement to the request's loaders: its fields need no query. */
export function primeProductView(catalog: CatalogLoaders, activities: ActivitiesLoaders, view: ProductView) {
  const id = view.product.id;
  catalog.product.prime(id, view.product);
  catalog.merchant.prime(view.merchant.id, view.merchant);
  if (view.category) catalog.category.prime(view.category.id, view.category);
  catalog.variantsByProduct.prime(id, view.variants);
  for (const v of view.variants) catalog.variant.prime(v.id, v);
  catalog.imagesByProduct.prime(id, view.images);
  activities.runningByProduct.prime(id, view.activities.map(activityFacts));
}

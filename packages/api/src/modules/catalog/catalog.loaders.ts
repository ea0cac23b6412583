import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CategoryEntity } from './category.entity.js';
import { MerchantEntity } from './merchant.entity.js';
import { ProductImageEntity } from './product-image.entity.js';
import { ProductVariantEntity } from './product-variant.entity.js';
import { ProductEntity } from './product.entity.js';

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

/** One query per kind of object per request, however many products a page shows. */
export function catalogLoaders(em: EntityManager) {
  return {
    merchant: new DataLoader<number, MerchantEntity | null>(async (ids) =>
      byId(await em.find(MerchantEntity, { id: { $in: [...ids] } }), ids),
    ),
    category: new DataLoader<number, CategoryEntity | null>(async (ids) =>
      byId(await em.find(CategoryEntity, { id: { $in: [...ids] } }), ids),
    ),
    product: new DataLoader<number, ProductEntity | null>(async (ids) =>
      byId(await em.find(ProductEntity, { id: { $in: [...ids] } }), ids),
    ),
    variant: new DataLoader<number, ProductVariantEntity | null>(async (ids) =>
      byId(await em.find(ProductVariantEntity, { id: { $in: [...ids] } }), ids),
    ),
    variantsByProduct: new DataLoader<number, ProductVariantEntity[]>(async (ids) =>
      groupBy(
        await em.find(
          ProductVariantEntity,
          { product: { $in: [...ids] } },
          { orderBy: { position: 'asc', id: 'asc' } },
        ),
        ids,
        (v) => v.product.id,
      ),
    ),
    imagesByProduct: new DataLoader<number, ProductImageEntity[]>(async (ids) =>
      groupBy(
        await em.find(
          ProductImageEntity,
          { product: { $in: [...ids] } },
          { orderBy: { position: 'asc', id: 'asc' } },
        ),
        ids,
        (i) => i.product.id,
      ),
    ),
  };
}

export type CatalogLoaders = ReturnType<typeof catalogLoaders>;

import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { VariantRow } from '../catalog/catalog.rows.js';
import {
  type ActivityWithFacts,
  priceOfVariant,
  runningActivitiesByProduct,
  type VariantPrice,
} from './activity-pricing.js';

/**
 * The activities running for the products of a request, one query per batch. The clock is read
 * once per request, so every price of one response is computed at the same instant.
 */
export function activitiesLoaders(em: EntityManager, now: Date = new Date()) {
  const runningByProduct = new DataLoader<number, ActivityWithFacts[]>(async (ids) => {
    const map = await runningActivitiesByProduct(em, ids, now);
    return ids.map((id) => map.get(id) ?? []);
  });
  return {
    now,
    runningByProduct,
    /** What one unit of the variant costs now (batched with every other price of the request). */
    async priceOf(variant: Pick<VariantRow, 'priceMinor' | 'currency' | 'product'>): Promise<VariantPrice> {
      return priceOfVariant(variant, await runningByProduct.load(variant.product.id), now);
    },
    productIdsByActivity: new DataLoader<number, number[]>(async (ids) => {
      const rows = await em.execute<{ activity_id: number; product_id: number }[]>(
        'select activity_id, product_id from activity_product where activity_id in (?) order by product_id',
        [[...ids]],
      );
      return ids.map((id) => rows.filter((r) => r.activity_id === id).map((r) => r.product_id));
    }),
  };
}

export type ActivitiesLoaders = ReturnType<typeof activitiesLoaders>;

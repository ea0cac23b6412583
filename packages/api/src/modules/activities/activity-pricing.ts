import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ActivityFacts,
  type ActivityPrice,
  bestActivityPrice,
  type CurrencyCode,
  money,
} from '@marketplace/core';
import type { ProductVariantEntity } from '../catalog/product-variant.entity.js';
import { ActivityEntity } from './activity.entity.js';

export type ActivityWithFacts = ActivityFacts & { row: ActivityEntity };
export type VariantPrice = ActivityPrice<ActivityWithFacts>;

export function activityFacts(row: ActivityEntity): ActivityWithFacts {
  return {
    id: String(row.id),
    status: row.status,
    kind: row.kind,
    value: row.value,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    row,
  };
}

/**
 * The activities running at `now` for each product, in one query however many products are asked
 * for: a store-wide activity covers every product of its merchant, any other the products listed
 * for it.
 */
export async function runningActivitiesByProduct(
  em: EntityManager,
  productIds: readonly number[],
  now: Date,
): Promise<Map<number, ActivityWithFacts[]>> {
  const result = new Map<number, ActivityWithFacts[]>();
  if (productIds.length === 0) return result;
  const rows = await em.execute<(Record<string, unknown> & { product_id: number })[]>(
    `select a.*, p.id as product_id
     from product p join activity a on a.merchant_id = p.merchant_id
     where p.id in (?) and a.status = 'ACTIVE' and a.starts_at <= ? and a.ends_at > ?
       and (a.all_products or exists (
         select 1 from activity_product ap where ap.activity_id = a.id and ap.product_id = p.id))
     order by a.id`,
    [[...new Set(productIds)], now, now],
  );
  for (const raw of rows) {
    const { product_id: productId, ...columns } = raw;
    const row = em.map(ActivityEntity, columns);
    const list = result.get(productId);
    const facts = activityFacts(row);
    if (list) list.push(facts);
    else result.set(productId, [facts]);
  }
  return result;
}

/** The price a shopper pays for one unit now: the best running activity, or the variant's price. */
export function priceOfVariant(
  variant: ProductVariantEntity,
  activities: readonly ActivityWithFacts[],
  now: Date,
): VariantPrice {
  const unit = money(variant.priceMinor, variant.currency as CurrencyCode);
  return bestActivityPrice(unit, activities, now);
}

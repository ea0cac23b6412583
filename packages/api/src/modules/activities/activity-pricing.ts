import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ActivityFacts,
  type ActivityPrice,
  bestActivityPrice,
  type CurrencyCode,
  money,
} from '@marketplace/core';
import { leanQuery, statementName } from '../../db/lean-query.js';
import { type ActivityRow, activityRowOf, type VariantRow } from '../catalog/catalog.rows.js';

export type ActivityWithFacts = ActivityFacts & { row: ActivityRow };
export type VariantPrice = ActivityPrice<ActivityWithFacts>;

export function activityFacts(row: ActivityRow): ActivityWithFacts {
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
const RUNNING_SQL = `select a.*, p.id as product_id
  from product p join activity a on a.merchant_id = p.merchant_id
  where p.id = any($1::int[]) and a.status = 'ACTIVE' and a.starts_at <= $2 and a.ends_at > $2
    and (a.all_products or exists (
      select 1 from activity_product ap where ap.activity_id = a.id and ap.product_id = p.id))
  order by a.id`;

export async function runningActivitiesByProduct(
  em: EntityManager,
  productIds: readonly number[],
  now: Date,
): Promise<Map<number, ActivityWithFacts[]>> {
  const result = new Map<number, ActivityWithFacts[]>();
  if (productIds.length === 0) return result;
  const rows = await leanQuery<Record<string, unknown> & { product_id: number }>(em, {
    name: statementName('activities', RUNNING_SQL),
    text: RUNNING_SQL,
    values: [[...new Set(productIds)], now],
  });
  for (const raw of rows) {
    const facts = activityFacts(activityRowOf(raw));
    const list = result.get(raw.product_id);
    if (list) list.push(facts);
    else result.set(raw.product_id, [facts]);
  }
  return result;
}

/** The price a shopper pays for one unit now: the best running activity, or the variant's price. */
export function priceOfVariant(
  variant: Pick<VariantRow, 'priceMinor' | 'currency'>,
  activities: readonly ActivityWithFacts[],
  now: Date,
): VariantPrice {
  const unit = money(variant.priceMinor, variant.currency as CurrencyCode);
  return bestActivityPrice(unit, activities, now);
}

import { type CreditScore, creditScoreFromDistribution } from '@marketplace/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { ReviewEntity } from './review.entity.js';

/** One query per request for every merchant's score and every order's review shown on a page. */
export function reviewsLoaders(em: EntityManager) {
  return {
    /** Credit score per merchant id, from its published reviews only. */
    creditScoreByMerchant: new DataLoader<number, CreditScore>(async (ids) => {
      const rows = await em.execute<{ merchant_id: number; rating: number; n: number }[]>(
        `select merchant_id, rating, count(*)::int as n from review
         where status = 'PUBLISHED' and merchant_id in (?) group by merchant_id, rating`,
        [[...ids]],
      );
      const byMerchant = new Map<number, number[]>();
      for (const r of rows) {
        const d = byMerchant.get(r.merchant_id) ?? [0, 0, 0, 0, 0];
        d[r.rating - 1] = r.n;
        byMerchant.set(r.merchant_id, d);
      }
      return ids.map((id) => creditScoreFromDistribution(byMerchant.get(id) ?? [0, 0, 0, 0, 0]));
    }),
    /** The review (any status) of each order id, or null. */
    reviewByOrder: new DataLoader<number, ReviewEntity | null>(async (ids) => {
      const rows = await em.find(ReviewEntity, { order: { $in: [...ids] } }, { populate: ['user', 'order'] });
      const byOrder = new Map(rows.map((r) => [r.order.id, r]));
      return ids.map((id) => byOrder.get(id) ?? null);
    }),
  };
}

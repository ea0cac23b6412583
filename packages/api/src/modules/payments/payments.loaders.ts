import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { PaymentRefundEntity } from './payment.entity.js';

/** Refunds of the payments on a page (with their orders), one query. */
export function paymentsLoaders(em: EntityManager) {
  return {
    refundsByPayment: new DataLoader<number, PaymentRefundEntity[]>(async (ids) => {
      const rows = await em.find(
        PaymentRefundEntity,
        { payment: { $in: [...ids] } },
        { orderBy: { id: 'asc' }, populate: ['order'] },
      );
      return ids.map((id) => rows.filter((r) => r.payment.id === id));
    }),
  };
}

export type PaymentsLoaders = ReturnType<typeof paymentsLoaders>;

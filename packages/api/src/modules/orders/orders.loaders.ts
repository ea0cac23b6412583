import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { CheckoutEntity } from '../checkout/checkout.entity.js';
import {
  OrderCancellationRequestEntity,
  OrderEntity,
  OrderHistoryEntity,
  OrderLineEntity,
} from './order.entity.js';

function groupBy<E>(rows: E[], ids: readonly number[], key: (row: E) => number): E[][] {
  const map = new Map<number, E[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return ids.map((id) => map.get(id) ?? []);
}

/** Lines, timelines, requests, checkouts and shoppers of the orders on a page, one query each. */
export function ordersLoaders(em: EntityManager) {
  return {
    linesByOrder: new DataLoader<number, OrderLineEntity[]>(async (ids) =>
      groupBy(
        await em.find(OrderLineEntity, { order: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
        ids,
        (r) => r.order.id,
      ),
    ),
    historyByOrder: new DataLoader<number, OrderHistoryEntity[]>(async (ids) =>
      groupBy(
        await em.find(
          OrderHistoryEntity,
          { order: { $in: [...ids] } },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        ),
        ids,
        (r) => r.order.id,
      ),
    ),
    cancellationRequestByOrder: new DataLoader<number, OrderCancellationRequestEntity | null>(async (ids) => {
      const rows = await em.find(OrderCancellationRequestEntity, { order: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.order.id === id) ?? null);
    }),
    checkoutById: new DataLoader<number, CheckoutEntity | null>(async (ids) => {
      const rows = await em.find(CheckoutEntity, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Account emails by user id (the staff order list's shopper column). */
    userEmailById: new DataLoader<number, string | null>(async (ids) => {
      const rows = await em.execute<{ id: number; email: string }[]>(
        'select id, email from user_account where id = any(?::int[])',
        [`{${ids.join(',')}}`],
      );
      const byId = new Map(rows.map((r) => [r.id, r.email]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    ordersByCheckout: new DataLoader<number, OrderEntity[]>(async (ids) =>
      groupBy(
        await em.find(OrderEntity, { checkout: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
        ids,
        (r) => r.checkout.id,
      ),
    ),
  };
}

export type OrdersLoaders = ReturnType<typeof ordersLoaders>;

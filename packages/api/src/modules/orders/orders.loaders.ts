import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
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

/** Lines, timelines and requests of the orders on a page, one query each. */
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

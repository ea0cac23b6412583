import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CartLineEntity } from './cart.entity.js';

export function cartLoaders(em: EntityManager) {
  return {
    linesByCart: new DataLoader<number, CartLineEntity[]>(async (ids) => {
      const rows = await em.find(
        CartLineEntity,
        { cart: { $in: [...ids] } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) => rows.filter((r) => r.cart.id === id));
    }),
  };
}

export type CartLoaders = ReturnType<typeof cartLoaders>;

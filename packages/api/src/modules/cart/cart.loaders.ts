import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { leanQuery, statementName } from '../../db/lean-query.js';
import { type CartLineRow, cartLineRowOf } from './cart.rows.js';

const LINES_BY_CART = `select id, cart_id, variant_id, quantity, selected, created_at from cart_line
  where cart_id = any($1::int[]) order by created_at, id`;

export function cartLoaders(em: EntityManager) {
  return {
    /** Lines as they were added; the `cart` query and `addToCart` prime it with what they read. */
    linesByCart: new DataLoader<number, CartLineRow[]>(async (ids) => {
      const rows = (
        await leanQuery(em, {
          name: statementName('cart_lines', LINES_BY_CART),
          text: LINES_BY_CART,
          values: [[...ids]],
        })
      ).map(cartLineRowOf);
      return ids.map((id) => rows.filter((r) => r.cart.id === id));
    }),
  };
}

export type CartLoaders = ReturnType<typeof cartLoaders>;

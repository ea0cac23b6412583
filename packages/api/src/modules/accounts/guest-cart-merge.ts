import type { EntityManager } from '@mikro-orm/postgresql';
import { MAX_LINE_QUANTITY } from '@marketplace/core';
import { CartEntity, CartLineEntity } from '../cart/cart.entity.js';
import type { UserEntity } from './user.entity.js';

/** Moves a guest cart's lines into the shopper's cart (quantities add up, capped at the line maximum). */
export async function mergeGuestCart(em: EntityManager, token: string, user: UserEntity): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(token)) return;
  const guest = await em.findOne(CartEntity, { token: token.toLowerCase(), user: null });
  if (!guest) return;
  const cart = await em.findOne(CartEntity, { user });
  if (!cart) {
    // The guest cart simply becomes the shopper's.
    guest.user = user;
    return;
  }
  const [guestLines, ownLines] = await Promise.all([
    em.find(CartLineEntity, { cart: guest }, { populate: ['variant'] }),
    em.find(CartLineEntity, { cart }),
  ]);
  for (const line of guestLines) {
    const own = ownLines.find((l) => l.variant.id === line.variant.id);
    const stock = line.variant.stock;
    const cap = stock === null ? MAX_LINE_QUANTITY : Math.min(MAX_LINE_QUANTITY, stock);
    if (own) own.quantity = Math.max(1, Math.min(cap, own.quantity + line.quantity));
    else if (cap > 0)
      em.create(CartLineEntity, { cart, variant: line.variant, quantity: Math.min(cap, line.quantity) });
  }
  em.remove(guest);
}

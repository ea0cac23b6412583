type Json = Record<string, unknown>;

/**
 * What the cart's GraphQL types read: plain rows. Entities satisfy these shapes; the lean paths (the
 * `cart` query, `addToCart`) build them straight from SQL, without entity hydration.
 */
export interface CartRow {
  id: number;
  token: string;
  updatedAt: Date;
}

export interface CartLineRow {
  id: number;
  cart: { id: number };
  variant: { id: number };
  quantity: number;
  selected: boolean;
  createdAt: Date;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export function cartRowOf(j: Json): CartRow {
  return { id: Number(j.id), token: String(j.token), updatedAt: date(j.updated_at) };
}

export function cartLineRowOf(j: Json): CartLineRow {
  return {
    id: Number(j.id),
    cart: { id: Number(j.cart_id) },
    variant: { id: Number(j.variant_id) },
    quantity: Number(j.quantity),
    selected: Boolean(j.selected),
    createdAt: date(j.created_at),
  };
}

/** Lines in the order the cart shows them: as they were added. */
export function byCreation(a: CartLineRow, b: CartLineRow): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}

import { MAX_LINE_QUANTITY, merchantCanSell, SELLING_MERCHANT_STATUSES } from '@marketplace/core';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkLineQuantity } from '@marketplace/core';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../../graphql/relay.js';
import type { Viewer } from '../accounts/viewer.js';
import { leanQuery, type Statement, statementName } from '../../db/lean-query.js';
import { productViewSelect } from '../catalog/catalog-page.sql.js';
import { type ProductView, productViewOf } from '../catalog/catalog.rows.js';
import { CartEntity, CartLineEntity } from './cart.entity.js';
import { byCreation, type CartLineRow, type CartRow, cartLineRowOf, cartRowOf } from './cart.rows.js';
import type { CartLinesErrorCode, UpdateCartLineErrorCode } from './cart-lines.types.js';
import type { AddToCartErrorCode } from './cart.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CartError = ReturnType<typeof userError<AddToCartErrorCode>>;
export interface CartResult {
  cart: CartRow | null;
  /** Every line of the cart after the change (to prime the request's loader), when it changed. */
  lines?: CartLineRow[];
  userErrors: CartError[];
}

/** A cart with its lines and, for each product in it, everything a cart page shows (one statement). */
export interface CartView {
  cart: CartRow;
  lines: CartLineRow[];
  products: ProductView[];
}

const SELLING = SELLING_MERCHANT_STATUSES.map((s) => `'${s}'`).join(', ');

function statement(text: string, values: unknown[]): Statement {
  return { name: statementName('cart', text), text, values };
}

/**
 * The cart of `$1` (a user id, or a guest token) with its lines and the product view of every
 * product in it (catalog-page.sql.ts: merchant, variants, images, activities running at `$2`).
 */
function cartViewText(by: 'user' | 'token'): string {
  const owner = by === 'user' ? 'user_id = $1::int' : 'token = $1::uuid and user_id is null';
  return `with c as (select id, token, updated_at from cart where ${owner}),
l as (select l.id, l.cart_id, l.variant_id, l.quantity, l.selected, l.created_at
        from cart_line l join c on l.cart_id = c.id)
select c.id, c.token, c.updated_at,
  (select coalesce(json_agg(l order by l.created_at, l.id), '[]'::json) from l) as lines,
  (select coalesce(json_agg(pv), '[]'::json) from (${productViewSelect('$2::timestamptz')}
     where p.id in (select v.product_id from product_variant v join l on l.variant_id = v.id)) pv) as products
from c`;
}
const CART_VIEW_BY_USER = cartViewText('user');
const CART_VIEW_BY_TOKEN = cartViewText('token');

/**
 * addToCart, first statement: the cart is created or locked (an upsert's row lock, which also sets
 * its `updated_at`; that serialises concurrent changes to one cart) and the variant is read if it
 * is on sale. `c` is the cart statement of the caller (`$1` token, `$2` user id), `$3` the variant.
 */
function addHeadText(cart: string, returning = ' returning id, token, updated_at'): string {
  return `with c as (${cart}${returning})
select c.id, c.token, c.updated_at, v.id as variant_id, v.stock
from (select 1) as one
left join c on true
left join lateral (
  select v.id, v.stock from product_variant v join product p on p.id = v.product_id
    join merchant m on m.id = p.merchant_id
  where v.id = $3::int and p.status = 'PUBLISHED' and m.status in (${SELLING})) v on true`;
}
const ADD_HEAD = {
  user: addHeadText(
    `insert into cart (token, user_id) values ($1::uuid, $2::int)
     on conflict (user_id) do update set updated_at = now()`,
  ),
  guestToken: addHeadText(
    `update cart set updated_at = now() where token = $1::uuid and user_id is null and $2::int is null`,
  ),
  guestNew: addHeadText(`insert into cart (token, user_id) values ($1::uuid, $2::int)`),
  none: addHeadText(
    'select id, token, updated_at from cart where $1::uuid is null and $2::int is null and false',
    '',
  ),
};

/**
 * addToCart, second statement (the cart is locked): adds `$3` units to the line of variant `$2`, or
 * creates it, only while the line stays within `$4` (the per-line maximum and the stock); returns
 * every line of the cart, `changed` on the one written (none: refused, nothing written).
 */
const ADD_LINE = `with up as (
  insert into cart_line as l (cart_id, variant_id, quantity, selected, created_at)
  select $1::int, $2::int, $3::int, true, now() where $3::int <= $4::int
  on conflict (cart_id, variant_id) do update set quantity = l.quantity + excluded.quantity
    where l.quantity + excluded.quantity <= $4::int
  returning l.id, l.cart_id, l.variant_id, l.quantity, l.selected, l.created_at
)
select up.*, true as changed from up
union all
select l.id, l.cart_id, l.variant_id, l.quantity, l.selected, l.created_at, false as changed
  from cart_line l where l.cart_id = $1::int and l.variant_id <> $2::int`;

/** A user error about one cart line: `lineId` is the ID as the client sent it. */
export type CartLineError<C extends string> = ReturnType<typeof userError<C>> & {
  lineId: string | null;
  maxQuantity?: number | null;
};
export interface CartLineResult<C extends string> {
  cart: CartEntity | null;
  userErrors: CartLineError<C>[];
}
export interface RemoveCartLinesResult extends CartLineResult<CartLinesErrorCode> {
  removedLineIds: string[];
}

const lineError = <C extends string>(
  code: C,
  message: string,
  field: string[],
  lineId: string | null,
  maxQuantity: number | null = null,
): CartLineError<C> => ({ ...userError(code, message, ['input', ...field]), lineId, maxQuantity });

export class CartService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  /** The signed-in shopper's cart, or the guest cart with this token; null when there is none. */
  async findCart(
    token: string | null | undefined,
    em: EntityManager = this.em,
    lock = false,
  ): Promise<CartEntity | null> {
    const lockMode = lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
    if (this.viewer) return em.findOne(CartEntity, { user: this.viewer.userId }, lockMode);
    if (!token || !UUID.test(token)) return null;
    return em.findOne(CartEntity, { token: token.toLowerCase(), user: null }, lockMode);
  }

  /**
   * The caller's cart as the cart page shows it, in ONE statement: lines, and every product in it with
   * merchant, variants, images and activities running at `now` (the request's pricing instant).
   */
  async cartView(token: string | null | undefined, now: Date): Promise<CartView | null> {
    let rows: Record<string, unknown>[];
    if (this.viewer) {
      rows = await leanQuery(this.em, statement(CART_VIEW_BY_USER, [this.viewer.userId, now]));
    } else {
      if (!token || !UUID.test(token)) return null;
      rows = await leanQuery(this.em, statement(CART_VIEW_BY_TOKEN, [token.toLowerCase(), now]));
    }
    const [row] = rows;
    if (!row) return null;
    return {
      cart: cartRowOf(row),
      lines: (row.lines as Record<string, unknown>[]).map(cartLineRowOf),
      products: (row.products as Record<string, unknown>[]).map(productViewOf),
    };
  }

  async addToCart(input: {
    cartToken?: string | null;
    variantId: string;
    quantity: number;
  }): Promise<CartResult> {
    const fail = (code: AddToCartErrorCode, message: string, field: string[]): CartResult => ({
      cart: null,
      userErrors: [userError(code, message, ['input', ...field])],
    });
    if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) {
      return fail('INVALID_QUANTITY', 'Quantity must be a whole number of at least 1.', ['quantity']);
    }
    const variantId = fromGlobalId(input.variantId, 'ProductVariant');
    if (variantId === null)
      return fail('VARIANT_NOT_FOUND', 'No product variant on sale has this ID.', ['variantId']);
    const tokenGiven = !this.viewer && input.cartToken != null && input.cartToken !== '';

    const refuse = (code: AddToCartErrorCode, message: string, field: string[]): never => {
      // A Refusal: the cart created or touched by the first statement is rolled back.
      throw new Refusal(fail(code, message, field));
    };
    const guestToken = tokenGiven && UUID.test(input.cartToken ?? '') ? input.cartToken!.toLowerCase() : null;
    const head = this.viewer
      ? statement(ADD_HEAD.user, [randomUUID(), this.viewer.userId, variantId])
      : guestToken
        ? statement(ADD_HEAD.guestToken, [guestToken, null, variantId])
        : tokenGiven
          ? statement(ADD_HEAD.none, [null, null, variantId])
          : statement(ADD_HEAD.guestNew, [randomUUID(), null, variantId]);

    return inTransaction(this.em, async (em) => {
      const [found] = await leanQuery(em, head);
      if (!found || found.variant_id == null) {
        return refuse('VARIANT_NOT_FOUND', 'No product variant on sale has this ID.', ['variantId']);
      }
      if (found.id == null) return refuse('CART_NOT_FOUND', 'No cart has this token.', ['cartToken']);
      const cart = cartRowOf(found);
      const stock = found.stock == null ? null : Number(found.stock);
      const cap = stock === null ? MAX_LINE_QUANTITY : Math.min(MAX_LINE_QUANTITY, stock);
      const rows = await leanQuery(em, statement(ADD_LINE, [cart.id, variantId, input.quantity, cap]));
      if (!rows.some((r) => r.changed)) {
        // Refused: why, from the line as it is (the cart is locked, so it is what the statement saw).
        const [line] = await em.execute<{ quantity: number }[]>(
          'select quantity from cart_line where cart_id = ? and variant_id = ?',
          [cart.id, variantId],
        );
        const check = checkLineQuantity((line ? Number(line.quantity) : 0) + input.quantity, stock);
        if (check.ok) throw new Error('addToCart: line refused within its limits');
        const { code, message } = check.error;
        const soldOut = code === 'QUANTITY_EXCEEDS_STOCK' && check.error.max === 0;
        return refuse(soldOut ? 'OUT_OF_STOCK' : code, soldOut ? 'This item is sold out.' : message, [
          'quantity',
        ]);
      }
      return { cart, lines: rows.map(cartLineRowOf).sort(byCreation), userErrors: [] };
    });
  }

  /**
   * Runs `work` on the caller's cart, locked for update (as `addToCart` does) so concurrent changes
   * to one cart apply one after another. Without a cart: a guest gets CART_NOT_FOUND; a signed-in
   * shopper without a cart cannot own any line, so every given line is LINE_NOT_FOUND.
   */
  private withLockedCart<C extends CartLinesErrorCode | UpdateCartLineErrorCode, R>(
    cartToken: string | null | undefined,
    lineIds: { id: string; field: string[] }[],
    work: (em: EntityManager, cart: CartEntity) => Promise<R>,
  ): Promise<R | CartLineResult<C>> {
    return inTransaction(this.em, async (em) => {
      const cart = await this.findCart(cartToken, em, true);
      if (cart) return work(em, cart);
      if (!this.viewer) {
        return {
          cart: null,
          userErrors: [lineError('CART_NOT_FOUND' as C, 'No cart has this token.', ['cartToken'], null)],
        };
      }
      return {
        cart: null,
        userErrors: lineIds.map(({ id, field }) =>
          lineError('LINE_NOT_FOUND' as C, 'Your cart has no line with this ID.', field, id),
        ),
      };
    });
  }

  /** Sets the quantity of one line, bounded by the per-line maximum and the stock. */
  async updateCartLine(input: {
    cartToken?: string | null;
    lineId: string;
    quantity: number;
  }): Promise<CartLineResult<UpdateCartLineErrorCode>> {
    type Result = CartLineResult<UpdateCartLineErrorCode>;
    const fail = (code: UpdateCartLineErrorCode, message: string, field: string, max?: number): Result => ({
      cart: null,
      userErrors: [lineError(code, message, [field], input.lineId, max ?? null)],
    });
    if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) {
      return fail(
        'INVALID_QUANTITY',
        'Quantity must be a whole number of at least 1; remove the line to drop it.',
        'quantity',
      );
    }
    const lineId = fromGlobalId(input.lineId, 'CartLine');
    if (lineId === null) return fail('LINE_NOT_FOUND', 'Your cart has no line with this ID.', 'lineId');

    return this.withLockedCart<UpdateCartLineErrorCode, Result>(
      input.cartToken,
      [{ id: input.lineId, field: ['lineId'] }],
      async (em, cart) => {
        const line = await em.findOne(
          CartLineEntity,
          { id: lineId, cart },
          { populate: ['variant.product.merchant'] },
        );
        if (!line) return fail('LINE_NOT_FOUND', 'Your cart has no line with this ID.', 'lineId');
        const { product } = line.variant;
        const title = `“${product.titleEn}”`;
        if (product.status !== 'PUBLISHED' || !merchantCanSell(product.merchant.status)) {
          return fail('OFF_SALE', `${title} is no longer on sale; remove it from your cart.`, 'quantity');
        }
        const check = checkLineQuantity(input.quantity, line.variant.stock);
        if (!check.ok) {
          const { code, max } = check.error;
          if (code === 'QUANTITY_EXCEEDS_STOCK' && max === 0) {
            return fail('OUT_OF_STOCK', `${title} is sold out.`, 'quantity', 0);
          }
          const message =
            code === 'QUANTITY_EXCEEDS_STOCK'
              ? `Only ${max} of ${title} are in stock.`
              : code === 'QUANTITY_EXCEEDS_LINE_MAXIMUM'
                ? `At most ${max} of ${title} can be ordered at once.`
                : check.error.message;
          return fail(code, message, 'quantity', max);
        }
        line.quantity = check.value;
        cart.updatedAt = new Date();
        await em.flush();
        return { cart, userErrors: [] };
      },
    );
  }

  /** Removes one or several lines at once; if any ID is not a line of this cart, nothing is removed. */
  async removeCartLines(input: {
    cartToken?: string | null;
    lineIds: string[];
  }): Promise<RemoveCartLinesResult> {
    let removed: number[] = [];
    const result = await this.changeLines(input.cartToken, input.lineIds, async (em, cart, lines) => {
      removed = lines.map((l) => l.id);
      em.remove(lines);
      cart.updatedAt = new Date();
      await em.flush();
    });
    const removedLineIds = result.cart ? removed.map((id) => toGlobalId('CartLine', id)) : [];
    return { ...result, removedLineIds };
  }

  /** Ticks or unticks lines for checkout; `lineIds` null means every line of the cart. */
  async setCartLinesSelected(input: {
    cartToken?: string | null;
    lineIds?: string[] | null;
    selected: boolean;
  }): Promise<CartLineResult<CartLinesErrorCode>> {
    return this.changeLines(input.cartToken, input.lineIds ?? null, async (em, cart, lines) => {
      for (const line of lines) line.selected = input.selected;
      cart.updatedAt = new Date();
      await em.flush();
    });
  }

  /**
   * Finds the given lines in the caller's locked cart (null: all of its lines) and applies `change`;
   * any ID that is malformed or not a line of this cart refuses the whole request.
   */
  private async changeLines(
    cartToken: string | null | undefined,
    lineIds: string[] | null,
    change: (em: EntityManager, cart: CartEntity, lines: CartLineEntity[]) => Promise<void>,
  ): Promise<CartLineResult<CartLinesErrorCode>> {
    type Result = CartLineResult<CartLinesErrorCode>;
    if (lineIds?.length === 0) {
      return {
        cart: null,
        userErrors: [lineError('NO_LINES', 'Choose at least one line.', ['lineIds'], null)],
      };
    }
    const given = (lineIds ?? []).map((id, index) => ({
      id,
      field: ['lineIds', String(index)],
      dbId: fromGlobalId(id, 'CartLine'),
    }));
    return this.withLockedCart<CartLinesErrorCode, Result>(cartToken, given, async (em, cart) => {
      const wanted = given.flatMap((g) => (g.dbId === null ? [] : [g.dbId]));
      const lines = await em.find(CartLineEntity, lineIds ? { cart, id: { $in: wanted } } : { cart });
      const found = new Set(lines.map((l) => l.id));
      const missing = given.filter((g) => g.dbId === null || !found.has(g.dbId));
      if (missing.length > 0) {
        return {
          cart: null,
          userErrors: missing.map((g) =>
            lineError('LINE_NOT_FOUND', 'Your cart has no line with this ID.', g.field, g.id),
          ),
        };
      }
      await change(em, cart, lines);
      return { cart, userErrors: [] };
    });
  }
}

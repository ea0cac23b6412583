import { merchantCanSell, SELLING_MERCHANT_STATUSES } from '@marketplace/core';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkLineQuantity } from '@marketplace/core';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../../graphql/relay.js';
import type { Viewer } from '../accounts/viewer.js';
import { ProductVariantEntity } from '../catalog/product-variant.entity.js';
import { CartEntity, CartLineEntity } from './cart.entity.js';
import type { CartLinesErrorCode, UpdateCartLineErrorCode } from './cart-lines.types.js';
import type { AddToCartErrorCode } from './cart.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CartError = ReturnType<typeof userError<AddToCartErrorCode>>;
export interface CartResult {
  cart: CartEntity | null;
  userErrors: CartError[];
}

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

  /** A variant a shopper may buy: its product is published and its merchant active. */
  private findSellableVariant(em: EntityManager, id: number): Promise<ProductVariantEntity | null> {
    return em.findOne(
      ProductVariantEntity,
      { id, product: { status: 'PUBLISHED', merchant: { status: { $in: [...SELLING_MERCHANT_STATUSES] } } } },
      { populate: ['product'] },
    );
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

    return inTransaction(this.em, async (em) => {
      const variant = await this.findSellableVariant(em, variantId);
      if (!variant)
        return fail('VARIANT_NOT_FOUND', 'No product variant on sale has this ID.', ['variantId']);
      // The cart row is locked (or created locked) first: that serialises concurrent changes to one cart.
      const found = await this.findCart(input.cartToken, em, true);
      if (!found && tokenGiven) return fail('CART_NOT_FOUND', 'No cart has this token.', ['cartToken']);
      const cart = found ?? (await this.createCart(em));

      const line = await em.findOne(CartLineEntity, { cart, variant });
      const check = checkLineQuantity((line?.quantity ?? 0) + input.quantity, variant.stock);
      if (!check.ok) {
        const { code, message } = check.error;
        const soldOut = code === 'QUANTITY_EXCEEDS_STOCK' && check.error.max === 0;
        // Rolls back a cart created above.
        throw new Refusal(
          fail(soldOut ? 'OUT_OF_STOCK' : code, soldOut ? 'This item is sold out.' : message, ['quantity']),
        );
      }
      if (line) line.quantity = check.value;
      else em.create(CartLineEntity, { cart, variant, quantity: check.value, selected: true });
      cart.updatedAt = new Date();
      await em.flush();
      return { cart, userErrors: [] };
    });
  }

  private async createCart(em: EntityManager): Promise<CartEntity> {
    if (!this.viewer) {
      const cart = em.create(CartEntity, { token: randomUUID(), user: null });
      await em.flush();
      return cart;
    }
    // Two first adds of one shopper may race: the unique owner column decides, both then share the row.
    await em.execute('insert into cart (token, user_id) values (?, ?) on conflict (user_id) do nothing', [
      randomUUID(),
      this.viewer.userId,
    ]);
    const cart = await this.findCart(null, em, true);
    if (!cart) throw new Error('cart vanished after upsert');
    return cart;
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

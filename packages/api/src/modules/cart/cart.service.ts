import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkLineQuantity } from '@marketplace/core';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import type { Viewer } from '../accounts/viewer.js';
import { ProductVariantEntity } from '../catalog/product-variant.entity.js';
import { CartEntity, CartLineEntity } from './cart.entity.js';
import type { AddToCartErrorCode } from './cart.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CartError = ReturnType<typeof userError<AddToCartErrorCode>>;
export interface CartResult {
  cart: CartEntity | null;
  userErrors: CartError[];
}

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
      { id, product: { status: 'PUBLISHED', merchant: { status: 'ACTIVE' } } },
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
}

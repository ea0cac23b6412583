import { merchantCanSell } from '@marketplace/core';
import {
  type CartLineAvailability,
  cartLineAvailability,
  type CurrencyCode,
  money,
  multiply,
  sum,
} from '@marketplace/core';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Money } from '../../graphql/money.type.js';
import { ProductVariant } from '../catalog/catalog.types.js';
import { primeProductView } from '../catalog/catalog.loaders.js';
import type { CartLineRow } from './cart.rows.js';
import {
  CartLineStatus,
  CartLineUnavailableReason,
  RemoveCartLinesInput,
  RemoveCartLinesPayload,
  SetCartLinesSelectedInput,
  SetCartLinesSelectedPayload,
  UpdateCartLineInput,
  UpdateCartLinePayload,
} from './cart-lines.types.js';
import { AddToCartInput, AddToCartPayload, Cart, CartLine } from './cart.types.js';

@Resolver(() => Cart)
export class CartResolver {
  @Query(() => Cart, {
    nullable: true,
    description: 'The signed-in shopper’s cart, or the guest cart with this token; null when there is none.',
  })
  async cart(
    @Arg('token', () => String, {
      nullable: true,
      description: 'A guest cart’s token; ignored for a signed-in viewer (their own cart).',
    })
    token: string | null,
    @Ctx() ctx: Context,
  ): Promise<Cart | null> {
    // One statement reads the cart, its lines and their products; the fields below use the primed loaders.
    const view = await ctx.services.cart.cartView(token, ctx.loaders.activities.now);
    if (!view) return null;
    ctx.loaders.cart.linesByCart.clear(view.cart.id).prime(view.cart.id, view.lines);
    for (const product of view.products)
      primeProductView(ctx.loaders.catalog, ctx.loaders.activities, product);
    return Cart.from(view.cart);
  }

  @Mutation(() => AddToCartPayload, {
    description: 'Adds units of a variant to the cart (creating a guest cart if needed).',
  })
  async addToCart(
    @Arg('input', () => AddToCartInput, {
      description: 'The request; each field is described on AddToCartInput.',
    })
    input: AddToCartInput,
    @Ctx() ctx: Context,
  ): Promise<AddToCartPayload> {
    const result = await ctx.services.cart.addToCart(input);
    if (result.cart && result.lines)
      ctx.loaders.cart.linesByCart.clear(result.cart.id).prime(result.cart.id, result.lines);
    return Object.assign(new AddToCartPayload(), {
      cart: result.cart ? Cart.from(result.cart) : null,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => UpdateCartLinePayload, {
    description: 'Sets the quantity of one line (at least 1, at most the stock and the per-line maximum).',
  })
  async updateCartLine(
    @Arg('input', () => UpdateCartLineInput, {
      description: 'The request; each field is described on UpdateCartLineInput.',
    })
    input: UpdateCartLineInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateCartLinePayload> {
    const result = await ctx.services.cart.updateCartLine(input);
    return Object.assign(new UpdateCartLinePayload(), {
      cart: result.cart ? Cart.from(result.cart) : null,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => RemoveCartLinesPayload, {
    description: 'Removes one or several lines at once; nothing is removed if any ID is not in the cart.',
  })
  async removeCartLines(
    @Arg('input', () => RemoveCartLinesInput, {
      description: 'The request; each field is described on RemoveCartLinesInput.',
    })
    input: RemoveCartLinesInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveCartLinesPayload> {
    const result = await ctx.services.cart.removeCartLines(input);
    return Object.assign(new RemoveCartLinesPayload(), {
      cart: result.cart ? Cart.from(result.cart) : null,
      removedLineIds: result.removedLineIds,
      userErrors: result.userErrors,
    });
  }

  @Mutation(() => SetCartLinesSelectedPayload, {
    description: 'Ticks or unticks lines for checkout (every line when `lineIds` is omitted).',
  })
  async setCartLinesSelected(
    @Arg('input', () => SetCartLinesSelectedInput, {
      description: 'The request; each field is described on SetCartLinesSelectedInput.',
    })
    input: SetCartLinesSelectedInput,
    @Ctx() ctx: Context,
  ): Promise<SetCartLinesSelectedPayload> {
    const result = await ctx.services.cart.setCartLinesSelected(input);
    return Object.assign(new SetCartLinesSelectedPayload(), {
      cart: result.cart ? Cart.from(result.cart) : null,
      userErrors: result.userErrors,
    });
  }

  @FieldResolver(() => [CartLine], { description: 'Lines in the order they were added.' })
  async lines(@Root() cart: Cart, @Ctx() ctx: Context): Promise<CartLine[]> {
    return (await ctx.loaders.cart.linesByCart.load(cart.row.id)).map(CartLine.from);
  }

  @FieldResolver(() => Int, { description: 'Units over all lines.' })
  async totalQuantity(@Root() cart: Cart, @Ctx() ctx: Context): Promise<number> {
    const lines = await ctx.loaders.cart.linesByCart.load(cart.row.id);
    return lines.reduce((n, l) => n + l.quantity, 0);
  }

  @FieldResolver(() => Int, { description: 'Units over the lines selected for checkout.' })
  async selectedQuantity(@Root() cart: Cart, @Ctx() ctx: Context): Promise<number> {
    const lines = await ctx.loaders.cart.linesByCart.load(cart.row.id);
    return lines.reduce((n, l) => n + (l.selected ? l.quantity : 0), 0);
  }

  @FieldResolver(() => Money, {
    description: 'Sum of all lines at current prices (before discounts and shipping).',
  })
  async subtotal(@Root() cart: Cart, @Ctx() ctx: Context): Promise<Money> {
    return Money.from(await subtotalOf(await ctx.loaders.cart.linesByCart.load(cart.row.id), ctx));
  }

  @FieldResolver(() => Money, { description: 'Sum of the lines selected for checkout, at current prices.' })
  async selectedSubtotal(@Root() cart: Cart, @Ctx() ctx: Context): Promise<Money> {
    const lines = await ctx.loaders.cart.linesByCart.load(cart.row.id);
    return Money.from(
      await subtotalOf(
        lines.filter((l) => l.selected),
        ctx,
      ),
    );
  }
}

async function subtotalOf(lines: CartLineRow[], ctx: Context) {
  const currency = ctx.config.currency as CurrencyCode;
  const variants = await ctx.loaders.catalog.variant.loadMany(lines.map((l) => l.variant.id));
  const prices = await Promise.all(
    variants.map((v) => (!v || v instanceof Error ? null : ctx.loaders.activities.priceOf(v))),
  );
  const totals = lines.map((line, i) => {
    const p = prices[i];
    return p ? multiply(p.price, line.quantity) : money(0, currency);
  });
  return sum(totals, currency);
}

@Resolver(() => CartLine)
export class CartLineResolver {
  @FieldResolver(() => ProductVariant, { description: 'The variant in the line.' })
  async variant(@Root() line: CartLine, @Ctx() ctx: Context): Promise<ProductVariant> {
    const row = await ctx.loaders.catalog.variant.load(line.row.variant.id);
    if (!row) throw new Error(`variant ${line.row.variant.id} missing`);
    return ProductVariant.from(row);
  }

  @FieldResolver(() => Money, { description: 'Current unit price (a running activity applied).' })
  async unitPrice(@Root() line: CartLine, @Ctx() ctx: Context): Promise<Money> {
    const v = await ctx.loaders.catalog.variant.load(line.row.variant.id);
    if (!v) throw new Error('variant missing');
    return Money.from((await ctx.loaders.activities.priceOf(v)).price);
  }

  @FieldResolver(() => Money, { description: 'Unit price × quantity.' })
  async lineTotal(@Root() line: CartLine, @Ctx() ctx: Context): Promise<Money> {
    const v = await ctx.loaders.catalog.variant.load(line.row.variant.id);
    if (!v) throw new Error('variant missing');
    return Money.from(multiply((await ctx.loaders.activities.priceOf(v)).price, line.quantity));
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the line can be checked out as it is (on sale, enough stock).',
  })
  async availableForSale(@Root() line: CartLine, @Ctx() ctx: Context): Promise<boolean> {
    return (await availabilityOf(line, ctx)).available;
  }

  @FieldResolver(() => CartLineStatus, { description: 'Whether the line can be checked out as it is now.' })
  async status(@Root() line: CartLine, @Ctx() ctx: Context): Promise<CartLineStatus> {
    return (await availabilityOf(line, ctx)).available ? 'AVAILABLE' : 'UNAVAILABLE';
  }

  @FieldResolver(() => CartLineUnavailableReason, {
    nullable: true,
    description: 'Why the line cannot be checked out as it is; null when it can.',
  })
  async unavailableReason(
    @Root() line: CartLine,
    @Ctx() ctx: Context,
  ): Promise<CartLineUnavailableReason | null> {
    const availability = await availabilityOf(line, ctx);
    return availability.available ? null : availability.reason;
  }

  @FieldResolver(() => Int, {
    description:
      'The most units this line may hold now: the stock, capped by the per-line maximum; 0 when off sale or sold out.',
  })
  async availableQuantity(@Root() line: CartLine, @Ctx() ctx: Context): Promise<number> {
    return (await availabilityOf(line, ctx)).maxQuantity;
  }
}

/** Computed from the current product, merchant and stock on every read, so a cart never shows stale facts. */
async function availabilityOf(line: CartLine, ctx: Context): Promise<CartLineAvailability> {
  const v = await ctx.loaders.catalog.variant.load(line.row.variant.id);
  const product = v ? await ctx.loaders.catalog.product.load(v.product.id) : null;
  const merchant = product ? await ctx.loaders.catalog.merchant.load(product.merchant.id) : null;
  const onSale =
    product?.status === 'PUBLISHED' &&
    merchant !== null &&
    merchant !== undefined &&
    merchantCanSell(merchant.status);
  return cartLineAvailability({ quantity: line.row.quantity, onSale, stock: v?.stock ?? 0 });
}

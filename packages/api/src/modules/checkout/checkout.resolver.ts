import { type CurrencyCode, money } from '@marketplace/core';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Money } from '../../graphql/money.type.js';
import { Merchant, ProductVariant } from '../catalog/catalog.types.js';
import { Order } from '../orders/orders.types.js';
import type { CheckoutEntity } from './checkout.entity.js';
import {
  Checkout,
  CheckoutPreview,
  CheckoutPreviewInput,
  CheckoutPreviewLine,
  CheckoutPreviewOrder,
  SubmitOrderInput,
  SubmitOrderPayload,
} from './checkout.types.js';

export function checkoutFrom(row: CheckoutEntity): Checkout {
  return Checkout.from(row, (minor) => Money.from(money(minor, row.currency as CurrencyCode)));
}

@Resolver(() => Checkout)
export class CheckoutResolver {
  @Query(() => CheckoutPreview, {
    description:
      'Prices a checkout without submitting it: the same computation as `submitOrder`, with the reasons it would refuse. Requires sign-in.',
  })
  checkoutPreview(
    @Arg('input', () => CheckoutPreviewInput, {
      description: 'The request; each field is described on CheckoutPreviewInput.',
    })
    input: CheckoutPreviewInput,
    @Ctx() ctx: Context,
  ): Promise<CheckoutPreview> {
    return ctx.services.checkout.preview(input, ctx.http.ip);
  }

  @Mutation(() => SubmitOrderPayload, {
    description:
      'Submits the selected cart lines (or a buy-now item): one order per merchant under one checkout, stock reserved, awaiting payment. Idempotent by `idempotencyKey`.',
  })
  async submitOrder(
    @Arg('input', () => SubmitOrderInput, {
      description: 'The request; each field is described on SubmitOrderInput.',
    })
    input: SubmitOrderInput,
    @Ctx() ctx: Context,
  ): Promise<SubmitOrderPayload> {
    const result = await ctx.services.checkout.submit(input, ctx.http.ip);
    return Object.assign(new SubmitOrderPayload(), {
      checkout: result.checkout ? checkoutFrom(result.checkout) : null,
      userErrors: result.userErrors,
    });
  }

  @Query(() => Checkout, {
    nullable: true,
    description: 'One of the viewer’s checkouts; null for anyone else’s.',
  })
  async checkout(
    @Arg('id', () => ID, { description: 'Global ID of the checkout (from `submitOrder`).' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Checkout | null> {
    const row = await ctx.services.checkout.findCheckout(id);
    return row ? checkoutFrom(row) : null;
  }

  @FieldResolver(() => [Order], { description: 'Its orders, one per merchant.' })
  async orders(@Root() checkout: Checkout, @Ctx() ctx: Context): Promise<Order[]> {
    return (await ctx.loaders.orders.ordersByCheckout.load(checkout.row.id)).map(Order.from);
  }
}

@Resolver(() => CheckoutPreviewOrder)
export class CheckoutPreviewOrderResolver {
  @FieldResolver(() => Merchant, { description: 'The merchant who would receive this order.' })
  async merchant(@Root() o: CheckoutPreviewOrder, @Ctx() ctx: Context): Promise<Merchant> {
    const row = await ctx.loaders.catalog.merchant.load(o.merchantId);
    if (!row) throw new Error(`merchant ${o.merchantId} missing`);
    return Merchant.from(row);
  }
}

@Resolver(() => CheckoutPreviewLine)
export class CheckoutPreviewLineResolver {
  @FieldResolver(() => ProductVariant, { description: 'The variant, with its product.' })
  async variant(@Root() line: CheckoutPreviewLine, @Ctx() ctx: Context): Promise<ProductVariant> {
    const row = await ctx.loaders.catalog.variant.load(line.variantId);
    if (!row) throw new Error(`variant ${line.variantId} missing`);
    return ProductVariant.from(row);
  }
}

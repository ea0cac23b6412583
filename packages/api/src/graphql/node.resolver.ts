import { merchantCanSell } from '@marketplace/core';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Address } from '../modules/accounts/address.types.js';
import { Activity } from '../modules/activities/activities.types.js';
import { Category, Merchant, ProductVariant } from '../modules/catalog/catalog.types.js';
import { productOfView } from '../modules/catalog/catalog.resolver.js';
import { checkoutFrom } from '../modules/checkout/checkout.resolver.js';
import { Coupon } from '../modules/coupons-admin/coupons-admin.types.js';
import { HelpArticle } from '../modules/help/help.types.js';
import { Order } from '../modules/orders/orders.types.js';
import { Payment } from '../modules/payments/payments.types.js';
import { deliveryOf } from '../modules/webhooks/webhooks.resolver.js';
import { WebhookSubscription } from '../modules/webhooks/webhooks.types.js';
import type { Context } from './context.js';
import { decodeGlobalId, Node, toGlobalId } from './relay.js';

/** Refetches any object a viewer may see by its global ID; anything else is null. */
async function fetchNode(id: string, ctx: Context): Promise<Node | null> {
  const key = decodeGlobalId(id);
  if (!key) return null;
  switch (key.type) {
    case 'Address': {
      // Only its owner can refetch an address.
      const row = await ctx.services.addresses.findOwn(id);
      return row ? Address.from(row) : null;
    }
    case 'Product': {
      const view = await ctx.services.catalog.findVisibleProduct({ id }, ctx.loaders.activities.now);
      return view ? productOfView(view, ctx) : null;
    }
    case 'ProductVariant': {
      const variant = await ctx.loaders.catalog.variant.load(key.id);
      if (!variant) return null;
      const view = await ctx.services.catalog.findVisibleProduct(
        { id: toGlobalId('Product', variant.product.id) },
        ctx.loaders.activities.now,
      );
      if (view) productOfView(view, ctx);
      return view ? ProductVariant.from(variant) : null;
    }
    case 'Merchant': {
      const row = await ctx.loaders.catalog.merchant.load(key.id);
      return row && merchantCanSell(row.status) ? Merchant.from(row) : null;
    }
    case 'Category': {
      const row = await ctx.loaders.catalog.category.load(key.id);
      return row ? Category.from(row) : null;
    }
    case 'Order': {
      const row = await ctx.services.orders.findById(id);
      return row ? Order.from(row) : null;
    }
    case 'Checkout': {
      const row = ctx.viewer ? await ctx.services.checkout.findCheckout(id) : null;
      return row ? checkoutFrom(row) : null;
    }
    case 'Payment': {
      const row = await ctx.services.paymentHistory.findOwn(id);
      return row ? Payment.from(row) : null;
    }
    case 'HelpArticle': {
      const row = await ctx.services.help.findArticleById(key.id);
      return row ? HelpArticle.from(row) : null;
    }
    case 'Coupon': {
      const row = await ctx.services.couponsAdmin.findForNode(id);
      return row ? Coupon.from(row, ctx.services.couponsAdmin.stateOf(row)) : null;
    }
    case 'Activity': {
      const row = await ctx.services.activities.findForNode(id);
      return row ? Activity.from(row) : null;
    }
    case 'WebhookSubscription': {
      const row = await ctx.services.webhooks.subscriptionForNode(id);
      return row ? WebhookSubscription.from(row) : null;
    }
    case 'WebhookDelivery': {
      const row = await ctx.services.webhooks.deliveryForNode(id);
      return row ? deliveryOf(row) : null;
    }
    default:
      return null;
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID.' })
  node(
    @Arg('id', () => ID, { description: 'A global ID from any `id` field.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Node | null> {
    return fetchNode(id, ctx);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Objects by their global IDs (at most 100), null where not found.',
  })
  nodes(
    @Arg('ids', () => [ID], { description: 'Global IDs; the first 100 are looked up, in order.' })
    ids: string[],
    @Ctx() ctx: Context,
  ): Promise<(Node | null)[]> {
    return Promise.all(ids.slice(0, 100).map((id) => fetchNode(id, ctx)));
  }
}

import type { CurrencyCode } from '@marketplace/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Money } from '../../graphql/money.type.js';
import { PriceRange, Product, ProductVariant } from '../catalog/catalog.types.js';
import { Activity } from './activities.types.js';

/** Sale prices on the catalog: every price read goes through the request's batched activity lookup. */
@Resolver(() => ProductVariant)
export class VariantPricingResolver {
  @FieldResolver(() => Money, {
    description: 'The unit price a shopper pays now: the best running activity applied to `basePrice`.',
  })
  async price(@Root() v: ProductVariant, @Ctx() ctx: Context): Promise<Money> {
    return Money.from((await ctx.loaders.activities.priceOf(v.row)).price);
  }

  @FieldResolver(() => Money, {
    description: 'The variant’s own price, before any activity (what staff edit).',
  })
  basePrice(@Root() v: ProductVariant): Money {
    return v.price;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'The price before the running activity (show it struck through); null when not on sale.',
  })
  async compareAtPrice(@Root() v: ProductVariant, @Ctx() ctx: Context): Promise<Money | null> {
    const { compareAtPrice } = await ctx.loaders.activities.priceOf(v.row);
    return compareAtPrice ? Money.from(compareAtPrice) : null;
  }

  @FieldResolver(() => Activity, {
    nullable: true,
    description: 'The running activity that sets `price`, if any.',
  })
  async activity(@Root() v: ProductVariant, @Ctx() ctx: Context): Promise<Activity | null> {
    const { activity } = await ctx.loaders.activities.priceOf(v.row);
    return activity ? Activity.from(activity.row, ctx.loaders.activities.now) : null;
  }
}

@Resolver(() => Product)
export class ProductPricingResolver {
  @FieldResolver(() => PriceRange, {
    nullable: true,
    description:
      'Lowest and highest variant price before activities, when any variant is on sale; else null.',
  })
  async compareAtPriceRange(@Root() p: Product, @Ctx() ctx: Context): Promise<PriceRange | null> {
    const variants = await ctx.loaders.catalog.variantsByProduct.load(p.row.id);
    const priced = await Promise.all(variants.map((v) => ctx.loaders.activities.priceOf(v)));
    if (!priced.some((x) => x.activity)) return null;
    const prices = variants.map((v) => v.priceMinor);
    const currency = variants[0]!.currency as CurrencyCode;
    const range = new PriceRange();
    range.minVariantPrice = Money.from({ minor: Math.min(...prices), currency });
    range.maxVariantPrice = Money.from({ minor: Math.max(...prices), currency });
    return range;
  }

  @FieldResolver(() => Activity, {
    nullable: true,
    description: 'The running activity giving the lowest price on this product, if any (its sale badge).',
  })
  async activity(@Root() p: Product, @Ctx() ctx: Context): Promise<Activity | null> {
    const variants = await ctx.loaders.catalog.variantsByProduct.load(p.row.id);
    const priced = await Promise.all(variants.map((v) => ctx.loaders.activities.priceOf(v)));
    let best: (typeof priced)[number] | null = null;
    for (const x of priced) if (x.activity && (!best || x.price.minor < best.price.minor)) best = x;
    return best?.activity ? Activity.from(best.activity.row, ctx.loaders.activities.now) : null;
  }
}

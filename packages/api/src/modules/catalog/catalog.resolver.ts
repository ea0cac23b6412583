import type { ProductKind as Kind } from '@marketplace/core';
import type { CurrencyCode } from '@marketplace/core';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { localized, LocaleCode } from '../../graphql/locale.type.js';
import { Money } from '../../graphql/money.type.js';
import {
  COUNT_UP_TO_DEFAULT,
  COUNT_UP_TO_MAX,
  type CountableConnection,
  countUpTo,
  countUpToLimitOf,
  mapConnection,
  selectsField,
} from '../../graphql/relay.js';
import { primeProductView } from './catalog.loaders.js';
import type { ProductView } from './catalog.rows.js';
import {
  Category,
  Image,
  Merchant,
  PriceRange,
  Product,
  ProductConnection,
  ProductKind,
  ProductVariant,
} from './catalog.types.js';

@ArgsType()
class ProductsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in titles and descriptions, in English or Chinese (matches inside words).',
  })
  query?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only products of this merchant.' })
  merchantId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only products of this category.' })
  categoryId?: string | null;

  @Field(() => ProductKind, { nullable: true, description: 'Only goods or only services.' })
  kind?: Kind | null;
}

/** A product read with everything it shows: its merchant, variants, images and prices need no query. */
export function productOfView(view: ProductView, ctx: Context): Product {
  primeProductView(ctx.loaders.catalog, ctx.loaders.activities, view);
  return Product.from(view.product);
}

const localeArg = {
  nullable: true,
  description: 'Language; defaults to the viewer’s or the request’s.',
} as const;

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'Products on sale, newest first.' })
  async products(
    @Args() args: ProductsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProductConnection> {
    const page = await ctx.services.catalog.listProducts(args, ctx.loaders.activities.now, {
      withTotal: selectsField(info, 'totalCount'),
      countUpTo: countUpToLimitOf(info),
    });
    return Object.assign(
      mapConnection(page, (view) => productOfView(view, ctx)),
      {
        countUpTo: page.countUpTo,
      },
    ) as unknown as ProductConnection;
  }

  @Query(() => Product, { nullable: true, description: 'A product on sale, by ID or handle.' })
  async product(
    @Arg('id', () => ID, { nullable: true, description: 'The product’s global ID (give this or `handle`).' })
    id: string | null,
    @Arg('handle', () => String, {
      nullable: true,
      description: 'The product’s URL handle (give this or `id`).',
    })
    handle: string | null,
    @Ctx() ctx: Context,
  ): Promise<Product | null> {
    const view = await ctx.services.catalog.findVisibleProduct({ id, handle }, ctx.loaders.activities.now);
    return view ? productOfView(view, ctx) : null;
  }

  @Query(() => [Category], { description: 'All categories in display order.' })
  async categories(@Ctx() ctx: Context): Promise<Category[]> {
    return (await ctx.services.catalog.categories()).map(Category.from);
  }

  @FieldResolver(() => String, { description: 'Title in the requested language.' })
  title(
    @Root() p: Product,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(p.row.titleEn, p.row.titleZh, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'Description (plain text) in the requested language.' })
  description(
    @Root() p: Product,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(p.row.descriptionEn, p.row.descriptionZh, locale ?? ctx.locale);
  }

  @FieldResolver(() => Merchant, { description: 'The merchant selling it.' })
  async merchant(@Root() p: Product, @Ctx() ctx: Context): Promise<Merchant> {
    const row = await ctx.loaders.catalog.merchant.load(p.row.merchant.id);
    if (!row) throw new Error(`merchant ${p.row.merchant.id} missing`);
    return Merchant.from(row);
  }

  @FieldResolver(() => Category, { nullable: true, description: 'Its category.' })
  async category(@Root() p: Product, @Ctx() ctx: Context): Promise<Category | null> {
    if (!p.row.category) return null;
    const row = await ctx.loaders.catalog.category.load(p.row.category.id);
    return row ? Category.from(row) : null;
  }

  @FieldResolver(() => [ProductVariant], { description: 'Its variants in display order.' })
  async variants(@Root() p: Product, @Ctx() ctx: Context): Promise<ProductVariant[]> {
    return (await ctx.loaders.catalog.variantsByProduct.load(p.row.id)).map(ProductVariant.from);
  }

  @FieldResolver(() => [Image], { description: 'Its images in display order.' })
  async images(@Root() p: Product, @Ctx() ctx: Context): Promise<Image[]> {
    return (await ctx.loaders.catalog.imagesByProduct.load(p.row.id)).map(Image.from);
  }

  @FieldResolver(() => Image, { nullable: true, description: 'The first image.' })
  async featuredImage(@Root() p: Product, @Ctx() ctx: Context): Promise<Image | null> {
    const [first] = await ctx.loaders.catalog.imagesByProduct.load(p.row.id);
    return first ? Image.from(first) : null;
  }

  @FieldResolver(() => PriceRange, {
    description: 'Lowest and highest variant price a shopper pays now (running activities applied).',
  })
  async priceRange(@Root() p: Product, @Ctx() ctx: Context): Promise<PriceRange> {
    const variants = await ctx.loaders.catalog.variantsByProduct.load(p.row.id);
    const priced = await Promise.all(variants.map((v) => ctx.loaders.activities.priceOf(v)));
    const prices = priced.map((v) => v.price.minor);
    const currency = (variants[0]?.currency ?? ctx.config.currency) as CurrencyCode;
    const range = new PriceRange();
    range.minVariantPrice = Money.from({ minor: prices.length ? Math.min(...prices) : 0, currency });
    range.maxVariantPrice = Money.from({ minor: prices.length ? Math.max(...prices) : 0, currency });
    return range;
  }

  @FieldResolver(() => Boolean, { description: 'Whether any variant can be bought now.' })
  async availableForSale(@Root() p: Product, @Ctx() ctx: Context): Promise<boolean> {
    const variants = await ctx.loaders.catalog.variantsByProduct.load(p.row.id);
    return variants.some((v) => v.stock === null || v.stock > 0);
  }
}

@Resolver(() => ProductVariant)
export class ProductVariantResolver {
  @FieldResolver(() => String, { description: 'Variant name in the requested language (e.g. "250 g").' })
  title(
    @Root() v: ProductVariant,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(v.row.titleEn, v.row.titleZh, locale ?? ctx.locale);
  }

  @FieldResolver(() => Product, { description: 'The product this is a variant of.' })
  async product(@Root() v: ProductVariant, @Ctx() ctx: Context): Promise<Product> {
    const row = await ctx.loaders.catalog.product.load(v.row.product.id);
    if (!row) throw new Error(`product ${v.row.product.id} missing`);
    return Product.from(row);
  }
}

@Resolver(() => Merchant)
export class MerchantResolver {
  @FieldResolver(() => String, { description: 'Store name in the requested language.' })
  name(
    @Root() m: Merchant,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(m.row.nameEn, m.row.nameZh, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'Store description in the requested language.' })
  description(
    @Root() m: Merchant,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(m.row.descriptionEn, m.row.descriptionZh, locale ?? ctx.locale);
  }
}

@Resolver(() => Category)
export class CategoryResolver {
  @FieldResolver(() => String, { description: 'Category name in the requested language.' })
  name(
    @Root() c: Category,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(c.row.nameEn, c.row.nameZh, locale ?? ctx.locale);
  }
}

@Resolver(() => Image)
export class ImageResolver {
  @FieldResolver(() => String, { description: 'Alternative text in the requested language.' })
  altText(
    @Root() i: Image,
    @Arg('locale', () => LocaleCode, localeArg) locale: LocaleCode | null,
    @Ctx() ctx: Context,
  ) {
    return localized(i.row.altEn, i.row.altZh, locale ?? ctx.locale);
  }
}

/** `totalCountUpTo` on product lists: a search shows “1,000+ results” instead of counting every match. */
@Resolver(() => ProductConnection)
export class ProductConnectionCountResolver {
  @FieldResolver(() => Int, {
    description: `Number of products matching, counted up to \`limit\` (default ${COUNT_UP_TO_DEFAULT}, at most ${COUNT_UP_TO_MAX}): when it equals \`limit\`, show “${COUNT_UP_TO_DEFAULT}+”. Cheaper than \`totalCount\` on large catalogs and broad searches.`,
  })
  async totalCountUpTo(
    @Root() c: CountableConnection<Product>,
    @Arg('limit', () => Int, {
      defaultValue: COUNT_UP_TO_DEFAULT,
      description: `Where counting stops (1–${COUNT_UP_TO_MAX}).`,
    })
    limit: number,
  ): Promise<number> {
    return countUpTo(c, limit);
  }
}

import type { ProductKind as Kind } from '@marketplace/core';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection, toGlobalId } from '../../graphql/relay.js';
import { Image, Product, ProductConnection, ProductKind, ProductVariant } from '../catalog/catalog.types.js';
import type { ProductStatus as Status } from '../catalog/product.entity.js';
import type { MerchantProductSort as Sort, ProductResult } from './catalog-admin.service.js';
import {
  AddProductImageInput,
  CreateProductInput,
  MerchantProductSort,
  ProductMutationPayload,
  ProductStatus,
  RemoveProductImageInput,
  ReorderProductImagesInput,
  SetProductVariantsInput,
  UpdateProductInput,
} from './catalog-admin.types.js';

@ArgsType()
class MerchantProductsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words in titles, descriptions (both languages) or SKUs.',
  })
  query?: string | null;

  @Field(() => ProductStatus, { nullable: true, description: 'Only products in this status.' })
  status?: Status | null;

  @Field(() => ProductKind, { nullable: true, description: 'Only goods or only services.' })
  kind?: Kind | null;

  @Field(() => MerchantProductSort, { defaultValue: 'NEWEST', description: 'Order of the list.' })
  sort!: Sort;

  @Field(() => ID, {
    nullable: true,
    description: 'Admins only: one merchant’s products (all merchants when omitted).',
  })
  merchantId?: string | null;
}

function payload(result: ProductResult): ProductMutationPayload {
  return Object.assign(new ProductMutationPayload(), {
    product: result.product ? Product.from(result.product) : null,
    userErrors: result.userErrors,
  });
}

@Resolver(() => Product)
export class CatalogAdminResolver {
  @Query(() => ProductConnection, {
    description:
      'The management center’s product list: merchant staff see every product of their store (any status); admins all stores or one (`merchantId`).',
  })
  async merchantProducts(
    @Args() args: MerchantProductsArgs,
    @Ctx() ctx: Context,
  ): Promise<ProductConnection> {
    const page = await ctx.services.catalogAdmin.merchantProducts(args);
    return mapConnection(page, Product.from) as ProductConnection;
  }

  @Mutation(() => ProductMutationPayload, {
    description: 'Merchant staff create a DRAFT product in their store.',
  })
  async createProduct(
    @Arg('input', () => CreateProductInput, {
      description: 'The request; each field is described on CreateProductInput.',
    })
    input: CreateProductInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.catalogAdmin.createProduct(input));
  }

  @Mutation(() => ProductMutationPayload, { description: 'Merchant staff change fields of their product.' })
  async updateProduct(
    @Arg('input', () => UpdateProductInput, {
      description: 'The request; each field is described on UpdateProductInput.',
    })
    input: UpdateProductInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.catalogAdmin.updateProduct(input));
  }

  @Mutation(() => ProductMutationPayload, {
    description: 'Merchant staff replace the variant list of their product (add, update, remove).',
  })
  async setProductVariants(
    @Arg('input', () => SetProductVariantsInput, {
      description: 'The request; each field is described on SetProductVariantsInput.',
    })
    input: SetProductVariantsInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.catalogAdmin.setProductVariants(input));
  }

  @Mutation(() => ProductMutationPayload, { description: 'Put the product on the storefront (→ PUBLISHED).' })
  async publishProduct(
    @Arg('productId', () => ID, { description: 'Global ID of the product to put on sale.' })
    productId: string,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.catalogAdmin.publishProduct(productId));
  }

  @Mutation(() => ProductMutationPayload, { description: 'Take the product off the storefront (→ DRAFT).' })
  async unpublishProduct(
    @Arg('productId', () => ID, { description: 'Global ID of the product to take off sale.' })
    productId: string,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.catalogAdmin.unpublishProduct(productId));
  }

  @Mutation(() => ProductMutationPayload, {
    description: 'Attach an uploaded image (`POST /media/uploads`).',
  })
  async addProductImage(
    @Arg('input', () => AddProductImageInput, {
      description: 'The request; each field is described on AddProductImageInput.',
    })
    input: AddProductImageInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.catalogAdmin.addProductImage(input));
  }

  @Mutation(() => ProductMutationPayload, { description: 'Remove an image from the product.' })
  async removeProductImage(
    @Arg('input', () => RemoveProductImageInput, {
      description: 'The request; each field is described on RemoveProductImageInput.',
    })
    input: RemoveProductImageInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.catalogAdmin.removeProductImage(input));
  }

  @Mutation(() => ProductMutationPayload, { description: 'Put the product’s images in a new order.' })
  async reorderProductImages(
    @Arg('input', () => ReorderProductImagesInput, {
      description: 'The request; each field is described on ReorderProductImagesInput.',
    })
    input: ReorderProductImagesInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.catalogAdmin.reorderProductImages(input));
  }

  @FieldResolver(() => ProductStatus, { description: 'Draft, published or archived.' })
  status(@Root() p: Product): Status {
    return p.row.status;
  }

  @FieldResolver(() => String, { description: 'English title (for editing).' })
  titleEn(@Root() p: Product): string {
    return p.row.titleEn;
  }

  @FieldResolver(() => String, { description: 'Traditional Chinese title (for editing).' })
  titleZh(@Root() p: Product): string {
    return p.row.titleZh;
  }

  @FieldResolver(() => String, { description: 'English description (for editing).' })
  descriptionEn(@Root() p: Product): string {
    return p.row.descriptionEn;
  }

  @FieldResolver(() => String, { description: 'Traditional Chinese description (for editing).' })
  descriptionZh(@Root() p: Product): string {
    return p.row.descriptionZh;
  }
}

@Resolver(() => ProductVariant)
export class CatalogAdminVariantResolver {
  @FieldResolver(() => String, { description: 'English variant name (for editing).' })
  titleEn(@Root() v: ProductVariant): string {
    return v.row.titleEn;
  }

  @FieldResolver(() => String, { description: 'Traditional Chinese variant name (for editing).' })
  titleZh(@Root() v: ProductVariant): string {
    return v.row.titleZh;
  }
}

@Resolver(() => Image)
export class CatalogAdminImageResolver {
  @FieldResolver(() => ID, { description: 'Identifies the image for removing and reordering.' })
  id(@Root() i: Image): string {
    return toGlobalId('ProductImage', i.row.id);
  }

  @FieldResolver(() => String, { description: 'English alternative text (for editing).' })
  altEn(@Root() i: Image): string {
    return i.row.altEn;
  }

  @FieldResolver(() => String, { description: 'Traditional Chinese alternative text (for editing).' })
  altZh(@Root() i: Image): string {
    return i.row.altZh;
  }
}

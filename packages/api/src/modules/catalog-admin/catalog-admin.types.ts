import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Product, ProductKind } from '../catalog/catalog.types.js';
import type { CatalogAdminErrorCode as Code, MerchantProductSort as Sort } from './catalog-admin.service.js';

export const ProductStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', ARCHIVED: 'ARCHIVED' } as const;
registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'Whether shoppers can see a product.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; only the merchant sees it.' },
    PUBLISHED: { description: 'On the storefront.' },
    ARCHIVED: { description: 'Retired; kept for order history.' },
  },
});

const SORTS: Record<Sort, string> = {
  NEWEST: 'Newest first.',
  OLDEST: 'Oldest first.',
  TITLE: 'By English title, A–Z.',
  UPDATED: 'Most recently changed first.',
};
export const MerchantProductSort = Object.fromEntries(Object.keys(SORTS).map((c) => [c, c])) as {
  [K in Sort]: K;
};
registerEnumType(MerchantProductSort, {
  name: 'MerchantProductSort',
  description: 'Order of the merchant’s product list.',
  valuesConfig: Object.fromEntries(Object.entries(SORTS).map(([k, d]) => [k, { description: d }])),
});

const CODES: Record<Code, string> = {
  NOT_FOUND: 'The viewer’s store has no such product (or variant, image).',
  MERCHANT_RESTRICTED: 'The store is not ACTIVE (frozen or deleted): listings cannot be changed.',
  INVALID_TITLE: 'A title is empty or too long.',
  INVALID_DESCRIPTION: 'A description is longer than 20,000 characters.',
  INVALID_KIND: 'The kind is not GOODS or SERVICE.',
  CATEGORY_NOT_FOUND: 'There is no such category.',
  INVALID_SKU: 'A SKU is not 1–64 letters, digits, dots, hyphens or underscores.',
  SKU_TAKEN: 'The SKU is already used on the marketplace (or twice in the request).',
  INVALID_PRICE: 'The price is not a decimal amount from 0 to 1,000,000.00 in the deployment currency.',
  INVALID_STOCK: 'The stock is not a whole number ≥ 0 (goods must have one).',
  TOO_MANY_VARIANTS: 'More than 50 variants.',
  NOT_READY: 'The product needs at least one variant and both titles to be published.',
  UPLOAD_NOT_FOUND: 'The upload id is unknown or already used.',
  INVALID_ALT_TEXT: 'An alternative text is longer than 300 characters.',
  TOO_MANY_IMAGES: 'More than 20 images.',
};
export const CatalogAdminErrorCode = Object.fromEntries(Object.keys(CODES).map((c) => [c, c])) as {
  [K in Code]: K;
};
registerEnumType(CatalogAdminErrorCode, {
  name: 'CatalogAdminErrorCode',
  description: 'Why a catalogue mutation refused (nothing was changed).',
  valuesConfig: Object.fromEntries(Object.entries(CODES).map(([k, d]) => [k, { description: d }])),
});

@ObjectType('CatalogAdminUserError', { implements: BaseUserError })
export class CatalogAdminUserError extends BaseUserError {
  @Field(() => CatalogAdminErrorCode)
  code!: Code;
}

@ObjectType('ProductMutationPayload', { description: 'The product after the change; null when refused.' })
export class ProductMutationPayload {
  @Field(() => Product, { nullable: true })
  product!: Product | null;

  @Field(() => [CatalogAdminUserError])
  userErrors!: CatalogAdminUserError[];
}

@InputType('ProductVariantInput')
export class ProductVariantInput {
  @Field(() => ID, { nullable: true, description: 'An existing variant to update; omit to add one.' })
  id?: string | null;

  @Field(() => String, { description: 'Unique across the marketplace.' })
  sku!: string;

  @Field(() => String)
  titleEn!: string;

  @Field(() => String)
  titleZh!: string;

  @Field(() => String, {
    description: 'Decimal amount in the deployment currency, 0 to 1000000.00, e.g. "12.50".',
  })
  price!: string;

  @Field(() => Int, { nullable: true, description: 'Units in stock; null only for services (not counted).' })
  stock?: number | null;
}

@InputType('CreateProductInput')
export class CreateProductInput {
  @Field(() => ProductKind)
  kind!: 'GOODS' | 'SERVICE';

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => String)
  titleEn!: string;

  @Field(() => String)
  titleZh!: string;

  @Field(() => String, { defaultValue: '' })
  descriptionEn!: string;

  @Field(() => String, { defaultValue: '' })
  descriptionZh!: string;

  @Field(() => [ProductVariantInput], { defaultValue: [] })
  variants!: ProductVariantInput[];
}

@InputType('UpdateProductInput')
export class UpdateProductInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => ProductKind, { nullable: true })
  kind?: 'GOODS' | 'SERVICE' | null;

  @Field(() => ID, { nullable: true, description: 'A category; an empty string clears it.' })
  categoryId?: string | null;

  @Field(() => String, { nullable: true })
  titleEn?: string | null;

  @Field(() => String, { nullable: true })
  titleZh?: string | null;

  @Field(() => String, { nullable: true })
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true })
  descriptionZh?: string | null;
}

@InputType('SetProductVariantsInput')
export class SetProductVariantsInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => [ProductVariantInput], {
    description:
      'The complete list, in display order: listed ids are updated, new entries added, the rest removed.',
  })
  variants!: ProductVariantInput[];
}

@InputType('AddProductImageInput')
export class AddProductImageInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => String, { description: 'The `uploadId` answered by `POST /media/uploads`.' })
  uploadId!: string;

  @Field(() => String, { defaultValue: '' })
  altEn!: string;

  @Field(() => String, { defaultValue: '' })
  altZh!: string;
}

@InputType('RemoveProductImageInput')
export class RemoveProductImageInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID)
  imageId!: string;
}

@InputType('ReorderProductImagesInput')
export class ReorderProductImagesInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => [ID], { description: 'Every image of the product, in the new order.' })
  imageIds!: string[];
}

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

@ObjectType('CatalogAdminUserError', {
  implements: BaseUserError,
  description: 'Why a catalog change was refused, and which input field it concerns.',
})
export class CatalogAdminUserError extends BaseUserError {
  @Field(() => CatalogAdminErrorCode, { description: 'What went wrong.' })
  code!: Code;
}

@ObjectType('ProductMutationPayload', { description: 'The product after the change; null when refused.' })
export class ProductMutationPayload {
  @Field(() => Product, { nullable: true, description: 'The product after the change; null when refused.' })
  product!: Product | null;

  @Field(() => [CatalogAdminUserError], { description: 'Why the change was refused; empty on success.' })
  userErrors!: CatalogAdminUserError[];
}

@InputType('ProductVariantInput', { description: 'One variant of a product: titles, SKU, price and stock.' })
export class ProductVariantInput {
  @Field(() => ID, { nullable: true, description: 'An existing variant to update; omit to add one.' })
  id?: string | null;

  @Field(() => String, { description: 'Unique across the marketplace.' })
  sku!: string;

  @Field(() => String, { description: 'Variant title in English.' })
  titleEn!: string;

  @Field(() => String, { description: 'Variant title in Traditional Chinese.' })
  titleZh!: string;

  @Field(() => String, {
    description: 'Decimal amount in the deployment currency, 0 to 1000000.00, e.g. "12.50".',
  })
  price!: string;

  @Field(() => Int, { nullable: true, description: 'Units in stock; null only for services (not counted).' })
  stock?: number | null;
}

@InputType('CreateProductInput', { description: 'A new product (saved as a draft).' })
export class CreateProductInput {
  @Field(() => ProductKind, { description: 'Goods (shipped) or a service.' })
  kind!: 'GOODS' | 'SERVICE';

  @Field(() => ID, { nullable: true, description: 'Global ID of its category, if any.' })
  categoryId?: string | null;

  @Field(() => String, { description: 'Title in English.' })
  titleEn!: string;

  @Field(() => String, { description: 'Title in Traditional Chinese.' })
  titleZh!: string;

  @Field(() => String, { defaultValue: '', description: 'Description in English.' })
  descriptionEn!: string;

  @Field(() => String, { defaultValue: '', description: 'Description in Traditional Chinese.' })
  descriptionZh!: string;

  @Field(() => [ProductVariantInput], {
    defaultValue: [],
    description: 'Its variants (at least one before it can be published).',
  })
  variants!: ProductVariantInput[];
}

@InputType('UpdateProductInput', { description: 'Changes to a product; omitted fields stay as they are.' })
export class UpdateProductInput {
  @Field(() => ID, { description: 'Global ID of the product to change.' })
  productId!: string;

  @Field(() => ProductKind, { nullable: true, description: 'New kind, if changing.' })
  kind?: 'GOODS' | 'SERVICE' | null;

  @Field(() => ID, { nullable: true, description: 'A category; an empty string clears it.' })
  categoryId?: string | null;

  @Field(() => String, { nullable: true, description: 'New English title, if changing.' })
  titleEn?: string | null;

  @Field(() => String, { nullable: true, description: 'New Traditional Chinese title, if changing.' })
  titleZh?: string | null;

  @Field(() => String, { nullable: true, description: 'New English description, if changing.' })
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true, description: 'New Traditional Chinese description, if changing.' })
  descriptionZh?: string | null;
}

@InputType('SetProductVariantsInput', {
  description: 'The complete list of a product’s variants (replaces the current one).',
})
export class SetProductVariantsInput {
  @Field(() => ID, { description: 'Global ID of the product.' })
  productId!: string;

  @Field(() => [ProductVariantInput], {
    description:
      'The complete list, in display order: listed ids are updated, new entries added, the rest removed.',
  })
  variants!: ProductVariantInput[];
}

@InputType('AddProductImageInput', { description: 'An uploaded image to add to a product.' })
export class AddProductImageInput {
  @Field(() => ID, { description: 'Global ID of the product.' })
  productId!: string;

  @Field(() => String, { description: 'The `uploadId` answered by `POST /media/uploads`.' })
  uploadId!: string;

  @Field(() => String, { defaultValue: '', description: 'Image alternative text in English.' })
  altEn!: string;

  @Field(() => String, { defaultValue: '', description: 'Image alternative text in Traditional Chinese.' })
  altZh!: string;
}

@InputType('RemoveProductImageInput', { description: 'The image to remove from a product.' })
export class RemoveProductImageInput {
  @Field(() => ID, { description: 'Global ID of the product.' })
  productId!: string;

  @Field(() => ID, { description: 'Global ID of the image to remove.' })
  imageId!: string;
}

@InputType('ReorderProductImagesInput', { description: 'The new order of a product’s images.' })
export class ReorderProductImagesInput {
  @Field(() => ID, { description: 'Global ID of the product.' })
  productId!: string;

  @Field(() => [ID], { description: 'Every image of the product, in the new order.' })
  imageIds!: string[];
}

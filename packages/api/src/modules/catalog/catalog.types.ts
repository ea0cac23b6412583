import type { CurrencyCode } from '@marketplace/core';
import { PRODUCT_KINDS } from '@marketplace/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/money.type.js';
import { connectionTypes, Node, toGlobalId } from '../../graphql/relay.js';
import type { CategoryRow, ImageRow, MerchantRow, ProductRow, VariantRow } from './catalog.rows.js';

export const ProductKind = Object.fromEntries(PRODUCT_KINDS.map((k) => [k, k])) as {
  [K in (typeof PRODUCT_KINDS)[number]]: K;
};
registerEnumType(ProductKind, {
  name: 'ProductKind',
  description: 'What is sold.',
  valuesConfig: {
    GOODS: { description: 'Physical goods: shipped, stock-counted.' },
    SERVICE: { description: 'A consulting service: no shipping; delivered as a report.' },
  },
});

@ObjectType('Merchant', { implements: Node, description: 'A store selling on the marketplace.' })
export class Merchant extends Node {
  @Field({ description: 'URL-friendly unique name.' })
  handle!: string;

  row!: MerchantRow;

  static from(row: MerchantRow): Merchant {
    return Object.assign(new Merchant(), { id: toGlobalId('Merchant', row.id), handle: row.handle, row });
  }
}

@ObjectType('Category', { implements: Node, description: 'A product category.' })
export class Category extends Node {
  @Field({ description: 'URL-friendly unique name.' })
  handle!: string;

  row!: CategoryRow;

  static from(row: CategoryRow): Category {
    return Object.assign(new Category(), { id: toGlobalId('Category', row.id), handle: row.handle, row });
  }
}

@ObjectType('Image', { description: 'An image stored and served by the platform.' })
export class Image {
  @Field({ description: 'URL of the image, relative to the API origin (e.g. `/media/products/x.svg`).' })
  url!: string;

  @Field(() => Int, { description: 'Intrinsic width in pixels.' })
  width!: number;

  @Field(() => Int, { description: 'Intrinsic height in pixels.' })
  height!: number;

  row!: ImageRow;

  static from(row: ImageRow): Image {
    return Object.assign(new Image(), {
      url: `/media/${row.path}`,
      width: row.width,
      height: row.height,
      row,
    });
  }
}

@ObjectType('ProductVariant', {
  implements: Node,
  description: 'A purchasable version of a product (size, colour, duration …).',
})
export class ProductVariant extends Node {
  @Field({ description: 'Stock keeping unit, unique across the marketplace.' })
  sku!: string;

  /** The variant's own price; the GraphQL `price` field applies running activities (activities module). */
  price!: Money;

  @Field(() => Int, {
    nullable: true,
    description: 'Units in stock; null when the variant is not stock-counted (consulting services).',
  })
  stock!: number | null;

  @Field({ description: 'Whether it can be added to a cart now (on sale and in stock).' })
  availableForSale!: boolean;

  row!: VariantRow;

  static from(row: VariantRow): ProductVariant {
    return Object.assign(new ProductVariant(), {
      id: toGlobalId('ProductVariant', row.id),
      sku: row.sku,
      price: Money.from({ minor: row.priceMinor, currency: row.currency as CurrencyCode }),
      stock: row.stock,
      availableForSale: row.stock === null || row.stock > 0,
      row,
    });
  }
}

@ObjectType('PriceRange', { description: 'Lowest and highest variant price.' })
export class PriceRange {
  @Field(() => Money, { description: 'The lowest variant price.' })
  minVariantPrice!: Money;

  @Field(() => Money, { description: 'The highest variant price.' })
  maxVariantPrice!: Money;
}

@ObjectType('Product', {
  implements: Node,
  description: 'Goods or a consulting service sold by one merchant.',
})
export class Product extends Node {
  @Field({ description: 'URL-friendly unique name.' })
  handle!: string;

  @Field(() => ProductKind, { description: 'Goods or service.' })
  kind!: string;

  @Field({ description: 'When the product was created.' })
  createdAt!: Date;

  @Field({ description: 'When the product was last changed.' })
  updatedAt!: Date;

  row!: ProductRow;

  static from(row: ProductRow): Product {
    return Object.assign(new Product(), {
      id: toGlobalId('Product', row.id),
      handle: row.handle,
      kind: row.kind,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      row,
    });
  }
}

export const { Connection: ProductConnection, Edge: ProductEdge } = connectionTypes(Product, 'Product');
export type ProductConnection = InstanceType<typeof ProductConnection>;

/** Re-exported so resolvers can declare `ID` arguments without importing type-graphql twice. */
export { ID };

import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ProductEntity } from './product.entity.js';

@Entity({ tableName: 'product_variant' })
@Check({ name: 'product_variant_stock_non_negative', expression: 'stock is null or stock >= 0' })
@Check({ name: 'product_variant_price_non_negative', expression: 'price_minor >= 0' })
export class ProductVariantEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => ProductEntity, { deleteRule: 'cascade' })
  product!: ProductEntity;

  @Property({ type: 'string', length: 64, unique: true })
  sku!: string;

  @Property({ type: 'string', length: 200 })
  titleEn!: string;

  @Property({ type: 'string', length: 200 })
  titleZh!: string;

  /** Integer minor units of the deployment currency. */
  @Property({ type: 'integer' })
  priceMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Units on hand; null means not stock-counted (consulting services). */
  @Property({ type: 'integer', nullable: true })
  stock: number | null = null;

  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}

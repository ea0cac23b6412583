import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ProductEntity } from './product.entity.js';

/** An image file stored by the platform in the media directory, served under /media/. */
@Entity({ tableName: 'product_image' })
export class ProductImageEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => ProductEntity, { deleteRule: 'cascade' })
  product!: ProductEntity;

  /** Path below the media directory, e.g. `products/espresso-blend.svg`. */
  @Property({ type: 'string', length: 300 })
  path!: string;

  @Property({ type: 'integer' })
  width!: number;

  @Property({ type: 'integer' })
  height!: number;

  @Property({ type: 'string', length: 300, default: '' })
  altEn: Opt<string> = '';

  @Property({ type: 'string', length: 300, default: '' })
  altZh: Opt<string> = '';

  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}

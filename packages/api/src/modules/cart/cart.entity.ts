import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { ProductVariantEntity } from '../catalog/product-variant.entity.js';

/** A guest cart is found by its secret token; a shopper's cart by its owner (one per shopper). */
@Entity({ tableName: 'cart' })
export class CartEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'uuid', unique: true })
  token!: string;

  @ManyToOne(() => UserEntity, { nullable: true, unique: true, deleteRule: 'cascade' })
  user: UserEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

@Entity({ tableName: 'cart_line' })
@Unique({ properties: ['cart', 'variant'] })
@Check({ name: 'cart_line_quantity_positive', expression: 'quantity > 0' })
export class CartLineEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => CartEntity, { deleteRule: 'cascade' })
  cart!: CartEntity;

  @ManyToOne(() => ProductVariantEntity, { deleteRule: 'cascade' })
  variant!: ProductVariantEntity;

  @Property({ type: 'integer' })
  quantity!: number;

  /** Whether the shopper has ticked this line for checkout. */
  @Property({ type: 'boolean', default: true })
  selected: Opt<boolean> = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

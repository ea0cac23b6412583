import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ProductKind } from '@marketplace/core';
import { CategoryEntity } from './category.entity.js';
import { MerchantEntity } from './merchant.entity.js';

export type ProductStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';

@Entity({ tableName: 'product' })
@Index({ properties: ['merchant', 'status'] })
export class ProductEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => MerchantEntity, { deleteRule: 'restrict' })
  merchant!: MerchantEntity;

  @ManyToOne(() => CategoryEntity, { nullable: true, deleteRule: 'set null' })
  category: CategoryEntity | null = null;

  @Property({ type: 'string', length: 120, unique: true })
  handle!: string;

  @Check({ expression: "kind in ('GOODS', 'SERVICE')" })
  @Property({ type: 'string', length: 10 })
  kind!: ProductKind;

  @Property({ type: 'string', length: 300 })
  titleEn!: string;

  @Property({ type: 'string', length: 300 })
  titleZh!: string;

  @Property({ type: 'text', default: '' })
  descriptionEn: Opt<string> = '';

  @Property({ type: 'text', default: '' })
  descriptionZh: Opt<string> = '';

  @Index()
  @Property({ type: 'string', length: 12, default: 'DRAFT' })
  status: Opt<ProductStatus> = 'DRAFT';

  /**
   * Lower-cased text of both languages, maintained by PostgreSQL. A trigram (character n-gram)
   * index on it makes infix search work for Chinese, which has no spaces between words.
   */
  @Index({
    name: 'product_search_text_trgm',
    expression: 'create index "product_search_text_trgm" on "product" using gin ("search_text" gin_trgm_ops)',
  })
  @Property({
    type: 'text',
    generated:
      "(lower(title_en || ' ' || title_zh || ' ' || description_en || ' ' || description_zh)) stored",
    lazy: true,
    hidden: true,
    nullable: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  searchText?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'category' })
export class CategoryEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 80, unique: true })
  handle!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}

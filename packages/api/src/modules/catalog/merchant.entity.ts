import type { MerchantStatus } from '@marketplace/core';
import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type { MerchantStatus } from '@marketplace/core';

@Entity({ tableName: 'merchant' })
export class MerchantEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 80, unique: true })
  handle!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Property({ type: 'text', default: '' })
  descriptionEn: Opt<string> = '';

  @Property({ type: 'text', default: '' })
  descriptionZh: Opt<string> = '';

  @Index()
  @Property({ type: 'string', length: 20, default: 'ACTIVE' })
  status: Opt<MerchantStatus> = 'ACTIVE';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

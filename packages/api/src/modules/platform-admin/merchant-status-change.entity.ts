import type { MerchantStatus } from '@marketplace/core';
import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';

/** Every change of a store's status by platform staff (disable/enable), with who, when and why. Append-only. */
@Entity({ tableName: 'merchant_status_change' })
export class MerchantStatusChangeEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => MerchantEntity, { deleteRule: 'cascade' })
  merchant!: MerchantEntity;

  @Property({ type: 'string', length: 20 })
  fromStatus!: MerchantStatus;

  @Property({ type: 'string', length: 20 })
  toStatus!: MerchantStatus;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  actor: UserEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { LedgerBucket, LedgerEntryKind } from '@marketplace/core';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { OrderEntity } from '../orders/order.entity.js';

/** A settlement: platform admins paid out part or all of a merchant's available funds. */
@Entity({ tableName: 'payout' })
@Index({ properties: ['merchant', 'createdAt'] })
@Check({ name: 'payout_amount_positive', expression: 'amount_minor > 0' })
export class PayoutEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => MerchantEntity, { deleteRule: 'restrict' })
  merchant!: MerchantEntity;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** The transfer's reference at the bank or payment service, as the admin entered it. */
  @Property({ type: 'string', length: 100 })
  reference!: string;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  createdBy: UserEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/**
 * One movement of a merchant's money into or out of a bucket. Append-only: the code never updates
 * or deletes an entry (a database trigger refuses it too); balances are sums of entries.
 */
@Entity({
  tableName: 'ledger_entry',
  triggers: [
    {
      name: 'ledger_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'statement',
      body: `raise exception 'ledger entries are append-only'`,
    },
  ],
})
@Index({ properties: ['merchant', 'bucket'] })
@Index({ properties: ['merchant', 'createdAt'] })
@Check({ name: 'ledger_entry_amount_not_zero', expression: 'amount_minor <> 0' })
export class LedgerEntryEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => MerchantEntity, { deleteRule: 'restrict' })
  merchant!: MerchantEntity;

  @Index()
  @ManyToOne(() => OrderEntity, { nullable: true, deleteRule: 'restrict' })
  order: OrderEntity | null = null;

  @Index()
  @ManyToOne(() => PayoutEntity, { nullable: true, deleteRule: 'restrict' })
  payout: PayoutEntity | null = null;

  @Property({ type: 'string', length: 20 })
  kind!: LedgerEntryKind;

  @Property({ type: 'string', length: 10 })
  bucket!: LedgerBucket;

  /** Signed minor units: positive into the bucket, negative out of it. */
  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'string', length: 500 })
  memo!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

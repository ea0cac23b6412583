import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';

/**
 * An API key (README.md). Only a SHA-256 hash of the secret is stored, with its first characters (`prefix`)
 * so that people can tell their keys apart. `merchant` null = a platform key (created by an admin).
 */
@Entity({ tableName: 'api_key' })
@Index({ properties: ['merchant', 'createdAt'] })
export class ApiKeyEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  /** The secret's first characters, e.g. `mk_live_AbC123` (not enough to use it). */
  @Property({ type: 'string', length: 20 })
  prefix!: string;

  @Property({ type: 'json' })
  scopes!: string[];

  @Index()
  @ManyToOne(() => UserEntity, { deleteRule: 'cascade' })
  createdBy!: UserEntity;

  @ManyToOne(() => MerchantEntity, { nullable: true, deleteRule: 'cascade' })
  merchant: MerchantEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  revokedBy: UserEntity | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}

import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Locale, UserRole } from '@marketplace/core';
import { MerchantEntity } from '../catalog/merchant.entity.js';

/** GENERAL_FROZEN: under a general freeze (penalties): signs in, browses, replies to messages; see capabilities. */
export type AccountStatus = 'ACTIVE' | 'GENERAL_FROZEN' | 'DISABLED' | 'DELETED';

/** Statuses that may sign in and keep a session (a general freeze restricts actions, not access). */
export const SIGN_IN_STATUSES: readonly AccountStatus[] = ['ACTIVE', 'GENERAL_FROZEN'];
/** A merchant staff account's place in its store's team: the owner manages the team; null for other roles. */
export type MerchantRole = 'OWNER' | 'STAFF';

@Entity({ tableName: 'user_account' })
export class UserEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Stored lower-cased; unique. Trigram-indexed for the staff order search (issue 8). */
  @Index({
    name: 'user_account_email_trgm',
    expression: 'create index "user_account_email_trgm" on "user_account" using gin ("email" gin_trgm_ops)',
  })
  @Property({ type: 'string', length: 320, unique: true })
  email!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Property({ type: 'string', length: 120 })
  displayName!: string;

  /** E.164 shape, e.g. +886912345678; optional. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone: string | null = null;

  @Property({ type: 'string', length: 20, default: 'SHOPPER' })
  role: Opt<UserRole> = 'SHOPPER';

  /** The one store a merchant staff account works for. */
  @ManyToOne(() => MerchantEntity, { nullable: true, deleteRule: 'restrict' })
  merchant: MerchantEntity | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  merchantRole: MerchantRole | null = null;

  @Property({ type: 'string', length: 10, default: 'en' })
  locale: Opt<Locale> = 'en';

  @Property({ type: 'string', length: 20, default: 'ACTIVE' })
  status: Opt<AccountStatus> = 'ACTIVE';

  @Property({ type: 'datetime', nullable: true })
  emailVerifiedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

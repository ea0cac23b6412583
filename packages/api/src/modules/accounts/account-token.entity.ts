import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from './user.entity.js';

/** INVITE: a staff account created by an admin or a merchant owner sets its first password with it. */
export type AccountTokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'INVITE';

/**
 * A single-use secret sent by email (verify the address, reset the password). Only a SHA-256 hash
 * is stored, so a leaked database cannot be used to take over accounts.
 */
@Entity({ tableName: 'account_token' })
export class AccountTokenEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => UserEntity, { deleteRule: 'cascade' })
  user!: UserEntity;

  @Property({ type: 'string', length: 20 })
  purpose!: AccountTokenPurpose;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}

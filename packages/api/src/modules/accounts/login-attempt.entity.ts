import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A sign-in attempt that has not (yet) succeeded, by email and client IP. Throttling counts these
 * in PostgreSQL so every API instance sees the same numbers; a successful sign-in deletes the
 * account's rows. Old rows are pruned by a recurring job.
 */
@Entity({ tableName: 'login_attempt' })
@Index({ properties: ['email', 'createdAt'] })
@Index({ properties: ['ip', 'createdAt'] })
export class LoginAttemptEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Normalized as typed, whether or not an account has it. */
  @Property({ type: 'string', length: 320 })
  email!: string;

  @Property({ type: 'string', length: 64 })
  ip!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

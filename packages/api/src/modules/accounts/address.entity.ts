import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from './user.entity.js';

/** An entry of a shopper's address book. At most one per user is the default (partial unique index). */
@Entity({ tableName: 'address' })
@Index({
  name: 'address_user_id_default_unique',
  expression:
    'create unique index "address_user_id_default_unique" on "address" ("user_id") where "is_default"',
})
export class AddressEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => UserEntity, { deleteRule: 'cascade' })
  user!: UserEntity;

  @Property({ type: 'string', length: 100 })
  recipientName!: string;

  @Property({ type: 'string', length: 20 })
  phone!: string;

  /** ISO 3166-1 alpha-2. */
  @Property({ type: 'string', length: 2 })
  countryCode!: string;

  /** State, province or county; optional. */
  @Property({ type: 'string', length: 100, nullable: true })
  region: string | null = null;

  /** City or district. */
  @Property({ type: 'string', length: 100 })
  city!: string;

  @Property({ type: 'string', length: 12, nullable: true })
  postalCode: string | null = null;

  @Property({ type: 'string', length: 200 })
  line1!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  line2: string | null = null;

  @Property({ type: 'boolean', default: false })
  isDefault: Opt<boolean> = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

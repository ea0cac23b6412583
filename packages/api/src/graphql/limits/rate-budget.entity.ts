import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One leaky bucket of query cost per throttle identity (`key:<api key id>`, `user:<user id>` or
 * `ip:<address>`). `available` is the level at `updated_at`; the level at any later time is
 * `min(maximum, available + seconds elapsed × restore rate)`. Written only by one atomic UPSERT
 * (see rate-budget.ts) so every API instance shares the same budget.
 */
@Entity({ tableName: 'rate_budget' })
export class RateBudgetEntity {
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'double' })
  available!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

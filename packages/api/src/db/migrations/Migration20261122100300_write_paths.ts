import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 8 (write paths): the query-cost buckets are UNLOGGED — every API request updates one row per
 * caller, and a WAL-logged row made each request wait for a commit flush. After a crash PostgreSQL
 * empties an unlogged table: every caller then starts with a full bucket, which is acceptable for a
 * throttle (see graphql/limits/README.md).
 */
export class Migration20261122100300_write_paths extends Migration {
  override name = 'Migration20261122100300_write_paths';

  override up(): void | Promise<void> {
    this.addSql(`alter table "rate_budget" set unlogged;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "rate_budget" set logged;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/** Query-cost leaky buckets shared by every API instance: one row per API key, user or client IP. */
export class Migration20261122090200_rate_budget extends Migration {
  override name = 'Migration20261122090200_rate_budget';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "rate_budget" ("key" varchar(200) not null, "available" double precision not null, "updated_at" timestamptz not null, primary key ("key"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "rate_budget" cascade;`);
  }
}

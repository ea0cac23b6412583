import { Migration } from '@mikro-orm/migrations';

export class Migration20261122110100_coupon_attempts extends Migration {
  override name = 'Migration20261122110100_coupon_attempts';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "coupon_attempt" ("id" serial primary key, "user_id" int not null, "ip" varchar(64) not null, "code" varchar(64) not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "coupon_attempt_user_id_created_at_index" on "coupon_attempt" ("user_id", "created_at");`,
    );
    this.addSql(
      `create index "coupon_attempt_ip_created_at_index" on "coupon_attempt" ("ip", "created_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "coupon_attempt" cascade;`);
  }
}

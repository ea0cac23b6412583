import { Migration } from '@mikro-orm/migrations';

/**
 * Staff accounts and platform operations: a merchant staff account's place in its team (the demo
 * stores' staff accounts are their owners), and the record of stores disabled/enabled by admins.
 */
export class Migration20261122070100_platform_admin extends Migration {
  override name = 'Migration20261122070100_platform_admin';

  override up(): void | Promise<void> {
    this.addSql(`alter table "user_account" add column "merchant_role" varchar(20) null;`);
    this.addSql(
      `update "user_account" set "merchant_role" = 'OWNER' where "role" = 'MERCHANT_STAFF' and "merchant_id" is not null;`,
    );
    this.addSql(
      `create table "merchant_status_change" ("id" serial primary key, "merchant_id" int not null, "from_status" varchar(20) not null, "to_status" varchar(20) not null, "reason" varchar(500) not null, "actor_id" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "merchant_status_change_merchant_id_index" on "merchant_status_change" ("merchant_id");`,
    );
    this.addSql(
      `alter table "merchant_status_change" add constraint "merchant_status_change_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "merchant_status_change" add constraint "merchant_status_change_actor_id_foreign" foreign key ("actor_id") references "user_account" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "merchant_status_change" cascade;`);
    this.addSql(`alter table "user_account" drop column "merchant_role";`);
  }
}

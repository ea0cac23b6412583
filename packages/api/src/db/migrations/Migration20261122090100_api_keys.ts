import { Migration } from '@mikro-orm/migrations';

export class Migration20261122090100_api_keys extends Migration {
  override name = 'Migration20261122090100_api_keys';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "api_key" ("id" serial primary key, "name" varchar(120) not null, "token_hash" varchar(64) not null, "prefix" varchar(20) not null, "scopes" jsonb not null, "created_by_id" int not null, "merchant_id" int null, "created_at" timestamptz not null default now(), "expires_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by_id" int null, "last_used_at" timestamptz null);`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "api_key_created_by_id_index" on "api_key" ("created_by_id");`);
    this.addSql(
      `create index "api_key_merchant_id_created_at_index" on "api_key" ("merchant_id", "created_at");`,
    );
    this.addSql(
      `alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "user_account" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "api_key" add constraint "api_key_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "api_key" add constraint "api_key_revoked_by_id_foreign" foreign key ("revoked_by_id") references "user_account" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);
  }
}

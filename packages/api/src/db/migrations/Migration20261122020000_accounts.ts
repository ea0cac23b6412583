import { Migration } from '@mikro-orm/migrations';

/** Accounts: phone, email tokens (verification, password reset), address book, sign-in throttling. */
export class Migration20261122020000_accounts extends Migration {
  override name = 'Migration20261122020000_accounts';

  override up(): void | Promise<void> {
    this.addSql(`alter table "user_account" add column "phone" varchar(20) null;`);

    this.addSql(
      `create table "account_token" ("id" serial primary key, "user_id" int not null, "purpose" varchar(20) not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "used_at" timestamptz null);`,
    );
    this.addSql(`create index "account_token_user_id_index" on "account_token" ("user_id");`);
    this.addSql(
      `alter table "account_token" add constraint "account_token_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `alter table "account_token" add constraint "account_token_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete cascade;`,
    );

    this.addSql(
      `create table "address" ("id" serial primary key, "user_id" int not null, "recipient_name" varchar(100) not null, "phone" varchar(20) not null, "country_code" varchar(2) not null, "region" varchar(100) null, "city" varchar(100) not null, "postal_code" varchar(12) null, "line1" varchar(200) not null, "line2" varchar(200) null, "is_default" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "address_user_id_index" on "address" ("user_id");`);
    this.addSql(
      `create unique index "address_user_id_default_unique" on "address" ("user_id") where "is_default";`,
    );
    this.addSql(
      `alter table "address" add constraint "address_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete cascade;`,
    );

    this.addSql(
      `create table "login_attempt" ("id" serial primary key, "email" varchar(320) not null, "ip" varchar(64) not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "login_attempt_email_created_at_index" on "login_attempt" ("email", "created_at");`,
    );
    this.addSql(`create index "login_attempt_ip_created_at_index" on "login_attempt" ("ip", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "login_attempt" cascade;`);
    this.addSql(`drop table if exists "address" cascade;`);
    this.addSql(`drop table if exists "account_token" cascade;`);
    this.addSql(`alter table "user_account" drop column "phone";`);
  }
}

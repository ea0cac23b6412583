import { Migration } from '@mikro-orm/migrations';

export class Migration20261122020200_help extends Migration {
  override name = 'Migration20261122020200_help';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "help_article" ("id" serial primary key, "slug" varchar(80) not null, "topic" varchar(20) not null, "position" int not null default 0, "title_en" varchar(200) not null, "title_zh" varchar(200) not null, "summary_en" varchar(500) not null, "summary_zh" varchar(500) not null, "body_en" text not null, "body_zh" text not null, "published" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "help_article" add constraint "help_article_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "contact_request" ("id" serial primary key, "name" varchar(100) not null, "email" varchar(320) not null, "order_number" varchar(40) null, "topic" varchar(10) not null, "message" text not null, "locale" varchar(10) not null, "user_id" int null, "ip" varchar(64) not null, "status" varchar(10) not null default 'OPEN', "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "contact_request_ip_created_at_index" on "contact_request" ("ip", "created_at");`,
    );
    this.addSql(
      `alter table "contact_request" add constraint "contact_request_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "contact_request" cascade;`);
    this.addSql(`drop table if exists "help_article" cascade;`);
  }
}

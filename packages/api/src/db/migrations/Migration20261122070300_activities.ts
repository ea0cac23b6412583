import { Migration } from '@mikro-orm/migrations';

/** Activities: time-limited store discounts, and the products an activity covers. */
export class Migration20261122070300_activities extends Migration {
  override name = 'Migration20261122070300_activities';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "activity" ("id" serial primary key, "merchant_id" int not null, "name_en" varchar(120) not null, "name_zh" varchar(120) not null, "kind" varchar(20) not null, "value" int not null, "currency" varchar(3) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" varchar(20) not null default 'ACTIVE', "all_products" boolean not null default true, "cancelled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint activity_value_positive check (value > 0), constraint activity_period check (ends_at > starts_at));`,
    );
    this.addSql(
      `create index "activity_merchant_id_ends_at_index" on "activity" ("merchant_id", "ends_at");`,
    );
    this.addSql(
      `alter table "activity" add constraint "activity_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete cascade;`,
    );
    this.addSql(
      `create table "activity_product" ("activity_id" int not null, "product_id" int not null, primary key ("activity_id", "product_id"));`,
    );
    this.addSql(`create index "activity_product_product_id_index" on "activity_product" ("product_id");`);
    this.addSql(
      `alter table "activity_product" add constraint "activity_product_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "activity_product" add constraint "activity_product_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "activity_product" cascade;`);
    this.addSql(`drop table if exists "activity" cascade;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261122004303_initial extends Migration {
  override name = 'Migration20261122004303_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "category" ("id" serial primary key, "handle" varchar(80) not null, "name_en" varchar(200) not null, "name_zh" varchar(200) not null, "position" int not null default 0);`,
    );
    this.addSql(`alter table "category" add constraint "category_handle_unique" unique ("handle");`);

    this.addSql(
      `create table "merchant" ("id" serial primary key, "handle" varchar(80) not null, "name_en" varchar(200) not null, "name_zh" varchar(200) not null, "description_en" text not null default '', "description_zh" text not null default '', "status" varchar(20) not null default 'ACTIVE', "created_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "merchant" add constraint "merchant_handle_unique" unique ("handle");`);
    this.addSql(`create index "merchant_status_index" on "merchant" ("status");`);

    this.addSql(
      `create table "coupon" ("id" serial primary key, "code" varchar(40) not null, "merchant_id" int null, "kind" varchar(20) not null, "value" int not null, "min_spend_minor" int not null default 0, "currency" varchar(3) not null, "starts_at" timestamptz null, "ends_at" timestamptz null, "usage_limit" int null, "per_shopper_limit" int null, "used_count" int not null default 0, "description_en" varchar(200) not null default '', "description_zh" varchar(200) not null default '', "active" boolean not null default true);`,
    );
    this.addSql(`alter table "coupon" add constraint "coupon_code_unique" unique ("code");`);

    this.addSql(
      `create table "product" ("id" serial primary key, "merchant_id" int not null, "category_id" int null, "handle" varchar(120) not null, "kind" varchar(10) not null, "title_en" varchar(300) not null, "title_zh" varchar(300) not null, "description_en" text not null default '', "description_zh" text not null default '', "status" varchar(12) not null default 'DRAFT', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "product" add constraint "product_handle_unique" unique ("handle");`);
    this.addSql(`create index "product_status_index" on "product" ("status");`);
    this.addSql(`create index "product_merchant_id_status_index" on "product" ("merchant_id", "status");`);

    this.addSql(
      `create table "product_image" ("id" serial primary key, "product_id" int not null, "path" varchar(300) not null, "width" int not null, "height" int not null, "alt_en" varchar(300) not null default '', "alt_zh" varchar(300) not null default '', "position" int not null default 0);`,
    );
    this.addSql(`create index "product_image_product_id_index" on "product_image" ("product_id");`);

    this.addSql(
      `create table "product_variant" ("id" serial primary key, "product_id" int not null, "sku" varchar(64) not null, "title_en" varchar(200) not null, "title_zh" varchar(200) not null, "price_minor" int not null, "currency" varchar(3) not null, "stock" int null, "position" int not null default 0);`,
    );
    this.addSql(`create index "product_variant_product_id_index" on "product_variant" ("product_id");`);
    this.addSql(`alter table "product_variant" add constraint "product_variant_sku_unique" unique ("sku");`);

    this.addSql(
      `create table "user_account" ("id" serial primary key, "email" varchar(320) not null, "password_hash" varchar(200) not null, "display_name" varchar(120) not null, "role" varchar(20) not null default 'SHOPPER', "merchant_id" int null, "locale" varchar(10) not null default 'en', "status" varchar(20) not null default 'ACTIVE', "email_verified_at" timestamptz null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "user_account" add constraint "user_account_email_unique" unique ("email");`);

    this.addSql(
      `create table "session" ("id" serial primary key, "token_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null);`,
    );
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(
      `create table "cart" ("id" serial primary key, "token" uuid not null, "user_id" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "cart" add constraint "cart_token_unique" unique ("token");`);
    this.addSql(`alter table "cart" add constraint "cart_user_id_unique" unique ("user_id");`);

    this.addSql(
      `create table "cart_line" ("id" serial primary key, "cart_id" int not null, "variant_id" int not null, "quantity" int not null, "selected" boolean not null default true, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "cart_line_cart_id_index" on "cart_line" ("cart_id");`);
    this.addSql(
      `alter table "cart_line" add constraint "cart_line_cart_id_variant_id_unique" unique ("cart_id", "variant_id");`,
    );

    this.addSql(
      `alter table "coupon" add constraint "coupon_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "coupon" add constraint "coupon_value_positive" check (value > 0);`);

    this.addSql(
      `alter table "product" add constraint "product_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "product" add constraint "product_category_id_foreign" foreign key ("category_id") references "category" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "product" add constraint "product_kind_check" check (kind in ('GOODS', 'SERVICE'));`,
    );

    this.addSql(
      `alter table "product_image" add constraint "product_image_product_id_foreign" foreign key ("product_id") references "product" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "product_variant" add constraint "product_variant_product_id_foreign" foreign key ("product_id") references "product" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "product_variant" add constraint "product_variant_price_non_negative" check (price_minor >= 0);`,
    );
    this.addSql(
      `alter table "product_variant" add constraint "product_variant_stock_non_negative" check (stock is null or stock >= 0);`,
    );

    this.addSql(
      `alter table "user_account" add constraint "user_account_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "cart" add constraint "cart_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "cart_line" add constraint "cart_line_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "cart_line" add constraint "cart_line_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "cart_line" add constraint "cart_line_quantity_positive" check (quantity > 0);`);

    // Search: lower-cased text of both languages kept by PostgreSQL, with a trigram index so that
    // infix matches (咖啡 inside 精品咖啡豆) are served by an index, not a sequential scan.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `alter table "product" add column "search_text" text generated always as (lower(title_en || ' ' || title_zh || ' ' || description_en || ' ' || description_zh)) stored;`,
    );
    this.addSql(
      `create index "product_search_text_trgm" on "product" using gin ("search_text" gin_trgm_ops);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "product_search_text_trgm";`);
    this.addSql(`alter table "product" drop constraint "product_category_id_foreign";`);
    this.addSql(`alter table "coupon" drop constraint "coupon_merchant_id_foreign";`);
    this.addSql(`alter table "product" drop constraint "product_merchant_id_foreign";`);
    this.addSql(`alter table "user_account" drop constraint "user_account_merchant_id_foreign";`);
    this.addSql(`alter table "product_image" drop constraint "product_image_product_id_foreign";`);
    this.addSql(`alter table "product_variant" drop constraint "product_variant_product_id_foreign";`);
    this.addSql(`alter table "cart_line" drop constraint "cart_line_variant_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);
    this.addSql(`alter table "cart" drop constraint "cart_user_id_foreign";`);
    this.addSql(`alter table "cart_line" drop constraint "cart_line_cart_id_foreign";`);

    this.addSql(`drop table if exists "category" cascade;`);
    this.addSql(`drop table if exists "merchant" cascade;`);
    this.addSql(`drop table if exists "coupon" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "product_image" cascade;`);
    this.addSql(`drop table if exists "product_variant" cascade;`);
    this.addSql(`drop table if exists "user_account" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "cart" cascade;`);
    this.addSql(`drop table if exists "cart_line" cascade;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/** Checkout, merchant orders (lines, status history, cancellation requests) and coupon redemptions. */
export class Migration20261122020100_orders extends Migration {
  override name = 'Migration20261122020100_orders';

  override up(): void | Promise<void> {
    this.addSql(`create sequence "order_number_seq" start 1001;`);
    this.addSql(
      `create table "checkout" ("id" serial primary key, "user_id" int not null, "idempotency_key" varchar(100) not null, "payment_method" varchar(20) not null, "coupon_id" int null, "coupon_code" varchar(40) null, "currency" varchar(3) not null, "subtotal_minor" int not null, "discount_minor" int not null, "shipping_fee_minor" int not null, "total_minor" int not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "checkout" add constraint "checkout_user_id_idempotency_key_unique" unique ("user_id", "idempotency_key");`,
    );
    this.addSql(
      `create table "customer_order" ("id" serial primary key, "number" varchar(40) not null, "checkout_id" int not null, "user_id" int not null, "merchant_id" int not null, "status" varchar(20) not null, "kind" varchar(10) not null, "payment_method" varchar(20) not null, "currency" varchar(3) not null, "subtotal_minor" int not null, "discount_minor" int not null, "shipping_fee_minor" int not null, "total_minor" int not null, "coupon_code" varchar(40) null, "ship_recipient_name" varchar(120) null, "ship_phone" varchar(40) null, "ship_country" varchar(2) null, "ship_city" varchar(120) null, "ship_postal_code" varchar(20) null, "ship_line1" varchar(200) null, "ship_line2" varchar(200) null, "contact_name" varchar(120) null, "contact_email" varchar(320) null, "contact_phone" varchar(40) null, "contact_notes" text null, "created_at" timestamptz not null default now(), "paid_at" timestamptz null, "shipped_at" timestamptz null, "completed_at" timestamptz null, "closed_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "customer_order" add constraint "customer_order_number_unique" unique ("number");`,
    );
    this.addSql(`create index "customer_order_checkout_id_index" on "customer_order" ("checkout_id");`);
    this.addSql(`create index "customer_order_merchant_id_index" on "customer_order" ("merchant_id");`);
    this.addSql(
      `create index "customer_order_user_id_created_at_index" on "customer_order" ("user_id", "created_at");`,
    );
    this.addSql(
      `create table "order_line" ("id" serial primary key, "order_id" int not null, "variant_id" int null, "kind" varchar(10) not null, "product_handle" varchar(120) not null, "product_title_en" varchar(300) not null, "product_title_zh" varchar(300) not null, "variant_title_en" varchar(200) not null, "variant_title_zh" varchar(200) not null, "sku" varchar(64) not null, "unit_price_minor" int not null, "quantity" int not null, "line_total_minor" int not null, "reserved_quantity" int not null);`,
    );
    this.addSql(`create index "order_line_order_id_index" on "order_line" ("order_id");`);
    this.addSql(
      `create table "order_history" ("id" serial primary key, "order_id" int not null, "from_status" varchar(20) null, "to_status" varchar(20) not null, "event" varchar(20) null, "actor_kind" varchar(10) not null, "actor_user_id" int null, "reason" text null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "order_history_order_id_index" on "order_history" ("order_id");`);
    this.addSql(
      `create table "order_cancellation_request" ("id" serial primary key, "order_id" int not null, "requested_by_id" int not null, "reason" text not null, "status" varchar(10) not null default 'PENDING', "created_at" timestamptz not null default now(), "decided_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "order_cancellation_request" add constraint "order_cancellation_request_order_id_unique" unique ("order_id");`,
    );
    this.addSql(
      `create table "coupon_redemption" ("id" serial primary key, "coupon_id" int not null, "user_id" int not null, "checkout_id" int not null, "created_at" timestamptz not null default now(), "released_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "coupon_redemption" add constraint "coupon_redemption_checkout_id_unique" unique ("checkout_id");`,
    );
    this.addSql(
      `create index "coupon_redemption_coupon_id_user_id_index" on "coupon_redemption" ("coupon_id", "user_id");`,
    );
    this.addSql(
      `alter table "checkout" add constraint "checkout_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "checkout" add constraint "checkout_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "customer_order" add constraint "customer_order_checkout_id_foreign" foreign key ("checkout_id") references "checkout" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "customer_order" add constraint "customer_order_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "customer_order" add constraint "customer_order_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "customer_order" add constraint "customer_order_amounts_valid" check (discount_minor >= 0 and discount_minor <= subtotal_minor and shipping_fee_minor >= 0);`,
    );
    this.addSql(
      `alter table "order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_line" add constraint "order_line_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "order_line" add constraint "order_line_quantity_positive" check (quantity > 0);`,
    );
    this.addSql(
      `alter table "order_history" add constraint "order_history_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_history" add constraint "order_history_actor_user_id_foreign" foreign key ("actor_user_id") references "user_account" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "order_cancellation_request" add constraint "order_cancellation_request_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_cancellation_request" add constraint "order_cancellation_request_requested_by_id_foreign" foreign key ("requested_by_id") references "user_account" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coupon_redemption" add constraint "coupon_redemption_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coupon_redemption" add constraint "coupon_redemption_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coupon_redemption" add constraint "coupon_redemption_checkout_id_foreign" foreign key ("checkout_id") references "checkout" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "coupon_redemption" cascade;`);
    this.addSql(`drop table if exists "order_cancellation_request" cascade;`);
    this.addSql(`drop table if exists "order_history" cascade;`);
    this.addSql(`drop table if exists "order_line" cascade;`);
    this.addSql(`drop table if exists "customer_order" cascade;`);
    this.addSql(`drop table if exists "checkout" cascade;`);
    this.addSql(`drop sequence if exists "order_number_seq";`);
  }
}

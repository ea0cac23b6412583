import { Migration } from '@mikro-orm/migrations';

/**
 * Reviews (credit evaluations): one per completed order (unique order_id), rating 1–5 and text, status
 * PUBLISHED | CANCELLED (with when, why and by whom), and the merchant's reply. Indexes for the merchant's
 * score and newest-first lists, the staff list and the reviews of one shopper (account deletion).
 */
export class Migration20261122080500_reviews extends Migration {
  override name = 'Migration20261122080500_reviews';

  override up(): void | Promise<void> {
    this.addSql(`create table "review" (
      "id" serial primary key,
      "order_id" int not null,
      "merchant_id" int not null,
      "user_id" int not null,
      "rating" smallint not null,
      "text" text not null,
      "status" varchar(20) not null default 'PUBLISHED',
      "created_at" timestamptz not null default now(),
      "cancelled_at" timestamptz null,
      "cancel_reason" text null,
      "cancelled_by_id" int null,
      "reply_text" text null,
      "replied_at" timestamptz null,
      "replied_by_id" int null,
      constraint review_rating_range check (rating >= 1 and rating <= 5));`);
    this.addSql(`alter table "review" add constraint "review_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "review_user_id_index" on "review" ("user_id");`);
    this.addSql(
      `create index "review_merchant_id_status_created_at_index" on "review" ("merchant_id", "status", "created_at");`,
    );
    this.addSql(`create index "review_status_created_at_index" on "review" ("status", "created_at");`);
    this.addSql(
      `alter table "review" add constraint "review_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "review" add constraint "review_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "review" add constraint "review_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "review" add constraint "review_cancelled_by_id_foreign" foreign key ("cancelled_by_id") references "user_account" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "review" add constraint "review_replied_by_id_foreign" foreign key ("replied_by_id") references "user_account" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "review" cascade;`);
  }
}

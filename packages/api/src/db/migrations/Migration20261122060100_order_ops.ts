import { Migration } from '@mikro-orm/migrations';

/** Internal order notes by customer service and admins (`addOrderNote`). */
export class Migration20261122060100_order_ops extends Migration {
  override name = 'Migration20261122060100_order_ops';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "order_note" ("id" serial primary key, "order_id" int not null, "author_id" int null, "text" text not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "order_note_order_id_index" on "order_note" ("order_id");`);
    this.addSql(
      `alter table "order_note" add constraint "order_note_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_note" add constraint "order_note_author_id_foreign" foreign key ("author_id") references "user_account" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "order_note" cascade;`);
  }
}

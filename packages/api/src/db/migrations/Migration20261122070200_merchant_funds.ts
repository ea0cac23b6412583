import { Migration } from '@mikro-orm/migrations';

/**
 * Merchant funds: the append-only ledger and payouts (settlements), plus the ledger of orders paid
 * before it existed. Those orders were paid when there was no commission setting, so their whole
 * total is the merchant's (commission 0), exactly as `orderFundsMovements` would have written it.
 */
export class Migration20261122070200_merchant_funds extends Migration {
  override name = 'Migration20261122070200_merchant_funds';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "payout" ("id" serial primary key, "merchant_id" int not null, "amount_minor" int not null, "currency" varchar(3) not null, "reference" varchar(100) not null, "note" text null, "created_by_id" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "payout_merchant_id_created_at_index" on "payout" ("merchant_id", "created_at");`,
    );
    this.addSql(`alter table "payout" add constraint "payout_amount_positive" check (amount_minor > 0);`);
    this.addSql(
      `alter table "payout" add constraint "payout_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "payout" add constraint "payout_created_by_id_foreign" foreign key ("created_by_id") references "user_account" ("id") on delete set null;`,
    );

    this.addSql(
      `create table "ledger_entry" ("id" serial primary key, "merchant_id" int not null, "order_id" int null, "payout_id" int null, "kind" varchar(20) not null, "bucket" varchar(10) not null, "amount_minor" int not null, "currency" varchar(3) not null, "memo" varchar(500) not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "ledger_entry_order_id_index" on "ledger_entry" ("order_id");`);
    this.addSql(`create index "ledger_entry_payout_id_index" on "ledger_entry" ("payout_id");`);
    this.addSql(
      `create index "ledger_entry_merchant_id_bucket_index" on "ledger_entry" ("merchant_id", "bucket");`,
    );
    this.addSql(
      `create index "ledger_entry_merchant_id_created_at_index" on "ledger_entry" ("merchant_id", "created_at");`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_amount_not_zero" check (amount_minor <> 0);`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "ledger_entry" add constraint "ledger_entry_payout_id_foreign" foreign key ("payout_id") references "payout" ("id") on delete restrict;`,
    );

    // Append-only, whatever code runs against the database: corrections are new entries.
    this.addSql(
      `create or replace function "ledger_entry_ledger_entry_append_only_fn"() returns trigger as $$ begin raise exception 'ledger entries are append-only'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "ledger_entry_append_only" before update or delete on "ledger_entry" for each statement execute function "ledger_entry_ledger_entry_append_only_fn"();`,
    );

    // Backfill: the movements of orders paid before the ledger existed, at the time they happened.
    this.addSql(`insert into "ledger_entry" ("merchant_id", "order_id", "kind", "bucket", "amount_minor", "currency", "memo", "created_at")
      select o.merchant_id, o.id, 'ORDER_PAID', 'PENDING', o.total_minor, o.currency,
             'Order ' || o.number || ' paid', coalesce(o.paid_at, o.created_at)
      from "customer_order" o
      where o.status in ('AWAITING_SHIPMENT', 'SHIPPED', 'COMPLETED', 'FAILED') and o.total_minor > 0
      order by coalesce(o.paid_at, o.created_at), o.id;`);
    this.addSql(`insert into "ledger_entry" ("merchant_id", "order_id", "kind", "bucket", "amount_minor", "currency", "memo", "created_at")
      select o.merchant_id, o.id, 'ORDER_REFUNDED', 'PENDING', -o.total_minor, o.currency,
             'Order ' || o.number || ' failed and was refunded',
             coalesce((select max(h.created_at) from "order_history" h where h.order_id = o.id and h.to_status = 'FAILED'), now())
      from "customer_order" o
      where o.status = 'FAILED' and o.total_minor > 0
      order by o.id;`);
    this.addSql(`insert into "ledger_entry" ("merchant_id", "order_id", "kind", "bucket", "amount_minor", "currency", "memo", "created_at")
      select o.merchant_id, o.id, 'ORDER_COMPLETED', b.bucket, b.sign * o.total_minor, o.currency,
             'Order ' || o.number || ' completed', coalesce(o.completed_at, now())
      from "customer_order" o cross join (values ('PENDING', -1), ('AVAILABLE', 1)) as b(bucket, sign)
      where o.status = 'COMPLETED' and o.total_minor > 0
      order by o.id, b.sign;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "ledger_entry" cascade;`);
    this.addSql(`drop function if exists "ledger_entry_ledger_entry_append_only_fn"();`);
    this.addSql(`drop table if exists "payout" cascade;`);
  }
}

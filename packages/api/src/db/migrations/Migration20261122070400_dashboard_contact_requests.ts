import { Migration } from '@mikro-orm/migrations';

/**
 * Dashboard: indexes for sales per day (paid_at), orders of a period (created_at) — each also per store —
 * and counts by status. Contact requests: who handled one, when, and their note (`resolveContactRequest`),
 * and the staff list's index.
 */
export class Migration20261122070400_dashboard_contact_requests extends Migration {
  override name = 'Migration20261122070400_dashboard_contact_requests';

  override up(): void | Promise<void> {
    this.addSql(`create index "customer_order_status_index" on "customer_order" ("status");`);
    this.addSql(`create index "customer_order_paid_at_index" on "customer_order" ("paid_at");`);
    this.addSql(
      `create index "customer_order_merchant_id_paid_at_index" on "customer_order" ("merchant_id", "paid_at");`,
    );
    this.addSql(`create index "customer_order_created_at_index" on "customer_order" ("created_at");`);
    this.addSql(
      `create index "customer_order_merchant_id_created_at_index" on "customer_order" ("merchant_id", "created_at");`,
    );
    this.addSql(
      `alter table "contact_request" add column "resolved_at" timestamptz null, add column "resolved_by_id" int null, add column "resolution_note" text null;`,
    );
    this.addSql(
      `alter table "contact_request" add constraint "contact_request_resolved_by_id_foreign" foreign key ("resolved_by_id") references "user_account" ("id") on delete set null;`,
    );
    this.addSql(
      `create index "contact_request_status_created_at_index" on "contact_request" ("status", "created_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "contact_request_status_created_at_index";`);
    this.addSql(
      `alter table "contact_request" drop constraint if exists "contact_request_resolved_by_id_foreign";`,
    );
    this.addSql(
      `alter table "contact_request" drop column if exists "resolved_at", drop column if exists "resolved_by_id", drop column if exists "resolution_note";`,
    );
    this.addSql(`drop index if exists "customer_order_merchant_id_created_at_index";`);
    this.addSql(`drop index if exists "customer_order_created_at_index";`);
    this.addSql(`drop index if exists "customer_order_merchant_id_paid_at_index";`);
    this.addSql(`drop index if exists "customer_order_paid_at_index";`);
    this.addSql(`drop index if exists "customer_order_status_index";`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 8, order read paths at 100,000 orders: one (filter…, sort key, id) index per keyset page a
 * user can reach (My Orders, the staff order list by store / status / date / total), replacing the
 * single-column ones they cover, and trigram indexes for the staff search (order number, shopper email).
 */
export class Migration20261122100400_order_read_paths extends Migration {
  override name = 'Migration20261122100400_order_read_paths';

  override up(): void | Promise<void> {
    this.addSql(`drop index if exists "customer_order_user_id_created_at_index";`);
    this.addSql(`drop index if exists "customer_order_merchant_id_created_at_index";`);
    this.addSql(`drop index if exists "customer_order_merchant_id_index";`);
    this.addSql(`drop index if exists "customer_order_status_index";`);
    this.addSql(`drop index if exists "customer_order_created_at_index";`);
    this.addSql(
      `create index "customer_order_user_id_created_at_id_index" on "customer_order" ("user_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "customer_order_user_id_status_created_at_id_index" on "customer_order" ("user_id", "status", "created_at", "id");`,
    );
    this.addSql(
      `create index "customer_order_merchant_id_created_at_id_index" on "customer_order" ("merchant_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "customer_order_merchant_id_status_created_at_id_index" on "customer_order" ("merchant_id", "status", "created_at", "id");`,
    );
    this.addSql(
      `create index "customer_order_merchant_id_total_minor_id_index" on "customer_order" ("merchant_id", "total_minor", "id");`,
    );
    this.addSql(
      `create index "customer_order_status_created_at_id_index" on "customer_order" ("status", "created_at", "id");`,
    );
    this.addSql(
      `create index "customer_order_created_at_id_index" on "customer_order" ("created_at", "id");`,
    );
    this.addSql(
      `create index "customer_order_total_minor_id_index" on "customer_order" ("total_minor", "id");`,
    );
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create index "customer_order_number_trgm" on "customer_order" using gin ("number" gin_trgm_ops);`,
    );
    this.addSql(`create index "user_account_email_trgm" on "user_account" using gin ("email" gin_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "user_account_email_trgm";`);
    this.addSql(`drop index if exists "customer_order_number_trgm";`);
    this.addSql(`drop index if exists "customer_order_total_minor_id_index";`);
    this.addSql(`drop index if exists "customer_order_created_at_id_index";`);
    this.addSql(`drop index if exists "customer_order_status_created_at_id_index";`);
    this.addSql(`drop index if exists "customer_order_merchant_id_total_minor_id_index";`);
    this.addSql(`drop index if exists "customer_order_merchant_id_status_created_at_id_index";`);
    this.addSql(`drop index if exists "customer_order_merchant_id_created_at_id_index";`);
    this.addSql(`drop index if exists "customer_order_user_id_status_created_at_id_index";`);
    this.addSql(`drop index if exists "customer_order_user_id_created_at_id_index";`);
    this.addSql(`create index "customer_order_created_at_index" on "customer_order" ("created_at");`);
    this.addSql(`create index "customer_order_status_index" on "customer_order" ("status");`);
    this.addSql(`create index "customer_order_merchant_id_index" on "customer_order" ("merchant_id");`);
    this.addSql(
      `create index "customer_order_merchant_id_created_at_index" on "customer_order" ("merchant_id", "created_at");`,
    );
    this.addSql(
      `create index "customer_order_user_id_created_at_index" on "customer_order" ("user_id", "created_at");`,
    );
  }
}

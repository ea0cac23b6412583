import { Migration } from '@mikro-orm/migrations';

/** A shopper's payment history, newest first: its keyset `(created_at, id) < (…)` is an index condition. */
export class Migration20261122120000_payment_history_keyset extends Migration {
  override name = 'Migration20261122120000_payment_history_keyset';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "payment_user_id_created_at_id_index" on "payment" ("user_id", "created_at", "id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "payment_user_id_created_at_id_index";`);
  }
}

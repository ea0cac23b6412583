import { Migration } from '@mikro-orm/migrations';

/** The order's shipping address snapshot keeps the region, like the address book (core `checkAddress`). */
export class Migration20261122030000_order_address_region extends Migration {
  override name = 'Migration20261122030000_order_address_region';

  override up(): void | Promise<void> {
    this.addSql(`alter table "customer_order" add column "ship_region" varchar(100) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customer_order" drop column "ship_region";`);
  }
}

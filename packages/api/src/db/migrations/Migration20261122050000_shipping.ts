import { Migration } from '@mikro-orm/migrations';

/** A shipped order keeps the carrier and tracking number the merchant gave (`shipOrders`). */
export class Migration20261122050000_shipping extends Migration {
  override name = 'Migration20261122050000_shipping';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "customer_order" add column "shipping_carrier" varchar(60) null, add column "tracking_number" varchar(60) null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "customer_order" drop column "shipping_carrier", drop column "tracking_number";`,
    );
  }
}

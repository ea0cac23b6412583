import { Migration } from '@mikro-orm/migrations';

/**
 * Safe freezes of stores (with the effects `freezeMerchant` reported and their lifting) and claims
 * filed for users harmed by a store: the orders and users they concern and the compensations paid.
 */
export class Migration20261122080300_safe_freeze_claims extends Migration {
  override name = 'Migration20261122080300_safe_freeze_claims';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "safe_freeze" ("id" serial primary key, "merchant_id" int not null, "reason" varchar(500) not null, "previous_status" varchar(20) not null, "frozen_by_id" int null, "frozen_at" timestamptz not null default now(), "effects" jsonb not null, "lifted_at" timestamptz null, "lifted_by_id" int null, "lift_reason" varchar(500) null);`,
    );
    this.addSql(
      `create index "safe_freeze_merchant_id_frozen_at_index" on "safe_freeze" ("merchant_id", "frozen_at");`,
    );
    this.addSql(
      `create table "claim" ("id" serial primary key, "merchant_id" int not null, "title" varchar(200) not null, "description" text not null, "evidence" text not null default '', "attachments" jsonb not null, "status" varchar(10) not null default 'OPEN', "outcome" varchar(20) null, "decision_note" text null, "filed_by_id" int null, "created_at" timestamptz not null default now(), "decided_by_id" int null, "decided_at" timestamptz null);`,
    );
    this.addSql(`create index "claim_merchant_id_status_index" on "claim" ("merchant_id", "status");`);
    this.addSql(`create index "claim_status_created_at_index" on "claim" ("status", "created_at");`);
    this.addSql(
      `create table "claim_order" ("id" serial primary key, "claim_id" int not null, "order_id" int not null);`,
    );
    this.addSql(`create index "claim_order_order_id_index" on "claim_order" ("order_id");`);
    this.addSql(
      `alter table "claim_order" add constraint "claim_order_claim_id_order_id_unique" unique ("claim_id", "order_id");`,
    );
    this.addSql(
      `create table "claim_user" ("id" serial primary key, "claim_id" int not null, "user_id" int not null);`,
    );
    this.addSql(`create index "claim_user_user_id_index" on "claim_user" ("user_id");`);
    this.addSql(
      `alter table "claim_user" add constraint "claim_user_claim_id_user_id_unique" unique ("claim_id", "user_id");`,
    );
    this.addSql(
      `create table "claim_compensation" ("id" serial primary key, "claim_id" int not null, "order_id" int not null, "refund_id" int not null, "amount_minor" int not null, "currency" varchar(3) not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "claim_compensation_claim_id_index" on "claim_compensation" ("claim_id");`);
    this.addSql(`create index "claim_compensation_order_id_index" on "claim_compensation" ("order_id");`);
    this.addSql(`create index "claim_compensation_refund_id_index" on "claim_compensation" ("refund_id");`);

    const fk = (table: string, column: string, target: string, rule: string) =>
      this.addSql(
        `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on delete ${rule};`,
      );
    fk('safe_freeze', 'merchant_id', 'merchant', 'restrict');
    fk('safe_freeze', 'frozen_by_id', 'user_account', 'set null');
    fk('safe_freeze', 'lifted_by_id', 'user_account', 'set null');
    fk('claim', 'merchant_id', 'merchant', 'restrict');
    fk('claim', 'filed_by_id', 'user_account', 'set null');
    fk('claim', 'decided_by_id', 'user_account', 'set null');
    fk('claim_order', 'claim_id', 'claim', 'cascade');
    fk('claim_order', 'order_id', 'customer_order', 'restrict');
    fk('claim_user', 'claim_id', 'claim', 'cascade');
    fk('claim_user', 'user_id', 'user_account', 'restrict');
    fk('claim_compensation', 'claim_id', 'claim', 'restrict');
    fk('claim_compensation', 'order_id', 'customer_order', 'restrict');
    fk('claim_compensation', 'refund_id', 'payment_refund', 'restrict');
  }

  override down(): void | Promise<void> {
    for (const table of ['claim_compensation', 'claim_user', 'claim_order', 'claim', 'safe_freeze']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}

import { Migration } from '@mikro-orm/migrations';

/** Payments (attempts, refunds, webhook events) and consulting (order keys, reports, key throttling). */
export class Migration20261122040000_payments extends Migration {
  override name = 'Migration20261122040000_payments';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "order_key_failure" ("id" serial primary key, "ip" varchar(64) not null, "order_number" varchar(40) not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "order_key_failure_order_number_created_at_index" on "order_key_failure" ("order_number", "created_at");`,
    );
    this.addSql(
      `create index "order_key_failure_ip_created_at_index" on "order_key_failure" ("ip", "created_at");`,
    );
    this.addSql(
      `create table "payment_webhook_event" ("id" serial primary key, "provider" varchar(20) not null, "event_id" varchar(100) not null, "event_type" varchar(80) not null, "resource_id" varchar(100) null, "received_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "payment_webhook_event" add constraint "payment_webhook_event_provider_event_id_unique" unique ("provider", "event_id");`,
    );
    this.addSql(
      `create table "payment" ("id" serial primary key, "reference" varchar(24) not null, "checkout_id" int not null, "user_id" int not null, "idempotency_key" varchar(100) not null, "method" varchar(20) not null, "status" varchar(20) not null, "currency" varchar(3) not null, "amount_minor" int not null, "refunded_minor" int not null default 0, "gateway_order_id" varchar(64) null, "gateway_payment_id" varchar(64) null, "approval_url" varchar(2000) null, "card_token" varchar(200) null, "challenge_id" varchar(64) null, "phone_hint" varchar(40) null, "card_brand" varchar(20) null, "card_last4" varchar(4) null, "card_exp_month" smallint null, "card_exp_year" smallint null, "payer_email" varchar(320) null, "payer_id" varchar(40) null, "failure_code" varchar(40) null, "failure_message" varchar(500) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "succeeded_at" timestamptz null, "ended_at" timestamptz null);`,
    );
    this.addSql(`alter table "payment" add constraint "payment_reference_unique" unique ("reference");`);
    this.addSql(`create index "payment_checkout_id_index" on "payment" ("checkout_id");`);
    this.addSql(
      `alter table "payment" add constraint "payment_gateway_order_id_unique" unique ("gateway_order_id");`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_gateway_payment_id_unique" unique ("gateway_payment_id");`,
    );
    this.addSql(`create index "payment_status_updated_at_index" on "payment" ("status", "updated_at");`);
    this.addSql(
      `alter table "payment" add constraint "payment_user_id_idempotency_key_unique" unique ("user_id", "idempotency_key");`,
    );
    this.addSql(
      `create table "payment_refund" ("id" serial primary key, "reference" varchar(24) not null, "payment_id" int not null, "order_id" int null, "amount_minor" int not null, "currency" varchar(3) not null, "status" varchar(10) not null, "gateway_refund_id" varchar(64) null, "reason" text null, "requested_by_id" int null, "failure_code" varchar(40) null, "failure_message" varchar(500) null, "created_at" timestamptz not null default now(), "completed_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "payment_refund" add constraint "payment_refund_reference_unique" unique ("reference");`,
    );
    this.addSql(`create index "payment_refund_payment_id_index" on "payment_refund" ("payment_id");`);
    this.addSql(`create index "payment_refund_order_id_index" on "payment_refund" ("order_id");`);
    this.addSql(
      `alter table "payment_refund" add constraint "payment_refund_gateway_refund_id_unique" unique ("gateway_refund_id");`,
    );
    this.addSql(
      `create table "order_key" ("id" serial primary key, "order_id" int not null, "key_hash" varchar(64) not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "order_key" add constraint "order_key_order_id_unique" unique ("order_id");`);
    this.addSql(
      `create table "consultation_report" ("id" serial primary key, "order_id" int not null, "title" varchar(200) not null, "body" text not null, "delivered_by_id" int null, "delivered_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "consultation_report" add constraint "consultation_report_order_id_unique" unique ("order_id");`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_checkout_id_foreign" foreign key ("checkout_id") references "checkout" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_amounts_valid" check (amount_minor > 0 and refunded_minor >= 0 and refunded_minor <= amount_minor);`,
    );
    this.addSql(
      `alter table "payment_refund" add constraint "payment_refund_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "payment_refund" add constraint "payment_refund_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "payment_refund" add constraint "payment_refund_requested_by_id_foreign" foreign key ("requested_by_id") references "user_account" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "payment_refund" add constraint "payment_refund_amount_positive" check (amount_minor > 0);`,
    );
    this.addSql(
      `alter table "order_key" add constraint "order_key_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "consultation_report" add constraint "consultation_report_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "consultation_report" add constraint "consultation_report_delivered_by_id_foreign" foreign key ("delivered_by_id") references "user_account" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "order_cancellation_request" add "decided_by_id" int null, add "decision_reason" text null;`,
    );
    this.addSql(
      `alter table "order_cancellation_request" add constraint "order_cancellation_request_decided_by_id_foreign" foreign key ("decided_by_id") references "user_account" ("id") on delete set null;`,
    );
    // At most one captured and at most one in-flight payment per checkout, whatever the code does.
    this.addSql(
      `create unique index "payment_one_capture_per_checkout" on "payment" ("checkout_id") where "status" in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED');`,
    );
    this.addSql(
      `create unique index "payment_one_in_flight_per_checkout" on "payment" ("checkout_id") where "status" in ('PENDING', 'REQUIRES_ACTION');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "order_cancellation_request" drop constraint "order_cancellation_request_decided_by_id_foreign";`,
    );
    this.addSql(
      `alter table "order_cancellation_request" drop column "decided_by_id", drop column "decision_reason";`,
    );
    this.addSql(`drop table if exists "order_key_failure" cascade;`);
    this.addSql(`drop table if exists "consultation_report" cascade;`);
    this.addSql(`drop table if exists "order_key" cascade;`);
    this.addSql(`drop table if exists "payment_webhook_event" cascade;`);
    this.addSql(`drop table if exists "payment_refund" cascade;`);
    this.addSql(`drop table if exists "payment" cascade;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks (modules/webhooks): subscriptions (a store's, or the platform's with merchant_id null) with
 * their HMAC shared secret, events (public id `evt_…`, type, payload) and deliveries (one event to one
 * subscription: state, attempts as JSON, next retry; a manual replay is a new delivery of the same event).
 */
export class Migration20261122090300_webhooks extends Migration {
  override name = 'Migration20261122090300_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_subscription" (
      "id" serial primary key,
      "merchant_id" int null,
      "url" text not null,
      "events" jsonb not null,
      "description" text not null default '',
      "secret" varchar(100) not null,
      "active" boolean not null default true,
      "created_by_id" int null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(
      `create index "webhook_subscription_merchant_id_index" on "webhook_subscription" ("merchant_id");`,
    );
    this.addSql(
      `alter table "webhook_subscription" add constraint "webhook_subscription_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_subscription" add constraint "webhook_subscription_created_by_id_foreign" foreign key ("created_by_id") references "user_account" ("id") on delete set null;`,
    );

    this.addSql(`create table "webhook_event" (
      "id" serial primary key,
      "public_id" varchar(40) not null,
      "type" varchar(40) not null,
      "merchant_id" int null,
      "payload" jsonb not null,
      "created_at" timestamptz not null default now());`);
    this.addSql(
      `alter table "webhook_event" add constraint "webhook_event_public_id_unique" unique ("public_id");`,
    );
    this.addSql(`create index "webhook_event_merchant_id_index" on "webhook_event" ("merchant_id");`);
    this.addSql(
      `alter table "webhook_event" add constraint "webhook_event_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete cascade;`,
    );

    this.addSql(`create table "webhook_delivery" (
      "id" serial primary key,
      "subscription_id" int not null,
      "event_id" int not null,
      "state" varchar(20) not null default 'PENDING',
      "attempt_count" int not null default 0,
      "attempts" jsonb not null,
      "next_attempt_at" timestamptz null,
      "replay_of_id" int null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(
      `create index "webhook_delivery_subscription_id_id_index" on "webhook_delivery" ("subscription_id", "id");`,
    );
    this.addSql(`create index "webhook_delivery_event_id_index" on "webhook_delivery" ("event_id");`);
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_foreign" foreign key ("subscription_id") references "webhook_subscription" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "webhook_event" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_replay_of_id_foreign" foreign key ("replay_of_id") references "webhook_delivery" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists "webhook_delivery" cascade;');
    this.addSql('drop table if exists "webhook_event" cascade;');
    this.addSql('drop table if exists "webhook_subscription" cascade;');
  }
}

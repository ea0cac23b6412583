import { Migration } from '@mikro-orm/migrations';

/**
 * In-site messages: conversations (shopper/merchant ↔ platform, shopper ↔ merchant about an order),
 * their messages (people's plain text, or system notices in English and Traditional Chinese) and
 * per-person read markers for unread counts.
 */
export class Migration20261122080400_messages extends Migration {
  override name = 'Migration20261122080400_messages';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "conversation" ("id" serial primary key, "kind" varchar(20) not null, "subject" varchar(200) not null, "subject_zh_tw" varchar(200) null, "user_id" int null, "merchant_id" int null, "order_id" int null, "started_by_id" int null, "contact_request_id" int null, "thread_key" varchar(120) null, "message_count" int not null default 0, "last_message_at" timestamptz not null default now(), "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "conversation_user_id_index" on "conversation" ("user_id");`);
    this.addSql(`create index "conversation_merchant_id_index" on "conversation" ("merchant_id");`);
    this.addSql(`create index "conversation_order_id_index" on "conversation" ("order_id");`);
    this.addSql(
      `create index "conversation_last_message_at_id_index" on "conversation" ("last_message_at", "id");`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_thread_key_unique" unique ("thread_key");`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_contact_request_id_foreign" foreign key ("contact_request_id") references "contact_request" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "conversation" add constraint "conversation_started_by_id_foreign" foreign key ("started_by_id") references "user_account" ("id") on delete set null;`,
    );

    this.addSql(
      `create table "conversation_message" ("id" serial primary key, "conversation_id" int not null, "kind" varchar(20) not null default 'USER', "sender_side" varchar(10) not null, "sender_id" int null, "body" text not null, "body_zh_tw" text null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "conversation_message_conversation_id_id_index" on "conversation_message" ("conversation_id", "id");`,
    );
    this.addSql(
      `alter table "conversation_message" add constraint "conversation_message_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "conversation_message" add constraint "conversation_message_sender_id_foreign" foreign key ("sender_id") references "user_account" ("id") on delete set null;`,
    );

    this.addSql(
      `create table "conversation_read" ("conversation_id" int not null, "user_id" int not null, "last_read_message_id" int not null default 0, "read_at" timestamptz not null default now(), primary key ("conversation_id", "user_id"));`,
    );
    this.addSql(`create index "conversation_read_user_id_index" on "conversation_read" ("user_id");`);
    this.addSql(
      `alter table "conversation_read" add constraint "conversation_read_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "conversation_read" add constraint "conversation_read_user_id_foreign" foreign key ("user_id") references "user_account" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "conversation_read" cascade;`);
    this.addSql(`drop table if exists "conversation_message" cascade;`);
    this.addSql(`drop table if exists "conversation" cascade;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261122010546_email_outbox extends Migration {
  override name = 'Migration20261122010546_email_outbox';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "email_message" ("id" serial primary key, "to" varchar(320) not null, "locale" varchar(10) not null, "template" varchar(80) not null, "subject" varchar(300) not null, "text" text not null, "html" text null, "status" varchar(10) not null default 'PENDING', "transport" varchar(20) null, "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null);`,
    );
    this.addSql(`create index "email_message_to_created_at_index" on "email_message" ("to", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "email_message" cascade;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261122110300_job_worker_heartbeat extends Migration {
  override name = 'Migration20261122110300_job_worker_heartbeat';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "job_worker" ("id" varchar(100) not null, "host" varchar(255) not null, "pid" int not null, "started_at" timestamptz not null default now(), "seen_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "job_worker_seen_at_index" on "job_worker" ("seen_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "job_worker" cascade;`);
  }
}

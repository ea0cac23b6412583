import { Migration } from '@mikro-orm/migrations';

/**
 * Penalties (issue 6, T2): the editable rule list (seeded with the penalty rules of seed 001), violations
 * (each one a warning with a 3-day correction deadline), sanctions (general/safe freeze, deletion) and
 * the append-only audit log.
 */
export class Migration20261122080200_penalties extends Migration {
  override name = 'Migration20261122080200_penalties';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "penalty_rule" ("id" serial primary key, "code" varchar(60) not null, "title_en" varchar(200) not null, "title_zh" varchar(200) not null, "description_en" text not null default '', "description_zh" text not null default '', "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "penalty_rule" add constraint "penalty_rule_code_unique" unique ("code");`);

    this.addSql(
      `create table "violation" ("id" serial primary key, "subject_type" varchar(10) not null, "user_id" int null, "merchant_id" int null, "rule_id" int not null, "evidence" text not null, "attachments" jsonb not null default '[]', "note" text null, "status" varchar(25) not null default 'OPEN', "recorded_at" timestamptz not null, "correction_due_at" timestamptz not null, "recorded_by_id" int null, "repeat_of_id" int null, "correction_requested_at" timestamptz null, "correction_note" text null, "corrected_at" timestamptz null, "corrected_by_id" int null);`,
    );
    this.addSql(`create index "violation_rule_id_index" on "violation" ("rule_id");`);
    this.addSql(`create index "violation_repeat_of_id_index" on "violation" ("repeat_of_id");`);
    this.addSql(
      `create index "violation_user_id_recorded_at_index" on "violation" ("user_id", "recorded_at");`,
    );
    this.addSql(
      `create index "violation_merchant_id_recorded_at_index" on "violation" ("merchant_id", "recorded_at");`,
    );
    this.addSql(
      `create index "violation_status_recorded_at_index" on "violation" ("status", "recorded_at");`,
    );
    this.addSql(
      `alter table "violation" add constraint "violation_one_subject" check ((user_id is null) <> (merchant_id is null));`,
    );
    for (const [column, table] of [
      ['user_id', 'user_account'],
      ['merchant_id', 'merchant'],
      ['rule_id', 'penalty_rule'],
      ['recorded_by_id', 'user_account'],
      ['repeat_of_id', 'violation'],
      ['corrected_by_id', 'user_account'],
    ]) {
      this.addSql(
        `alter table "violation" add constraint "violation_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on delete restrict;`,
      );
    }

    this.addSql(
      `create table "sanction" ("id" serial primary key, "kind" varchar(20) not null, "subject_type" varchar(10) not null, "user_id" int null, "merchant_id" int null, "violation_id" int null, "reason" text not null, "automatic" boolean not null default false, "starts_at" timestamptz not null, "ends_at" timestamptz null, "lifted_at" timestamptz null, "lifted_by_id" int null, "lift_reason" text null, "created_by_id" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "sanction_violation_id_index" on "sanction" ("violation_id");`);
    this.addSql(`create index "sanction_user_id_kind_index" on "sanction" ("user_id", "kind");`);
    this.addSql(`create index "sanction_merchant_id_kind_index" on "sanction" ("merchant_id", "kind");`);
    this.addSql(`create index "sanction_starts_at_index" on "sanction" ("starts_at");`);
    this.addSql(
      `alter table "sanction" add constraint "sanction_one_subject" check ((user_id is null) <> (merchant_id is null));`,
    );
    for (const [column, table] of [
      ['user_id', 'user_account'],
      ['merchant_id', 'merchant'],
      ['violation_id', 'violation'],
      ['lifted_by_id', 'user_account'],
      ['created_by_id', 'user_account'],
    ]) {
      this.addSql(
        `alter table "sanction" add constraint "sanction_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on delete restrict;`,
      );
    }

    this.addSql(
      `create table "audit_log_entry" ("id" serial primary key, "actor_id" int null, "action" varchar(80) not null, "subject_type" varchar(30) not null, "subject_id" int not null, "before" jsonb null, "after" jsonb null, "reason" text null, "request_id" varchar(100) null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "audit_log_entry_actor_id_index" on "audit_log_entry" ("actor_id");`);
    this.addSql(
      `create index "audit_log_entry_subject_type_subject_id_created_at_index" on "audit_log_entry" ("subject_type", "subject_id", "created_at");`,
    );
    this.addSql(
      `create index "audit_log_entry_action_created_at_index" on "audit_log_entry" ("action", "created_at");`,
    );
    this.addSql(`create index "audit_log_entry_created_at_index" on "audit_log_entry" ("created_at");`);
    this.addSql(
      `alter table "audit_log_entry" add constraint "audit_log_entry_actor_id_foreign" foreign key ("actor_id") references "user_account" ("id") on delete restrict;`,
    );
    // Append-only, whatever code runs against the database.
    this.addSql(
      `create or replace function "audit_log_entry_audit_log_entry_append_only_fn"() returns trigger as $$ begin raise exception 'audit log entries are append-only'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "audit_log_entry_append_only" before update or delete on "audit_log_entry" for each statement execute function "audit_log_entry_audit_log_entry_append_only_fn"();`,
    );

    // The penalty rules of seed 001 (user agreement, merchant service agreement, and the serious violations).
    this.addSql(`insert into "penalty_rule" ("code", "title_en", "title_zh", "description_en", "description_zh") values
      ('USER_AGREEMENT', 'Breach of the user agreement', '違反使用者條款', 'The user acted against the platform''s user agreement.', '使用者違反平台的使用者條款。'),
      ('MERCHANT_AGREEMENT', 'Breach of the merchant service agreement', '違反商家服務條款', 'The merchant acted against the merchant service agreement.', '商家違反平台的商家服務條款。'),
      ('COUNTERFEIT_GOODS', 'Selling counterfeit goods', '販售仿冒品', 'There is conclusive evidence that the merchant sells fakes.', '有確切證據顯示商家販售仿冒商品。'),
      ('REFUSED_RETURN', 'Refusing a reasonable return request', '拒絕合理的退貨要求', 'The merchant rejected a shopper''s reasonable return request.', '商家拒絕了買家合理的退貨要求。'),
      ('COMMUNITY_DISRUPTION', 'Seriously disrupting the community', '嚴重干擾社群秩序', 'Behaviour that seriously interferes with the normal atmosphere of the community.', '嚴重干擾社群正常氛圍的行為。'),
      ('TRANSACTION_SECURITY', 'Threatening transaction or funds security', '危害交易或資金安全', 'A serious threat to the security of transactions or funds on the platform.', '對平台交易或資金安全構成嚴重威脅。');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_log_entry" cascade;`);
    this.addSql(`drop function if exists "audit_log_entry_audit_log_entry_append_only_fn"();`);
    this.addSql(`drop table if exists "sanction" cascade;`);
    this.addSql(`drop table if exists "violation" cascade;`);
    this.addSql(`drop table if exists "penalty_rule" cascade;`);
  }
}

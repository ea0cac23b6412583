import { Migration } from '@mikro-orm/migrations';
import { accountRestrictions } from '../../modules/help/help-articles.content.js';

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Capabilities (issue 6). No schema change: `user_account.status` (varchar 20) now also holds GENERAL_FROZEN
 * and DELETED (core ACCOUNT_STATUSES). Adds the help article "Account restrictions" to databases whose help
 * center was already loaded; an empty help center gets it from the seed with the other articles.
 */
export class Migration20261122080100_capabilities extends Migration {
  override name = 'Migration20261122080100_capabilities';

  override up(): void | Promise<void> {
    const a = accountRestrictions;
    const values = [a.slug, a.topic, a.titleEn, a.titleZh, a.summaryEn, a.summaryZh, a.bodyEn, a.bodyZh];
    this.addSql(
      `insert into "help_article" ("slug", "topic", "title_en", "title_zh", "summary_en", "summary_zh", "body_en", "body_zh", "position")
       select ${values.map(literal).join(', ')}, coalesce(max("position"), -1) + 1 from "help_article"
       having count(*) > 0
       on conflict ("slug") do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "help_article" where "slug" = 'account-restrictions';`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/** Every attachment path of every violation → `evidence/<uploadId>`, order kept (exported for its test). */
export const PRIVATE_EVIDENCE_UP = `update "violation" set "attachments" = (select jsonb_agg(jsonb_set(a, '{path}', to_jsonb('evidence/' || (a ->> 'uploadId'))) order by n) from jsonb_array_elements("attachments") with ordinality as t(a, n)) where jsonb_array_length("attachments") > 0;`;

/**
 * Violation evidence images leave the public `products/` media directory for `evidence/`, served only to
 * the parties allowed (modules/penalties/evidence-media.ts). Files of violations recorded before this
 * migration are moved on their first authorized read.
 */
export class Migration20261122110200_private_evidence extends Migration {
  override name = 'Migration20261122110200_private_evidence';

  override up(): void | Promise<void> {
    this.addSql(PRIVATE_EVIDENCE_UP);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `update "violation" set "attachments" = (select jsonb_agg(jsonb_set(a, '{path}', to_jsonb('products/' || (a ->> 'uploadId'))) order by n) from jsonb_array_elements("attachments") with ordinality as t(a, n)) where jsonb_array_length("attachments") > 0;`,
    );
  }
}

import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type HelpTopic = 'SHOPPING' | 'ORDERS' | 'PAYMENT' | 'RULES';

/**
 * A help-center article in English and Traditional Chinese, editable by platform staff.
 * Bodies are plain text: blocks separated by a blank line; a block of `- ` lines is a bullet list,
 * a block of `1. ` lines a numbered list, a line starting with `## ` a subheading. No HTML.
 */
@Entity({ tableName: 'help_article' })
export class HelpArticleEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** URL name, e.g. `order-statuses`; `contact` is taken by the contact form's page. */
  @Property({ type: 'string', length: 80, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 20 })
  topic!: HelpTopic;

  /** Order within the help center (ascending). */
  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;

  @Property({ type: 'string', length: 200 })
  titleEn!: string;

  @Property({ type: 'string', length: 200 })
  titleZh!: string;

  @Property({ type: 'string', length: 500 })
  summaryEn!: string;

  @Property({ type: 'string', length: 500 })
  summaryZh!: string;

  @Property({ type: 'text' })
  bodyEn!: string;

  @Property({ type: 'text' })
  bodyZh!: string;

  @Property({ type: 'boolean', default: true })
  published: Opt<boolean> = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

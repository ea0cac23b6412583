import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../orders-admin/orders-admin.types.js';
import type { HelpArticleEntity } from './help-article.entity.js';
import type { HelpArticleErrorCode as Code } from './help-admin.service.js';
import { HelpTopic } from './help.types.js';

@ObjectType('StaffHelpArticle', {
  description: 'A help-center article in the editor: both languages, drafts included.',
})
export class StaffHelpArticle {
  @Field(() => ID, { description: 'The article’s global ID (the same as `HelpArticle.id`).' })
  id!: string;

  @Field({ description: 'URL name, e.g. `order-statuses`.' })
  slug!: string;

  @Field(() => HelpTopic, { description: 'The help-center section.' })
  topic!: HelpTopic;

  @Field(() => Int, { description: 'Order within the help center (ascending).' })
  position!: number;

  @Field({ description: 'Title in English (may be empty in a draft).' })
  titleEn!: string;

  @Field({ description: 'Title in Traditional Chinese (may be empty in a draft).' })
  titleZh!: string;

  @Field({ description: 'Summary in English.' })
  summaryEn!: string;

  @Field({ description: 'Summary in Traditional Chinese.' })
  summaryZh!: string;

  @Field({ description: 'Body in English, in the help-center body format (see `HelpArticle.body`).' })
  bodyEn!: string;

  @Field({ description: 'Body in Traditional Chinese, same format.' })
  bodyZh!: string;

  @Field({ description: 'Whether shoppers see it in the help center.' })
  published!: boolean;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt!: Date;

  static from(row: HelpArticleEntity): StaffHelpArticle {
    return Object.assign(new StaffHelpArticle(), {
      id: toGlobalId('HelpArticle', row.id),
      slug: row.slug,
      topic: row.topic,
      position: row.position,
      titleEn: row.titleEn,
      titleZh: row.titleZh,
      summaryEn: row.summaryEn,
      summaryZh: row.summaryZh,
      bodyEn: row.bodyEn,
      bodyZh: row.bodyZh,
      published: row.published,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

const { Connection } = connectionTypes(StaffHelpArticle, 'StaffHelpArticle');
@ObjectType('StaffHelpArticleConnection', { description: 'A page of help-center articles.' })
export class StaffHelpArticleConnection extends Connection {}

export const HelpArticleErrorCode = {
  ARTICLE_NOT_FOUND: 'ARTICLE_NOT_FOUND',
  INVALID_SLUG: 'INVALID_SLUG',
  SLUG_TAKEN: 'SLUG_TAKEN',
  INVALID_FIELD: 'INVALID_FIELD',
  INCOMPLETE_TRANSLATION: 'INCOMPLETE_TRANSLATION',
} as const satisfies Record<Code, Code>;
registerEnumType(HelpArticleErrorCode, {
  name: 'HelpArticleErrorCode',
  description: 'Why a help-article mutation refused.',
  valuesConfig: {
    ARTICLE_NOT_FOUND: { description: 'There is no article with this ID.' },
    INVALID_SLUG: { description: 'Not lower-case words joined by dashes (1–80 characters), or reserved.' },
    SLUG_TAKEN: { description: 'Another article has this slug.' },
    INVALID_FIELD: {
      description: 'A field is too long, a title is missing, or the position is out of range.',
    },
    INCOMPLETE_TRANSLATION: {
      description:
        'A published article needs title, summary and body in both languages (`field` names the empty one).',
    },
  },
});

@ObjectType('HelpArticleUserError', {
  implements: BaseUserError,
  description: 'Why the article is unchanged.',
})
export class HelpArticleUserError extends BaseUserError {
  @Field(() => HelpArticleErrorCode, { description: 'Machine-readable reason.' })
  code!: Code;
}

@InputType('HelpArticleInput', {
  description: 'Fields of a help-center article; omitted fields stay (update).',
})
export class HelpArticleInput {
  @Field(() => String, { nullable: true, description: 'URL name (required to create).' })
  slug?: string | null;

  @Field(() => HelpTopic, { nullable: true, description: 'Section (required to create).' })
  topic?: HelpTopic | null;

  @Field(() => Int, { nullable: true, description: 'Order within the help center, 0–10000.' })
  position?: number | null;

  @Field(() => String, { nullable: true, description: 'Title in English (at most 200 characters).' })
  titleEn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Title in Traditional Chinese (at most 200 characters).',
  })
  titleZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Summary in English (at most 500 characters).' })
  summaryEn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Summary in Traditional Chinese (at most 500 characters).',
  })
  summaryZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Body in English (help-center body format).' })
  bodyEn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Body in Traditional Chinese (help-center body format).',
  })
  bodyZh?: string | null;
}

@ObjectType('HelpArticlePayload', { description: 'Result of the help-article mutations.' })
export class HelpArticlePayload {
  @Field(() => StaffHelpArticle, { nullable: true, description: 'The article as saved.' })
  article!: StaffHelpArticle | null;

  @Field(() => [HelpArticleUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: HelpArticleUserError[];
}

export const StaffHelpArticleSortField = {
  POSITION: 'POSITION',
  UPDATED_AT: 'UPDATED_AT',
  TITLE_EN: 'TITLE_EN',
  TITLE_ZH: 'TITLE_ZH',
} as const;
registerEnumType(StaffHelpArticleSortField, {
  name: 'StaffHelpArticleSortField',
  description: 'How `staffHelpArticles` is sorted.',
  valuesConfig: {
    POSITION: { description: 'Help-center order (the storefront’s): position, then creation.' },
    UPDATED_AT: { description: 'When the article was last changed.' },
    TITLE_EN: { description: 'The English title, alphabetically.' },
    TITLE_ZH: { description: 'The Traditional Chinese title.' },
  },
});

@InputType('StaffHelpArticlesSort', { description: 'Order of `staffHelpArticles`.' })
export class StaffHelpArticlesSort {
  @Field(() => StaffHelpArticleSortField, { defaultValue: 'POSITION', description: 'Sort key.' })
  field!: keyof typeof StaffHelpArticleSortField;

  @Field(() => SortDirection, { defaultValue: 'ASC', description: 'Direction.' })
  direction!: keyof typeof SortDirection;
}

@InputType('StaffHelpArticlesFilter', { description: 'Narrows `staffHelpArticles`.' })
export class StaffHelpArticlesFilter {
  @Field(() => String, { nullable: true, description: 'Part of the slug or of either title.' })
  query?: string | null;

  @Field(() => HelpTopic, { nullable: true, description: 'Only this section.' })
  topic?: HelpTopic | null;

  @Field(() => Boolean, { nullable: true, description: 'Only published (true) or only drafts (false).' })
  published?: boolean | null;
}

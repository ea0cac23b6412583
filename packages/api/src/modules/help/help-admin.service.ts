import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { characterCount } from '@marketplace/core';
import { inTransaction } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { HelpArticleEntity, type HelpTopic } from './help-article.entity.js';

type Err<C extends string> = { code: C; message: string; field: string[] | null };

export type HelpArticleErrorCode =
  | 'ARTICLE_NOT_FOUND'
  | 'INVALID_SLUG'
  | 'SLUG_TAKEN'
  | 'INVALID_FIELD'
  | 'INCOMPLETE_TRANSLATION';

export interface HelpArticleFields {
  slug?: string | null;
  topic?: HelpTopic | null;
  position?: number | null;
  titleEn?: string | null;
  titleZh?: string | null;
  summaryEn?: string | null;
  summaryZh?: string | null;
  bodyEn?: string | null;
  bodyZh?: string | null;
}

export interface StaffHelpArticlesFilter {
  query?: string | null;
  topic?: HelpTopic | null;
  published?: boolean | null;
}

type TextField = 'titleEn' | 'titleZh' | 'summaryEn' | 'summaryZh' | 'bodyEn' | 'bodyZh';
const LIMITS: Record<TextField, number> = {
  titleEn: 200,
  titleZh: 200,
  summaryEn: 500,
  summaryZh: 500,
  bodyEn: 50_000,
  bodyZh: 50_000,
};
const TEXT_FIELDS = Object.keys(LIMITS) as TextField[];
/** Lower-case words joined by single dashes; `contact` is the contact form's page. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED_SLUGS = new Set(['contact']);

type Result = { article: HelpArticleEntity | null; userErrors: Err<HelpArticleErrorCode>[] };

/** The fields a published article must have in both languages, that are empty in this one. */
export function missingTranslations(a: Pick<HelpArticleEntity, TextField>): TextField[] {
  return TEXT_FIELDS.filter((f) => a[f].trim() === '');
}

/**
 * The help-center editor (platform admins only): drafts may be incomplete; an article is published
 * only with its title, summary and body in both English and Traditional Chinese.
 */
export class HelpAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  private admin(): Viewer {
    return requireRole(this.viewer, 'ADMIN');
  }

  private check(input: HelpArticleFields): {
    errors: Err<HelpArticleErrorCode>[];
    values: Partial<HelpArticleEntity>;
  } {
    const errors: Err<HelpArticleErrorCode>[] = [];
    const values: Partial<HelpArticleEntity> = {};
    if (input.slug != null) {
      const slug = input.slug.trim();
      if (slug.length > 80 || !SLUG.test(slug) || RESERVED_SLUGS.has(slug))
        errors.push(
          userError(
            'INVALID_SLUG',
            'A slug has 1–80 lower-case letters and digits in words joined by single dashes (not “contact”).',
            ['input', 'slug'],
          ),
        );
      else values.slug = slug;
    }
    if (input.topic != null) values.topic = input.topic;
    if (input.position != null) {
      if (!Number.isInteger(input.position) || input.position < 0 || input.position > 10_000)
        errors.push(
          userError('INVALID_FIELD', 'The position is a whole number from 0 to 10000.', [
            'input',
            'position',
          ]),
        );
      else values.position = input.position;
    }
    for (const f of TEXT_FIELDS) {
      const raw = input[f];
      if (raw == null) continue;
      const v = f.startsWith('body') ? raw.replace(/\r\n?/g, '\n').trim() : raw.trim().replace(/\s+/g, ' ');
      if (characterCount(v) > LIMITS[f])
        errors.push(userError('INVALID_FIELD', `At most ${LIMITS[f]} characters.`, ['input', f]));
      else values[f] = v;
    }
    return { errors, values };
  }

  private async lockSlug(em: EntityManager, slug: string, exceptId: number | null): Promise<boolean> {
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`help-slug:${slug}`]);
    const other = await em.findOne(HelpArticleEntity, { slug });
    return other !== null && other.id !== exceptId;
  }

  /** A new unpublished draft. */
  async create(input: HelpArticleFields & { slug: string }): Promise<Result> {
    this.admin();
    const { errors, values } = this.check(input);
    if (!values.topic) errors.push(userError('INVALID_FIELD', 'Choose the topic.', ['input', 'topic']));
    if (!values.titleEn && !values.titleZh && !errors.some((e) => e.field?.[1]?.startsWith('title')))
      errors.push(
        userError('INVALID_FIELD', 'Give the article a title in at least one language.', [
          'input',
          'titleEn',
        ]),
      );
    if (errors.length > 0) return { article: null, userErrors: errors };
    return inTransaction(this.em, async (em) => {
      if (await this.lockSlug(em, values.slug!, null))
        return {
          article: null,
          userErrors: [userError('SLUG_TAKEN', 'Another article has this slug.', ['input', 'slug'])],
        };
      const article = em.create(HelpArticleEntity, {
        slug: values.slug!,
        topic: values.topic!,
        position: values.position ?? 0,
        titleEn: values.titleEn ?? '',
        titleZh: values.titleZh ?? '',
        summaryEn: values.summaryEn ?? '',
        summaryZh: values.summaryZh ?? '',
        bodyEn: values.bodyEn ?? '',
        bodyZh: values.bodyZh ?? '',
        published: false,
      });
      await em.flush();
      return { article, userErrors: [] };
    });
  }

  /** Changes the given fields; a published article must stay complete in both languages. */
  async update(globalId: string, input: HelpArticleFields): Promise<Result> {
    this.admin();
    const id = fromGlobalId(globalId, 'HelpArticle');
    if (id === null) return notFound();
    const { errors, values } = this.check(input);
    if (errors.length > 0) return { article: null, userErrors: errors };
    return inTransaction(this.em, async (em) => {
      const article = await em.findOne(HelpArticleEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!article) return notFound();
      if (values.slug && values.slug !== article.slug && (await this.lockSlug(em, values.slug, article.id)))
        return {
          article: null,
          userErrors: [userError('SLUG_TAKEN', 'Another article has this slug.', ['input', 'slug'])],
        };
      const next = { ...pickText(article), ...values } as Pick<HelpArticleEntity, TextField>;
      if (article.published) {
        const missing = missingTranslations(next);
        if (missing.length > 0)
          return incomplete(
            missing,
            'A published article needs every field in both languages; unpublish it first.',
          );
      }
      Object.assign(article, values);
      await em.flush();
      return { article, userErrors: [] };
    });
  }

  async setPublished(globalId: string, published: boolean): Promise<Result> {
    this.admin();
    const id = fromGlobalId(globalId, 'HelpArticle');
    if (id === null) return notFound();
    return inTransaction(this.em, async (em) => {
      const article = await em.findOne(HelpArticleEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!article) return notFound();
      if (published) {
        const missing = missingTranslations(article);
        if (missing.length > 0)
          return incomplete(
            missing,
            'Write the title, summary and body in English and Traditional Chinese before publishing.',
          );
      }
      article.published = published;
      await em.flush();
      return { article, userErrors: [] };
    });
  }

  find(globalId: string): Promise<HelpArticleEntity | null> {
    this.admin();
    const id = fromGlobalId(globalId, 'HelpArticle');
    return id === null ? Promise.resolve(null) : this.em.findOne(HelpArticleEntity, { id });
  }

  /** Every article, drafts included, in help-center order (position, then id) unless sorted otherwise. */
  async list(args: {
    first: number;
    after?: string | null;
    filter?: StaffHelpArticlesFilter | null;
    sort?: { field: HelpArticleSortField; direction: 'ASC' | 'DESC' } | null;
  }): Promise<ConnectionShape<HelpArticleEntity>> {
    this.admin();
    const first = Math.min(Math.max(args.first, 0), 100);
    const sort = args.sort ?? { field: 'POSITION', direction: 'ASC' };
    const column = ARTICLE_SORT[sort.field];
    if (!column) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
    const dir = sort.direction === 'DESC' ? 'desc' : 'asc';
    const filter = args.filter ?? {};
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.topic) {
      params.push(filter.topic);
      where.push('a.topic = ?');
    }
    if (filter.published != null) {
      params.push(filter.published);
      where.push('a.published = ?');
    }
    const query = filter.query?.trim();
    if (query) {
      if (query.length > 200) throw new PublicError('BAD_USER_INPUT', 'The search is too long.');
      const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like);
      where.push('(a.slug ilike ? or a.title_en ilike ? or a.title_zh ilike ?)');
    }
    const countWhere = [...where];
    const countParams = [...params];
    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      const value =
        key?.length === 3 && key[0] === sort.field && typeof key[2] === 'number' ? key[1] : undefined;
      let bound: unknown = null;
      if (sort.field === 'POSITION') bound = typeof value === 'number' ? value : null;
      else if (sort.field === 'UPDATED_AT') {
        const at = typeof value === 'string' ? new Date(value) : null;
        bound = at && !Number.isNaN(at.getTime()) ? at : null;
      } else bound = typeof value === 'string' ? value : null;
      if (bound === null) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
      const op = dir === 'asc' ? '>' : '<';
      params.push(bound, bound, key![2]);
      where.push(`(${column} ${op} ? or (${column} = ? and a.id ${op} ?))`);
    }
    params.push(first + 1);
    const rows = await this.em.execute<{ id: number }[]>(
      `select a.id from help_article a ${where.length ? `where ${where.join(' and ')}` : ''}
       order by ${column} ${dir}, a.id ${dir} limit ?`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const entities = ids.length ? await this.em.find(HelpArticleEntity, { id: { $in: ids } }) : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const sortValue = (a: HelpArticleEntity): string | number => {
      switch (sort.field) {
        case 'POSITION':
          return a.position;
        case 'UPDATED_AT':
          return a.updatedAt.toISOString();
        case 'TITLE_EN':
          return a.titleEn;
        case 'TITLE_ZH':
          return a.titleZh;
      }
    };
    return toConnection(
      ids.map((id) => byId.get(id)!),
      first,
      {
        hasPrevious: key !== null,
        cursorOf: (a) => encodeCursor([sort.field, sortValue(a), a.id]),
        map: (a) => a,
        count: async () => {
          const [c] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from help_article a ${countWhere.length ? `where ${countWhere.join(' and ')}` : ''}`,
            countParams,
          );
          return c?.n ?? 0;
        },
      },
    );
  }
}

export type HelpArticleSortField = 'POSITION' | 'UPDATED_AT' | 'TITLE_EN' | 'TITLE_ZH';

// Timestamps compare at millisecond precision: what a cursor (an ISO string) can hold.
const ARTICLE_SORT: Record<HelpArticleSortField, string> = {
  POSITION: 'a.position',
  UPDATED_AT: "date_trunc('milliseconds', a.updated_at)",
  TITLE_EN: 'a.title_en',
  TITLE_ZH: 'a.title_zh',
};

function pickText(a: HelpArticleEntity): Pick<HelpArticleEntity, TextField> {
  return Object.fromEntries(TEXT_FIELDS.map((f) => [f, a[f]])) as Pick<HelpArticleEntity, TextField>;
}

function notFound(): Result {
  return {
    article: null,
    userErrors: [userError('ARTICLE_NOT_FOUND', 'There is no article with this ID.', ['id'])],
  };
}

function incomplete(missing: TextField[], message: string): Result {
  return {
    article: null,
    userErrors: missing.map((f) => userError('INCOMPLETE_TRANSLATION' as const, message, ['input', f])),
  };
}

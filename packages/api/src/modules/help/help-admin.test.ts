import type { TestApi } from '../../../test/harness.js';
import { describe, expect, test } from '../../../test/fixtures.js';
import type { Gql } from '../payments/payments.test-support.js';

const FIELDS = 'id slug topic position titleEn titleZh summaryEn summaryZh bodyEn bodyZh published';
const CREATE = `mutation ($input: HelpArticleInput!) { createHelpArticle(input: $input) {
  article { ${FIELDS} } userErrors { code field } } }`;
const UPDATE = `mutation ($id: ID!, $input: HelpArticleInput!) { updateHelpArticle(id: $id, input: $input) {
  article { ${FIELDS} } userErrors { code field } } }`;
const PUBLISH = `mutation ($id: ID!) { publishHelpArticle(id: $id) { article { published } userErrors { code field } } }`;
const UNPUBLISH = `mutation ($id: ID!) { unpublishHelpArticle(id: $id) { article { published } userErrors { code field } } }`;
const LIST = `query ($first: Int, $after: String, $filter: StaffHelpArticlesFilter) {
  staffHelpArticles(first: $first, after: $after, filter: $filter) {
    nodes { id slug published } pageInfo { hasNextPage endCursor } totalCount } }`;
const PUBLIC = `query ($slug: String!) { helpArticle(slug: $slug) { slug en: body(locale: EN) zh: title(locale: ZH_TW) } }`;

const draft = {
  slug: 'store-opening-hours',
  topic: 'SHOPPING',
  position: 50,
  titleEn: 'Store opening hours',
  summaryEn: 'When merchants answer.',
  bodyEn: 'Merchants answer on working days.\n\n## Holidays\n\n- Lunar New Year\n- Mid-Autumn Festival',
};

const rows = (api: TestApi) => api.sql('select * from help_article order by id');

describe('help-center editor', () => {
  test('an admin drafts, completes, publishes and unpublishes an article; shoppers see it only while published', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const created = await api.gql(CREATE, { input: draft }, { token: admin });
    expect(created.errors).toBeUndefined();
    const article = created.data.createHelpArticle.article;
    expect(article).toMatchObject({ ...draft, titleZh: '', published: false });
    expect((await api.gql(PUBLIC, { slug: draft.slug })).data.helpArticle).toBeNull();

    // Both languages are required to publish: each empty field is named.
    const early = await api.gql(PUBLISH, { id: article.id }, { token: admin });
    expect(early.data.publishHelpArticle.userErrors).toEqual([
      { code: 'INCOMPLETE_TRANSLATION', field: ['input', 'titleZh'] },
      { code: 'INCOMPLETE_TRANSLATION', field: ['input', 'summaryZh'] },
      { code: 'INCOMPLETE_TRANSLATION', field: ['input', 'bodyZh'] },
    ]);
    const zh = {
      titleZh: '商店營業時間',
      summaryZh: '商家何時回覆。',
      bodyZh: '商家於工作日回覆。\n\n- 春節\n- 中秋節',
    };
    const updated = await api.gql(UPDATE, { id: article.id, input: zh }, { token: admin });
    expect(updated.data.updateHelpArticle.article).toMatchObject(zh);
    const published = await api.gql(PUBLISH, { id: article.id }, { token: admin });
    expect(published.data.publishHelpArticle).toEqual({ article: { published: true }, userErrors: [] });
    expect((await api.gql(PUBLIC, { slug: draft.slug })).data.helpArticle).toEqual({
      slug: draft.slug,
      en: draft.bodyEn,
      zh: '商店營業時間',
    });

    // A published article cannot lose a translation.
    const blank = await api.gql(UPDATE, { id: article.id, input: { bodyZh: '  ' } }, { token: admin });
    expect(blank.data.updateHelpArticle.userErrors).toEqual([
      { code: 'INCOMPLETE_TRANSLATION', field: ['input', 'bodyZh'] },
    ]);

    const off = await api.gql(UNPUBLISH, { id: article.id }, { token: admin });
    expect(off.data.unpublishHelpArticle.article.published).toBe(false);
    expect((await api.gql(PUBLIC, { slug: draft.slug })).data.helpArticle).toBeNull();

    const list = await api.gql(LIST, { filter: { published: false } }, { token: admin });
    expect(list.data.staffHelpArticles.nodes.map((a: Gql) => a.slug)).toEqual([draft.slug]);
  });

  test('refusals change nothing: roles, taken or bad slug, too long, unknown article', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const before = await rows(api);
    const [first] = before;
    const firstId = Buffer.from(`HelpArticle:${first.id}`).toString('base64url');
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper@example.com', 'FORBIDDEN'],
      ['support@example.com', 'FORBIDDEN'],
      ['staff@voltline.example.com', 'FORBIDDEN'],
    ] as const) {
      const token = who ? await login(who) : null;
      const results = [
        await api.gql(CREATE, { input: { ...draft, slug: 'x-new' } }, { token }),
        await api.gql(UPDATE, { id: firstId, input: { titleEn: 'Hacked' } }, { token }),
        await api.gql(UNPUBLISH, { id: firstId }, { token }),
        await api.gql(LIST, {}, { token }),
      ];
      for (const r of results) expect(r.errors?.[0]?.extensions?.code, String(who)).toBe(code);
    }
    const cases: [Gql, string, string][] = [
      [{ ...draft, slug: 'shopping-process' }, 'SLUG_TAKEN', 'slug'],
      [{ ...draft, slug: 'Bad Slug' }, 'INVALID_SLUG', 'slug'],
      [{ ...draft, slug: 'contact' }, 'INVALID_SLUG', 'slug'],
      [{ ...draft, titleEn: 'x'.repeat(201) }, 'INVALID_FIELD', 'titleEn'],
      [{ ...draft, titleEn: '' }, 'INVALID_FIELD', 'titleEn'],
      [{ ...draft, position: -1 }, 'INVALID_FIELD', 'position'],
      [{ ...draft, topic: null }, 'INVALID_FIELD', 'topic'],
    ];
    for (const [input, code, field] of cases) {
      const r = await api.gql(CREATE, { input }, { token: admin });
      expect(r.data.createHelpArticle, code).toEqual({
        article: null,
        userErrors: [{ code, field: ['input', field] }],
      });
    }
    const second = Buffer.from(`HelpArticle:${before[1].id}`).toString('base64url');
    const taken = await api.gql(UPDATE, { id: second, input: { slug: first.slug } }, { token: admin });
    expect(taken.data.updateHelpArticle.userErrors).toEqual([
      { code: 'SLUG_TAKEN', field: ['input', 'slug'] },
    ]);
    const unknown = await api.gql(
      PUBLISH,
      { id: Buffer.from('HelpArticle:99999').toString('base64url') },
      { token: admin },
    );
    expect(unknown.data.publishHelpArticle.userErrors).toEqual([
      { code: 'ARTICLE_NOT_FOUND', field: ['id'] },
    ]);
    expect(await rows(api)).toEqual(before);
  });

  test('lists every article in help-center order, page by page', async ({ api, login }) => {
    const admin = await login('admin@example.com');
    const slugs: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Gql = await api.gql(LIST, { first: 2, after }, { token: admin });
      slugs.push(...page.data.staffHelpArticles.nodes.map((a: Gql) => a.slug));
      if (!page.data.staffHelpArticles.pageInfo.hasNextPage) break;
      after = page.data.staffHelpArticles.pageInfo.endCursor;
    }
    const publicOrder = (await api.gql('{ helpArticles { slug } }')).data.helpArticles.map(
      (a: Gql) => a.slug,
    );
    // Drafts are listed too (the first test left one, positioned last).
    expect(slugs).toEqual([...publicOrder, 'store-opening-hours']);
    const search = await api.gql(LIST, { filter: { query: 'PENALTY' } }, { token: admin });
    expect(search.data.staffHelpArticles.nodes.map((a: Gql) => a.slug)).toEqual(['penalty-rules']);
  });
});

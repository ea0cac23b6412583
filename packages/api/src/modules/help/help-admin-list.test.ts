import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';

const LIST = `query ($first: Int, $after: String, $filter: StaffHelpArticlesFilter, $sort: StaffHelpArticlesSort) {
  staffHelpArticles(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { id slug titleEn titleZh published updatedAt position }
    pageInfo { hasNextPage endCursor } totalCount } }`;
const CREATE = `mutation ($input: HelpArticleInput!) { createHelpArticle(input: $input) {
  article { id } userErrors { code } } }`;

type Article = {
  id: string;
  slug: string;
  titleEn: string;
  titleZh: string;
  published: boolean;
  updatedAt: string;
  position: number;
};
type Page = {
  nodes: Article[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
};

async function listAll(api: TestApi, token: string, variables: Record<string, unknown>, first = 2) {
  const slugs: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { data: { staffHelpArticles: Page }; errors?: unknown } = await api.gql<{
      staffHelpArticles: Page;
    }>(LIST, { ...variables, first, after }, { token });
    expect(res.errors).toBeUndefined();
    slugs.push(...res.data.staffHelpArticles.nodes.map((a) => a.slug));
    if (!res.data.staffHelpArticles.pageInfo.hasNextPage) return slugs;
    after = res.data.staffHelpArticles.pageInfo.endCursor;
  }
}

describe('staffHelpArticles: sort and filter', () => {
  test('help-center order by default; sorted by update time or title in either direction, page by page; filtered by state and text', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const created = await api.gql(
      CREATE,
      {
        input: {
          slug: 'aaa-draft-article',
          topic: 'SHOPPING',
          position: 99,
          titleEn: 'Zebra crossing draft',
          summaryEn: 'A draft.',
          bodyEn: 'Draft body.',
        },
      },
      { token: admin },
    );
    expect(created.data.createHelpArticle.userErrors).toEqual([]);

    const everything = (await api.gql<{ staffHelpArticles: Page }>(LIST, { first: 100 }, { token: admin }))
      .data.staffHelpArticles.nodes;
    const publicOrder = (await api.gql<{ helpArticles: { slug: string }[] }>('{ helpArticles { slug } }'))
      .data.helpArticles;

    // Default: the storefront's order, drafts at their position.
    expect(await listAll(api, admin, {})).toEqual([...publicOrder.map((a) => a.slug), 'aaa-draft-article']);

    // By English title, both directions, across pages.
    const byTitle = [...everything].sort((a, b) => (a.titleEn < b.titleEn ? -1 : 1)).map((a) => a.slug);
    const titlesAsc = await listAll(api, admin, { sort: { field: 'TITLE_EN', direction: 'ASC' } });
    expect(titlesAsc).toHaveLength(everything.length);
    expect(titlesAsc.at(-1)).toBe('aaa-draft-article');
    expect(await listAll(api, admin, { sort: { field: 'TITLE_EN', direction: 'DESC' } })).toEqual(
      [...titlesAsc].reverse(),
    );
    expect(new Set(titlesAsc)).toEqual(new Set(byTitle));

    // Most recently updated first: the new draft leads; every page follows the order.
    const recent = await listAll(api, admin, { sort: { field: 'UPDATED_AT', direction: 'DESC' } }, 3);
    expect(recent[0]).toBe('aaa-draft-article');
    const updated = new Map(everything.map((a) => [a.slug, Date.parse(a.updatedAt)]));
    const times = recent.map((s) => updated.get(s)!);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Filters: drafts only, published only, text search (with a sort).
    expect(await listAll(api, admin, { filter: { published: false } })).toEqual(['aaa-draft-article']);
    const published = await listAll(api, admin, { filter: { published: true } });
    expect(published).toEqual(publicOrder.map((a) => a.slug));
    const search = await api.gql<{ staffHelpArticles: Page }>(
      LIST,
      { first: 10, filter: { query: 'zebra' }, sort: { field: 'UPDATED_AT', direction: 'ASC' } },
      { token: admin },
    );
    expect(search.data.staffHelpArticles.totalCount).toBe(1);
    expect(search.data.staffHelpArticles.nodes.map((a) => a.slug)).toEqual(['aaa-draft-article']);
  });

  test('bad input is refused: a cursor of another sort, an unknown sort field, a too long search; staff other than admins are refused', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const page = await api.gql<{ staffHelpArticles: Page }>(
      LIST,
      { first: 1, sort: { field: 'TITLE_EN', direction: 'ASC' } },
      { token: admin },
    );
    const mixed = await api.gql(
      LIST,
      { first: 1, after: page.data.staffHelpArticles.pageInfo.endCursor },
      { token: admin },
    );
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await api.gql(LIST, { sort: { field: 'SLUG' } }, { token: admin });
    expect(unknown.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const long = await api.gql(LIST, { filter: { query: 'x'.repeat(201) } }, { token: admin });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const support = await login('support@example.com');
    const refused = await api.gql(LIST, { sort: { field: 'UPDATED_AT' } }, { token: support });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

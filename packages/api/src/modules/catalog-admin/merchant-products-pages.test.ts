import { describe, expect, test } from '../../../test/fixtures.js';
import type { GqlResponse, TestApi } from '../../../test/harness.js';

const LIST = `query ($first: Int, $after: String, $sort: MerchantProductSort) {
  merchantProducts(first: $first, after: $after, sort: $sort) {
    nodes { id titleEn } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } }`;

type Page = {
  nodes: { id: string; titleEn: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  totalCount: number;
};

async function allPages(api: TestApi, token: string, sort: string, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const res: GqlResponse<{ merchantProducts: Page }> = await api.gql(
      LIST,
      { first, after, sort },
      { token },
    );
    expect(res.errors).toBeUndefined();
    const page: Page = res.data.merchantProducts;
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('merchantProducts keyset pages', () => {
  test('every sort pages through the list exactly once, ties included, even when rows change between pages', async ({
    api,
    login,
  }) => {
    const token = await login('staff@formosa-roasters.example.com');
    // Ties: two products with the same title and the same update instant (to the microsecond).
    const [a, b] = await api.sql<{ id: number }>(
      `select p.id from product p join merchant m on m.id = p.merchant_id
       where m.handle = 'formosa-roasters' order by p.id limit 2`,
    );
    await api.sql(
      `update product set title_en = 'Same Title', updated_at = '2026-11-01T10:00:00.123456Z' where id in ($1, $2)`,
      [a!.id, b!.id],
    );
    for (const sort of ['NEWEST', 'OLDEST', 'TITLE', 'UPDATED']) {
      const whole = await api.gql<{ merchantProducts: Page }>(LIST, { first: 100, sort }, { token });
      const expected = whole.data.merchantProducts.nodes.map((n) => n.id);
      expect(expected.length).toBe(whole.data.merchantProducts.totalCount);
      expect(await allPages(api, token, sort, 2), sort).toEqual(expected);
      expect(await allPages(api, token, sort, 3), sort).toEqual(expected);
    }

    // A product added after the first page neither shifts nor repeats the rows that follow (oldest first).
    const first = await api.gql<{ merchantProducts: Page }>(LIST, { first: 3, sort: 'OLDEST' }, { token });
    const before = (
      await api.gql<{ merchantProducts: Page }>(LIST, { first: 100, sort: 'OLDEST' }, { token })
    ).data.merchantProducts.nodes;
    const created = await api.gql(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code } } }`,
      { input: { kind: 'GOODS', titleEn: 'Brand New', titleZh: '全新商品' } },
      { token },
    );
    expect(created.data.createProduct.userErrors).toEqual([]);
    const rest = await api.gql<{ merchantProducts: Page }>(
      LIST,
      { first: 3, sort: 'OLDEST', after: first.data.merchantProducts.pageInfo.endCursor },
      { token },
    );
    expect(rest.data.merchantProducts.nodes.map((n) => n.id)).toEqual(before.slice(3, 6).map((n) => n.id));

    // A cursor of another sort is refused.
    const wrong = await api.gql(
      LIST,
      { first: 3, sort: 'TITLE', after: first.data.merchantProducts.pageInfo.endCursor },
      { token },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

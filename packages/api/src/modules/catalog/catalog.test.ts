import { describe, expect, test } from '../../../test/fixtures.js';

const PRODUCTS = `
  query Products($first: Int, $after: String, $query: String, $merchantId: ID, $kind: ProductKind, $locale: Locale) {
    products(first: $first, after: $after, query: $query, merchantId: $merchantId, kind: $kind) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      edges { cursor }
      nodes { id handle kind title(locale: $locale) merchant { id handle } }
    }
  }`;

type Page = {
  products: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    nodes: {
      id: string;
      handle: string;
      kind: string;
      title: string;
      merchant: { id: string; handle: string };
    }[];
  };
};

describe('products', () => {
  test('totalCountUpTo counts matches up to its limit, on a first page and after a cursor', async ({
    api,
  }) => {
    const [{ count }] = await api.sql(
      `select count(*)::int as count from product p join merchant m on m.id = p.merchant_id
       where p.status = 'PUBLISHED' and m.status in ('ACTIVE', 'GENERAL_FROZEN')`,
    );
    const Q = `query($after: String, $limit: Int!) { products(first: 3, after: $after) {
      totalCount capped: totalCountUpTo(limit: $limit) all: totalCountUpTo pageInfo { endCursor } } }`;
    const first = await api.gql(Q, { limit: 5 });
    expect(first.data.products).toMatchObject({ totalCount: count, capped: 5, all: Math.min(count, 1000) });
    const next = await api.gql(Q, { limit: count + 10, after: first.data.products.pageInfo.endCursor });
    expect(next.data.products).toMatchObject({ totalCount: count, capped: count });
    const search = await api.gql(
      `{ products(first: 50, query: "咖啡") { nodes { id } totalCountUpTo(limit: 2) } }`,
    );
    expect(search.data.products.nodes.length).toBeGreaterThan(2);
    expect(search.data.products.totalCountUpTo).toBe(2);
  });

  test('pages through every published product once, newest first', async ({ api }) => {
    const [{ count }] = await api.sql(
      `select count(*)::int as count from product where status = 'PUBLISHED'`,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: { data: Page } = await api.gql<Page>(PRODUCTS, { first: 7, after });
      const { nodes, pageInfo, totalCount } = res.data.products;
      expect(totalCount).toBe(count);
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...nodes.map((n) => n.handle));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    const [newest] = await api.sql(`select handle from product order by id desc limit 1`);
    expect(seen[0]).toBe(newest.handle);
  });

  test('finds Chinese words inside longer words (咖啡 in 精品咖啡豆) and English case-insensitively', async ({
    api,
  }) => {
    const zh = await api.gql<Page>(PRODUCTS, { first: 50, query: '咖啡', locale: 'ZH_TW' });
    const titles = zh.data.products.nodes.map((n) => n.title);
    expect(titles.some((t) => t.includes('精品咖啡豆'))).toBe(true);
    expect(titles.every((t) => t.length > 0)).toBe(true);

    const en = await api.gql<Page>(PRODUCTS, { first: 50, query: 'COFFEE', locale: 'EN' });
    expect(en.data.products.nodes.length).toBeGreaterThan(0);
    const [{ count }] = await api.sql(
      `select count(*)::int as count from product where status = 'PUBLISHED' and search_text like '%coffee%'`,
    );
    expect(en.data.products.totalCount).toBe(count);

    const both = await api.gql<Page>(PRODUCTS, { first: 50, query: 'coffee 咖啡' });
    expect(both.data.products.totalCount).toBeLessThanOrEqual(count);
    const none = await api.gql<Page>(PRODUCTS, { first: 50, query: 'zzzz-no-such-thing' });
    expect(none.data.products).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
  });

  test('treats LIKE wildcards in a search as plain characters', async ({ api }) => {
    const res = await api.gql<Page>(PRODUCTS, { first: 10, query: '%' });
    expect(res.data.products.totalCount).toBe(0);
  });

  test('filters by merchant and by kind', async ({ api }) => {
    const all = await api.gql<Page>(PRODUCTS, { first: 100 });
    const merchant = all.data.products.nodes[0]!.merchant;
    const mine = await api.gql<Page>(PRODUCTS, { first: 100, merchantId: merchant.id });
    expect(mine.data.products.nodes.length).toBeGreaterThan(0);
    expect(mine.data.products.nodes.every((n) => n.merchant.handle === merchant.handle)).toBe(true);

    const services = await api.gql<Page>(PRODUCTS, { first: 100, kind: 'SERVICE' });
    const [{ count }] = await api.sql(
      `select count(*)::int as count from product where status = 'PUBLISHED' and kind = 'SERVICE'`,
    );
    expect(services.data.products.totalCount).toBe(count);
    expect(services.data.products.nodes.every((n) => n.kind === 'SERVICE')).toBe(true);

    const unknown = await api.gql<Page>(PRODUCTS, { first: 10, merchantId: 'not-an-id' });
    expect(unknown.data.products.totalCount).toBe(0);
  });

  test.for([
    { name: 'first 0', vars: { first: 0 } },
    { name: 'first 101', vars: { first: 101 } },
    { name: 'first -1', vars: { first: -1 } },
    { name: 'a forged cursor', vars: { first: 5, after: 'not a cursor!' } },
  ])('refuses $name with BAD_USER_INPUT', async ({ vars }, { api }) => {
    const res = await api.gql(PRODUCTS, vars);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('hides unpublished products and products of frozen merchants', async ({ api }) => {
    const [p] = await api.sql(`select id, handle, merchant_id from product order by id limit 1`);
    await api.sql(`update product set status = 'DRAFT' where id = $1`, [p.id]);
    const byHandle = await api.gql(`query ($h: String) { product(handle: $h) { id } }`, { h: p.handle });
    expect(byHandle.data.product).toBeNull();
    const listed = await api.gql<Page>(PRODUCTS, { first: 100 });
    expect(listed.data.products.nodes.map((n) => n.handle)).not.toContain(p.handle);
    await api.sql(`update product set status = 'PUBLISHED' where id = $1`, [p.id]);

    await api.sql(`update merchant set status = 'SAFE_FROZEN' where id = $1`, [p.merchant_id]);
    const frozen = await api.gql<Page>(PRODUCTS, { first: 100 });
    expect(frozen.data.products.nodes.map((n) => n.handle)).not.toContain(p.handle);

    // A general freeze stops the merchant publishing, not shoppers buying: its listings stay on sale.
    await api.sql(`update merchant set status = 'GENERAL_FROZEN' where id = $1`, [p.merchant_id]);
    const general = await api.gql<Page>(PRODUCTS, { first: 100 });
    expect(general.data.products.nodes.map((n) => n.handle)).toContain(p.handle);
    await api.sql(`update merchant set status = 'ACTIVE' where id = $1`, [p.merchant_id]);
  });
});

describe('product', () => {
  const PRODUCT = `
    query ($id: ID, $handle: String, $locale: Locale) {
      product(id: $id, handle: $handle) {
        id handle kind title(locale: $locale) description(locale: $locale)
        merchant { name(locale: $locale) }
        category { name(locale: $locale) }
        featuredImage { url width height altText(locale: $locale) }
        priceRange { minVariantPrice { amount currencyCode minorUnits } maxVariantPrice { amount } }
        variants { id sku stock availableForSale price { amount currencyCode minorUnits } title(locale: $locale) }
      }
    }`;

  test('returns one product with localized text, money and images, by handle or id', async ({ api }) => {
    const [row] = await api.sql(
      `select p.handle, p.title_en, p.title_zh, min(v.price_minor)::int as min_price from product p
       join product_variant v on v.product_id = p.id where p.kind = 'GOODS' group by p.id order by p.id limit 1`,
    );
    const en = await api.gql(PRODUCT, { handle: row.handle, locale: 'EN' });
    const product = en.data.product;
    expect(product.title).toBe(row.title_en);
    expect(product.priceRange.minVariantPrice.minorUnits).toBe(row.min_price);
    expect(product.priceRange.minVariantPrice.amount).toBe((row.min_price / 100).toFixed(2));
    expect(product.priceRange.minVariantPrice.currencyCode).toBe('USD');
    expect(product.featuredImage.url).toMatch(/^\/media\/products\/.+\.svg$/);

    const zh = await api.gql(PRODUCT, { id: product.id, locale: 'ZH_TW' });
    expect(zh.data.product.title).toBe(row.title_zh);
    expect(zh.data.product.handle).toBe(row.handle);

    // Without an explicit locale, Accept-Language decides.
    const header = await api.gql(
      `query ($h: String) { product(handle: $h) { title } }`,
      { h: row.handle },
      {
        headers: { 'accept-language': 'zh-TW,zh;q=0.9' },
      },
    );
    expect(header.data.product.title).toBe(row.title_zh);

    const image = await fetch(api.url + product.featuredImage.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
    expect(await image.text()).toContain('<svg');
  });

  test.for([
    { name: 'an unknown handle', vars: { handle: 'no-such-product' } },
    { name: 'a malformed id', vars: { id: 'abc' } },
    { name: 'an id of another type', vars: { id: Buffer.from('Merchant:1').toString('base64url') } },
    {
      name: 'a well-formed id that does not exist',
      vars: { id: Buffer.from('Product:999999').toString('base64url') },
    },
  ])('is null for $name', async ({ vars }, { api }) => {
    const res = await api.gql(PRODUCT, vars);
    expect(res.errors).toBeUndefined();
    expect(res.data.product).toBeNull();
  });

  test('node(id) refetches products, variants, merchants and categories', async ({ api }) => {
    const res = await api.gql(
      `{ products(first: 1) { nodes { id variants { id } merchant { id } category { id } } } }`,
    );
    const p = res.data.products.nodes[0];
    const ids = [p.id, p.variants[0].id, p.merchant.id, p.category.id, 'bogus'];
    const nodes = await api.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(nodes.data.nodes.map((n: { __typename: string } | null) => n?.__typename ?? null)).toEqual([
      'Product',
      'ProductVariant',
      'Merchant',
      'Category',
      null,
    ]);
  });

  test('lists categories in both languages', async ({ api }) => {
    const res = await api.gql(`{ categories { handle en: name(locale: EN) zh: name(locale: ZH_TW) } }`);
    expect(res.data.categories.length).toBeGreaterThanOrEqual(5);
    for (const c of res.data.categories) expect(c.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

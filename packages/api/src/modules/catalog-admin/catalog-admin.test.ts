import { describe, expect, test } from '../../../test/fixtures.js';
import type { GqlResponse, TestApi } from '../../../test/harness.js';
import { toGlobalId } from '../../graphql/relay.js';

const PRODUCT_FIELDS = `id handle kind status titleEn titleZh descriptionEn descriptionZh
  variants { id sku titleEn titleZh stock price { amount currencyCode } }
  images { id url width height altEn altZh }`;
const PAYLOAD = `product { ${PRODUCT_FIELDS} } userErrors { code field message }`;
const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { ${PAYLOAD} } }`;
const VARIANTS = `mutation ($input: SetProductVariantsInput!) { setProductVariants(input: $input) { ${PAYLOAD} } }`;
const PUBLISH = `mutation ($id: ID!) { publishProduct(productId: $id) { ${PAYLOAD} } }`;
const UNPUBLISH = `mutation ($id: ID!) { unpublishProduct(productId: $id) { ${PAYLOAD} } }`;
const ADD_IMAGE = `mutation ($input: AddProductImageInput!) { addProductImage(input: $input) { ${PAYLOAD} } }`;
const REMOVE_IMAGE = `mutation ($input: RemoveProductImageInput!) { removeProductImage(input: $input) { ${PAYLOAD} } }`;
const REORDER = `mutation ($input: ReorderProductImagesInput!) { reorderProductImages(input: $input) { ${PAYLOAD} } }`;
const LIST = `query ($first: Int, $after: String, $query: String, $status: ProductStatus, $kind: ProductKind, $sort: MerchantProductSort, $merchantId: ID) {
  merchantProducts(first: $first, after: $after, query: $query, status: $status, kind: $kind, sort: $sort, merchantId: $merchantId) {
    totalCount edges { cursor node { id handle status kind titleEn merchant { handle } } } pageInfo { hasNextPage endCursor } } }`;
const STOREFRONT = `query ($q: String) { products(first: 50, query: $q) { nodes { id handle } } }`;

const A = 'formosa-roasters';
const B = 'lane-nine-design';
const staffOf = (handle: string) => `staff@${handle}.example.com`;

const draft = (sku: string, over: Record<string, unknown> = {}) => ({
  kind: 'GOODS',
  titleEn: 'Hand-Roasted Test Beans!',
  titleZh: '手烘測試咖啡豆',
  descriptionEn: 'Roasted weekly.',
  descriptionZh: '每週烘焙。',
  variants: [{ sku, titleEn: '250 g', titleZh: '250 公克', price: '12.50', stock: 10 }],
  ...over,
});

/** Every catalogue row a mutation could change. */
async function catalogState(api: TestApi) {
  return {
    products: await api.sql(
      'select id, merchant_id, handle, kind, title_en, title_zh, description_en, description_zh, status, category_id from product order by id',
    ),
    variants: await api.sql(
      'select id, product_id, sku, title_en, title_zh, price_minor, stock, position from product_variant order by id',
    ),
    images: await api.sql(
      'select id, product_id, path, alt_en, alt_zh, position from product_image order by id',
    ),
  };
}

async function createAs(api: TestApi, token: string, sku: string, over: Record<string, unknown> = {}) {
  const res = await api.gql(CREATE, { input: draft(sku, over) }, { token });
  expect(res.errors).toBeUndefined();
  expect(res.data.createProduct.userErrors).toEqual([]);
  return res.data.createProduct.product as {
    id: string;
    handle: string;
    variants: { id: string; sku: string }[];
  };
}

// 1×1 images with valid magic bytes and headers.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEUlEQVR42mNk+M9Qz0AEYBxVSF8AAHuFBgGbm4mKAAAAAElFTkSuQmCC',
  'base64',
);
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x04, 0x00, 0x05, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9,
]);

type UploadAnswer = {
  error?: { code: string };
  uploadId: string;
  url: string;
  width: number;
  height: number;
};

async function upload(api: TestApi, body: Buffer, contentType: string, token?: string) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${api.url}/media/uploads`, {
    method: 'POST',
    headers,
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as UploadAnswer };
}

describe('merchant catalogue', () => {
  test('create → publish → on the storefront → unpublish → gone', async ({ api, login }) => {
    const token = await login(staffOf(A));
    const created = await createAs(api, token, 'TEST-BEANS-250');
    expect(created).toMatchObject({
      handle: 'hand-roasted-test-beans',
      kind: 'GOODS',
      status: 'DRAFT',
      titleEn: 'Hand-Roasted Test Beans!',
      titleZh: '手烘測試咖啡豆',
      variants: [{ sku: 'TEST-BEANS-250', stock: 10, price: { amount: '12.50', currencyCode: 'USD' } }],
    });
    const [m] = await api.sql(
      'select m.handle from product p join merchant m on m.id = p.merchant_id where p.handle = $1',
      [created.handle],
    );
    expect(m.handle).toBe(A);

    // A second product with the same English title gets its own handle.
    const twin = await createAs(api, token, 'TEST-BEANS-TWIN');
    expect(twin.handle).toBe('hand-roasted-test-beans-2');

    let shop = await api.gql(STOREFRONT, { q: 'hand-roasted test' });
    expect(shop.data.products.nodes).toEqual([]);

    const pub = await api.gql(PUBLISH, { id: created.id }, { token });
    expect(pub.data.publishProduct.userErrors).toEqual([]);
    expect(pub.data.publishProduct.product.status).toBe('PUBLISHED');
    shop = await api.gql(STOREFRONT, { q: '手烘測試' });
    expect(shop.data.products.nodes.map((n: { handle: string }) => n.handle)).toEqual([created.handle]);

    const unpub = await api.gql(UNPUBLISH, { id: created.id }, { token });
    expect(unpub.data.unpublishProduct.product.status).toBe('DRAFT');
    shop = await api.gql(STOREFRONT, { q: '手烘測試' });
    expect(shop.data.products.nodes).toEqual([]);
  });

  test('the list shows every status of the own store only, filtered, sorted and paginated', async ({
    api,
    login,
  }) => {
    const token = await login(staffOf(B));
    const p = await createAs(api, token, 'LIST-DRAFT-1', { titleEn: 'Zebra Draft Tote', kind: 'GOODS' });
    const all = await api.gql(LIST, { first: 100 }, { token });
    expect(all.errors).toBeUndefined();
    const nodes = all.data.merchantProducts.edges.map(
      (e: { node: { merchant: { handle: string } } }) => e.node,
    );
    expect(nodes.length).toBeGreaterThan(1);
    expect(new Set(nodes.map((n: { merchant: { handle: string } }) => n.merchant.handle))).toEqual(
      new Set([B]),
    );
    expect(all.data.merchantProducts.totalCount).toBe(nodes.length);
    expect(nodes[0].id).toBe(p.id); // newest first, drafts included

    const drafts = await api.gql(LIST, { first: 10, status: 'DRAFT' }, { token });
    expect(drafts.data.merchantProducts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      p.id,
    ]);
    const search = await api.gql(LIST, { first: 10, query: 'list-draft' }, { token });
    expect(search.data.merchantProducts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      p.id,
    ]);
    const services = await api.gql(LIST, { first: 10, kind: 'SERVICE' }, { token });
    expect(services.data.merchantProducts.edges).toEqual([]);

    const titled = await api.gql(LIST, { first: 100, sort: 'TITLE' }, { token });
    const titles = titled.data.merchantProducts.edges.map(
      (e: { node: { titleEn: string } }) => e.node.titleEn,
    );
    expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));

    // Pages of 2 cover the list exactly once.
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: GqlResponse<{
        merchantProducts: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }> = await api.gql(LIST, { first: 2, after }, { token });
      seen.push(...page.data.merchantProducts.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.data.merchantProducts.pageInfo.hasNextPage) break;
      after = page.data.merchantProducts.pageInfo.endCursor;
    }
    expect(seen).toEqual(nodes.map((n: { id: string }) => n.id));

    // Admin: one merchant or all; shoppers and guests are refused.
    const admin = await login('admin@example.com');
    const [merchant] = await api.sql('select id from merchant where handle = $1', [A]);
    const adminList = await api.gql(
      LIST,
      { first: 100, merchantId: toGlobalId('Merchant', merchant.id) },
      { token: admin },
    );
    expect(adminList.errors).toBeUndefined();
    expect(
      new Set(
        adminList.data.merchantProducts.edges.map(
          (e: { node: { merchant: { handle: string } } }) => e.node.merchant.handle,
        ),
      ),
    ).toEqual(new Set([A]));
    for (const email of ['shopper@example.com', 'support@example.com']) {
      const other = await login(email);
      expect((await api.gql(LIST, { first: 5 }, { token: other })).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
    }
    expect((await api.gql(LIST, { first: 5 })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(LIST, { first: 101 }, { token })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  test('bad prices, stock and SKUs are refused with nothing changed', async ({ api, login }) => {
    const token = await login(staffOf(A));
    const [taken] = await api.sql('select sku from product_variant order by id limit 1');
    const before = await catalogState(api);
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ price: '-1.00' }, 'INVALID_PRICE', ['input', 'variants', '0', 'price']],
      [{ price: '1000000.01' }, 'INVALID_PRICE', ['input', 'variants', '0', 'price']],
      [{ price: '1.234' }, 'INVALID_PRICE', ['input', 'variants', '0', 'price']],
      [{ price: 'ten' }, 'INVALID_PRICE', ['input', 'variants', '0', 'price']],
      [{ stock: -1 }, 'INVALID_STOCK', ['input', 'variants', '0', 'stock']],
      [{ stock: null }, 'INVALID_STOCK', ['input', 'variants', '0', 'stock']],
      [{ sku: taken.sku }, 'SKU_TAKEN', ['input', 'variants', '0', 'sku']],
      [{ sku: String(taken.sku).toLowerCase() }, 'SKU_TAKEN', ['input', 'variants', '0', 'sku']],
      [{ sku: 'has space' }, 'INVALID_SKU', ['input', 'variants', '0', 'sku']],
    ];
    for (const [over, code, field] of cases) {
      const variant = { sku: 'NEW-SKU-1', titleEn: 'One', titleZh: '一', price: '1.00', stock: 1, ...over };
      const res = await api.gql(CREATE, { input: draft('X', { variants: [variant] }) }, { token });
      expect(res.errors, JSON.stringify(over)).toBeUndefined();
      expect(res.data.createProduct.product, JSON.stringify(over)).toBeNull();
      expect(res.data.createProduct.userErrors, JSON.stringify(over)).toContainEqual(
        expect.objectContaining({ code, field }),
      );
    }
    const dup = await api.gql(
      CREATE,
      {
        input: draft('X', {
          variants: [
            { sku: 'DUP-1', titleEn: 'a', titleZh: '甲', price: '1', stock: 1 },
            { sku: 'dup-1', titleEn: 'b', titleZh: '乙', price: '1', stock: 1 },
          ],
        }),
      },
      { token },
    );
    expect(dup.data.createProduct.userErrors).toEqual([
      expect.objectContaining({ code: 'SKU_TAKEN', field: ['input', 'variants', '1', 'sku'] }),
    ]);
    const noTitle = await api.gql(CREATE, { input: draft('OK-SKU', { titleZh: '  ' }) }, { token });
    expect(noTitle.data.createProduct.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_TITLE', field: ['input', 'titleZh'] }),
    ]);
    expect(await catalogState(api)).toEqual(before);

    // Services may leave stock uncounted; the maximum price is accepted.
    const service = await createAs(api, token, 'SVC-1', {
      kind: 'SERVICE',
      variants: [{ sku: 'SVC-1', titleEn: '1 hour', titleZh: '一小時', price: '1000000.00', stock: null }],
    });
    expect(service.variants).toEqual([expect.objectContaining({ sku: 'SVC-1', stock: null })]);
  });

  test('variants are added, updated and removed; publish needs a variant', async ({ api, login }) => {
    const token = await login(staffOf(A));
    const p = await createAs(api, token, 'VAR-A', { variants: [] });
    const notReady = await api.gql(PUBLISH, { id: p.id }, { token });
    expect(notReady.data.publishProduct.userErrors).toEqual([expect.objectContaining({ code: 'NOT_READY' })]);
    expect((await api.sql('select status from product where handle = $1', [p.handle]))[0].status).toBe(
      'DRAFT',
    );

    let res = await api.gql(
      VARIANTS,
      {
        input: {
          productId: p.id,
          variants: [
            { sku: 'VAR-A', titleEn: 'Small', titleZh: '小', price: '5', stock: 3 },
            { sku: 'VAR-B', titleEn: 'Large', titleZh: '大', price: '9.90', stock: 0 },
          ],
        },
      },
      { token },
    );
    expect(res.data.setProductVariants.userErrors).toEqual([]);
    const [small, large] = res.data.setProductVariants.product.variants;
    expect(small).toMatchObject({ sku: 'VAR-A', price: { amount: '5.00' }, stock: 3 });
    res = await api.gql(
      VARIANTS,
      {
        input: {
          productId: p.id,
          variants: [
            { id: large.id, sku: 'VAR-B', titleEn: 'Large', titleZh: '大', price: '11.00', stock: 7 },
            { sku: 'VAR-C', titleEn: 'Huge', titleZh: '特大', price: '20', stock: 1 },
          ],
        },
      },
      { token },
    );
    expect(res.data.setProductVariants.userErrors).toEqual([]);
    expect(res.data.setProductVariants.product.variants).toMatchObject([
      { id: large.id, sku: 'VAR-B', price: { amount: '11.00' }, stock: 7 },
      { sku: 'VAR-C' },
    ]);
    expect(await api.sql("select 1 from product_variant where sku = 'VAR-A'")).toEqual([]);

    // Someone else's variant id is not this product's.
    const before = await catalogState(api);
    const [otherVariant] = await api.sql(
      'select v.id from product_variant v join product p on p.id = v.product_id where p.handle <> $1 limit 1',
      [p.handle],
    );
    const foreignId = toGlobalId('ProductVariant', otherVariant.id);
    const wrong = await api.gql(
      VARIANTS,
      {
        input: {
          productId: p.id,
          variants: [{ id: foreignId, sku: 'VAR-Z', titleEn: 'z', titleZh: 'z', price: '1', stock: 1 }],
        },
      },
      { token },
    );
    expect(wrong.data.setProductVariants.userErrors[0]?.code).toBe('NOT_FOUND');
    expect(await catalogState(api)).toEqual(before);

    const upd = await api.gql(
      UPDATE,
      { input: { productId: p.id, titleEn: 'Renamed', descriptionZh: '新說明' } },
      { token },
    );
    expect(upd.data.updateProduct.product).toMatchObject({
      titleEn: 'Renamed',
      titleZh: '手烘測試咖啡豆',
      descriptionZh: '新說明',
    });
    expect(upd.data.updateProduct.product.handle).toBe(p.handle);
    const pub = await api.gql(PUBLISH, { id: p.id }, { token });
    expect(pub.data.publishProduct.product.status).toBe('PUBLISHED');
    const emptied = await api.gql(VARIANTS, { input: { productId: p.id, variants: [] } }, { token });
    expect(emptied.data.setProductVariants.userErrors[0]?.code).toBe('NOT_READY');
  });

  test('another store’s product is NOT_FOUND; shoppers and guests are refused; nothing changes', async ({
    api,
    login,
  }) => {
    const tokenA = await login(staffOf(A));
    const tokenB = await login(staffOf(B));
    const p = await createAs(api, tokenA, 'FOREIGN-1');
    const before = await catalogState(api);
    const variant = { sku: 'FOREIGN-2', titleEn: 'x', titleZh: 'x', price: '1', stock: 1 };
    const calls: [string, Record<string, unknown>, string][] = [
      [UPDATE, { input: { productId: p.id, titleEn: 'Stolen' } }, 'updateProduct'],
      [VARIANTS, { input: { productId: p.id, variants: [variant] } }, 'setProductVariants'],
      [PUBLISH, { id: p.id }, 'publishProduct'],
      [UNPUBLISH, { id: p.id }, 'unpublishProduct'],
      [ADD_IMAGE, { input: { productId: p.id, uploadId: `${'a'.repeat(32)}.png` } }, 'addProductImage'],
      [
        REMOVE_IMAGE,
        { input: { productId: p.id, imageId: toGlobalId('ProductImage', 1) } },
        'removeProductImage',
      ],
      [REORDER, { input: { productId: p.id, imageIds: [] } }, 'reorderProductImages'],
    ];
    for (const [query, variables, name] of calls) {
      const res = await api.gql(query, variables, { token: tokenB });
      expect(res.errors, name).toBeUndefined();
      expect(res.data[name], name).toEqual({
        product: null,
        userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'productId'] })],
      });
    }
    const shopper = await login('shopper@example.com');
    const admin = await login('admin@example.com');
    const support = await login('support@example.com');
    const all: [string, Record<string, unknown>][] = [
      ...calls.map(([q, v]) => [q, v] as [string, Record<string, unknown>]),
      [CREATE, { input: draft('FOREIGN-3') }],
    ];
    for (const [query, variables] of all) {
      for (const who of [shopper, admin, support]) {
        expect((await api.gql(query, variables, { token: who })).errors?.[0]?.extensions?.code).toBe(
          'FORBIDDEN',
        );
      }
      expect((await api.gql(query, variables)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await catalogState(api)).toEqual(before);
  });

  test('a merchant that is not ACTIVE cannot change listings (MERCHANT_RESTRICTED)', async ({
    api,
    login,
  }) => {
    const token = await login(staffOf(A));
    const p = await createAs(api, token, 'FROZEN-1');
    await api.sql("update merchant set status = 'GENERAL_FROZEN' where handle = $1", [A]);
    try {
      const before = await catalogState(api);
      const calls: [string, Record<string, unknown>, string][] = [
        [CREATE, { input: draft('FROZEN-2') }, 'createProduct'],
        [UPDATE, { input: { productId: p.id, titleEn: 'Changed' } }, 'updateProduct'],
        [VARIANTS, { input: { productId: p.id, variants: [] } }, 'setProductVariants'],
        [PUBLISH, { id: p.id }, 'publishProduct'],
        [UNPUBLISH, { id: p.id }, 'unpublishProduct'],
        [ADD_IMAGE, { input: { productId: p.id, uploadId: `${'a'.repeat(32)}.png` } }, 'addProductImage'],
        [REORDER, { input: { productId: p.id, imageIds: [] } }, 'reorderProductImages'],
      ];
      for (const [query, variables, name] of calls) {
        const res = await api.gql(query, variables, { token });
        expect(res.errors, name).toBeUndefined();
        expect(res.data[name].product, name).toBeNull();
        expect(
          res.data[name].userErrors.map((e: { code: string }) => e.code),
          name,
        ).toEqual(['MERCHANT_RESTRICTED']);
      }
      expect(await catalogState(api)).toEqual(before);
    } finally {
      await api.sql("update merchant set status = 'ACTIVE' where handle = $1", [A]);
    }
  });

  test('image uploads: validated, stored, attached, reordered and removed', async ({ api, login }) => {
    const token = await login(staffOf(A));
    const shopper = await login('shopper@example.com');
    expect((await upload(api, PNG, 'image/png')).status).toBe(401);
    expect((await upload(api, PNG, 'image/png', shopper)).status).toBe(403);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await upload(api, svg, 'image/svg+xml', token)).toEqual({
      status: 400,
      body: { error: { code: 'SVG_NOT_ALLOWED' } },
    });
    expect((await upload(api, svg, 'image/png', token)).body.error?.code).toBe('SVG_NOT_ALLOWED');
    expect((await upload(api, Buffer.from('GIF89a....'), 'image/gif', token)).body.error?.code).toBe(
      'UNSUPPORTED_TYPE',
    );
    expect((await upload(api, JPEG, 'image/png', token)).body.error?.code).toBe('NOT_AN_IMAGE');
    expect(
      (await upload(api, Buffer.from('not an image at all'), 'image/jpeg', token)).body.error?.code,
    ).toBe('NOT_AN_IMAGE');
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(api, big, 'image/png', token);
    expect(tooBig).toEqual({ status: 413, body: { error: { code: 'TOO_LARGE' } } });

    const png = await upload(api, PNG, 'image/png', token);
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ width: 2, height: 3 });
    expect(png.body.uploadId).toMatch(/^[a-f0-9]{32}\.png$/);
    const served = await fetch(`${api.url}${png.body.url}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    const jpg = await upload(api, JPEG, 'image/jpeg', token);
    expect(jpg.body).toMatchObject({ width: 5, height: 4 });

    const p = await createAs(api, token, 'IMG-1');
    let res = await api.gql(
      ADD_IMAGE,
      { input: { productId: p.id, uploadId: png.body.uploadId, altEn: 'Bag', altZh: '袋子' } },
      { token },
    );
    expect(res.data.addProductImage.userErrors).toEqual([]);
    res = await api.gql(ADD_IMAGE, { input: { productId: p.id, uploadId: jpg.body.uploadId } }, { token });
    const images = res.data.addProductImage.product.images;
    expect(images).toMatchObject([
      { url: png.body.url, width: 2, height: 3, altEn: 'Bag', altZh: '袋子' },
      { url: jpg.body.url, width: 5, height: 4 },
    ]);
    const reused = await api.gql(
      ADD_IMAGE,
      { input: { productId: p.id, uploadId: png.body.uploadId } },
      { token },
    );
    expect(reused.data.addProductImage.userErrors[0]?.code).toBe('UPLOAD_NOT_FOUND');
    const unknown = await api.gql(
      ADD_IMAGE,
      { input: { productId: p.id, uploadId: '../../etc/passwd' } },
      { token },
    );
    expect(unknown.data.addProductImage.userErrors[0]?.code).toBe('UPLOAD_NOT_FOUND');

    res = await api.gql(
      REORDER,
      { input: { productId: p.id, imageIds: [images[1].id, images[0].id] } },
      { token },
    );
    expect(res.data.reorderProductImages.product.images.map((i: { id: string }) => i.id)).toEqual([
      images[1].id,
      images[0].id,
    ]);
    const bad = await api.gql(REORDER, { input: { productId: p.id, imageIds: [images[1].id] } }, { token });
    expect(bad.data.reorderProductImages.userErrors[0]?.code).toBe('NOT_FOUND');
    res = await api.gql(REMOVE_IMAGE, { input: { productId: p.id, imageId: images[1].id } }, { token });
    expect(res.data.removeProductImage.product.images.map((i: { id: string }) => i.id)).toEqual([
      images[0].id,
    ]);
  });
});

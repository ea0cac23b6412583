import { type ArrangedProduct, productIn, uid, uploadImage } from '../support.js';
import {
  type Actor,
  type MatrixCase,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  userError,
} from '../types.js';

/**
 * The management center's catalogue: only merchant staff change products, and only their store's (another
 * store's product is NOT_FOUND). Platform staff do not edit merchants' listings (FORBIDDEN); admins may list
 * every store's products (`merchantProducts`).
 */

const STORE_STAFF: Record<Actor, Outcome> = {
  guest: 'UNAUTHENTICATED',
  shopper: 'FORBIDDEN',
  staffA: 'ALLOWED',
  support: 'FORBIDDEN',
  admin: 'FORBIDDEN',
};
const OTHER_STORE: Record<Actor, Outcome> = { ...STORE_STAFF, staffA: userError('NOT_FOUND') };
/** A store that is not ACTIVE changes no listing. */
const FROZEN = userError('MERCHANT_RESTRICTED');

const PAYLOAD = 'product { id status titleEn variants { sku } images { id } } userErrors { code }';
const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { ${PAYLOAD} } }`;
const VARIANTS = `mutation ($input: SetProductVariantsInput!) { setProductVariants(input: $input) { ${PAYLOAD} } }`;
const PUBLISH = `mutation ($id: ID!) { publishProduct(productId: $id) { ${PAYLOAD} } }`;
const UNPUBLISH = `mutation ($id: ID!) { unpublishProduct(productId: $id) { ${PAYLOAD} } }`;
const ADD_IMAGE = `mutation ($input: AddProductImageInput!) { addProductImage(input: $input) { ${PAYLOAD} } }`;
const REMOVE_IMAGE = `mutation ($input: RemoveProductImageInput!) { removeProductImage(input: $input) { ${PAYLOAD} } }`;
const REORDER = `mutation ($input: ReorderProductImagesInput!) { reorderProductImages(input: $input) { ${PAYLOAD} } }`;
const LIST = `query ($merchantId: ID, $query: String) { merchantProducts(first: 100, merchantId: $merchantId, query: $query) {
  nodes { id } totalCount } }`;

async function productRow(ctx: MatrixContext, p: ArrangedProduct) {
  const [row] = await ctx.api.sql<{ status: string; title_en: string; images: number; skus: string[] }>(
    `select status, title_en, (select count(*)::int from product_image where product_id = p.id) as images,
            array(select sku from product_variant where product_id = p.id order by position) as skus
     from product p where id = $1`,
    [p.dbId],
  );
  return row!;
}

/** Cases on a product of store A and of store B. */
function productCases(opts: {
  published?: boolean;
  images?: number;
  call: (
    p: ArrangedProduct,
    ctx: MatrixContext,
  ) => Promise<{ query: string; variables: Record<string, unknown> }>;
  verify: (row: Awaited<ReturnType<typeof productRow>>, p: ArrangedProduct) => string | null;
}): MatrixCase[] {
  return (['A', 'B'] as const).map((target) => ({
    target,
    name: `store ${target}'s ${opts.published ? 'published' : 'draft'} product${opts.images ? ' with images' : ''}`,
    expect: target === 'A' ? STORE_STAFF : OTHER_STORE,
    frozenA: target === 'A' ? FROZEN : undefined,
    async prepare(ctx) {
      const p = await productIn(ctx, target, { published: opts.published, images: opts.images });
      return {
        ...(await opts.call(p, ctx)),
        async verify() {
          const problem = opts.verify(await productRow(ctx, p), p);
          if (problem) throw new Error(problem);
        },
      };
    },
  }));
}

export const catalogAdminEntries: MatrixEntry[] = [
  {
    operation: 'createProduct',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: "a draft in the caller's store",
        expect: STORE_STAFF,
        frozenA: FROZEN,
        async prepare(ctx) {
          const sku = `MATRIX-NEW-${uid()}`.toUpperCase();
          return {
            query: CREATE,
            variables: {
              input: {
                kind: 'GOODS',
                titleEn: 'Matrix new product',
                titleZh: '矩陣新商品',
                variants: [{ sku, titleEn: 'One', titleZh: '一個', price: '9.90', stock: 3 }],
              },
            },
            async verify() {
              const rows = await ctx.api.sql(
                `select 1 from product_variant v join product p on p.id = v.product_id
                 where v.sku = $1 and p.merchant_id = $2`,
                [sku, ctx.world.storeA.id],
              );
              if (rows.length !== 1) throw new Error('the product is not in store A');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'updateProduct',
    kind: 'mutation',
    cases: productCases({
      call: async (p) => ({
        query: UPDATE,
        variables: { input: { productId: p.id, titleEn: 'Renamed by matrix' } },
      }),
      verify: (row) => (row.title_en === 'Renamed by matrix' ? null : `title is ${row.title_en}`),
    }),
  },
  {
    operation: 'setProductVariants',
    kind: 'mutation',
    cases: productCases({
      call: async (p) => ({
        query: VARIANTS,
        variables: {
          input: {
            productId: p.id,
            variants: [
              {
                id: p.variants[0]!.id,
                sku: p.variants[0]!.sku,
                titleEn: 'One',
                titleZh: '一個',
                price: '10.00',
                stock: 5,
              },
              { sku: `${p.variants[0]!.sku}-2`, titleEn: 'Two', titleZh: '兩個', price: '18.00', stock: 2 },
            ],
          },
        },
      }),
      verify: (row) => (row.skus.length === 2 ? null : `variants are ${row.skus.join(', ')}`),
    }),
  },
  {
    operation: 'publishProduct',
    kind: 'mutation',
    cases: productCases({
      call: async (p) => ({ query: PUBLISH, variables: { id: p.id } }),
      verify: (row) => (row.status === 'PUBLISHED' ? null : `status is ${row.status}`),
    }),
  },
  {
    operation: 'unpublishProduct',
    kind: 'mutation',
    cases: productCases({
      published: true,
      call: async (p) => ({ query: UNPUBLISH, variables: { id: p.id } }),
      verify: (row) => (row.status === 'DRAFT' ? null : `status is ${row.status}`),
    }),
  },
  {
    operation: 'addProductImage',
    kind: 'mutation',
    cases: productCases({
      // The upload is store A staff's own: on B's product the product is what is refused.
      call: async (p, ctx) => ({
        query: ADD_IMAGE,
        variables: { input: { productId: p.id, uploadId: await uploadImage(ctx, ctx.token('staffA')!) } },
      }),
      verify: (row) => (row.images === 1 ? null : `${row.images} images`),
    }),
  },
  {
    operation: 'removeProductImage',
    kind: 'mutation',
    cases: productCases({
      images: 1,
      call: async (p) => ({
        query: REMOVE_IMAGE,
        variables: { input: { productId: p.id, imageId: p.imageIds[0] } },
      }),
      verify: (row) => (row.images === 0 ? null : `${row.images} images`),
    }),
  },
  {
    operation: 'reorderProductImages',
    kind: 'mutation',
    cases: productCases({
      images: 2,
      call: async (p) => ({
        query: REORDER,
        variables: { input: { productId: p.id, imageIds: [...p.imageIds].reverse() } },
      }),
      verify: (row) => (row.images === 2 ? null : `${row.images} images`),
    }),
  },
  {
    operation: 'merchantProducts',
    kind: 'query',
    cases: (['A', 'B'] as const).map(
      (target): MatrixCase => ({
        target,
        name: `store ${target}'s draft product`,
        reusable: true,
        // Staff of A asking for B's products (merchantId is ignored for them) get their own store's: B's is absent.
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: 'FORBIDDEN',
          staffA: target === 'A' ? 'ALLOWED' : 'HIDDEN',
          support: 'FORBIDDEN',
          admin: 'ALLOWED',
        },
        note: 'customer service has no catalogue view (the API allows merchant staff and admins)',
        async prepare(ctx) {
          const p = await productIn(ctx, target);
          const store = target === 'A' ? ctx.world.storeA : ctx.world.storeB;
          return {
            query: LIST,
            variables: { merchantId: store.gid, query: p.variants[0]!.sku },
            visible: (data) => data.merchantProducts.nodes.some((n: { id: string }) => n.id === p.id),
          };
        },
      }),
    ),
  },
];

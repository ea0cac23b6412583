import { gid, uid } from '../support.js';
import { ADMIN_ONLY, type MatrixContext, type MatrixEntry, PLATFORM_STAFF } from '../types.js';

/**
 * Permission-matrix entries for slice T3 (issue 6): safe freeze, account deletion and claims.
 * Imposing, lifting and deciding them is a platform admin's act (it moves money and refunds orders);
 * customer service reads claims; merchant staff — of the store concerned or any other — are refused by
 * role (FORBIDDEN), frozen or not. Every case works on a throwaway store so the shared stores A and B
 * keep their listings, orders and money for the other entries.
 */

const SINGLE =
  'a platform admin acts on any store the same way; a throwaway store stands in (freezing store A or B would unpublish and refund the other entries’ objects), and merchant staff are refused by role whichever store it is';

async function freshStore(ctx: MatrixContext, status: 'ACTIVE' | 'SAFE_FROZEN') {
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into merchant (handle, name_en, name_zh, status) values ($1, 'Matrix store', '測試商店', $2) returning id`,
    [`matrix-t3-${uid()}`, status],
  );
  return { id: row!.id, gid: gid('Merchant', row!.id) };
}

async function openClaim(ctx: MatrixContext) {
  const store = await freshStore(ctx, 'SAFE_FROZEN');
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into claim (merchant_id, title, description, attachments) values ($1, 'Matrix claim', 'Matrix', '[]') returning id`,
    [store.id],
  );
  return { store, claimId: gid('Claim', row!.id) };
}

const statusOf = async (ctx: MatrixContext, id: number) =>
  (await ctx.api.sql<{ status: string }>('select status from merchant where id = $1', [id]))[0]!.status;

const FREEZE = `mutation ($input: FreezeMerchantInput!) { freezeMerchant(input: $input) { merchant { id } userErrors { code } } }`;
const UNFREEZE = `mutation ($input: UnfreezeMerchantInput!) { unfreezeMerchant(input: $input) { merchant { id } userErrors { code } } }`;
const DELETE = `mutation ($input: DeleteMerchantAccountInput!) { deleteMerchantAccount(input: $input) { merchant { id } userErrors { code } } }`;
const FILE = `mutation ($input: FileClaimInput!) { fileClaim(input: $input) { claim { id } userErrors { code } } }`;
const DECIDE = `mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { claim { id status } userErrors { code } } }`;
const CLAIMS = `query { staffClaims(first: 100) { nodes { id } } }`;
const CLAIM = `query ($id: ID!) { staffClaim(id: $id) { id } }`;

export const t3Entries: MatrixEntry[] = [
  {
    operation: 'freezeMerchant',
    kind: 'mutation',
    singleTarget: SINGLE,
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        async prepare(ctx) {
          const store = await freshStore(ctx, 'ACTIVE');
          return {
            query: FREEZE,
            variables: { input: { merchantId: store.gid, reason: 'Matrix' } },
            async verify() {
              if ((await statusOf(ctx, store.id)) !== 'SAFE_FROZEN')
                throw new Error('the store is not frozen');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'unfreezeMerchant',
    kind: 'mutation',
    singleTarget: SINGLE,
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        async prepare(ctx) {
          const store = await freshStore(ctx, 'SAFE_FROZEN');
          return {
            query: UNFREEZE,
            variables: { input: { merchantId: store.gid, reason: 'Matrix' } },
            async verify() {
              if ((await statusOf(ctx, store.id)) !== 'ACTIVE') throw new Error('the store is still frozen');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'deleteMerchantAccount',
    kind: 'mutation',
    singleTarget: SINGLE,
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        async prepare(ctx) {
          const store = await freshStore(ctx, 'SAFE_FROZEN');
          return {
            query: DELETE,
            variables: { input: { merchantId: store.gid, reason: 'Matrix' } },
            async verify() {
              if ((await statusOf(ctx, store.id)) !== 'DELETED') throw new Error('the store is not deleted');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'fileClaim',
    kind: 'mutation',
    singleTarget: SINGLE,
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        async prepare(ctx) {
          const store = await freshStore(ctx, 'ACTIVE');
          return {
            query: FILE,
            variables: { input: { merchantId: store.gid, title: 'Matrix claim', description: 'Matrix' } },
            async verify() {
              if ((await statusOf(ctx, store.id)) !== 'SAFE_FROZEN')
                throw new Error('filing did not freeze the store');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'decideClaim',
    kind: 'mutation',
    singleTarget: SINGLE,
    cases: [
      {
        target: 'none',
        expect: ADMIN_ONLY,
        async prepare(ctx) {
          const { claimId } = await openClaim(ctx);
          return {
            query: DECIDE,
            variables: { input: { claimId, outcome: 'REJECTED', note: 'Matrix' } },
            verify(res) {
              if (res.data?.decideClaim?.claim?.status !== 'CLOSED')
                throw new Error('the claim is not closed');
            },
          };
        },
      },
    ],
  },
  {
    operation: 'staffClaims',
    kind: 'query',
    cases: [
      {
        target: 'none',
        reusable: true,
        expect: { ...PLATFORM_STAFF, staffA: 'FORBIDDEN' },
        note: 'claims are the platform’s case files (evidence, affected users); the store is told by notices',
        async prepare(ctx) {
          const { claimId } = await openClaim(ctx);
          return {
            query: CLAIMS,
            visible: (data) => data.staffClaims.nodes.some((n: { id: string }) => n.id === claimId),
          };
        },
      },
    ],
  },
  {
    operation: 'staffClaim',
    kind: 'query',
    singleTarget: SINGLE,
    cases: [
      {
        target: 'none',
        reusable: true,
        expect: { ...PLATFORM_STAFF, staffA: 'FORBIDDEN' },
        async prepare(ctx) {
          const { claimId } = await openClaim(ctx);
          return { query: CLAIM, variables: { id: claimId } };
        },
      },
    ],
  },
];

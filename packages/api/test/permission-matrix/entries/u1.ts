import { randomBytes } from 'node:crypto';
import { gid } from '../support.js';
import { type MatrixContext, type MatrixEntry, userError } from '../types.js';

/** Permission-matrix entries for slice U1 (API keys, issue 7), see ../README.md. */

const CREATE = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id } secret userErrors { code } } }`;
const REVOKE = `mutation ($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { apiKey { id state } userErrors { code } } }`;
const LIST = 'query { apiKeys(first: 100) { nodes { id } } }';

/** An active key of store A or B (created by that store's staff), arranged in SQL. */
async function keyIn(ctx: MatrixContext, target: 'A' | 'B'): Promise<{ id: string; dbId: number }> {
  const store = target === 'A' ? ctx.world.storeA : ctx.world.storeB;
  const [creator] = await ctx.api.sql<{ id: number }>(
    `select id from user_account where merchant_id = $1 and role = 'MERCHANT_STAFF' order by id limit 1`,
    [store.id],
  );
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into api_key (name, token_hash, prefix, scopes, created_by_id, merchant_id)
     values ('Matrix key', $1, 'mk_live_matrix', '["orders:read"]', $2, $3) returning id`,
    [randomBytes(32).toString('hex'), creator!.id, store.id],
  );
  return { dbId: row!.id, id: gid('ApiKey', row!.id) };
}

export const u1Entries: MatrixEntry[] = [
  {
    operation: 'createApiKey',
    kind: 'mutation',
    cases: [
      {
        // Merchant staff (the store owner) for their own store; admins for the platform.
        target: 'none',
        prepare: async (ctx) => ({
          query: CREATE,
          variables: { input: { name: 'Matrix', scopes: ['ORDERS_READ'] } },
          async verify(res) {
            const secret = res.data.createApiKey.secret as string;
            if (!/^mk_live_/.test(secret)) throw new Error('no secret in the payload');
            const rows = await ctx.api.sql('select id from api_key where prefix = $1', [secret.slice(0, 14)]);
            if (rows.length !== 1) throw new Error('no api_key row');
          },
        }),
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: 'FORBIDDEN',
          staffA: 'ALLOWED',
          support: 'FORBIDDEN',
          admin: 'ALLOWED',
        },
        frozenA: userError('ACCOUNT_RESTRICTED'),
      },
    ],
  },
  {
    operation: 'revokeApiKey',
    kind: 'mutation',
    cases: [
      {
        target: 'A',
        async prepare(ctx) {
          const key = await keyIn(ctx, 'A');
          return {
            query: REVOKE,
            variables: { input: { id: key.id } },
            async verify() {
              const [row] = await ctx.api.sql('select revoked_at from api_key where id = $1', [key.dbId]);
              if (!row?.revoked_at) throw new Error('not revoked');
            },
          };
        },
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: 'FORBIDDEN',
          staffA: 'ALLOWED',
          support: 'FORBIDDEN',
          admin: 'ALLOWED',
        },
        // Revoking always works: a sanction must not keep a leaked key alive.
        frozenA: 'ALLOWED',
      },
      {
        target: 'B',
        async prepare(ctx) {
          const key = await keyIn(ctx, 'B');
          return { query: REVOKE, variables: { input: { id: key.id } } };
        },
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: 'FORBIDDEN',
          staffA: userError('NOT_FOUND'),
          support: 'FORBIDDEN',
          admin: 'ALLOWED',
        },
      },
    ],
  },
  {
    operation: 'apiKeys',
    kind: 'query',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      reusable: true,
      async prepare(ctx: MatrixContext) {
        const key = await keyIn(ctx, target);
        return {
          query: LIST,
          visible: (data: { apiKeys: { nodes: { id: string }[] } }) =>
            data.apiKeys.nodes.some((n) => n.id === key.id),
        };
      },
      expect: {
        guest: 'UNAUTHENTICATED',
        shopper: 'FORBIDDEN',
        staffA: target === 'A' ? 'ALLOWED' : 'HIDDEN',
        support: 'FORBIDDEN',
        admin: 'ALLOWED',
      },
    })),
  },
];

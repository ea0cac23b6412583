import { ADMIN_ONLY, type MatrixContext, type MatrixEntry, type Target } from '../types.js';

/**
 * Permission-matrix entries for slice S2 (merchant funds): merchant staff read their own store's funds only
 * (another store's are null, like a store that does not exist); platform admins read every store's and settle;
 * customer service works on orders, not money (FORBIDDEN).
 */

const FUNDS = `query ($merchantId: ID) { merchantFunds(merchantId: $merchantId) {
  available { minorUnits } merchant { id } ledgerEntries(first: 5) { totalCount } payouts(first: 5) { totalCount } } }`;
const OVERVIEW = `query { staffFundsOverview(first: 100) { nodes { merchant { id } available { minorUnits } } } }`;
const PAYOUTS = `query { staffPayouts(first: 100) { nodes { id merchant { id } } } }`;
const SETTLE = `mutation ($input: SettleMerchantFundsInput!) {
  settleMerchantFunds(input: $input) { payout { id } userErrors { code } } }`;

const storeOf = (ctx: MatrixContext, target: Target) =>
  target === 'B' ? ctx.world.storeB : ctx.world.storeA;

/** Gives the store money to pay out: a correction into AVAILABLE (the ledger takes new entries only). */
async function fund(ctx: MatrixContext, target: Target, minor = 1500) {
  const store = storeOf(ctx, target);
  await ctx.api.sql(
    `insert into ledger_entry (merchant_id, kind, bucket, amount_minor, currency, memo)
     values ($1, 'ADJUSTMENT', 'AVAILABLE', $2, 'USD', 'permission matrix')`,
    [store.id, minor],
  );
  return store;
}

const fundsCase = (target: 'A' | 'B'): MatrixEntry['cases'][number] => ({
  target,
  reusable: true,
  prepare: async (ctx) => ({ query: FUNDS, variables: { merchantId: storeOf(ctx, target).gid } }),
  // Another store's funds look like a store that does not exist.
  expect: { ...ADMIN_ONLY, staffA: target === 'A' ? 'ALLOWED' : 'NULL' },
  note: 'customer service handles orders, not merchants’ money',
});

const settleCase = (target: 'A' | 'B'): MatrixEntry['cases'][number] => ({
  target,
  async prepare(ctx) {
    const store = await fund(ctx, target);
    const [counted] = await ctx.api.sql<{ n: number }>(
      'select count(*)::int as n from payout where merchant_id = $1',
      [store.id],
    );
    return {
      query: SETTLE,
      variables: { input: { merchantId: store.gid, reference: `MATRIX-${target}` } },
      async verify() {
        const [after] = await ctx.api.sql<{ n: number }>(
          'select count(*)::int as n from payout where merchant_id = $1',
          [store.id],
        );
        if (after?.n !== (counted?.n ?? 0) + 1) throw new Error('no payout recorded');
      },
    };
  },
  // Only platform admins pay out, their own store's staff included: a role question, not a scope one.
  expect: ADMIN_ONLY,
});

export const s2Entries: MatrixEntry[] = [
  { operation: 'merchantFunds', kind: 'query', cases: [fundsCase('A'), fundsCase('B')] },
  {
    operation: 'staffFundsOverview',
    kind: 'query',
    cases: [
      {
        target: 'none',
        reusable: true,
        prepare: async () => ({ query: OVERVIEW }),
        expect: ADMIN_ONLY,
      },
    ],
  },
  {
    operation: 'staffPayouts',
    kind: 'query',
    cases: [
      {
        target: 'none',
        reusable: true,
        prepare: async () => ({ query: PAYOUTS }),
        expect: ADMIN_ONLY,
      },
    ],
  },
  { operation: 'settleMerchantFunds', kind: 'mutation', cases: [settleCase('A'), settleCase('B')] },
];

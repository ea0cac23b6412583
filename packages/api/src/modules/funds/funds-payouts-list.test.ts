import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { gidOf, staffOf } from './funds.test-support.js';

const ADMIN = 'admin@example.com';

const STAFF_PAYOUTS = `query ($first: Int, $after: String, $filter: PayoutsFilter, $sort: PayoutsSort) {
  staffPayouts(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes { reference amount { minorUnits } merchant { handle } }
  } }`;

const OWN_PAYOUTS = `query ($merchantId: ID, $first: Int, $after: String, $filter: MerchantPayoutsFilter, $sort: PayoutsSort) {
  merchantFunds(merchantId: $merchantId) {
    payouts(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { reference amount { minorUnits } }
    }
  } }`;

type PayoutsPage = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage?: boolean; endCursor: string | null };
  nodes: { reference: string; amount: { minorUnits: number }; merchant?: { handle: string } }[];
};

/** Five payouts of two stores on known days (A: a1–a3, B: b1–b2); once per file (one database per file). */
async function seedPayouts(api: TestApi) {
  const [a, b] = await api.sql<{ id: number; handle: string }>(
    'select id, handle from merchant order by id limit 2',
  );
  const [seeded] = await api.sql<{ n: number }>(
    `select count(*)::int as n from payout where reference = 'a1'`,
  );
  if (seeded!.n > 0) return { a: a!, b: b! };
  const rows: [number, number, string, string][] = [
    [a!.id, 3000, 'a1', '2026-03-01T10:00:00Z'],
    [a!.id, 1000, 'a2', '2026-03-05T10:00:00Z'],
    [a!.id, 5000, 'a3', '2026-03-09T10:00:00Z'],
    [b!.id, 2000, 'b1', '2026-03-03T10:00:00Z'],
    [b!.id, 4000, 'b2', '2026-03-07T10:00:00Z'],
  ];
  for (const [merchantId, amount, reference, at] of rows)
    await api.sql(
      `insert into payout (merchant_id, amount_minor, currency, reference, created_at) values ($1, $2, 'USD', $3, $4)`,
      [merchantId, amount, reference, at],
    );
  return { a: a!, b: b! };
}

/** Every page of a listing, following `endCursor`. */
async function allPages(
  fetch: (after: string | null) => Promise<PayoutsPage>,
): Promise<{ references: string[]; pages: number }> {
  const references: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await fetch(after);
    pages += 1;
    references.push(...page.nodes.map((n) => n.reference));
    if (!page.pageInfo.hasNextPage) return { references, pages };
    after = page.pageInfo.endCursor;
  }
}

describe('payout lists: sort and date filter', () => {
  test('staffPayouts sorts by date or amount in both directions, page by page, and filters by date range and store', async ({
    api,
    login,
  }) => {
    const { a } = await seedPayouts(api);
    const admin = await login(ADMIN);
    const list = async (variables: Record<string, unknown>) => {
      const res = await api.gql<{ staffPayouts: PayoutsPage }>(STAFF_PAYOUTS, variables, { token: admin });
      expect(res.errors).toBeUndefined();
      return res.data.staffPayouts;
    };

    // Default: newest first.
    expect((await list({ first: 10 })).nodes.map((n) => n.reference)).toEqual(['a3', 'b2', 'a2', 'b1', 'a1']);

    // By amount, smallest first, two at a time: the cursors keep the order across pages.
    const byAmount = await allPages(
      async (after) => await list({ first: 2, after, sort: { field: 'AMOUNT', direction: 'ASC' } }),
    );
    expect(byAmount).toEqual({ references: ['a2', 'b1', 'a1', 'b2', 'a3'], pages: 3 });
    const largest = await list({ first: 2, sort: { field: 'AMOUNT', direction: 'DESC' } });
    expect(largest.nodes.map((n) => n.amount.minorUnits)).toEqual([5000, 4000]);
    expect(largest.pageInfo.hasPreviousPage).toBe(false);

    // Oldest first.
    const oldest = await allPages(
      async (after) => await list({ first: 3, after, sort: { field: 'CREATED_AT', direction: 'ASC' } }),
    );
    expect(oldest).toEqual({ references: ['a1', 'b1', 'a2', 'b2', 'a3'], pages: 2 });

    // Date range: from inclusive, to exclusive; counted over the filtered rows.
    const march = await list({
      first: 10,
      filter: { from: '2026-03-03T10:00:00Z', to: '2026-03-09T10:00:00Z' },
    });
    expect(march.totalCount).toBe(3);
    expect(march.nodes.map((n) => n.reference)).toEqual(['b2', 'a2', 'b1']);

    // Store and date together, sorted by amount.
    const ofA = await list({
      first: 10,
      filter: { merchantId: gidOf('Merchant', a.id), from: '2026-03-02T00:00:00Z' },
      sort: { field: 'AMOUNT', direction: 'DESC' },
    });
    expect(ofA.totalCount).toBe(2);
    expect(ofA.nodes.map((n) => [n.reference, n.merchant?.handle])).toEqual([
      ['a3', a.handle],
      ['a2', a.handle],
    ]);
  });

  test('a store’s own payout history sorts and filters, and shows only its payouts', async ({
    api,
    login,
  }) => {
    const { a } = await seedPayouts(api);
    const staff = await login(staffOf(a.handle));
    const res = await api.gql<{ merchantFunds: { payouts: PayoutsPage } }>(
      OWN_PAYOUTS,
      { first: 10, filter: { to: '2026-03-08T00:00:00Z' }, sort: { field: 'AMOUNT', direction: 'ASC' } },
      { token: staff },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.merchantFunds.payouts.totalCount).toBe(2);
    expect(res.data.merchantFunds.payouts.nodes.map((n) => [n.reference, n.amount.minorUnits])).toEqual([
      ['a2', 1000],
      ['a1', 3000],
    ]);
    const byDate = await allPages(async (after) => {
      const r = await api.gql<{ merchantFunds: { payouts: PayoutsPage } }>(
        OWN_PAYOUTS,
        { first: 1, after, sort: { field: 'CREATED_AT', direction: 'ASC' } },
        { token: staff },
      );
      return r.data.merchantFunds.payouts;
    });
    expect(byDate).toEqual({ references: ['a1', 'a2', 'a3'], pages: 3 });
  });

  test('bad input is refused: an empty date range, a cursor of another sort, an unknown sort field', async ({
    api,
    login,
  }) => {
    await seedPayouts(api);
    const admin = await login(ADMIN);
    const backwards = await api.gql(
      STAFF_PAYOUTS,
      { filter: { from: '2026-03-09T00:00:00Z', to: '2026-03-01T00:00:00Z' } },
      { token: admin },
    );
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const page = await api.gql<{ staffPayouts: PayoutsPage }>(
      STAFF_PAYOUTS,
      { first: 2, sort: { field: 'AMOUNT', direction: 'ASC' } },
      { token: admin },
    );
    const mixed = await api.gql(
      STAFF_PAYOUTS,
      { first: 2, after: page.data.staffPayouts.pageInfo.endCursor },
      { token: admin },
    );
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const unknown = await api.gql(STAFF_PAYOUTS, { sort: { field: 'REFERENCE' } }, { token: admin });
    expect(unknown.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(unknown.data?.staffPayouts ?? null).toBeNull();
  });
});

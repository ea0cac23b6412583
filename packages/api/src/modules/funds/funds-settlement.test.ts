import { describe, expect, type Gql, test } from '../payments/payments.test-support.js';
import {
  assertLedgerMatchesOrders,
  deliverReport,
  FUNDS,
  fundsSnapshot,
  gidOf,
  OVERVIEW,
  paidByCard,
  settle,
  staffOf,
} from './funds.test-support.js';

const ADMIN = 'admin@example.com';
const decimal = (minor: number) => (minor / 100).toFixed(2);

describe('the settlement work list', () => {
  test('balances per store, filtered, sorted and paged (admins only)', async ({ api, sandbox, login }) => {
    const s = await paidByCard(api, sandbox, 'service');
    await deliverReport(api, await login(staffOf(s.consult.merchantHandle)), (s.orders as Gql[])[0].id);
    const admin = await login(ADMIN);
    const all = (await api.gql(OVERVIEW, { first: 100 }, { token: admin })).data.staffFundsOverview;
    const merchants = await api.sql('select count(*)::int as n from merchant');
    expect(all.totalCount).toBe(merchants[0].n);
    // Most available first, and the balances are each store's sums.
    const amounts = all.nodes.map((n: Gql) => n.available.minorUnits);
    expect(amounts).toEqual([...amounts].sort((x: number, y: number) => y - x));
    const lead = all.nodes.find((n: Gql) => n.merchant.handle === s.consult.merchantHandle);
    expect(lead.available.minorUnits).toBeGreaterThanOrEqual(s.total);
    expect(lead.viewerCanSettle).toBe(true);
    const [{ n: withAvailable }] = await api.sql(
      `select count(*)::int as n from (select merchant_id from ledger_entry where bucket = 'AVAILABLE'
       group by merchant_id having sum(amount_minor) >= 1) x`,
    );
    const withMoney = (await api.gql(OVERVIEW, { filter: { minAvailable: '0.01' } }, { token: admin })).data
      .staffFundsOverview;
    expect(withMoney.totalCount).toBe(withAvailable);
    expect(withMoney.nodes.map((n: Gql) => n.merchant.handle)).toContain(s.consult.merchantHandle);
    expect(withMoney.nodes.every((n: Gql) => n.available.minorUnits >= 1)).toBe(true);
    const search = (await api.gql(OVERVIEW, { filter: { search: 'volt' } }, { token: admin })).data
      .staffFundsOverview;
    expect(search.nodes.map((n: Gql) => n.merchant.handle)).toEqual(['voltline']);

    const handles: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Gql = (
        await api.gql(
          OVERVIEW,
          { first: 2, after, sort: { field: 'HANDLE', direction: 'ASC' } },
          { token: admin },
        )
      ).data.staffFundsOverview;
      handles.push(...page.nodes.map((n: Gql) => n.merchant.handle));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(handles).toEqual([...handles].sort());
    expect(handles).toHaveLength(merchants[0].n);

    const bad = await api.gql(OVERVIEW, { filter: { minAvailable: 'lots' } }, { token: admin });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const who of [staffOf('voltline'), 'support@example.com', 'shopper@example.com']) {
      const res = await api.gql(OVERVIEW, {}, { token: await login(who) });
      expect(res.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    expect((await api.gql(OVERVIEW, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('who sees which funds', () => {
  test('merchant staff see their own store only; admins any; customer service, shoppers and guests are refused', async ({
    api,
    login,
  }) => {
    const [voltline] = await api.sql(`select id from merchant where handle = 'voltline'`);
    const [roasters] = await api.sql(`select id from merchant where handle = 'formosa-roasters'`);
    const staff = await login(staffOf('voltline'));
    const mine = await api.gql(FUNDS, { merchantId: gidOf('Merchant', voltline.id) }, { token: staff });
    expect(mine.data.merchantFunds.merchant.handle).toBe('voltline');
    const other = await api.gql(FUNDS, { merchantId: gidOf('Merchant', roasters.id) }, { token: staff });
    expect(other.errors).toBeUndefined();
    expect(other.data.merchantFunds).toBeNull();
    const unknown = await api.gql(
      FUNDS,
      { merchantId: gidOf('Merchant', 999_999) },
      { token: await login(ADMIN) },
    );
    expect(unknown.data.merchantFunds).toBeNull();
    const admin = await api.gql(
      FUNDS,
      { merchantId: gidOf('Merchant', roasters.id) },
      { token: await login(ADMIN) },
    );
    expect(admin.data.merchantFunds).toMatchObject({
      merchant: { handle: 'formosa-roasters' },
      viewerCanSettle: false,
    });
    // An admin has no store of their own.
    expect((await api.gql(FUNDS, {}, { token: await login(ADMIN) })).data.merchantFunds).toBeNull();

    for (const who of ['support@example.com', 'shopper@example.com']) {
      const res = await api.gql(FUNDS, {}, { token: await login(who) });
      expect(res.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    expect((await api.gql(FUNDS, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const payouts = await api.gql('{ staffPayouts { totalCount } }', {}, { token: staff });
    expect(payouts.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('settleMerchantFunds refusals', () => {
  test('bad amounts, nothing available, unknown or frozen stores and non-admins change nothing', async ({
    api,
    sandbox,
    login,
  }) => {
    const s = await paidByCard(api, sandbox, 'service');
    await deliverReport(api, await login(staffOf(s.consult.merchantHandle)), (s.orders as Gql[])[0].id);
    const [m] = await api.sql('select id from merchant where handle = $1', [s.consult.merchantHandle]);
    const [volt] = await api.sql(`select id from merchant where handle = 'voltline'`);
    const merchantId = gidOf('Merchant', m.id);
    const admin = await login(ADMIN);
    const available = (await api.gql(FUNDS, { merchantId }, { token: admin })).data.merchantFunds.available
      .minorUnits as number;
    expect(available).toBeGreaterThanOrEqual(s.total);
    const before = await fundsSnapshot(api);

    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ amount: '0' }, 'AMOUNT_NOT_POSITIVE', ['input', 'amount']],
      [{ amount: '-5.00' }, 'AMOUNT_NOT_POSITIVE', ['input', 'amount']],
      [{ amount: '12.345' }, 'INVALID_AMOUNT', ['input', 'amount']],
      [{ amount: 'all of it' }, 'INVALID_AMOUNT', ['input', 'amount']],
      [{ amount: decimal(available + 1) }, 'AMOUNT_EXCEEDS_AVAILABLE', ['input', 'amount']],
      [{ reference: '  ' }, 'INVALID_REFERENCE', ['input', 'reference']],
      [{ reference: 'x'.repeat(101) }, 'INVALID_REFERENCE', ['input', 'reference']],
      [{ note: 'n'.repeat(501) }, 'INVALID_NOTE', ['input', 'note']],
      [{ merchantId: gidOf('Merchant', volt.id) }, 'NOTHING_AVAILABLE', ['input', 'amount']],
      [{ merchantId: gidOf('Merchant', 999_999) }, 'MERCHANT_NOT_FOUND', ['input', 'merchantId']],
      [{ merchantId: gidOf('Product', m.id) }, 'MERCHANT_NOT_FOUND', ['input', 'merchantId']],
    ];
    for (const [change, code, field] of cases) {
      const res = await settle(api, admin, { merchantId, reference: 'TRF-1', ...change });
      expect(res.userErrors, JSON.stringify(change)).toMatchObject([{ code, field }]);
      expect(res.payout).toBeNull();
    }
    expect(await fundsSnapshot(api)).toEqual(before);

    // A safe-frozen store's money is held: no payout while the freeze lasts.
    await api.sql(`update merchant set status = 'SAFE_FROZEN' where id = $1`, [m.id]);
    const frozen = await settle(api, admin, { merchantId, reference: 'TRF-1' });
    expect(frozen.userErrors).toMatchObject([
      { code: 'MERCHANT_NOT_SETTLEABLE', field: ['input', 'merchantId'] },
    ]);
    const shown = (await api.gql(FUNDS, { merchantId }, { token: admin })).data.merchantFunds;
    expect(shown).toMatchObject({
      settleable: false,
      viewerCanSettle: false,
      available: { minorUnits: available },
    });
    await api.sql(`update merchant set status = 'ACTIVE' where id = $1`, [m.id]);
    expect(await fundsSnapshot(api)).toEqual(before);

    // Only admins settle.
    for (const who of [staffOf(s.consult.merchantHandle), 'support@example.com', 'shopper@example.com']) {
      const res = await api.gql(
        'mutation ($input: SettleMerchantFundsInput!) { settleMerchantFunds(input: $input) { userErrors { code } } }',
        { input: { merchantId, reference: 'TRF-1' } },
        { token: await login(who) },
      );
      expect(res.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    const guest = await api.gql(
      'mutation ($input: SettleMerchantFundsInput!) { settleMerchantFunds(input: $input) { userErrors { code } } }',
      { input: { merchantId, reference: 'TRF-1' } },
    );
    expect(guest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await fundsSnapshot(api)).toEqual(before);
  });

  test('concurrent settlements of one store never pay out more than is available', async ({
    api,
    sandbox,
    login,
  }) => {
    const s = await paidByCard(api, sandbox, 'service');
    await deliverReport(api, await login(staffOf(s.consult.merchantHandle)), (s.orders as Gql[])[0].id);
    const [m] = await api.sql('select id from merchant where handle = $1', [s.consult.merchantHandle]);
    const merchantId = gidOf('Merchant', m.id);
    const admin = await login(ADMIN);
    const available = (await api.gql(FUNDS, { merchantId }, { token: admin })).data.merchantFunds.available
      .minorUnits as number;
    const [{ n: paidBefore }] = await api.sql(
      'select coalesce(sum(amount_minor), 0)::int as n from payout where merchant_id = $1',
      [m.id],
    );

    // Eight admins click "Settle everything" at once: one payout of the whole amount.
    const all = await Promise.all(
      Array.from({ length: 8 }, (_, i) => settle(api, admin, { merchantId, reference: `TRF-ALL-${i}` })),
    );
    const paid = all.filter((r) => r.userErrors.length === 0);
    expect(paid).toHaveLength(1);
    expect(paid[0].payout.amount.minorUnits).toBe(available);
    expect(all.filter((r) => r.userErrors[0]?.code === 'NOTHING_AVAILABLE')).toHaveLength(7);

    // Another completed order, then two settlements of 60 % each at once: only one fits.
    const t = await paidByCard(api, sandbox, 'service');
    await deliverReport(api, await login(staffOf(s.consult.merchantHandle)), (t.orders as Gql[])[0].id);
    const sixty = decimal(Math.round(t.total * 0.6));
    const two = await Promise.all([
      settle(api, admin, { merchantId, amount: sixty, reference: 'TRF-60-A' }),
      settle(api, admin, { merchantId, amount: sixty, reference: 'TRF-60-B' }),
    ]);
    expect(two.map((r) => r.userErrors[0]?.code ?? 'OK').sort()).toEqual(['AMOUNT_EXCEEDS_AVAILABLE', 'OK']);

    const [sums] = await api.sql(
      `select (select sum(amount_minor)::int from payout where merchant_id = $1) as paid_out,
              (select sum(amount_minor)::int from ledger_entry where merchant_id = $1 and bucket = 'AVAILABLE') as available`,
      [m.id],
    );
    expect(sums).toEqual({
      paid_out: paidBefore + available + Math.round(t.total * 0.6),
      available: t.total - Math.round(t.total * 0.6),
    });
    await assertLedgerMatchesOrders(api, admin, 0);
  });
});

import { Migration20261122070200_merchant_funds } from '../../db/migrations/Migration20261122070200_merchant_funds.js';
import { autoConfirmOrder } from '../orders/orders.jobs.js';
import { describe, expect, type Gql, jobDeps, mailbox, test } from '../payments/payments.test-support.js';
import {
  assertLedgerMatchesOrders,
  cancelWithRefund,
  confirmReceipt,
  dbId,
  deliverReport,
  FUNDS,
  LEDGER,
  paidByCard,
  settle,
  ship,
  staffOf,
} from './funds.test-support.js';

const ADMIN = 'admin@example.com';
const decimal = (minor: number) => (minor / 100).toFixed(2);
describe('merchant funds ledger', () => {
  test('after payments, a refund, completions and settlements every balance is the sum of its entries and matches the orders', async ({
    api,
    sandbox,
    login,
  }) => {
    const admin = await login(ADMIN);
    const support = await login('support@example.com');

    // Payments: two goods checkouts of two stores each and one consulting service.
    const a = await paidByCard(api, sandbox);
    const b = await paidByCard(api, sandbox);
    const s = await paidByCard(api, sandbox, 'service');
    const [aCoffee, aMug] = a.orders as Gql[];
    const [bCoffee, bMug] = b.orders as Gql[];
    const [consult] = s.orders as Gql[];
    const roasters = a.coffee.merchantHandle;
    const design = a.mug.merchantHandle;
    const consulting = s.consult.merchantHandle;
    expect(await assertLedgerMatchesOrders(api, admin, 0)).toBe(3);

    const roastersStaff = await login(staffOf(roasters));
    const own = (await api.gql(FUNDS, {}, { token: roastersStaff })).data.merchantFunds;
    expect(own).toMatchObject({
      merchant: { handle: roasters },
      pending: { minorUnits: aCoffee.total.minorUnits + bCoffee.total.minorUnits, currencyCode: 'USD' },
      available: { minorUnits: 0 },
      frozen: { minorUnits: 0 },
      settleable: true,
      viewerCanSettle: false,
    });

    // A refund: the shopper cancels b's mug order, customer service approves → FAILED, out of pending.
    await cancelWithRefund(api, b.token, support, bMug);

    // Completions: confirmed receipt, auto-confirmation after shipping, and a delivered report.
    await ship(api, roastersStaff, aCoffee.id);
    await confirmReceipt(api, a.token, aCoffee.id);
    const designStaff = await login(staffOf(design));
    await ship(api, designStaff, aMug.id);
    await autoConfirmOrder({ orderId: dbId(aMug.id) }, jobDeps(api, sandbox));
    await deliverReport(api, await login(staffOf(consulting)), consult.id);
    // b's coffee order is shipped but not delivered yet: its money stays pending.
    await ship(api, roastersStaff, bCoffee.id);
    const statuses = await api.sql('select status from customer_order order by id');
    expect(statuses.map((r) => r.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'SHIPPED',
      'FAILED',
      'COMPLETED',
    ]);
    await assertLedgerMatchesOrders(api, admin, 0);

    const designFunds = (await api.gql(FUNDS, {}, { token: designStaff })).data.merchantFunds;
    expect(designFunds).toMatchObject({
      pending: { minorUnits: 0 },
      available: { minorUnits: aMug.total.minorUnits },
    });

    // The ledger as the store sees it: newest first, each movement with its order.
    const ledger = (await api.gql(LEDGER, { first: 10 }, { token: designStaff })).data.merchantFunds
      .ledgerEntries;
    expect(ledger.totalCount).toBe(5);
    expect(ledger.nodes.map((e: Gql) => [e.kind, e.bucket, e.amount.minorUnits, e.order.number])).toEqual([
      ['ORDER_COMPLETED', 'AVAILABLE', aMug.total.minorUnits, aMug.number],
      ['ORDER_COMPLETED', 'PENDING', -aMug.total.minorUnits, aMug.number],
      ['ORDER_REFUNDED', 'PENDING', -bMug.total.minorUnits, bMug.number],
      ['ORDER_PAID', 'PENDING', bMug.total.minorUnits, bMug.number],
      ['ORDER_PAID', 'PENDING', aMug.total.minorUnits, aMug.number],
    ]);

    // Settlements: part of the roasters' available funds, then the rest.
    const available = aCoffee.total.minorUnits;
    const part = 1000;
    const first = await settle(api, admin, {
      merchantId: own.merchant.id,
      amount: decimal(part),
      reference: 'TRF-2026-0001',
      note: 'November, part 1',
    });
    expect(first.userErrors).toEqual([]);
    expect(first.payout).toMatchObject({
      amount: { minorUnits: part, amount: decimal(part) },
      reference: 'TRF-2026-0001',
      note: 'November, part 1',
      createdByEmail: ADMIN,
      merchant: { handle: roasters },
    });
    expect(first.funds).toMatchObject({
      available: { minorUnits: available - part },
      pending: { minorUnits: bCoffee.total.minorUnits },
    });
    const rest = await settle(api, admin, { merchantId: own.merchant.id, reference: 'TRF-2026-0002' });
    expect(rest.userErrors).toEqual([]);
    expect(rest.payout.amount.minorUnits).toBe(available - part);
    expect(rest.funds.available.minorUnits).toBe(0);
    await assertLedgerMatchesOrders(api, admin, 0);

    // The store's staff see their payouts (without the admin's email) and the PAYOUT entries.
    const mine = await api.gql(
      `{ merchantFunds { payouts(first: 5) { totalCount nodes { reference amount { minorUnits } createdByEmail } } } }`,
      {},
      { token: roastersStaff },
    );
    expect(mine.data.merchantFunds.payouts).toEqual({
      totalCount: 2,
      nodes: [
        { reference: 'TRF-2026-0002', amount: { minorUnits: available - part }, createdByEmail: null },
        { reference: 'TRF-2026-0001', amount: { minorUnits: part }, createdByEmail: null },
      ],
    });
    const payoutEntries = (await api.gql(LEDGER, { filter: { kind: 'PAYOUT' } }, { token: roastersStaff }))
      .data.merchantFunds.ledgerEntries.nodes;
    expect(payoutEntries.map((e: Gql) => [e.bucket, e.amount.minorUnits, e.payout.reference])).toEqual([
      ['AVAILABLE', -(available - part), 'TRF-2026-0002'],
      ['AVAILABLE', -part, 'TRF-2026-0001'],
    ]);

    // The store's staff were emailed about each payout.
    const mail = (await mailbox(api, staffOf(roasters))).filter((m) => m.template === 'funds.payout-sent');
    expect(mail).toHaveLength(2);
    expect(mail[0]!.subject).toContain('$10.00');
    expect(mail[0]!.text).toContain('TRF-2026-0001');

    // Append-only: the database refuses to change or remove an entry.
    await expect(api.sql(`update ledger_entry set amount_minor = 1`)).rejects.toThrow(/append-only/);
    await expect(api.sql(`delete from ledger_entry`)).rejects.toThrow(/append-only/);
  });

  test('ledger filters, sorting and pagination', async ({ api, sandbox, login }) => {
    const a = await paidByCard(api, sandbox);
    const staff = await login(staffOf(a.coffee.merchantHandle));
    const all = (await api.gql(LEDGER, { first: 100 }, { token: staff })).data.merchantFunds.ledgerEntries;
    expect(all.totalCount).toBeGreaterThanOrEqual(1);

    const pending = (await api.gql(LEDGER, { filter: { bucket: 'PENDING' } }, { token: staff })).data
      .merchantFunds.ledgerEntries;
    expect(pending.nodes.every((e: Gql) => e.bucket === 'PENDING')).toBe(true);
    const none = (await api.gql(LEDGER, { filter: { bucket: 'FROZEN' } }, { token: staff })).data
      .merchantFunds.ledgerEntries;
    expect(none).toMatchObject({ nodes: [], totalCount: 0 });
    const future = (
      await api.gql(
        LEDGER,
        { filter: { from: new Date(Date.now() + 86_400_000).toISOString() } },
        { token: staff },
      )
    ).data.merchantFunds.ledgerEntries;
    expect(future.nodes).toEqual([]);

    // Page through by amount, one at a time: the same entries, none twice.
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Gql = (
        await api.gql(
          LEDGER,
          { first: 1, after, sort: { field: 'AMOUNT', direction: 'ASC' } },
          { token: staff },
        )
      ).data.merchantFunds.ledgerEntries;
      seen.push(...page.nodes.map((e: Gql) => e.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(all.nodes.map((e: Gql) => e.id).sort());
    const bad = await api.gql(LEDGER, { after: 'nonsense' }, { token: staff });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('migration backfill', () => {
  test('orders paid before the ledger existed get exactly the entries live recording writes', async ({
    api,
  }) => {
    const orm = api.platform.orm;
    const live = async () =>
      api.sql(
        `select order_id, kind, bucket, amount_minor, merchant_id from ledger_entry where order_id is not null
         order by order_id, kind, bucket`,
      );
    const recorded = await live();
    expect(recorded.length).toBeGreaterThan(0);

    // Play "the ledger did not exist yet": the order entries are gone, then the migration's backfill runs.
    const migration = new Migration20261122070200_merchant_funds(orm.em.getDriver(), orm.config);
    await migration.up();
    const backfill = migration
      .getQueries()
      .map(String)
      .filter((q) => q.startsWith('insert into "ledger_entry"'));
    expect(backfill).toHaveLength(3);
    const [{ n: payoutEntries }] = await api.sql(
      'select count(*)::int as n from ledger_entry where order_id is null',
    );
    await api.sql('alter table ledger_entry disable trigger ledger_entry_append_only');
    await api.sql('delete from ledger_entry where order_id is not null');
    await api.sql('alter table ledger_entry enable trigger ledger_entry_append_only');
    for (const sql of backfill) await api.sql(sql);

    expect(await live()).toEqual(recorded);
    const [{ n: after }] = await api.sql(
      'select count(*)::int as n from ledger_entry where order_id is null',
    );
    expect(after).toBe(payoutEntries);
  });
});

import { type CurrencyCode, money, type OrderStatus, orderFundsMovements } from '@marketplace/core';
import { describe, expect, test } from '../../../test/fixtures.js';
import { generateLargeDataset, LARGE_DATASET_PASSWORD, type LargeDatasetSummary } from './large-dataset.js';

/** The benchmark dataset generator, at small sizes, on a copy of the seeded test database. */
describe('generateLargeDataset', () => {
  let summary: LargeDatasetSummary;

  test('generates the requested counts quickly, in both languages, and ends analysed', async ({ api }) => {
    const url = api.platform.orm.config.get('clientUrl')!;
    summary = await generateLargeDataset(url, {
      merchants: 4,
      products: 60,
      orders: 400,
      shoppers: 6,
      seed: 3,
    });
    expect(summary.durationMs).toBeLessThan(30_000);
    const [counts] = await api.sql(
      `select (select count(*)::int from merchant where handle like 'bench-store-%') as merchants,
              (select count(*)::int from product where handle like 'bench-p%') as products,
              (select count(*)::int from user_account where email like 'bench-shopper-%') as shoppers,
              (select count(*)::int from user_account where email like 'bench-owner-%' and merchant_role = 'OWNER') as owners,
              (select count(*)::int from customer_order o join checkout c on c.id = o.checkout_id
                where c.idempotency_key like 'bench-gen-%') as orders,
              (select count(*)::int from product p where handle like 'bench-p%'
                and not exists (select 1 from product_variant v where v.product_id = p.id)) as without_variants,
              (select count(*)::int from product p where handle like 'bench-p%'
                and not exists (select 1 from product_image i where i.product_id = p.id)) as without_images,
              (select count(*)::int from product where handle like 'bench-p%' and title_zh !~ '[\\u3400-\\u9fff]') as without_zh`,
    );
    expect(counts).toEqual({
      merchants: 4,
      products: 60,
      shoppers: 6,
      owners: 4,
      orders: 400,
      without_variants: 0,
      without_images: 0,
      without_zh: 0,
    });
    expect(summary).toMatchObject({ merchants: 4, products: 60, orders: 400, shoppers: 6 });
    expect(summary.merchantIds).toHaveLength(4);
    expect(summary.shopperEmails[0]).toBe('bench-shopper-1@example.com');
    expect(summary.ownerEmails[3]).toBe('bench-owner-4@example.com');
    expect(summary.productHandles.length).toBeGreaterThan(0);
    expect(summary.stockedVariantIds.length).toBeGreaterThan(0);
    // Every status occurs, and the counts add up.
    expect(Object.keys(summary.ordersByStatus).sort()).toEqual(
      ['AWAITING_PAYMENT', 'AWAITING_SHIPMENT', 'CLOSED', 'COMPLETED', 'FAILED', 'SHIPPED'].sort(),
    );
    expect(Object.values(summary.ordersByStatus).reduce((a, b) => a + b, 0)).toBe(400);
    const [analysed] = await api.sql(
      `select count(*)::int as n from pg_stat_user_tables where relname = 'customer_order' and last_analyze is not null`,
    );
    expect(analysed?.n).toBe(1);
  });

  test('orders add up: totals are the sums of their lines, lines belong to the order’s store', async ({
    api,
  }) => {
    const wrongTotals = await api.sql(
      `select o.number from customer_order o
       where o.total_minor <> o.subtotal_minor - o.discount_minor + o.shipping_fee_minor
          or o.subtotal_minor <> (select sum(l.line_total_minor) from order_line l where l.order_id = o.id)
          or exists (select 1 from order_line l where l.order_id = o.id and l.line_total_minor <> l.unit_price_minor * l.quantity)`,
    );
    expect(wrongTotals).toEqual([]);
    const foreignLines = await api.sql(
      `select l.id from order_line l join customer_order o on o.id = l.order_id
       join product_variant v on v.id = l.variant_id join product p on p.id = v.product_id
       where p.merchant_id <> o.merchant_id or p.kind <> o.kind`,
    );
    expect(foreignLines).toEqual([]);
    const [stock] = await api.sql('select count(*)::int as n from product_variant where stock < 0');
    expect(stock?.n).toBe(0);
  });

  test('paid orders have exactly one captured payment of their total; unpaid ones have none', async ({
    api,
  }) => {
    const rows = await api.sql<{
      status: OrderStatus;
      paid: boolean;
      captured: number;
      amount_ok: boolean;
      refunded_ok: boolean;
    }>(
      `select o.status, o.paid_at is not null as paid,
              (select count(*)::int from payment p where p.checkout_id = o.checkout_id
                and p.status in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')) as captured,
              coalesce((select bool_and(p.amount_minor = o.total_minor) from payment p where p.checkout_id = o.checkout_id), true) as amount_ok,
              coalesce((select bool_and((o.status = 'FAILED') = (p.status = 'REFUNDED' and p.refunded_minor = p.amount_minor))
                        from payment p where p.checkout_id = o.checkout_id), true) as refunded_ok
       from customer_order o join checkout c on c.id = o.checkout_id where c.idempotency_key like 'bench-gen-%'`,
    );
    expect(rows).toHaveLength(400);
    for (const row of rows) {
      const shouldBePaid = ['AWAITING_SHIPMENT', 'SHIPPED', 'COMPLETED', 'FAILED'].includes(row.status);
      expect(row).toMatchObject({
        paid: shouldBePaid,
        captured: shouldBePaid ? 1 : 0,
        amount_ok: true,
        refunded_ok: true,
      });
    }
  });

  test('the ledger is what the funds rules make of each order’s history', async ({ api }) => {
    const orders = await api.sql<{ id: number; total_minor: number; currency: string }>(
      `select o.id, o.total_minor, o.currency from customer_order o join checkout c on c.id = o.checkout_id
       where c.idempotency_key like 'bench-gen-%'`,
    );
    const history = await api.sql<{ order_id: number; to_status: OrderStatus }>(
      `select h.order_id, h.to_status from order_history h order by h.order_id, h.created_at, h.id`,
    );
    const entries = await api.sql<{ order_id: number; kind: string; bucket: string; amount_minor: number }>(
      'select order_id, kind, bucket, amount_minor from ledger_entry where order_id is not null order by id',
    );
    const byOrder = <T extends { order_id: number }>(rows: T[]) => {
      const map = new Map<number, T[]>();
      for (const row of rows) map.set(row.order_id, [...(map.get(row.order_id) ?? []), row]);
      return map;
    };
    const historyOf = byOrder(history);
    const entriesOf = byOrder(entries);
    for (const order of orders) {
      const currency = order.currency as CurrencyCode;
      let pending = 0;
      const expected: { kind: string; bucket: string; amount_minor: number }[] = [];
      const statuses = (historyOf.get(order.id) ?? []).map((h) => h.to_status);
      expect(statuses[0]).toBe('AWAITING_PAYMENT');
      for (const to of statuses.slice(1)) {
        const moves = orderFundsMovements(to, {
          gross: money(order.total_minor, currency),
          commissionBps: 0,
          orderPending: money(pending, currency),
        });
        for (const m of moves) {
          expected.push({ kind: m.kind, bucket: m.bucket, amount_minor: m.amount.minor });
          if (m.bucket === 'PENDING') pending += m.amount.minor;
        }
      }
      const actual = (entriesOf.get(order.id) ?? []).map(({ kind, bucket, amount_minor }) => ({
        kind,
        bucket,
        amount_minor,
      }));
      expect(actual).toEqual(expected);
    }
  });

  test('generated accounts sign in, and the API serves the generated catalog and orders', async ({ api }) => {
    const login = await api.gql<{ login: { token: string | null } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email: summary.shopperEmails[0], password: LARGE_DATASET_PASSWORD } },
    );
    const token = login.data.login.token;
    expect(token).toBeTruthy();
    const orders = await api.gql(
      '{ viewer { orders(first: 5) { edges { node { number status total { amount } } } } } }',
      {},
      { token },
    );
    expect(orders.errors).toBeUndefined();
    expect(orders.data.viewer.orders.edges.length).toBeGreaterThan(0);
    const product = await api.gql(
      'query ($handle: String!) { product(handle: $handle) { handle title(locale: ZH_TW) variants { stock } images { url } } }',
      { handle: summary.productHandles[0] },
    );
    expect(product.errors).toBeUndefined();
    expect(product.data.product.handle).toBe(summary.productHandles[0]);
    expect(product.data.product.images.length).toBeGreaterThan(0);
    const owner = await api.gql<{ login: { token: string | null } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email: summary.ownerEmails[0], password: LARGE_DATASET_PASSWORD } },
    );
    expect(owner.data.login.token).toBeTruthy();
  });
});

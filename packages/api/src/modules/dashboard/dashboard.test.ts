import { inject } from 'vitest';
import { describe, expect, test } from '../../../test/fixtures.js';
import { startTestApi, type TestApi } from '../../../test/harness.js';
import { loadConfig } from '../../config.js';
import { DEMO_PASSWORD } from '../seed/seeder.js';
import {
  addToCart,
  type Gql,
  gid,
  newShopper,
  submit,
  type TestVariant,
  variant,
} from '../checkout/checkout.test-support.js';

const DASHBOARD = `query ($merchantId: ID, $days: Int, $locale: Locale, $by: TopProductsOrder) {
  staffDashboard(merchantId: $merchantId, days: $days) {
    merchant { handle } days timeZone from to currencyCode
    salesByDay { date orders sales { minorUnits currencyCode amount } }
    salesTotal { minorUnits }
    ordersByStatus { status count ordersFilter { status merchantId createdFrom } }
    topProducts(by: $by, limit: 5, locale: $locale) { productId handle title unitsSold revenue { minorUnits } }
    pendingShipments { count oldestAt ordersFilter { status merchantId cancellationRequestStatus } }
    openCancellationRequests { count oldestAt ordersFilter { status merchantId cancellationRequestStatus } }
  } }`;
const STAFF_ORDERS = `query ($filter: StaffOrdersFilter) { staffOrders(first: 100, filter: $filter) {
  nodes { number } totalCount } }`;

const COFFEE_STORE = 'formosa-roasters';
const MUG_STORE = 'lane-nine-design';
const staffOf = (handle: string) => `staff@${handle}.example.com`;

type OrderKey =
  | 'shippedToday'
  | 'awaitingYesterday'
  | 'failed'
  | 'unpaid'
  | 'closed'
  | 'old'
  | 'mugCompleted'
  | 'mugAwaiting';

interface Arranged {
  /** Midnight of today in Asia/Taipei. */
  t0: Date;
  today: string;
  yesterday: string;
  totals: Record<OrderKey, number>;
  coffeeStoreId: string;
  mugStoreId: string;
  numbers: Record<OrderKey, string>;
  beans: { handle: string; titleZh: string };
}

/** A checkout of one store's items, as a fresh shopper; returns the order number and total. */
async function orderOf(api: TestApi, items: [TestVariant, number][]) {
  const shopper = await newShopper(api);
  for (const [v, qty] of items) await addToCart(api, shopper.token, v, qty);
  const result = await submit(api, shopper.token);
  if (result.userErrors.length) throw new Error(JSON.stringify(result.userErrors));
  const [order] = result.checkout.orders as Gql[];
  return { number: order.number as string, total: order.total.minorUnits as number, userId: shopper.userId };
}

let arranged: Promise<Arranged> | null = null;

/**
 * Orders of two stores in every state, paid on both sides of the Taipei midnight (the same UTC day):
 * coffee store: today SHIPPED, yesterday AWAITING_SHIPMENT (+ pending cancellation), FAILED,
 * AWAITING_PAYMENT, CLOSED and a COMPLETED one 40 days ago; mug store: COMPLETED 3 days ago and
 * AWAITING_SHIPMENT 5 days ago.
 */
function arrange(api: TestApi): Promise<Arranged> {
  arranged ??= (async () => {
    const [{ t0, today, yesterday }] = await api.sql(
      `select (date_trunc('day', now() at time zone 'Asia/Taipei') at time zone 'Asia/Taipei') as t0,
              to_char(now() at time zone 'Asia/Taipei', 'YYYY-MM-DD') as today,
              to_char((now() at time zone 'Asia/Taipei') - interval '1 day', 'YYYY-MM-DD') as yesterday`,
    );
    const coffee = await variant(api, 'CAF-ETH-500', { price: 3200, stock: 100 });
    const mug = await variant(api, 'HOM-MUG-CHR', { price: 1800, stock: 100 });
    const [other] = await api.sql(
      `select v.sku, p.handle, p.title_zh from product_variant v join product p on p.id = v.product_id
       join merchant m on m.id = p.merchant_id
       where m.handle = $1 and p.kind = 'GOODS'
         and p.id <> (select product_id from product_variant where sku = 'CAF-ETH-500') order by v.id limit 1`,
      [COFFEE_STORE],
    );
    const beans = await variant(api, other.sku, { price: 100, stock: 100 });

    const orders = {
      shippedToday: await orderOf(api, [
        [coffee, 1],
        [beans, 5],
      ]),
      awaitingYesterday: await orderOf(api, [[coffee, 2]]),
      failed: await orderOf(api, [[coffee, 1]]),
      unpaid: await orderOf(api, [[coffee, 1]]),
      closed: await orderOf(api, [[coffee, 1]]),
      old: await orderOf(api, [[coffee, 1]]),
      mugCompleted: await orderOf(api, [[mug, 2]]),
      mugAwaiting: await orderOf(api, [[mug, 1]]),
    };
    const set = (o: { number: string }, status: string, paidAt: string | null, createdAt = 'now()') =>
      api.sql(
        `update customer_order set status = $2, paid_at = ${paidAt ?? 'null'}, created_at = ${createdAt}
         where number = $1`,
        [o.number, status],
      );
    const t0Sql = `'${new Date(t0).toISOString()}'::timestamptz`;
    await set(orders.shippedToday, 'SHIPPED', t0Sql);
    await set(orders.awaitingYesterday, 'AWAITING_SHIPMENT', `${t0Sql} - interval '1 second'`);
    await set(orders.failed, 'FAILED', `${t0Sql} - interval '2 days'`);
    await set(orders.unpaid, 'AWAITING_PAYMENT', null);
    await set(orders.closed, 'CLOSED', null);
    await set(
      orders.old,
      'COMPLETED',
      `${t0Sql} - interval '40 days'`,
      `${t0Sql} - interval '40 days' - interval '1 hour'`,
    );
    await set(orders.mugCompleted, 'COMPLETED', `${t0Sql} - interval '3 days'`);
    await set(orders.mugAwaiting, 'AWAITING_SHIPMENT', `${t0Sql} - interval '5 days'`);
    await api.sql(
      `insert into order_cancellation_request (order_id, requested_by_id, reason, status, created_at)
       select id, user_id, 'Ordered twice', 'PENDING', now() - interval '2 hours' from customer_order where number = $1`,
      [orders.awaitingYesterday.number],
    );
    return {
      t0: new Date(t0),
      today,
      yesterday,
      totals: Object.fromEntries(Object.entries(orders).map(([k, o]) => [k, o.total])) as Record<
        OrderKey,
        number
      >,
      numbers: Object.fromEntries(Object.entries(orders).map(([k, o]) => [k, o.number])) as Record<
        OrderKey,
        string
      >,
      coffeeStoreId: gid('Merchant', coffee.merchantId),
      mugStoreId: gid('Merchant', mug.merchantId),
      beans: { handle: other.handle, titleZh: other.title_zh },
    };
  })();
  return arranged;
}

const byDate = (d: Gql) => Object.fromEntries(d.salesByDay.map((s: Gql) => [s.date, s.sales.minorUnits]));
const byStatus = (d: Gql) => Object.fromEntries(d.ordersByStatus.map((s: Gql) => [s.status, s.count]));

describe('staffDashboard', () => {
  test('merchant staff see their store: sales per Taipei day, statuses, top products, action items', async ({
    api,
    login,
  }) => {
    const a = await arrange(api);
    const token = await login(staffOf(COFFEE_STORE));
    const res = await api.gql(DASHBOARD, { locale: 'ZH_TW' }, { token });
    expect(res.errors).toBeUndefined();
    const d = res.data.staffDashboard;
    expect(d.merchant).toEqual({ handle: COFFEE_STORE });
    expect(d).toMatchObject({ days: 30, timeZone: 'Asia/Taipei', currencyCode: 'USD' });
    expect(new Date(d.to).getTime() - a.t0.getTime()).toBe(86_400_000);
    expect(a.t0.getTime() - new Date(d.from).getTime()).toBe(29 * 86_400_000);

    // Every day of the period, oldest first, zero-filled.
    expect(d.salesByDay).toHaveLength(30);
    expect(d.salesByDay.at(-1).date).toBe(a.today);
    expect(d.salesByDay.at(-2).date).toBe(a.yesterday);
    const dates = d.salesByDay.map((s: Gql) => s.date);
    expect([...dates].sort()).toEqual(dates);
    // Midnight in Taipei splits orders paid one second apart (same UTC day) into two days.
    const sales = byDate(d);
    expect(sales[a.today]).toBe(a.totals.shippedToday);
    expect(sales[a.yesterday]).toBe(a.totals.awaitingYesterday);
    expect(d.salesByDay.at(-1).orders).toBe(1);
    // The FAILED (refunded) order, unpaid ones and the one before the period are not sales.
    const nonZero = d.salesByDay.filter((s: Gql) => s.sales.minorUnits > 0).map((s: Gql) => s.date);
    expect(nonZero).toEqual([a.yesterday, a.today]);
    expect(d.salesTotal.minorUnits).toBe(a.totals.shippedToday + a.totals.awaitingYesterday);
    expect(d.salesByDay[0].sales).toEqual({ minorUnits: 0, currencyCode: 'USD', amount: '0.00' });

    // All six statuses of orders created in the period (the 40-day-old order is outside).
    expect(byStatus(d)).toEqual({
      AWAITING_PAYMENT: 1,
      AWAITING_SHIPMENT: 1,
      SHIPPED: 1,
      COMPLETED: 0,
      CLOSED: 1,
      FAILED: 1,
    });
    expect(d.ordersByStatus.find((s: Gql) => s.status === 'SHIPPED').ordersFilter).toEqual({
      status: 'SHIPPED',
      merchantId: a.coffeeStoreId,
      createdFrom: d.from,
    });

    // Top products by units, titles in the requested language; the FAILED order's units do not count.
    expect(d.topProducts.map((p: Gql) => [p.handle, p.unitsSold, p.revenue.minorUnits])).toEqual([
      [a.beans.handle, 5, 500],
      ['ethiopia-yirgacheffe-coffee-beans', 3, 9600],
    ]);
    expect(d.topProducts[0].title).toBe(a.beans.titleZh);
    expect(d.topProducts[0].productId).toMatch(/^[A-Za-z0-9_-]+$/);
    const byRevenue = await api.gql(DASHBOARD, { by: 'REVENUE', locale: 'EN' }, { token });
    expect(byRevenue.data.staffDashboard.topProducts.map((p: Gql) => p.handle)).toEqual([
      'ethiopia-yirgacheffe-coffee-beans',
      a.beans.handle,
    ]);

    expect(d.pendingShipments).toEqual({
      count: 1,
      oldestAt: new Date(a.t0.getTime() - 1000).toISOString(),
      ordersFilter: {
        status: 'AWAITING_SHIPMENT',
        merchantId: a.coffeeStoreId,
        cancellationRequestStatus: null,
      },
    });
    expect(d.openCancellationRequests).toMatchObject({
      count: 1,
      ordersFilter: { status: null, merchantId: a.coffeeStoreId, cancellationRequestStatus: 'PENDING' },
    });

    // The links list exactly those orders.
    const shipList = await api.gql(
      STAFF_ORDERS,
      { filter: { status: 'AWAITING_SHIPMENT', merchantId: a.coffeeStoreId } },
      { token },
    );
    expect(shipList.data.staffOrders.nodes.map((o: Gql) => o.number)).toEqual([a.numbers.awaitingYesterday]);
    const cancelList = await api.gql(
      STAFF_ORDERS,
      { filter: { cancellationRequestStatus: 'PENDING' } },
      { token },
    );
    expect(cancelList.data.staffOrders.nodes.map((o: Gql) => o.number)).toEqual([
      a.numbers.awaitingYesterday,
    ]);
    const decided = await api.gql(
      STAFF_ORDERS,
      { filter: { cancellationRequestStatus: 'REJECTED' } },
      { token },
    );
    expect(decided.data.staffOrders.totalCount).toBe(0);

    // A shorter period: only today.
    const oneDay = await api.gql(DASHBOARD, { days: 1 }, { token });
    expect(oneDay.data.staffDashboard.salesByDay).toEqual([
      { date: a.today, orders: 1, sales: expect.objectContaining({ minorUnits: a.totals.shippedToday }) },
    ]);
  });

  test('platform staff see every store or one; merchant staff cannot see another store', async ({
    api,
    login,
  }) => {
    const a = await arrange(api);
    const support = await login('support@example.com');
    const all = (await api.gql(DASHBOARD, {}, { token: support })).data.staffDashboard;
    expect(all.merchant).toBeNull();
    expect(all.salesTotal.minorUnits).toBe(
      a.totals.shippedToday + a.totals.awaitingYesterday + a.totals.mugCompleted + a.totals.mugAwaiting,
    );
    expect(all.pendingShipments.count).toBe(2);
    expect(all.pendingShipments.ordersFilter.merchantId).toBeNull();
    expect(all.openCancellationRequests.count).toBe(1);
    expect(byStatus(all).COMPLETED).toBe(1);

    const admin = await login('admin@example.com');
    const mugOnly = (await api.gql(DASHBOARD, { merchantId: a.mugStoreId }, { token: admin })).data
      .staffDashboard;
    expect(mugOnly.merchant).toEqual({ handle: MUG_STORE });
    expect(mugOnly.salesTotal.minorUnits).toBe(a.totals.mugCompleted + a.totals.mugAwaiting);
    expect(mugOnly.pendingShipments.count).toBe(1);
    expect(new Date(mugOnly.pendingShipments.oldestAt).getTime()).toBe(a.t0.getTime() - 5 * 86_400_000);
    expect(mugOnly.openCancellationRequests).toMatchObject({ count: 0, oldestAt: null });
    expect(mugOnly.topProducts.map((p: Gql) => [p.handle, p.unitsSold])).toEqual([
      ['yingge-stoneware-mug', 3],
    ]);

    // Merchant staff: another store's ID is answered like an unknown one; their own works.
    const coffeeStaff = await login(staffOf(COFFEE_STORE));
    const other = await api.gql(DASHBOARD, { merchantId: a.mugStoreId }, { token: coffeeStaff });
    expect(other.errors).toBeUndefined();
    expect(other.data.staffDashboard).toBeNull();
    const own = await api.gql(DASHBOARD, { merchantId: a.coffeeStoreId }, { token: coffeeStaff });
    expect(own.data.staffDashboard.merchant).toEqual({ handle: COFFEE_STORE });
    for (const merchantId of [gid('Merchant', 999_999), 'not-an-id', gid('Product', 1)]) {
      const unknown = await api.gql(DASHBOARD, { merchantId }, { token: support });
      expect(unknown.errors).toBeUndefined();
      expect(unknown.data.staffDashboard).toBeNull();
    }
  });

  test('shoppers and guests are refused; bad periods are bad input', async ({ api, login }) => {
    const shopper = await login('shopper@example.com');
    const refused = await api.gql(DASHBOARD, {}, { token: shopper });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.staffDashboard ?? null).toBeNull();
    const guest = await api.gql(DASHBOARD, {});
    expect(guest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const support = await login('support@example.com');
    for (const days of [0, 367]) {
      const bad = await api.gql(DASHBOARD, { days }, { token: support });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('REPORTING_TIME_ZONE', () => {
  test('a year in a zone with daylight saving time has every calendar day exactly once', async () => {
    const api = await startTestApi(inject('testDb'), { reportingTimeZone: 'America/New_York' });
    try {
      const [row] = await api.sql(
        `select to_char(now() at time zone 'America/New_York', 'YYYY-MM-DD') as today`,
      );
      const res = await api.gql<Gql>(`mutation ($input: LoginInput!) { login(input: $input) { token } }`, {
        input: { email: 'admin@example.com', password: DEMO_PASSWORD },
      });
      const token = res.data.login.token as string;
      const year = await api.gql(
        'query { staffDashboard(days: 366) { timeZone from to salesByDay { date } } }',
        {},
        { token },
      );
      const d = year.data.staffDashboard;
      expect(d.timeZone).toBe('America/New_York');
      const dates = d.salesByDay.map((s: Gql) => s.date);
      expect(dates).toHaveLength(366);
      expect(new Set(dates).size).toBe(366);
      expect(dates.at(-1)).toBe(row!.today);
      for (let i = 1; i < dates.length; i++) {
        const gap = Date.parse(`${dates[i]}T00:00:00Z`) - Date.parse(`${dates[i - 1]}T00:00:00Z`);
        expect(gap).toBe(86_400_000);
      }
      // The period starts and ends at New York midnights (UTC-5 or UTC-4), whatever the DST switches between.
      for (const instant of [d.from, d.to])
        expect(new Date(instant).getUTCHours() === 4 || new Date(instant).getUTCHours() === 5).toBe(true);
    } finally {
      await api.stop();
    }
  });

  test('defaults to Asia/Taipei and accepts only IANA zone names', () => {
    expect(loadConfig({}).reportingTimeZone).toBe('Asia/Taipei');
    expect(loadConfig({ REPORTING_TIME_ZONE: 'Europe/Berlin' }).reportingTimeZone).toBe('Europe/Berlin');
    expect(loadConfig({ REPORTING_TIME_ZONE: 'UTC' }).reportingTimeZone).toBe('UTC');
    for (const bad of ['Mars/Olympus', '+08:00', "Asia/Taipei'; drop table x"])
      expect(() => loadConfig({ REPORTING_TIME_ZONE: bad })).toThrow(/REPORTING_TIME_ZONE/);
  });
});

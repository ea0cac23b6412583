import {
  CARDS,
  cardToken,
  checkoutWith,
  dbId,
  describe,
  expect,
  type Gql,
  pay,
  test,
} from '../payments/payments.test-support.js';
import { csvCell } from './orders-admin.service.js';

const LIST = `query ($first: Int, $after: String, $filter: StaffOrdersFilter, $sort: StaffOrdersSort) {
  staffOrders(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { id number status total { minorUnits } merchant { handle } shopperEmail }
    pageInfo { hasNextPage endCursor } totalCount } }`;
const ONE = `query ($n: String!) { staffOrder(number: $n) { number status shopperEmail
  internalNotes { text authorEmail } lines { sku quantity } history { to } shippingAddress { city } } }`;
const NOTE = `mutation ($input: AddOrderNoteInput!) { addOrderNote(input: $input) {
  note { text authorEmail } userErrors { code field } } }`;
const CLOSE = `mutation ($input: CloseOrderInput!) { closeOrder(input: $input) {
  order { status history { to actor reason } } userErrors { code field } } }`;
const CSV = 'query ($filter: StaffOrdersFilter) { exportOrdersCsv(filter: $filter) }';
const SHIP = `mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) { orders { status } userErrors { code } } }`;

const staffOf = (handle: string) => `staff@${handle}.example.com`;

async function orderState(api: Parameters<typeof checkoutWith>[0], ids: number[]) {
  return {
    orders: await api.sql(
      'select id, status, closed_at from customer_order where id = any($1::int[]) order by id',
      [ids],
    ),
    notes: await api.sql('select count(*)::int as n from order_note'),
    stock: await api.sql(
      "select sku, stock from product_variant where sku in ('CAF-ETH-500','HOM-MUG-CHR') order by sku",
    ),
  };
}

describe('staffOrders scoping', () => {
  test('merchant staff see only their store; customer service sees all; shoppers are refused', async ({
    api,
    login,
  }) => {
    const a = await checkoutWith(api);
    const [coffeeOrder, mugOrder] = a.orders as Gql[];
    const coffeeStaff = await login(staffOf(a.coffee.merchantHandle));
    const filter = { search: a.email };

    const mine = await api.gql(LIST, { filter }, { token: coffeeStaff });
    expect(mine.errors).toBeUndefined();
    expect(mine.data.staffOrders.nodes.map((o: Gql) => o.number)).toEqual([coffeeOrder.number]);
    expect(mine.data.staffOrders.nodes[0].shopperEmail).toBe(a.email);
    // The merchant filter cannot widen a merchant's scope.
    const support = await login('support@example.com');
    const merchants = (await api.gql('{ staffOrderMerchants { id handle } }', {}, { token: support })).data
      .staffOrderMerchants as Gql[];
    expect(merchants.length).toBeGreaterThan(1);
    const mugMerchant = merchants.find((m) => m.handle === a.mug.merchantHandle)!;
    const widened = await api.gql(
      LIST,
      { filter: { ...filter, merchantId: mugMerchant.id } },
      { token: coffeeStaff },
    );
    expect(widened.data.staffOrders.nodes.map((o: Gql) => o.number)).toEqual([coffeeOrder.number]);
    const ownMerchants = await api.gql('{ staffOrderMerchants { handle } }', {}, { token: coffeeStaff });
    expect(ownMerchants.data.staffOrderMerchants).toEqual([{ handle: a.coffee.merchantHandle }]);
    // Platform staff narrow by merchant.
    const onlyMug = await api.gql(
      LIST,
      { filter: { ...filter, merchantId: mugMerchant.id } },
      { token: support },
    );
    expect(onlyMug.data.staffOrders.nodes.map((o: Gql) => o.number)).toEqual([mugOrder.number]);
    const all = await api.gql(LIST, { filter }, { token: support });
    expect(all.data.staffOrders.nodes.map((o: Gql) => o.number).sort()).toEqual(
      [coffeeOrder.number, mugOrder.number].sort(),
    );
    expect(all.data.staffOrders.totalCount).toBe(2);

    // Another store's order does not exist for merchant staff.
    expect((await api.gql(ONE, { n: mugOrder.number }, { token: coffeeStaff })).data.staffOrder).toBeNull();
    const csv = (await api.gql(CSV, { filter }, { token: coffeeStaff })).data.exportOrdersCsv as string;
    expect(csv).toContain(coffeeOrder.number);
    expect(csv).not.toContain(mugOrder.number);

    // Shoppers are refused.
    const asShopper = await api.gql(LIST, {}, { token: a.token });
    expect(asShopper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const csvShopper = await api.gql(CSV, {}, { token: a.token });
    expect(csvShopper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Shoppers never see internal fields on their own order.
    const own = await api.gql(
      'query ($n: String!) { order(number: $n) { internalNotes { text } shopperEmail } }',
      {
        n: coffeeOrder.number,
      },
      { token: a.token },
    );
    expect(own.data.order).toEqual({ internalNotes: null, shopperEmail: null });
  });

  test('merchant staff cannot note, close or ship another store’s order: nothing changes', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await checkoutWith(api);
    const ids = (a.orders as Gql[]).map((o) => dbId(o.id));
    const mugOrder = a.orders[1] as Gql;
    const coffeeStaff = await login(staffOf(a.coffee.merchantHandle));
    const before = await orderState(api, ids);
    const note = await api.gql(NOTE, { input: { orderId: mugOrder.id, text: 'x' } }, { token: coffeeStaff });
    expect(note.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const close = await api.gql(
      CLOSE,
      { input: { orderId: mugOrder.id, reason: 'x' } },
      { token: coffeeStaff },
    );
    expect(close.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await orderState(api, ids)).toEqual(before);

    const res = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    expect(res.payment.status).toBe('SUCCEEDED');
    const paid = await orderState(api, ids);
    const ship = await api.gql(
      SHIP,
      { input: { orders: [{ orderId: mugOrder.id, carrier: 'Post', trackingNumber: 'RR1' }] } },
      { token: coffeeStaff },
    );
    expect(ship.data.shipOrders.userErrors[0].code).toBe('ORDER_NOT_FOUND');
    expect(await orderState(api, ids)).toEqual(paid);
  });
});

describe('filters, sort and pagination', () => {
  test('status, search, cancellation filter; keyset pages by total do not repeat or skip', async ({
    api,
    login,
  }) => {
    const a = await checkoutWith(api);
    const b = await checkoutWith(api);
    const support = await login('support@example.com');
    await api.sql("update customer_order set status = 'AWAITING_SHIPMENT' where id = $1", [
      dbId(b.orders[0].id),
    ]);

    const byStatus = await api.gql(
      LIST,
      { filter: { search: 'example', status: 'AWAITING_SHIPMENT' }, first: 100 },
      { token: support },
    );
    const numbers = byStatus.data.staffOrders.nodes.map((o: Gql) => o.number);
    expect(numbers).toContain(b.orders[0].number);
    expect(numbers).not.toContain(a.orders[0].number);
    expect(byStatus.data.staffOrders.nodes.every((o: Gql) => o.status === 'AWAITING_SHIPMENT')).toBe(true);

    const none = await api.gql(
      LIST,
      { filter: { search: a.email, hasCancellationRequest: true } },
      { token: support },
    );
    expect(none.data.staffOrders.nodes).toEqual([]);
    const future = await api.gql(
      LIST,
      { filter: { search: a.email, createdFrom: new Date(Date.now() + 3_600_000).toISOString() } },
      { token: support },
    );
    expect(future.data.staffOrders.nodes).toEqual([]);

    // Page through everything by total ascending, two at a time.
    const seen: Gql[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: Gql = await api.gql(
        LIST,
        { first: 2, after, sort: { field: 'TOTAL', direction: 'ASC' } },
        { token: support },
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.staffOrders.nodes);
      if (!page.data.staffOrders.pageInfo.hasNextPage) break;
      after = page.data.staffOrders.pageInfo.endCursor;
    }
    const [{ n }] = await api.sql('select count(*)::int as n from customer_order');
    expect(seen).toHaveLength(n);
    expect(new Set(seen.map((o) => o.id)).size).toBe(n);
    const totals = seen.map((o) => o.total.minorUnits);
    expect(totals).toEqual([...totals].sort((x, y) => x - y));

    // A cursor of another sort is refused.
    const bad = await api.gql(
      LIST,
      { first: 2, after, sort: { field: 'NUMBER', direction: 'ASC' } },
      { token: support },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('keyset pages at scale (issue 8)', () => {
  test('orders created in the same microsecond page without skips or repeats, newest first', async ({
    api,
    login,
  }) => {
    await checkoutWith(api);
    await checkoutWith(api);
    const support = await login('support@example.com');
    // Ties on created_at, and instants a JavaScript Date cannot hold (microseconds): the cursor
    // keeps PostgreSQL's own text of the instant.
    await api.sql(
      `update customer_order set created_at = timestamptz '2026-03-01 10:00:00.123456+00'
       + ((id % 3) * interval '1 microsecond')`,
    );
    const walk = async (sort: Record<string, string> | null, first: number) => {
      const seen: Gql[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const page: Gql = await api.gql(LIST, { first, after, sort }, { token: support });
        expect(page.errors).toBeUndefined();
        seen.push(...page.data.staffOrders.nodes);
        if (!page.data.staffOrders.pageInfo.hasNextPage) break;
        after = page.data.staffOrders.pageInfo.endCursor;
      }
      return seen.map((o) => dbId(o.id));
    };
    const expected = (await api.sql(`select id from customer_order order by created_at desc, id desc`)).map(
      (r: { id: number }) => r.id,
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(await walk(null, 1)).toEqual(expected);
    expect(await walk({ field: 'CREATED_AT', direction: 'DESC' }, 2)).toEqual(expected);
    expect(await walk({ field: 'CREATED_AT', direction: 'ASC' }, 2)).toEqual([...expected].reverse());
  });

  test('a search pages through orders matched by number or by shopper email; counts stop at the limit', async ({
    api,
    login,
  }) => {
    const a = await checkoutWith(api);
    await checkoutWith(api);
    const support = await login('support@example.com');
    const byEmail = (
      await api.sql(
        `select o.id from customer_order o join user_account u on u.id = o.user_id
         where u.email = $1 order by o.created_at desc, o.id desc`,
        [a.email],
      )
    ).map((r: { id: number }) => r.id);
    expect(byEmail.length).toBeGreaterThan(1);
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Gql = await api.gql(
        LIST,
        { first: 1, after, filter: { search: a.email.toUpperCase() } },
        { token: support },
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.staffOrders.nodes.map((o: Gql) => dbId(o.id)));
      if (!page.data.staffOrders.pageInfo.hasNextPage) break;
      after = page.data.staffOrders.pageInfo.endCursor;
    }
    expect(seen).toEqual(byEmail);
    const number = (a.orders[0] as Gql).number as string;
    const one = await api.gql(LIST, { filter: { search: number.slice(-9) } }, { token: support });
    expect(one.data.staffOrders.nodes.map((o: Gql) => o.number)).toEqual([number]);

    const COUNT = `query ($limit: Int!, $filter: StaffOrdersFilter) { staffOrders(first: 1, filter: $filter) {
      totalCount totalCountUpTo(limit: $limit) } }`;
    const [{ n }] = await api.sql('select count(*)::int as n from customer_order');
    expect(n).toBeGreaterThan(2);
    const capped = await api.gql(COUNT, { limit: 2 }, { token: support });
    expect(capped.data.staffOrders).toEqual({ totalCount: n, totalCountUpTo: 2 });
    const exact = await api.gql(COUNT, { limit: 1000 }, { token: support });
    expect(exact.data.staffOrders).toEqual({ totalCount: n, totalCountUpTo: n });
    const searched = await api.gql(COUNT, { limit: 1000, filter: { search: a.email } }, { token: support });
    expect(searched.data.staffOrders).toEqual({ totalCount: byEmail.length, totalCountUpTo: byEmail.length });
  });
});

describe('notes and closing', () => {
  test('customer service adds internal notes, visible to staff only; empty note refused', async ({
    api,
    login,
  }) => {
    const a = await checkoutWith(api);
    const order = a.orders[0] as Gql;
    const support = await login('support@example.com');
    const empty = await api.gql(NOTE, { input: { orderId: order.id, text: '   ' } }, { token: support });
    expect(empty.data.addOrderNote.userErrors).toEqual([{ code: 'INVALID_TEXT', field: ['input', 'text'] }]);
    expect(await api.sql('select count(*)::int as n from order_note')).toEqual([{ n: 0 }]);

    const ok = await api.gql(
      NOTE,
      { input: { orderId: order.id, text: ' Called the shopper. ' } },
      { token: support },
    );
    expect(ok.data.addOrderNote).toEqual({
      note: { text: 'Called the shopper.', authorEmail: 'support@example.com' },
      userErrors: [],
    });
    const staff = await login(staffOf(a.coffee.merchantHandle));
    const seen = await api.gql(ONE, { n: order.number }, { token: staff });
    expect(seen.data.staffOrder.internalNotes).toEqual([
      { text: 'Called the shopper.', authorEmail: 'support@example.com' },
    ]);
    const shopper = await api.gql(
      'query ($n: String!) { order(number: $n) { internalNotes { text } } }',
      {
        n: order.number,
      },
      { token: a.token },
    );
    expect(shopper.data.order.internalNotes).toBeNull();
  });

  test('closeOrder closes an unpaid order and gives the stock back; a closed order cannot be closed again', async ({
    api,
    login,
  }) => {
    const a = await checkoutWith(api);
    const order = a.orders[0] as Gql;
    const support = await login('support@example.com');
    const stockOf = async () =>
      (await api.sql("select stock from product_variant where sku = 'CAF-ETH-500'"))[0]!.stock as number;
    const before = await stockOf();
    const noReason = await api.gql(CLOSE, { input: { orderId: order.id, reason: ' ' } }, { token: support });
    expect(noReason.data.closeOrder.userErrors[0].code).toBe('INVALID_REASON');
    expect(await stockOf()).toBe(before);

    const res = await api.gql(
      CLOSE,
      { input: { orderId: order.id, reason: 'Duplicate order' } },
      { token: support },
    );
    expect(res.data.closeOrder.userErrors).toEqual([]);
    expect(res.data.closeOrder.order.status).toBe('CLOSED');
    expect(res.data.closeOrder.order.history.at(-1)).toEqual({
      to: 'CLOSED',
      actor: 'STAFF',
      reason: 'Duplicate order',
    });
    expect(await stockOf()).toBe(before + 1);

    const again = await api.gql(CLOSE, { input: { orderId: order.id, reason: 'again' } }, { token: support });
    expect(again.data.closeOrder.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(await stockOf()).toBe(before + 1);
  });
});

describe('CSV export', () => {
  test('header, one row per order, RFC 4180 quoting and formula-safe cells', async ({ api, login }) => {
    const a = await checkoutWith(api);
    const order = a.orders[0] as Gql;
    await api.sql(
      `update customer_order set ship_recipient_name = '=HYPERLINK("x")', ship_city = 'Taipei, "Da''an"' where id = $1`,
      [dbId(order.id)],
    );
    const admin = await login('admin@example.com');
    const csv = (await api.gql(CSV, { filter: { search: order.number } }, { token: admin })).data
      .exportOrdersCsv as string;
    const lines = csv.split('\r\n');
    expect(lines[0]!.startsWith('number,created_at,status,kind,merchant,shopper_email')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toContain(`${order.number},`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain(`"Taipei, ""Da'an"""`);
    expect(lines[1]).toContain(',AWAITING_PAYMENT,GOODS,');
    expect(lines[1]).toMatch(/^MP-\d{8}-\d+,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);
  });

  test.each([
    ['plain', 'plain'],
    ['=1+1', "'=1+1"],
    ['+886', "'+886"],
    ['-3', "'-3"],
    ['@sum', "'@sum"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    [null, ''],
    [42, '42'],
  ])('csvCell(%j) = %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('staffOrder detail', () => {
  test('a cancellation request is found by the filter; after approval the detail shows the refund, the decision and the timeline', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await checkoutWith(api);
    const [coffeeOrder, mugOrder] = a.orders as Gql[];
    const paid = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    expect(paid.payment.status).toBe('SUCCEEDED');
    const asked = await api.gql(
      `mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) { userErrors { code } } }`,
      { input: { orderId: mugOrder.id, reason: 'Wrong colour' } },
      { token: a.token },
    );
    expect(asked.data.requestOrderCancellation.userErrors).toEqual([]);

    const support = await login('support@example.com');
    const requested = await api.gql(
      LIST,
      { filter: { search: a.email, hasCancellationRequest: true } },
      { token: support },
    );
    expect(requested.data.staffOrders.nodes.map((o: Gql) => o.number)).toEqual([mugOrder.number]);
    const without = await api.gql(
      LIST,
      { filter: { search: a.email, hasCancellationRequest: false } },
      { token: support },
    );
    expect(without.data.staffOrders.nodes.map((o: Gql) => o.number)).toEqual([coffeeOrder.number]);

    const approved = await api.gql(
      `mutation ($input: ApproveCancellationRequestInput!) { approveCancellationRequest(input: $input) { userErrors { code } } }`,
      { input: { orderId: mugOrder.id } },
      { token: support },
    );
    expect(approved.data.approveCancellationRequest.userErrors).toEqual([]);

    const DETAIL = `query ($n: String!) { staffOrder(number: $n) { status
      cancellationRequest { status reason } staffRefunds { status amount { minorUnits } orderNumber }
      history { from to actor } } }`;
    const detail = (await api.gql(DETAIL, { n: mugOrder.number }, { token: support })).data.staffOrder;
    expect(detail.status).toBe('FAILED');
    expect(detail.cancellationRequest).toEqual({ status: 'APPROVED', reason: 'Wrong colour' });
    expect(detail.staffRefunds).toEqual([
      {
        status: 'SUCCEEDED',
        amount: { minorUnits: mugOrder.total.minorUnits },
        orderNumber: mugOrder.number,
      },
    ]);
    expect(detail.history.map((h: Gql) => h.to)).toEqual(['AWAITING_PAYMENT', 'AWAITING_SHIPMENT', 'FAILED']);
    // The mug store's staff see the same refund; the shopper never gets staff-only fields.
    const mugStaff = await login(staffOf(a.mug.merchantHandle));
    const forStore = (await api.gql(DETAIL, { n: mugOrder.number }, { token: mugStaff })).data.staffOrder;
    expect(forStore.staffRefunds).toHaveLength(1);
    const own = await api.gql(
      'query ($n: String!) { order(number: $n) { staffRefunds { status } } }',
      {
        n: mugOrder.number,
      },
      { token: a.token },
    );
    expect(own.data.order.staffRefunds).toBeNull();
  });
});

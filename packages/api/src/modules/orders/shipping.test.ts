import type { TestApi } from '../../../test/harness.js';
import {
  CARDS,
  cardToken,
  checkoutWith,
  dbId,
  describe,
  expect,
  type Gql,
  mailbox,
  pay,
  test,
} from '../payments/payments.test-support.js';

const SHIP = `mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) {
  orders { id number status shippedAt shipment { carrier trackingNumber shippedAt } history { from to actor } }
  userErrors { code field message } } }`;
const CONFIRM = `mutation ($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) {
  order { status shipment { trackingNumber } } userErrors { code } } }`;
const ORDER = `query ($n: String!) { order(number: $n) { status viewerCanConfirmReceipt shipment { carrier trackingNumber shippedAt } } }`;

type RunningSandbox = Parameters<typeof cardToken>[0];

/** A fresh shopper's checkout (goods of two merchants, or one service) paid by UnionPay card. */
async function paidCheckout(
  api: TestApi,
  sandbox: RunningSandbox,
  kind: 'goods' | 'service' = 'goods',
  locale: 'en' | 'zh-TW' = 'en',
) {
  const a = await checkoutWith(api, kind, locale);
  const res = await pay(api, a.token, {
    checkoutId: a.checkoutId,
    method: 'UNIONPAY_CARD',
    cardToken: await cardToken(sandbox, CARDS.success),
  });
  expect(res.payment.status).toBe('SUCCEEDED');
  return a;
}

const staffOf = (handle: string) => `staff@${handle}.example.com`;

/** Everything shipping could change, for "a refusal changes nothing". */
async function shippingState(api: TestApi, orderIds: string[]) {
  const ids = orderIds.map(dbId);
  return {
    orders: await api.sql(
      `select id, status, shipping_carrier, tracking_number, shipped_at from customer_order
       where id = any($1::int[]) order by id`,
      [ids],
    ),
    history: await api.sql('select count(*)::int as n from order_history where order_id = any($1::int[])', [
      ids,
    ]),
    emails: await api.sql(`select count(*)::int as n from email_message where template = 'orders.shipped'`),
    jobs: await api.sql(`select count(*)::int as n from graphile_worker.jobs where key = any($1::text[])`, [
      ids.map((id) => `orders.auto-confirm:${id}`),
    ]),
  };
}

describe('shipOrders', () => {
  test('merchant staff ship a paid order: SHIPPED with carrier and tracking, one history entry, auto-confirm scheduled, English email', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await paidCheckout(api, sandbox);
    const coffeeOrder = a.orders[0];
    const staff = await login(staffOf(a.coffee.merchantHandle));
    const res = await api.gql(
      SHIP,
      {
        input: {
          orders: [{ orderId: coffeeOrder.id, carrier: ' Chunghwa  Post ', trackingNumber: 'rr123456789tw' }],
        },
      },
      { token: staff },
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data.shipOrders;
    expect(payload.userErrors).toEqual([]);
    expect(payload.orders).toHaveLength(1);
    expect(payload.orders[0]).toMatchObject({
      number: coffeeOrder.number,
      status: 'SHIPPED',
      shipment: { carrier: 'Chunghwa Post', trackingNumber: 'RR123456789TW', shippedAt: expect.any(String) },
    });
    expect(payload.orders[0].shippedAt).toBe(payload.orders[0].shipment.shippedAt);
    expect(payload.orders[0].history.at(-1)).toEqual({
      from: 'AWAITING_SHIPMENT',
      to: 'SHIPPED',
      actor: 'MERCHANT',
    });
    // The other merchant's order of the same checkout is untouched.
    const [other] = await api.sql('select status from customer_order where id = $1', [dbId(a.orders[1].id)]);
    expect(other!.status).toBe('AWAITING_SHIPMENT');
    const [job] = await api.sql('select 1 as one from graphile_worker.jobs where key = $1', [
      `orders.auto-confirm:${dbId(coffeeOrder.id)}`,
    ]);
    expect(job).toEqual({ one: 1 });

    // The shopper sees it on the order page.
    const seen = (await api.gql(ORDER, { n: coffeeOrder.number }, { token: a.token })).data.order;
    expect(seen).toMatchObject({
      status: 'SHIPPED',
      viewerCanConfirmReceipt: true,
      shipment: { carrier: 'Chunghwa Post', trackingNumber: 'RR123456789TW' },
    });

    // The email, in the development mailbox as the admin sees it.
    const admin = await login('admin@example.com');
    const box = await api.gql(
      'query ($to: String) { developmentMailbox(to: $to) { nodes { subject text template locale } } }',
      { to: a.email },
      { token: admin },
    );
    const shippedMail = box.data.developmentMailbox.nodes.filter((m: Gql) => m.template === 'orders.shipped');
    expect(shippedMail).toHaveLength(1);
    expect(shippedMail[0].locale).toBe('EN');
    expect(shippedMail[0].subject).toBe(`Your order ${coffeeOrder.number} has shipped`);
    expect(shippedMail[0].text).toContain('Tracking number  RR123456789TW');
    expect(shippedMail[0].text).toContain('Carrier  Chunghwa Post');
    expect(shippedMail[0].text).toMatch(/× 1/);
    expect(shippedMail[0].text).toContain(`/account/orders/${coffeeOrder.number}`);

    // Then the shopper confirms receipt: SHIPPED → COMPLETED, the auto-confirm job is gone.
    const confirmed = await api.gql(CONFIRM, { input: { orderId: coffeeOrder.id } }, { token: a.token });
    expect(confirmed.data.confirmReceipt).toEqual({
      order: { status: 'COMPLETED', shipment: { trackingNumber: 'RR123456789TW' } },
      userErrors: [],
    });
    expect(
      await api.sql('select 1 from graphile_worker.jobs where key = $1', [
        `orders.auto-confirm:${dbId(coffeeOrder.id)}`,
      ]),
    ).toEqual([]);
  });

  test('several orders at once, each with its own tracking number; a zh-TW shopper gets the email in Traditional Chinese', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await paidCheckout(api, sandbox, 'goods', 'zh-TW');
    const b = await paidCheckout(api, sandbox, 'goods', 'en');
    const staff = await login(staffOf(a.coffee.merchantHandle));
    const res = await api.gql(
      SHIP,
      {
        input: {
          orders: [
            { orderId: b.orders[0].id, carrier: 'DHL Express', trackingNumber: 'DHL-0001' },
            { orderId: a.orders[0].id, carrier: '黑貓宅急便', trackingNumber: '9012-3456-7890' },
          ],
        },
      },
      { token: staff },
    );
    expect(res.data.shipOrders.userErrors).toEqual([]);
    expect(
      res.data.shipOrders.orders.map((o: Gql) => [o.number, o.status, o.shipment.trackingNumber]),
    ).toEqual([
      [b.orders[0].number, 'SHIPPED', 'DHL-0001'],
      [a.orders[0].number, 'SHIPPED', '9012-3456-7890'],
    ]);

    const zhMail = (await mailbox(api, a.email)).filter((m) => m.template === 'orders.shipped');
    expect(zhMail).toHaveLength(1);
    expect(zhMail[0]).toMatchObject({ locale: 'zh-TW', subject: `您的訂單 ${a.orders[0].number} 已出貨` });
    expect(zhMail[0]!.text).toContain('追蹤編號  9012-3456-7890');
    expect(zhMail[0]!.text).toContain('物流業者  黑貓宅急便');
    expect(zhMail[0]!.text).toContain('確認收貨');
    const enMail = (await mailbox(api, b.email)).filter((m) => m.template === 'orders.shipped');
    expect(enMail).toHaveLength(1);
    expect(enMail[0]!.text).toContain('DHL-0001');
    expect(enMail[0]!.text).not.toContain('9012-3456-7890');
  });

  test('every refusal ships nothing, not even the valid orders of the same request', async ({
    api,
    sandbox,
    login,
  }) => {
    const paid = await paidCheckout(api, sandbox);
    const unpaid = await checkoutWith(api, 'goods');
    const service = await paidCheckout(api, sandbox, 'service');
    const staff = await login(staffOf(paid.coffee.merchantHandle));
    const serviceStaff = await login(staffOf(service.consult.merchantHandle));
    const good = { orderId: paid.orders[0].id, carrier: 'Chunghwa Post', trackingNumber: 'RR1' };
    const all = [paid.orders[0].id, paid.orders[1].id, unpaid.orders[0].id, service.orders[0].id];
    const before = await shippingState(api, all);

    const cases: [string, string, Gql[], { code: string; field: string[] | null }[]][] = [
      [
        'an unpaid order',
        staff,
        [good, { orderId: unpaid.orders[0].id, carrier: 'DHL', trackingNumber: 'ABC' }],
        [{ code: 'NOT_SHIPPABLE', field: ['input', 'orders', '1', 'orderId'] }],
      ],
      [
        'another store’s order',
        staff,
        [good, { orderId: paid.orders[1].id, carrier: 'DHL', trackingNumber: 'ABC' }],
        [{ code: 'ORDER_NOT_FOUND', field: ['input', 'orders', '1', 'orderId'] }],
      ],
      [
        'a consulting service',
        serviceStaff,
        [{ orderId: service.orders[0].id, carrier: 'DHL', trackingNumber: 'ABC' }],
        [{ code: 'NOT_SHIPPABLE', field: ['input', 'orders', '0', 'orderId'] }],
      ],
      [
        'bad carrier and tracking numbers',
        staff,
        [
          { ...good, carrier: '   ' },
          { ...good, orderId: paid.orders[0].id, carrier: 'x'.repeat(61), trackingNumber: 'AB' },
        ],
        [
          { code: 'INVALID_CARRIER', field: ['input', 'orders', '0', 'carrier'] },
          { code: 'DUPLICATE_ORDER', field: ['input', 'orders', '1', 'orderId'] },
          { code: 'INVALID_CARRIER', field: ['input', 'orders', '1', 'carrier'] },
          { code: 'INVALID_TRACKING_NUMBER', field: ['input', 'orders', '1', 'trackingNumber'] },
        ],
      ],
      [
        'a tracking number with spaces',
        staff,
        [{ ...good, trackingNumber: 'RR 123 456' }],
        [{ code: 'INVALID_TRACKING_NUMBER', field: ['input', 'orders', '0', 'trackingNumber'] }],
      ],
      ['no orders', staff, [], [{ code: 'INVALID_ORDER_COUNT', field: ['input', 'orders'] }]],
      [
        'a malformed ID',
        staff,
        [{ ...good, orderId: 'nope' }],
        [{ code: 'ORDER_NOT_FOUND', field: ['input', 'orders', '0', 'orderId'] }],
      ],
    ];
    for (const [name, token, orders, expected] of cases) {
      const res = await api.gql(SHIP, { input: { orders } }, { token });
      expect(res.errors, name).toBeUndefined();
      expect(res.data.shipOrders.orders, name).toEqual([]);
      expect(
        res.data.shipOrders.userErrors.map((e: Gql) => ({ code: e.code, field: e.field })),
        name,
      ).toEqual(expected);
      expect(await shippingState(api, all), name).toEqual(before);
    }

    // Not merchant staff at all: top-level errors.
    const who: [string, string | undefined, string][] = [
      ['guest', undefined, 'UNAUTHENTICATED'],
      ['shopper', paid.token, 'FORBIDDEN'],
      ['customer service', await login('support@example.com'), 'FORBIDDEN'],
      ['admin', await login('admin@example.com'), 'FORBIDDEN'],
    ];
    for (const [name, token, code] of who) {
      const res = await api.gql(SHIP, { input: { orders: [good] } }, token ? { token } : {});
      expect(res.errors?.[0]?.extensions?.code, name).toBe(code);
      expect(await shippingState(api, all), name).toEqual(before);
    }

    // A pending cancellation request must be decided first.
    const asked = await api.gql(
      `mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) { userErrors { code } } }`,
      { input: { orderId: paid.orders[0].id, reason: 'Changed my mind' } },
      { token: paid.token },
    );
    expect(asked.data.requestOrderCancellation.userErrors).toEqual([]);
    const pending = await api.gql(SHIP, { input: { orders: [good] } }, { token: staff });
    expect(pending.data.shipOrders.userErrors.map((e: Gql) => e.code)).toEqual(['CANCELLATION_PENDING']);
    expect(await shippingState(api, all)).toEqual(before);
  });

  test('two concurrent shipments of one order ship it once: one history entry, one email, one job', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await paidCheckout(api, sandbox);
    const orderId = a.orders[0].id;
    const staff = await login(staffOf(a.coffee.merchantHandle));
    const results = await Promise.all(
      ['TRACK-A', 'TRACK-B', 'TRACK-C'].map((trackingNumber) =>
        api.gql(SHIP, { input: { orders: [{ orderId, carrier: 'DHL', trackingNumber }] } }, { token: staff }),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const won = results.filter((r) => r.data.shipOrders.userErrors.length === 0);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x !== won[0])) {
      expect(r.data.shipOrders.userErrors.map((e: Gql) => e.code)).toEqual(['NOT_SHIPPABLE']);
    }
    const tracking = won[0]!.data.shipOrders.orders[0].shipment.trackingNumber;
    const [row] = await api.sql('select status, tracking_number from customer_order where id = $1', [
      dbId(orderId),
    ]);
    expect(row).toEqual({ status: 'SHIPPED', tracking_number: tracking });
    const [history] = await api.sql(
      `select count(*)::int as n from order_history where order_id = $1 and to_status = 'SHIPPED'`,
      [dbId(orderId)],
    );
    expect(history!.n).toBe(1);
    const mails = (await mailbox(api, a.email)).filter((m) => m.template === 'orders.shipped');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(tracking);
    const jobs = await api.sql('select 1 from graphile_worker.jobs where key = $1', [
      `orders.auto-confirm:${dbId(orderId)}`,
    ]);
    expect(jobs).toHaveLength(1);
  });
});

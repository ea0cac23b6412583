import { randomBytes } from 'node:crypto';
import type { TestApi } from '../../../test/harness.js';
import {
  CARDS,
  cardToken,
  checkoutWith,
  dbId,
  describe,
  expect,
  mailbox,
  pay,
  test,
} from '../payments/payments.test-support.js';

const DELIVER = `mutation ($input: DeliverConsultationReportInput!) { deliverConsultationReport(input: $input) {
  order { number status completedAt } report { orderNumber title body deliveredAt } userErrors { code field message } } }`;
const OPEN = `query ($n: String!, $k: String!) { consultationReport(orderNumber: $n, key: $k) {
  status report { orderNumber title body } } }`;

const REPORT = {
  title: 'Export compliance review',
  body: 'Your HS codes are correct.\n\nRegister for AEO before March.',
};

async function paidService(api: TestApi, sandbox: Parameters<typeof cardToken>[0]) {
  const a = await checkoutWith(api, 'service');
  const res = await pay(api, a.token, {
    checkoutId: a.checkoutId,
    method: 'UNIONPAY_CARD',
    cardToken: await cardToken(sandbox, CARDS.success),
  });
  expect(res.payment.status).toBe('SUCCEEDED');
  expect(res.orderKeys).toHaveLength(1);
  return { ...a, order: a.orders[0], key: res.orderKeys[0].key as string };
}

const open = (api: TestApi, n: string, k: string) => api.gql(OPEN, { n, k });

describe('consultation reports', () => {
  test('the order key opens the report without sign-in, only once the merchant delivered it', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await paidService(api, sandbox);
    const pending = await open(api, a.order.number, a.key);
    expect(pending.data.consultationReport).toEqual({ status: 'NOT_DELIVERED', report: null });

    const staff = await login('staff@harbor-bridge-consulting.example.com');
    const delivered = (
      await api.gql(DELIVER, { input: { orderId: a.order.id, ...REPORT } }, { token: staff })
    ).data.deliverConsultationReport;
    expect(delivered.userErrors).toEqual([]);
    expect(delivered.order.status).toBe('COMPLETED');
    expect(delivered.report).toMatchObject({ orderNumber: a.order.number, ...REPORT });
    const [history] = await api.sql(
      'select event, actor_kind, to_status from order_history where order_id = $1 order by id desc limit 1',
      [dbId(a.order.id)],
    );
    expect(history).toEqual({ event: 'DELIVER_REPORT', actor_kind: 'MERCHANT', to_status: 'COMPLETED' });
    const mail = (await mailbox(api, a.email)).find((m) => m.template === 'consulting.report-delivered');
    expect(mail?.text).toContain(REPORT.title);
    expect(mail?.text).not.toContain(a.key);

    const opened = await open(api, a.order.number, a.key);
    expect(opened.errors).toBeUndefined();
    expect(opened.data.consultationReport).toEqual({
      status: 'AVAILABLE',
      report: { orderNumber: a.order.number, ...REPORT },
    });
    // The shopper also reads it in My Orders.
    const mine = await api.gql(
      `query ($n: String!) { order(number: $n) { consultationReport { title } } }`,
      { n: a.order.number },
      { token: a.token },
    );
    expect(mine.data.order.consultationReport).toEqual({ title: REPORT.title });

    const again = (await api.gql(DELIVER, { input: { orderId: a.order.id, ...REPORT } }, { token: staff }))
      .data.deliverConsultationReport;
    expect(again.userErrors[0].code).toBe('ALREADY_DELIVERED');
  });

  test('only the store’s staff deliver, only for paid service orders; refusals change nothing', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await paidService(api, sandbox);
    const other = await login('staff@formosa-roasters.example.com');
    const support = await login('support@example.com');
    const staff = await login('staff@harbor-bridge-consulting.example.com');
    const state = () =>
      api.sql(
        `select (select status from customer_order where id = $1) as status,
                (select count(*)::int from consultation_report) as reports`,
        [dbId(a.order.id)],
      );
    const before = await state();

    const foreign = (await api.gql(DELIVER, { input: { orderId: a.order.id, ...REPORT } }, { token: other }))
      .data.deliverConsultationReport;
    expect(foreign.userErrors[0].code).toBe('ORDER_NOT_FOUND');
    for (const token of [support, a.token]) {
      const res = await api.gql(DELIVER, { input: { orderId: a.order.id, ...REPORT } }, { token });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await api.gql(DELIVER, { input: { orderId: a.order.id, ...REPORT } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const blank = (
      await api.gql(DELIVER, { input: { orderId: a.order.id, title: ' ', body: 'x' } }, { token: staff })
    ).data.deliverConsultationReport;
    expect(blank.userErrors).toMatchObject([{ code: 'INVALID_TITLE', field: ['input', 'title'] }]);

    // An unpaid service order of the same store cannot complete.
    const unpaid = await checkoutWith(api, 'service');
    const early = (
      await api.gql(DELIVER, { input: { orderId: unpaid.orders[0].id, ...REPORT } }, { token: staff })
    ).data.deliverConsultationReport;
    expect(early.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(await state()).toEqual(before);
  });

  test('wrong keys reveal nothing and are throttled per client and per order (right keys too, then)', async ({
    api,
    sandbox,
  }) => {
    const a = await paidService(api, sandbox);
    const wrong = randomBytes(32).toString('base64url');
    // Wrong key, unknown order, malformed key: one and the same answer.
    const answers = await Promise.all([
      open(api, a.order.number, wrong),
      open(api, 'MP-20991231-9999999', wrong),
      open(api, a.order.number, 'short'),
    ]);
    for (const r of answers)
      expect(r.data.consultationReport).toEqual({ status: 'INVALID_KEY', report: null });

    for (let i = 0; i < 7; i++) await open(api, a.order.number, wrong);
    // Ten failures from this address within 15 minutes: everything from it is THROTTLED now.
    const throttled = await open(api, a.order.number, a.key);
    expect(throttled.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    expect(throttled.data).toBeNull();
    const unknown = await open(api, 'MP-20991231-9999999', wrong);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('THROTTLED');

    // Per order number: failures from many addresses lock that order, whoever asks.
    await api.sql('delete from order_key_failure');
    const b = await paidService(api, sandbox);
    await api.sql(
      `insert into order_key_failure (ip, order_number) select '10.0.0.' || g, $1 from generate_series(1, 10) g`,
      [b.order.number],
    );
    const locked = await open(api, b.order.number, b.key);
    expect(locked.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    // Another order from the same address is still fine; after the window everything is.
    expect((await open(api, a.order.number, a.key)).data.consultationReport.status).toBe('NOT_DELIVERED');
    await api.sql(`update order_key_failure set created_at = now() - interval '16 minutes'`);
    expect((await open(api, b.order.number, b.key)).data.consultationReport.status).toBe('NOT_DELIVERED');
  });
});

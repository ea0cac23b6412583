import type { TestApi } from '../../../test/harness.js';
import { stockOf } from '../checkout/checkout.test-support.js';
import {
  approveAtPayPal,
  CARDS,
  cardToken,
  checkoutWith,
  COMPLETE,
  dbId,
  describe,
  expect,
  mailbox,
  orderStatuses,
  pay,
  paypalDirect,
  sandboxControl,
  test,
  type Gql,
} from './payments.test-support.js';

const APPROVE = `mutation ($input: ApproveCancellationRequestInput!) { approveCancellationRequest(input: $input) {
  order { number status cancellationRequest { status decidedAt } }
  refund { reference status amount { minorUnits } orderNumber }
  userErrors { code field message } } }`;
const DECLINE = `mutation ($input: DeclineCancellationRequestInput!) { declineCancellationRequest(input: $input) {
  order { number status cancellationRequest { status decisionReason } } userErrors { code field message } } }`;
const REQUEST = `mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) {
  order { status } userErrors { code } } }`;

/** A checkout of two merchants paid with PayPal (approve, return, capture). */
async function paidWithPayPal(api: TestApi, sandbox: Parameters<typeof sandboxControl>[0]) {
  const a = await checkoutWith(api, 'goods');
  const started = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
  const back = await approveAtPayPal(started.nextAction.url);
  const done = await api.gql(
    COMPLETE,
    { input: { checkoutId: a.checkoutId, token: back.searchParams.get('token') } },
    { token: a.token },
  );
  expect(done.data.completePayPalPayment.payment.status).toBe('SUCCEEDED');
  void sandbox;
  return a;
}

async function refundState(api: TestApi, checkoutId: string) {
  const [row] = await api.sql(
    `select (select string_agg(status || ':' || refunded_minor, ',') from payment where checkout_id = $1 and status <> 'CANCELLED') as payment,
            (select string_agg(status, ',' order by id) from customer_order where checkout_id = $1) as orders,
            (select count(*)::int from payment_refund r join payment p on p.id = r.payment_id where p.checkout_id = $1) as refunds,
            (select coalesce(sum(stock), 0)::int from product_variant) as stock`,
    [dbId(checkoutId)],
  );
  return row;
}

describe('approveCancellationRequest', () => {
  test('customer service cancels one order of two: its share is refunded at PayPal, then it fails and its stock comes back', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await paidWithPayPal(api, sandbox);
    const [coffeeOrder, mugOrder] = a.orders;
    const asked = await api.gql(
      REQUEST,
      { input: { orderId: mugOrder.id, reason: 'Ordered the wrong colour' } },
      { token: a.token },
    );
    expect(asked.data.requestOrderCancellation.userErrors).toEqual([]);
    const stockBefore = await stockOf(api, a.mug);

    const support = await login('support@example.com');
    const res = (await api.gql(APPROVE, { input: { orderId: mugOrder.id } }, { token: support })).data
      .approveCancellationRequest;
    expect(res.userErrors).toEqual([]);
    expect(res.order).toMatchObject({ status: 'FAILED', cancellationRequest: { status: 'APPROVED' } });
    expect(res.refund).toMatchObject({
      status: 'SUCCEEDED',
      amount: { minorUnits: mugOrder.total.minorUnits },
      orderNumber: mugOrder.number,
    });
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'FAILED']);
    expect(await stockOf(api, a.mug)).toBe(stockBefore! + 2);

    const [payment] = await api.sql(
      'select status, refunded_minor, gateway_payment_id from payment where checkout_id = $1',
      [dbId(a.checkoutId)],
    );
    expect(payment).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refunded_minor: mugOrder.total.minorUnits,
    });
    const capture = (sandbox.state() as Gql).paypal.captures.find(
      (c: Gql) => c.id === payment.gateway_payment_id,
    );
    expect(capture.status).toBe('PARTIALLY_REFUNDED');
    const refunds = (sandbox.state() as Gql).paypal.refunds.filter(
      (r: Gql) => r.capture_id === payment.gateway_payment_id,
    );
    expect(refunds.map((r: Gql) => r.amount.value)).toEqual([(mugOrder.total.minorUnits / 100).toFixed(2)]);

    // PayPal's REFUNDED webhook (maybe before our commit, maybe after) changes nothing more.
    await sandbox.webhooksIdle();
    const after = await refundState(api, a.checkoutId);
    expect(after.payment).toBe(`PARTIALLY_REFUNDED:${mugOrder.total.minorUnits}`);
    const mail = (await mailbox(api, a.email)).filter((m) => m.template === 'payments.refund-issued');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(mugOrder.number);

    // The other order, then: the capture is refunded in full.
    const second = (await api.gql(APPROVE, { input: { orderId: coffeeOrder.id } }, { token: support })).data
      .approveCancellationRequest;
    expect(second.userErrors).toEqual([]);
    await sandbox.webhooksIdle();
    expect((await refundState(api, a.checkoutId)).payment).toBe(`REFUNDED:${a.total}`);
    // A third time there is nothing left to refund and the order is FAILED already.
    const again = (await api.gql(APPROVE, { input: { orderId: coffeeOrder.id } }, { token: support })).data
      .approveCancellationRequest;
    expect(again.userErrors[0].code).toBe('INVALID_TRANSITION');
  });

  test('a refund above what is left of the capture is refused by the API (and the gateway); nothing changes', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await paidWithPayPal(api, sandbox);
    const [coffeeOrder, mugOrder] = a.orders;
    const admin = await login('admin@example.com');
    // Someone inflated an order's total after payment: its refund would exceed the capture.
    await api.sql('update customer_order set total_minor = $1 where id = $2', [
      a.total + 1,
      dbId(mugOrder.id),
    ]);
    const before = await refundState(api, a.checkoutId);
    const sandboxRefunds = (sandbox.state() as Gql).paypal.refunds.length;
    const res = (await api.gql(APPROVE, { input: { orderId: mugOrder.id } }, { token: admin })).data
      .approveCancellationRequest;
    expect(res.userErrors).toMatchObject([{ code: 'REFUND_EXCEEDS_CAPTURE' }]);
    expect(res.order).toBeNull();
    expect(await refundState(api, a.checkoutId)).toEqual(before);
    expect((sandbox.state() as Gql).paypal.refunds.length).toBe(sandboxRefunds);
    await api.sql('update customer_order set total_minor = $1 where id = $2', [
      mugOrder.total.minorUnits,
      dbId(mugOrder.id),
    ]);

    // The database refuses a refunded total above the capture whatever the code does …
    await expect(
      api.sql('update payment set refunded_minor = amount_minor + 1 where checkout_id = $1', [
        dbId(a.checkoutId),
      ]),
    ).rejects.toThrow(/payment_amounts_valid/);

    // … and the gateway refuses too: money refunded at PayPal behind the API's back (webhooks lost)
    // leaves less than the API thinks; the refund fails and the order is unchanged.
    const [payment] = await api.sql(
      'select gateway_payment_id from payment where checkout_id = $1 and status = $2',
      [dbId(a.checkoutId), 'SUCCEEDED'],
    );
    await sandboxControl(sandbox, 'webhooks/pause');
    try {
      const outside = await (await paypalDirect(sandbox)).refund(payment.gateway_payment_id, {
        amount: { currency_code: 'USD', value: ((a.total - 100) / 100).toFixed(2) },
      });
      expect(outside.status).toBe(201);
      const tooMuch = await (await paypalDirect(sandbox)).refund(payment.gateway_payment_id, {
        amount: { currency_code: 'USD', value: (a.total / 100).toFixed(2) },
      });
      expect(tooMuch.status).toBe(422);
      expect(tooMuch.body.details[0].issue).toBe('REFUND_AMOUNT_EXCEEDED');

      const refused = (await api.gql(APPROVE, { input: { orderId: coffeeOrder.id } }, { token: admin })).data
        .approveCancellationRequest;
      expect(refused.userErrors).toMatchObject([{ code: 'REFUND_REFUSED' }]);
      expect(refused.order.status).toBe('AWAITING_SHIPMENT');
      expect(refused.refund.status).toBe('FAILED');
      expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
      const [row] = await api.sql(
        'select refunded_minor from payment where checkout_id = $1 and status = $2',
        [dbId(a.checkoutId), 'SUCCEEDED'],
      );
      expect(row.refunded_minor).toBe(0);
    } finally {
      await sandboxControl(sandbox, 'webhooks/resume');
      await sandbox.webhooksIdle();
    }
    // Once the REFUNDED webhook arrives, the API records the outside refund so the total stays true.
    const [row] = await api.sql(
      'select status, refunded_minor from payment where checkout_id = $1 and gateway_payment_id = $2',
      [dbId(a.checkoutId), payment.gateway_payment_id],
    );
    expect(row).toEqual({ status: 'PARTIALLY_REFUNDED', refunded_minor: a.total - 100 });
  });

  test('merchant staff: only their store’s orders, only on the shopper’s request; card refunds', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await checkoutWith(api, 'goods');
    const paid = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    expect(paid.payment.status).toBe('SUCCEEDED');
    const [coffeeOrder] = a.orders;
    const formosa = await login('staff@formosa-roasters.example.com');
    const laneNine = await login('staff@lane-nine-design.example.com');
    const before = await refundState(api, a.checkoutId);

    const foreign = (await api.gql(APPROVE, { input: { orderId: coffeeOrder.id } }, { token: laneNine })).data
      .approveCancellationRequest;
    expect(foreign.userErrors[0].code).toBe('ORDER_NOT_FOUND');
    const unasked = (await api.gql(APPROVE, { input: { orderId: coffeeOrder.id } }, { token: formosa })).data
      .approveCancellationRequest;
    expect(unasked.userErrors[0].code).toBe('NO_CANCELLATION_REQUEST');
    const shopper = await api.gql(APPROVE, { input: { orderId: coffeeOrder.id } }, { token: a.token });
    expect(shopper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await refundState(api, a.checkoutId)).toEqual(before);

    await api.gql(
      REQUEST,
      { input: { orderId: coffeeOrder.id, reason: 'Changed my mind' } },
      { token: a.token },
    );
    const ok = (await api.gql(APPROVE, { input: { orderId: coffeeOrder.id } }, { token: formosa })).data
      .approveCancellationRequest;
    expect(ok.userErrors).toEqual([]);
    expect(ok.order.status).toBe('FAILED');
    const [payment] = await api.sql(
      'select gateway_payment_id, refunded_minor, status from payment where checkout_id = $1',
      [dbId(a.checkoutId)],
    );
    expect(payment).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refunded_minor: coffeeOrder.total.minorUnits,
    });
    const charge = (sandbox.state() as Gql).card.charges.find(
      (c: Gql) => c.id === payment.gateway_payment_id,
    );
    expect(charge.amount_refunded).toBe(coffeeOrder.total.minorUnits);
    const [history] = await api.sql(
      `select actor_kind, event from order_history where order_id = $1 order by id desc limit 1`,
      [dbId(coffeeOrder.id)],
    );
    expect(history).toEqual({ actor_kind: 'MERCHANT', event: 'FAIL_WITH_REFUND' });
  });

  test('declining a request keeps the order and tells the shopper why', async ({ api, sandbox, login }) => {
    const a = await checkoutWith(api, 'goods', 'zh-TW');
    await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    const [, mugOrder] = a.orders;
    const laneNine = await login('staff@lane-nine-design.example.com');
    const noRequest = (
      await api.gql(
        DECLINE,
        { input: { orderId: mugOrder.id, reason: 'Already packed' } },
        { token: laneNine },
      )
    ).data.declineCancellationRequest;
    expect(noRequest.userErrors[0].code).toBe('NO_CANCELLATION_REQUEST');
    await api.gql(REQUEST, { input: { orderId: mugOrder.id, reason: 'Too slow' } }, { token: a.token });
    const empty = (
      await api.gql(DECLINE, { input: { orderId: mugOrder.id, reason: ' ' } }, { token: laneNine })
    ).data.declineCancellationRequest;
    expect(empty.userErrors).toMatchObject([{ code: 'INVALID_REASON', field: ['input', 'reason'] }]);
    const res = (
      await api.gql(
        DECLINE,
        { input: { orderId: mugOrder.id, reason: 'Already packed' } },
        { token: laneNine },
      )
    ).data.declineCancellationRequest;
    expect(res.userErrors).toEqual([]);
    expect(res.order).toMatchObject({
      status: 'AWAITING_SHIPMENT',
      cancellationRequest: { status: 'REJECTED', decisionReason: 'Already packed' },
    });
    const mail = (await mailbox(api, a.email)).find((m) => m.template === 'payments.cancellation-declined');
    expect(mail?.subject).toContain(mugOrder.number);
    expect(mail?.text).toContain('Already packed');
    expect(mail?.locale).toBe('zh-TW');
    // Decided: neither a second decline nor the merchant's approval goes through; staff still can.
    const twice = (await api.gql(APPROVE, { input: { orderId: mugOrder.id } }, { token: laneNine })).data
      .approveCancellationRequest;
    expect(twice.userErrors[0].code).toBe('REQUEST_ALREADY_DECIDED');
  });
});

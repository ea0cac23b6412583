import {
  approveAtPayPal,
  CANCEL_PAYPAL,
  checkoutWith,
  COMPLETE,
  dbId,
  describe,
  expect,
  mailbox,
  newKey,
  orderStatuses,
  PAY,
  pay,
  test,
  type Gql,
  waitFor,
} from './payments.test-support.js';

describe('PayPal', () => {
  test('create → approve on the PayPal page → return → captured: orders paid, emails sent, merchants notified', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'mixed');
    const paid = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
    expect(paid.userErrors).toEqual([]);
    expect(paid.payment).toMatchObject({
      method: 'PAYPAL',
      status: 'REQUIRES_ACTION',
      amount: { minorUnits: a.total },
    });
    expect(paid.nextAction.__typename).toBe('RedirectAction');
    const approval = new URL(paid.nextAction.url);
    expect(approval.origin).toBe(sandbox.url);
    expect(await orderStatuses(api, a.checkoutId)).toEqual([
      'AWAITING_PAYMENT',
      'AWAITING_PAYMENT',
      'AWAITING_PAYMENT',
    ]);

    // The shopper approves; PayPal sends them to the storefront's return page with token and PayerID.
    const back = await approveAtPayPal(paid.nextAction.url);
    expect(back.origin + back.pathname).toBe('http://localhost:5173/checkout/paypal/return');
    expect(back.searchParams.get('checkoutId')).toBe(a.checkoutId);
    const token = back.searchParams.get('token')!;
    const done = (
      await api.gql(
        COMPLETE,
        { input: { checkoutId: a.checkoutId, token, payerId: back.searchParams.get('PayerID') } },
        { token: a.token },
      )
    ).data.completePayPalPayment;
    expect(done.userErrors).toEqual([]);
    expect(done.nextAction).toBeNull();
    expect(done.payment).toMatchObject({
      status: 'SUCCEEDED',
      payerEmail: 'buyer@sandbox.paypal.example',
      amount: { minorUnits: a.total },
    });
    expect(await orderStatuses(api, a.checkoutId)).toEqual([
      'AWAITING_SHIPMENT',
      'AWAITING_SHIPMENT',
      'AWAITING_SHIPMENT',
    ]);

    // The service order's key: in the response once, emailed, stored only as its SHA-256.
    const service = a.orders.find((o) => o.kind === 'SERVICE');
    expect(done.orderKeys).toHaveLength(1);
    expect(done.orderKeys[0].orderNumber).toBe(service.number);
    expect(done.orderKeys[0].key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await api.sql('select key_hash from order_key where order_id = $1', [dbId(service.id)]);
    expect(stored.key_hash).not.toContain(done.orderKeys[0].key);
    const { createHash } = await import('node:crypto');
    expect(stored.key_hash).toBe(createHash('sha256').update(done.orderKeys[0].key).digest('hex'));

    // Completing again (a reload of the return page) captures nothing more and shows no key.
    const again = (
      await api.gql(COMPLETE, { input: { checkoutId: a.checkoutId, token } }, { token: a.token })
    ).data.completePayPalPayment;
    expect(again.payment.status).toBe('SUCCEEDED');
    expect(again.orderKeys).toEqual([]);
    const state = sandbox.state() as { paypal: { captures: unknown[] } };
    expect(
      state.paypal.captures.filter((c: Gql) => c.supplementary_data.related_ids.order_id === token),
    ).toHaveLength(1);

    const mails = await mailbox(api, a.email);
    const confirmation = mails.find((m) => m.template === 'payments.order-confirmation')!;
    for (const o of a.orders) expect(confirmation.text).toContain(o.number);
    expect(confirmation.text).toContain('Ethiopia');
    expect(confirmation.text).toContain(`PayPal (buyer@sandbox.paypal.example)`);
    const keyMail = mails.find((m) => m.template === 'payments.order-key')!;
    expect(keyMail.text).toContain(done.orderKeys[0].key);
    expect(keyMail.text).toContain(service.number);
    const staff = await api.sql(
      `select distinct e."to" from email_message e where e.template = 'payments.merchant-new-order'
       and e.text like '%' || $1 || '%'`,
      [service.number],
    );
    expect(staff.map((r) => r.to)).toEqual(['staff@harbor-bridge-consulting.example.com']);

    // The confirmation page's query: status, payment, orders; never the key.
    const confirm = await api.gql(
      `query ($id: ID!) { paymentConfirmation(checkoutId: $id) { status payment { status method }
         checkout { total { minorUnits } orders { number status } } } }`,
      { id: a.checkoutId },
      { token: a.token },
    );
    expect(confirm.data.paymentConfirmation).toMatchObject({
      status: 'PAID',
      payment: { status: 'SUCCEEDED', method: 'PAYPAL' },
      checkout: { total: { minorUnits: a.total } },
    });
    expect(JSON.stringify(confirm.data)).not.toContain(done.orderKeys[0].key);
  });

  test('cancel on the PayPal page: the attempt is cancelled, the orders still await payment, a new attempt works', async ({
    api,
  }) => {
    const a = await checkoutWith(api, 'goods');
    const first = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
    const back = await approveAtPayPal(first.nextAction.url, 'cancel');
    expect(back.pathname).toBe('/checkout/paypal/cancel');
    const cancelled = (
      await api.gql(
        CANCEL_PAYPAL,
        { input: { checkoutId: a.checkoutId, token: back.searchParams.get('token') } },
        { token: a.token },
      )
    ).data.cancelPayPalPayment;
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.payment).toMatchObject({ status: 'CANCELLED', failureReason: 'PAYER_CANCELLED' });
    expect(cancelled.nextAction).toBeNull();
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);

    // Paying again starts a new attempt with a new PayPal order.
    const second = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
    expect(second.payment.id).not.toBe(first.payment.id);
    expect(second.nextAction.url).not.toBe(first.nextAction.url);
    // The cancelled order cannot be completed any more.
    const late = (
      await api.gql(
        COMPLETE,
        { input: { checkoutId: a.checkoutId, token: back.searchParams.get('token') } },
        { token: a.token },
      )
    ).data.completePayPalPayment;
    expect(late.userErrors[0].code).toBe('PAYMENT_CANCELLED');
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);
  });

  test('returning before approving is NOT_APPROVED and changes nothing', async ({ api }) => {
    const a = await checkoutWith(api, 'goods');
    const started = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
    const token = new URL(started.nextAction.url).searchParams.get('token');
    const res = (await api.gql(COMPLETE, { input: { checkoutId: a.checkoutId, token } }, { token: a.token }))
      .data.completePayPalPayment;
    expect(res.userErrors[0].code).toBe('NOT_APPROVED');
    expect(res.payment.status).toBe('REQUIRES_ACTION');
    expect(res.nextAction.url).toBe(started.nextAction.url);
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);
  });

  test('10 concurrent payOrder calls with one key, then 10 concurrent returns: one PayPal order, one capture', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'goods');
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.gql(
          PAY,
          { input: { checkoutId: a.checkoutId, method: 'PAYPAL', idempotencyKey: key } },
          { token: a.token },
        ),
      ),
    );
    const payments = new Set(results.map((r) => r.data.payOrder.payment.id));
    const urls = new Set(results.map((r) => r.data.payOrder.nextAction.url));
    expect(payments.size).toBe(1);
    expect(urls.size).toBe(1);
    const [{ n }] = await api.sql('select count(*)::int as n from payment where checkout_id = $1', [
      dbId(a.checkoutId),
    ]);
    expect(n).toBe(1);

    const back = await approveAtPayPal([...urls][0]!);
    const token = back.searchParams.get('token');
    const completes = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.gql(COMPLETE, { input: { checkoutId: a.checkoutId, token } }, { token: a.token }),
      ),
    );
    expect(completes.every((c) => c.data.completePayPalPayment.payment.status === 'SUCCEEDED')).toBe(true);
    const state = sandbox.state() as Gql;
    const mine = state.paypal.orders.filter(
      (o: Gql) => o.purchase_units[0].custom_id === `checkout-${dbId(a.checkoutId)}`,
    );
    expect(mine).toHaveLength(1);
    expect(
      state.paypal.captures.filter((c: Gql) => c.supplementary_data.related_ids.order_id === mine[0].id),
    ).toHaveLength(1);
    const history = await api.sql(
      `select count(*)::int as n from order_history h join customer_order o on o.id = h.order_id
       where o.checkout_id = $1 and h.event = 'PAY'`,
      [dbId(a.checkoutId)],
    );
    expect(history[0].n).toBe(2);
    const confirmations = (await mailbox(api, a.email)).filter(
      (m) => m.template === 'payments.order-confirmation',
    );
    expect(confirmations).toHaveLength(1);
  });
  test('an order cancelled while PayPal awaits approval: the capture pays the others, the cancelled share is refunded', async ({
    api,
  }) => {
    const a = await checkoutWith(api, 'mixed');
    const started = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
    expect(started.payment.status).toBe('REQUIRES_ACTION');
    // The shopper cancels one order in another tab before approving on PayPal.
    const dropped = a.orders.find((o) => o.kind === 'GOODS')!;
    const cancelled = await api.gql(
      'mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status } userErrors { code } } }',
      { input: { orderId: dropped.id } },
      { token: a.token },
    );
    expect(cancelled.data.cancelOrder.userErrors).toEqual([]);

    const back = await approveAtPayPal(started.nextAction.url);
    const done = (
      await api.gql(
        COMPLETE,
        { input: { checkoutId: a.checkoutId, token: back.searchParams.get('token') } },
        { token: a.token },
      )
    ).data.completePayPalPayment;
    expect(done.userErrors).toEqual([]);
    // PayPal captured the approved amount: every order's share, the cancelled one's included.
    expect(done.payment).toMatchObject({ status: 'SUCCEEDED', amount: { minorUnits: a.total } });
    const statuses = await api.sql<{ id: number; status: string }>(
      'select id, status from customer_order where checkout_id = $1 order by id',
      [dbId(a.checkoutId)],
    );
    for (const order of statuses) {
      expect(order.status, `order ${order.id}`).toBe(
        order.id === dbId(dropped.id) ? 'CLOSED' : 'AWAITING_SHIPMENT',
      );
    }
    // Only the paid orders are booked, told about, and given keys.
    const booked = await api.sql<{ order_id: number }>(
      `select distinct order_id from ledger_entry where order_id = any($1::int[]) and kind = 'ORDER_PAID'`,
      [statuses.map((o) => o.id)],
    );
    expect(booked.map((b) => b.order_id).sort()).toEqual(
      statuses.filter((o) => o.id !== dbId(dropped.id)).map((o) => o.id),
    );
    const confirmation = (await mailbox(api, a.email)).find(
      (m) => m.template === 'payments.order-confirmation',
    )!;
    expect(confirmation.text).not.toContain(dropped.number);
    expect(done.orderKeys).toHaveLength(1);
    // The cancelled order's share goes back to the shopper through a refund job.
    const refunds = await waitFor(
      () =>
        api.sql<{ amount_minor: number; status: string; order_id: number | null; reason: string }>(
          `select r.amount_minor, r.status, r.order_id, r.reason from payment_refund r
             join payment p on p.id = r.payment_id where p.checkout_id = $1`,
          [dbId(a.checkoutId)],
        ),
      (rows) => rows.length === 1 && rows[0]!.status !== 'PENDING',
    );
    expect(refunds).toEqual([
      {
        amount_minor: dropped.total.minorUnits,
        status: 'SUCCEEDED',
        order_id: null,
        reason: 'orders closed before the payment completed',
      },
    ]);
  });
});

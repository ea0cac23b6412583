import { reconcilePendingPayments } from './payments.jobs.js';
import {
  approveAtPayPal,
  checkoutWith,
  COMPLETE,
  dbId,
  describe,
  expect,
  jobDeps,
  mailbox,
  orderStatuses,
  pay,
  paypalDirect,
  sandboxControl,
  test,
  waitFor,
  type Gql,
} from './payments.test-support.js';

/** What a repeated or late event must not change. */
async function paymentState(api: Parameters<typeof orderStatuses>[0], checkoutId: string) {
  const [row] = await api.sql(
    `select (select string_agg(status || ':' || coalesce(gateway_payment_id, '-'), ',' order by id) from payment where checkout_id = $1) as payments,
            (select string_agg(status, ',' order by id) from customer_order where checkout_id = $1) as orders,
            (select count(*)::int from order_history h join customer_order o on o.id = h.order_id where o.checkout_id = $1) as history,
            (select count(*)::int from email_message) as emails,
            (select count(*)::int from order_key k join customer_order o on o.id = k.order_id where o.checkout_id = $1) as keys,
            (select coalesce(sum(refunded_minor), 0)::int from payment where checkout_id = $1) as refunded`,
    [dbId(checkoutId)],
  );
  return row;
}

describe('PayPal webhooks', () => {
  test('a capture the API never recorded (crash) arrives twice and out of order: the checkout is paid once', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'mixed');
    const started = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
    await sandboxControl(sandbox, 'webhooks/pause');
    await sandboxControl(sandbox, 'webhooks/settings', { duplicate_rate: 1 });
    let captureId: string;
    try {
      const back = await approveAtPayPal(started.nextAction.url);
      // PayPal captured, but the API's commit was lost: only the gateway knows.
      const captured = await (await paypalDirect(sandbox)).capture(back.searchParams.get('token')!);
      expect(captured.status).toBe(201);
      captureId = captured.body.purchase_units[0].payments.captures[0].id;
      expect(await orderStatuses(api, a.checkoutId)).toEqual([
        'AWAITING_PAYMENT',
        'AWAITING_PAYMENT',
        'AWAITING_PAYMENT',
      ]);
      // APPROVED and COMPLETED, each twice, newest first.
      await sandboxControl(sandbox, 'webhooks/resume', { order: 'reverse' });
      await sandbox.webhooksIdle();
    } finally {
      await sandboxControl(sandbox, 'webhooks/settings', { duplicate_rate: 0 });
    }
    const deliveries = (sandbox.state() as Gql).webhooks.deliveries.filter(
      (d: Gql) => d.status === 'delivered' && d.attempts.at(-1).status_code === 200,
    );
    expect(deliveries.length).toBeGreaterThanOrEqual(4);

    const [payment] = await api.sql('select status, gateway_payment_id from payment where checkout_id = $1', [
      dbId(a.checkoutId),
    ]);
    expect(payment).toEqual({ status: 'SUCCEEDED', gateway_payment_id: captureId! });
    expect(await orderStatuses(api, a.checkoutId)).toEqual([
      'AWAITING_SHIPMENT',
      'AWAITING_SHIPMENT',
      'AWAITING_SHIPMENT',
    ]);
    const [{ n: pays }] = await api.sql(
      `select count(*)::int as n from order_history h join customer_order o on o.id = h.order_id
       where o.checkout_id = $1 and h.event = 'PAY'`,
      [dbId(a.checkoutId)],
    );
    expect(pays).toBe(3);
    const mails = await mailbox(api, a.email);
    expect(mails.filter((m) => m.template === 'payments.order-confirmation')).toHaveLength(1);
    expect(mails.filter((m) => m.template === 'payments.order-key')).toHaveLength(1);
    const events = await api.sql(
      `select event_type from payment_webhook_event where resource_id in ($1, $2) order by event_type`,
      [payment.gateway_payment_id, started.nextAction.url.split('token=')[1]],
    );
    expect(events.map((e) => e.event_type)).toEqual(['CHECKOUT.ORDER.APPROVED', 'PAYMENT.CAPTURE.COMPLETED']);

    // Delivered once more later: a no-op.
    const before = await paymentState(api, a.checkoutId);
    const completed = (sandbox.state() as Gql).webhooks.events
      .filter((e: Gql) => e.event_type === 'PAYMENT.CAPTURE.COMPLETED')
      .at(-1);
    await sandboxControl(sandbox, `webhooks/redeliver/${completed.id}`);
    await sandbox.webhooksIdle();
    expect(await paymentState(api, a.checkoutId)).toEqual(before);

    // The shopper coming back afterwards sees the paid checkout; nothing is captured again.
    const done = (
      await api.gql(
        COMPLETE,
        { input: { checkoutId: a.checkoutId, token: started.nextAction.url.split('token=')[1] } },
        { token: a.token },
      )
    ).data.completePayPalPayment;
    expect(done.payment.status).toBe('SUCCEEDED');
    expect(await paymentState(api, a.checkoutId)).toEqual(before);
  });

  test('a forged or tampered webhook is refused and stores nothing', async ({ api, sandbox }) => {
    const before = await api.sql('select count(*)::int as n from payment_webhook_event');
    const event = { id: 'WH-FORGED-1', event_type: 'PAYMENT.CAPTURE.COMPLETED', resource: { id: 'X' } };
    const forged = await fetch(`${api.url}/webhooks/paypal`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'paypal-transmission-id': 'a',
        'paypal-transmission-time': new Date().toISOString(),
        'paypal-transmission-sig': 'c2lnbmF0dXJl',
        'paypal-cert-url': `${sandbox.url}/v1/notifications/certs/CERT-SANDBOX-HMAC-SHA256`,
        'paypal-auth-algo': 'HMACSHA256',
      },
      body: JSON.stringify(event),
    });
    expect(forged.status).toBe(400);
    const unsigned = await fetch(`${api.url}/webhooks/paypal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(unsigned.status).toBe(400);
    expect(await api.sql('select count(*)::int as n from payment_webhook_event')).toEqual(before);
  });
});

describe('reconciliation', () => {
  test('with webhooks lost too, the job settles a captured payment and captures an approved one', async ({
    api,
    sandbox,
  }) => {
    const lost = await checkoutWith(api, 'goods');
    const approvedOnly = await checkoutWith(api, 'service');
    const x = await pay(api, lost.token, { checkoutId: lost.checkoutId, method: 'PAYPAL' });
    const y = await pay(api, approvedOnly.token, { checkoutId: approvedOnly.checkoutId, method: 'PAYPAL' });
    await sandboxControl(sandbox, 'webhooks/pause');
    try {
      const backX = await approveAtPayPal(x.nextAction.url);
      await (await paypalDirect(sandbox)).capture(backX.searchParams.get('token')!);
      // The second shopper approved on PayPal and closed the tab.
      await approveAtPayPal(y.nextAction.url);
      await api.sql(
        `update payment set updated_at = now() - interval '5 minutes' where checkout_id = any($1)`,
        [[dbId(lost.checkoutId), dbId(approvedOnly.checkoutId)]],
      );
      await reconcilePendingPayments({}, jobDeps(api, sandbox));
    } finally {
      await sandboxControl(sandbox, 'webhooks/resume');
      await sandbox.webhooksIdle();
    }
    expect(await orderStatuses(api, lost.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
    expect(await orderStatuses(api, approvedOnly.checkoutId)).toEqual(['AWAITING_SHIPMENT']);
    const payments = await api.sql(
      'select status, payer_email from payment where checkout_id = any($1) order by id',
      [[dbId(lost.checkoutId), dbId(approvedOnly.checkoutId)]],
    );
    expect(payments).toEqual([
      { status: 'SUCCEEDED', payer_email: 'buyer@sandbox.paypal.example' },
      { status: 'SUCCEEDED', payer_email: 'buyer@sandbox.paypal.example' },
    ]);
    // The order key of the service still reaches its shopper (by email: there was no confirmation page).
    const keyMail = (await mailbox(api, approvedOnly.email)).find((m) => m.template === 'payments.order-key');
    expect(keyMail?.text).toMatch(/[A-Za-z0-9_-]{43}/);
    const history = await api.sql(
      `select h.actor_kind from order_history h join customer_order o on o.id = h.order_id
       where o.checkout_id = $1 and h.event = 'PAY'`,
      [dbId(approvedOnly.checkoutId)],
    );
    expect(history).toEqual([{ actor_kind: 'SYSTEM' }]);
  });

  test('the payment timeout: a checkout approved on PayPal is captured, not closed; one never approved closes', async ({
    api,
    sandbox,
  }) => {
    const approved = await checkoutWith(api, 'goods');
    const abandoned = await checkoutWith(api, 'goods');
    const x = await pay(api, approved.token, { checkoutId: approved.checkoutId, method: 'PAYPAL' });
    const y = await pay(api, abandoned.token, { checkoutId: abandoned.checkoutId, method: 'PAYPAL' });
    await approveAtPayPal(x.nextAction.url);
    const keys = [...approved.orders, ...abandoned.orders].map((o) => `orders.close-unpaid:${dbId(o.id)}`);
    await api.sql('update graphile_worker._private_jobs set run_at = now() where key = any($1)', [keys]);
    await waitFor(
      () => orderStatuses(api, abandoned.checkoutId),
      (s) => s.every((v) => v === 'CLOSED'),
    );
    const approvedStatuses = await waitFor(
      () => orderStatuses(api, approved.checkoutId),
      (s) => s.every((v) => v !== 'AWAITING_PAYMENT'),
    );
    expect(approvedStatuses).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
    expect(await orderStatuses(api, abandoned.checkoutId)).toEqual(['CLOSED', 'CLOSED']);
    const [cancelled] = await waitFor(
      () =>
        api.sql('select status, failure_code from payment where checkout_id = $1', [
          dbId(abandoned.checkoutId),
        ]),
      (rows) => rows[0]?.status === 'CANCELLED',
    );
    expect(cancelled).toEqual({ status: 'CANCELLED', failure_code: 'ORDERS_NOT_PAYABLE' });

    // Approving the abandoned PayPal order now captures nothing: the orders are closed.
    const back = await approveAtPayPal(y.nextAction.url);
    const late = (
      await api.gql(
        COMPLETE,
        { input: { checkoutId: abandoned.checkoutId, token: back.searchParams.get('token') } },
        { token: abandoned.token },
      )
    ).data.completePayPalPayment;
    expect(late.userErrors[0].code).toBe('PAYMENT_CANCELLED');
    const captures = (sandbox.state() as Gql).paypal.captures.filter(
      (c: Gql) => c.supplementary_data.related_ids.order_id === back.searchParams.get('token'),
    );
    expect(captures).toEqual([]);
  });
});

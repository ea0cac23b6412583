import { inject } from 'vitest';
import { startSandbox } from '../../../../gateway-sandbox/src/sandbox.js';
import { startTestApi } from '../../../test/harness.js';
import { closeUnpaidOrderAfterPayments, reconcilePayment } from './payments.jobs.js';
import {
  CARDS,
  cardToken,
  checkoutWith,
  dbId,
  describe,
  expect,
  jobDeps,
  newKey,
  orderStatuses,
  PAY,
  pay,
  paymentsConfigFor,
  test as base,
  type Gql,
} from './payments.test-support.js';

const TIMEOUT_MS = 300;
const LATENCY_MS = 900;

/** A gateway slower than the API waits for: every first answer is lost, as after a timeout or a crash. */
const test = base
  .extend('sandbox', { scope: 'file' }, async ({ apiPort }, { onCleanup }) => {
    const sandbox = await startSandbox({
      port: 0,
      host: '127.0.0.1',
      latencyMs: LATENCY_MS,
      webhookUrl: `http://127.0.0.1:${apiPort}/webhooks/paypal`,
    });
    onCleanup(() => sandbox.stop());
    return sandbox;
  })
  .extend('api', { scope: 'file' }, async ({ sandbox, apiPort }, { onCleanup }) => {
    const api = await startTestApi(inject('testDb'), {
      port: apiPort,
      payments: paymentsConfigFor(sandbox, TIMEOUT_MS),
    });
    onCleanup(() => api.stop());
    return api;
  });

const settle = () => new Promise((r) => setTimeout(r, LATENCY_MS + 300));

describe('unknown outcomes', () => {
  test('a card charge whose answer was lost: never charged twice, the timeout waits, reconciliation settles it', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'goods');
    const first = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    expect(first.userErrors).toMatchObject([{ code: 'GATEWAY_UNAVAILABLE' }]);
    expect(first.payment.status).toBe('PENDING');
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);

    // The payment window ends while the gateway still has not answered: the orders must not close.
    await closeUnpaidOrderAfterPayments({ orderId: dbId(a.orders[0].id) }, jobDeps(api, sandbox, TIMEOUT_MS));
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);
    const [job] = await api.sql(
      `select run_at > now() + interval '1 minute' as later from graphile_worker._private_jobs where key = $1`,
      [`orders.close-unpaid:${dbId(a.orders[0].id)}`],
    );
    expect(job.later).toBe(true);

    // A second click meanwhile does not start another charge.
    const card2 = await cardToken(sandbox, CARDS.success);
    const second = await api.gql(
      PAY,
      {
        input: {
          checkoutId: a.checkoutId,
          method: 'UNIONPAY_CARD',
          cardToken: card2,
          idempotencyKey: newKey(),
        },
      },
      { token: a.token },
    );
    expect(second.data.payOrder.payment.id).toBe(first.payment.id);

    await settle();
    await reconcilePayment(
      api.platform.orm.em.fork(),
      jobDeps(api, sandbox, TIMEOUT_MS).config,
      dbId(first.payment.id),
    );
    const [row] = await api.sql('select status, reference from payment where id = $1', [
      dbId(first.payment.id),
    ]);
    expect(row.status).toBe('SUCCEEDED');
    expect(await orderStatuses(api, a.checkoutId)).toEqual(['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT']);
    const charges = (sandbox.state() as Gql).card.charges.filter((c: Gql) => c.reference === row.reference);
    expect(charges).toHaveLength(1);
    expect(await api.sql('select id from payment where checkout_id = $1', [dbId(a.checkoutId)])).toHaveLength(
      1,
    );
  });

  test('a PayPal order whose creation answer was lost: the next click gets the same PayPal order', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'goods');
    const first = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
    expect(first.userErrors).toMatchObject([{ code: 'GATEWAY_UNAVAILABLE' }]);
    expect(first.nextAction).toBeNull();
    await settle();
    const second = await pay(api, a.token, { checkoutId: a.checkoutId, method: 'PAYPAL' });
    expect(second.userErrors).toEqual([]);
    expect(second.payment.id).toBe(first.payment.id);
    expect(second.nextAction.__typename).toBe('RedirectAction');
    const orders = (sandbox.state() as Gql).paypal.orders.filter(
      (o: Gql) => o.purchase_units[0].custom_id === `checkout-${dbId(a.checkoutId)}`,
    );
    expect(orders).toHaveLength(1);
    expect(second.nextAction.url).toContain(orders[0].id);
  });
});

import { commissionSplit, money } from '@marketplace/core';
import { inject } from 'vitest';
import { testConfig } from '../../../test/database.js';
import { startTestApi } from '../../../test/harness.js';
import { createLogger } from '../../logger.js';
import { autoConfirmOrder } from '../orders/orders.jobs.js';
import {
  describe,
  expect,
  type Gql,
  paymentsConfigFor,
  test as paymentsTest,
} from '../payments/payments.test-support.js';
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

/** 12.5 %: odd enough that the commission of most totals needs rounding. */
const BPS = 1250;

const test = paymentsTest.extend('api', { scope: 'file' }, async ({ sandbox, apiPort }, { onCleanup }) => {
  const api = await startTestApi(inject('testDb'), {
    port: apiPort,
    payments: paymentsConfigFor(sandbox),
    platformCommissionBps: BPS,
  });
  onCleanup(() => api.stop());
  return api;
});

const net = (minor: number) => commissionSplit(money(minor, 'USD'), BPS).net.minor;

describe('merchant funds with a platform commission', () => {
  test('each store gets its orders less the commission: pending, refunded, completed and settled', async ({
    api,
    sandbox,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const support = await login('support@example.com');
    const a = await paidByCard(api, sandbox);
    const b = await paidByCard(api, sandbox);
    const s = await paidByCard(api, sandbox, 'service');
    const [aCoffee, aMug] = a.orders as Gql[];
    const [, bMug] = b.orders as Gql[];
    const [consult] = s.orders as Gql[];
    // The totals are chosen so that at least one commission is not a whole cent.
    const totals = [aCoffee, aMug, consult].map((o) => o.total.minorUnits as number);
    expect(totals.some((t) => (t * BPS) % 10_000 !== 0)).toBe(true);

    const roastersStaff = await login(staffOf(a.coffee.merchantHandle));
    const designStaff = await login(staffOf(a.mug.merchantHandle));
    const ledger = (await api.gql(LEDGER, { filter: { kind: 'ORDER_PAID' } }, { token: designStaff })).data
      .merchantFunds.ledgerEntries.nodes;
    expect(ledger.map((e: Gql) => [e.order.number, e.amount.minorUnits])).toEqual([
      [bMug.number, net(bMug.total.minorUnits)],
      [aMug.number, net(aMug.total.minorUnits)],
    ]);
    expect(ledger[1].memo).toContain('less platform commission');

    await cancelWithRefund(api, b.token, support, bMug);
    await ship(api, roastersStaff, aCoffee.id);
    await confirmReceipt(api, a.token, aCoffee.id);
    await ship(api, designStaff, aMug.id);
    await autoConfirmOrder(
      { orderId: dbId(aMug.id) },
      {
        orm: api.platform.orm,
        em: api.platform.orm.em.fork(),
        logger: createLogger('silent'),
        config: testConfig({ payments: paymentsConfigFor(sandbox), platformCommissionBps: BPS }),
      },
    );
    await deliverReport(api, await login(staffOf(s.consult.merchantHandle)), consult.id);
    expect(await assertLedgerMatchesOrders(api, admin, BPS)).toBe(3);

    const design = (await api.gql(FUNDS, {}, { token: designStaff })).data.merchantFunds;
    expect(design).toMatchObject({
      pending: { minorUnits: 0 },
      available: { minorUnits: net(aMug.total.minorUnits) },
    });

    const settled = await settle(api, admin, { merchantId: design.merchant.id, reference: 'TRF-C-1' });
    expect(settled.userErrors).toEqual([]);
    expect(settled.payout.amount.minorUnits).toBe(net(aMug.total.minorUnits));
    expect(settled.funds.available.minorUnits).toBe(0);
    await assertLedgerMatchesOrders(api, admin, BPS);
  });
});

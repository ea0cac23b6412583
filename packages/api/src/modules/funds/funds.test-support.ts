import { commissionSplit, money } from '@marketplace/core';
import type { RunningSandbox } from '../../../../gateway-sandbox/src/sandbox.js';
import type { TestApi } from '../../../test/harness.js';
import {
  CARDS,
  cardToken,
  checkoutWith,
  dbId,
  expect,
  type Gql,
  pay,
} from '../payments/payments.test-support.js';

/** Arrange-and-assert helpers of the funds tests (not a test file itself). */

export const staffOf = (handle: string) => `staff@${handle}.example.com`;

const MONEY = 'amount currencyCode minorUnits';
export const FUNDS_FIELDS = `pending { ${MONEY} } available { ${MONEY} } frozen { ${MONEY} } settleable viewerCanSettle
  merchant { id handle }`;
export const FUNDS = `query ($merchantId: ID) { merchantFunds(merchantId: $merchantId) { ${FUNDS_FIELDS} } }`;
export const LEDGER = `query ($merchantId: ID, $first: Int, $after: String, $filter: LedgerEntriesFilter, $sort: LedgerEntriesSort) {
  merchantFunds(merchantId: $merchantId) { ledgerEntries(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { id kind bucket amount { minorUnits } memo createdAt order { number } payout { reference } }
    pageInfo { hasNextPage endCursor } totalCount } } }`;
export const SETTLE = `mutation ($input: SettleMerchantFundsInput!) { settleMerchantFunds(input: $input) {
  payout { id amount { ${MONEY} } reference note createdByEmail merchant { handle } }
  funds { ${FUNDS_FIELDS} } userErrors { code field message } } }`;
export const OVERVIEW = `query ($first: Int, $after: String, $filter: FundsOverviewFilter, $sort: FundsOverviewSort) {
  staffFundsOverview(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { ${FUNDS_FIELDS} } pageInfo { hasNextPage endCursor } totalCount } }`;

/** A checkout (goods of two merchants, or one service) paid by card through the gateway sandbox. */
export async function paidByCard(api: TestApi, sandbox: RunningSandbox, kind: 'goods' | 'service' = 'goods') {
  const a = await checkoutWith(api, kind);
  const res = await pay(api, a.token, {
    checkoutId: a.checkoutId,
    method: 'UNIONPAY_CARD',
    cardToken: await cardToken(sandbox, CARDS.success),
  });
  expect(res.userErrors).toEqual([]);
  expect(res.payment.status).toBe('SUCCEEDED');
  return a;
}

export async function ship(api: TestApi, staffToken: string, orderId: string) {
  const res = await api.gql(
    `mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) { orders { status } userErrors { code } } }`,
    { input: { orders: [{ orderId, carrier: 'Chunghwa Post', trackingNumber: 'CP123456789TW' }] } },
    { token: staffToken },
  );
  expect(res.data.shipOrders.userErrors).toEqual([]);
}

export async function confirmReceipt(api: TestApi, shopperToken: string, orderId: string) {
  const res = await api.gql(
    `mutation ($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { order { status } userErrors { code } } }`,
    { input: { orderId } },
    { token: shopperToken },
  );
  expect(res.data.confirmReceipt.userErrors).toEqual([]);
  expect(res.data.confirmReceipt.order.status).toBe('COMPLETED');
}

export async function deliverReport(api: TestApi, staffToken: string, orderId: string) {
  const res = await api.gql(
    `mutation ($input: DeliverConsultationReportInput!) { deliverConsultationReport(input: $input) {
      order { status } userErrors { code } } }`,
    { input: { orderId, title: 'Pricing review', body: 'Raise the entry tier by 10 %.' } },
    { token: staffToken },
  );
  expect(res.data.deliverConsultationReport.userErrors).toEqual([]);
  expect(res.data.deliverConsultationReport.order.status).toBe('COMPLETED');
}

/** The shopper asks to cancel a paid order and customer service approves: refunded in full, FAILED. */
export async function cancelWithRefund(api: TestApi, shopperToken: string, supportToken: string, order: Gql) {
  const asked = await api.gql(
    `mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) { userErrors { code } } }`,
    { input: { orderId: order.id, reason: 'Ordered by mistake' } },
    { token: shopperToken },
  );
  expect(asked.data.requestOrderCancellation.userErrors).toEqual([]);
  const res = await api.gql(
    `mutation ($input: ApproveCancellationRequestInput!) { approveCancellationRequest(input: $input) {
      order { status } refund { status amount { minorUnits } } userErrors { code } } }`,
    { input: { orderId: order.id } },
    { token: supportToken },
  );
  const approved = res.data.approveCancellationRequest;
  expect(approved.userErrors).toEqual([]);
  expect(approved.order.status).toBe('FAILED');
  expect(approved.refund).toEqual({ status: 'SUCCEEDED', amount: { minorUnits: order.total.minorUnits } });
}

export async function settle(api: TestApi, adminToken: string, input: Record<string, unknown>) {
  const res = await api.gql(SETTLE, { input }, { token: adminToken });
  expect(res.errors).toBeUndefined();
  return res.data.settleMerchantFunds as Gql;
}

/** Everything a refused settlement must leave as it was. */
export async function fundsSnapshot(api: TestApi) {
  return api.sql(
    `select (select count(*)::int from payout) as payouts,
            (select count(*)::int from ledger_entry) as entries,
            (select coalesce(sum(amount_minor), 0)::int from ledger_entry) as ledger_sum,
            (select count(*)::int from email_message where template = 'funds.payout-sent') as emails`,
  );
}

/**
 * The ledger invariants, for every merchant: each balance the API shows equals the sum of its
 * bucket's entries and matches the orders — pending = the net amounts of paid orders that have not
 * completed, available = the net amounts of completed orders less payouts, frozen = 0 (no freezes yet);
 * every order that failed has its refund recorded and its pending booked out again.
 */
export async function assertLedgerMatchesOrders(api: TestApi, adminToken: string, commissionBps: number) {
  const merchants = await api.sql<{ id: number; handle: string }>(
    'select id, handle from merchant order by id',
  );
  const orders = await api.sql<{ id: number; merchant_id: number; status: string; total_minor: number }>(
    'select id, merchant_id, status, total_minor from customer_order',
  );
  const net = (minor: number) => commissionSplit(money(minor, 'USD'), commissionBps).net.minor;
  let checked = 0;
  for (const m of merchants) {
    const mine = orders.filter((o) => o.merchant_id === m.id);
    const expectedPending = mine
      .filter((o) => o.status === 'AWAITING_SHIPMENT' || o.status === 'SHIPPED')
      .reduce((s, o) => s + net(o.total_minor), 0);
    const [payouts] = await api.sql(
      'select coalesce(sum(amount_minor), 0)::int as n from payout where merchant_id = $1',
      [m.id],
    );
    const expectedAvailable =
      mine.filter((o) => o.status === 'COMPLETED').reduce((s, o) => s + net(o.total_minor), 0) - payouts!.n;

    const sums = await api.sql<{ bucket: string; n: number }>(
      'select bucket, sum(amount_minor)::int as n from ledger_entry where merchant_id = $1 group by bucket',
      [m.id],
    );
    const sumOf = (bucket: string) => sums.find((r) => r.bucket === bucket)?.n ?? 0;

    const res = await api.gql(FUNDS, { merchantId: gidOf('Merchant', m.id) }, { token: adminToken });
    expect(res.errors).toBeUndefined();
    const funds = res.data.merchantFunds;
    const shown = {
      pending: funds.pending.minorUnits,
      available: funds.available.minorUnits,
      frozen: funds.frozen.minorUnits,
    };
    const context = `merchant ${m.handle}`;
    expect(shown, context).toEqual({
      pending: sumOf('PENDING'),
      available: sumOf('AVAILABLE'),
      frozen: sumOf('FROZEN'),
    });
    expect(shown, context).toEqual({ pending: expectedPending, available: expectedAvailable, frozen: 0 });
    if (mine.length > 0) checked += 1;
  }

  // Per order: its entries say exactly what its status implies.
  for (const o of orders) {
    const entries = await api.sql<{ kind: string; bucket: string; amount_minor: number }>(
      'select kind, bucket, amount_minor from ledger_entry where order_id = $1 order by id',
      [o.id],
    );
    const n = net(o.total_minor);
    const expected = {
      AWAITING_PAYMENT: [],
      CLOSED: [],
      AWAITING_SHIPMENT: [['ORDER_PAID', 'PENDING', n]],
      SHIPPED: [['ORDER_PAID', 'PENDING', n]],
      FAILED: [
        ['ORDER_PAID', 'PENDING', n],
        ['ORDER_REFUNDED', 'PENDING', -n],
      ],
      COMPLETED: [
        ['ORDER_PAID', 'PENDING', n],
        ['ORDER_COMPLETED', 'PENDING', -n],
        ['ORDER_COMPLETED', 'AVAILABLE', n],
      ],
    }[o.status];
    expect(
      entries.map((e) => [e.kind, e.bucket, e.amount_minor]),
      `order ${o.id} ${o.status}`,
    ).toEqual(expected);
    if (o.status === 'FAILED') {
      // The refund recorded for the order is its whole total; the merchant gives back its net share.
      const [refund] = await api.sql(
        `select coalesce(sum(amount_minor), 0)::int as n from payment_refund where order_id = $1 and status = 'SUCCEEDED'`,
        [o.id],
      );
      expect(refund!.n).toBe(o.total_minor);
      expect(-entries[1]!.amount_minor).toBe(net(refund!.n));
    }
  }
  return checked;
}

export const gidOf = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
export { dbId };

import { type ArrangedOrder, type OrderState, orderIn, orderStatus, uid } from '../support.js';
import {
  type Actor,
  type MatrixCase,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  type Prepared,
  userError,
} from '../types.js';

/**
 * Orders: the shopper's own transitions (cancel, confirm receipt, ask to cancel), shipping, consultation
 * reports and the cancellation decisions (refunds).
 */

type Expect = Record<Actor, Outcome>;

/**
 * Two cases on one order each: target A (store A's order, owned by the shopper actor when `owner` is
 * 'shopper') and target B (store B's order of another shopper).
 */
export function orderCases(opts: {
  state: OrderState;
  kind?: 'goods' | 'service';
  /** A: whose order is store A's order; B's order always belongs to another shopper. */
  ownerA?: 'shopper' | 'other';
  call: (order: ArrangedOrder, ctx: MatrixContext) => Omit<Prepared, 'verify'>;
  verify?: (order: ArrangedOrder, ctx: MatrixContext) => Promise<void>;
  a: Expect;
  b: Expect;
  names?: { a: string; b: string };
  /** staffA's outcome on store A's order while store A is SAFE_FROZEN (see MatrixCase.frozenA). */
  frozenA?: Outcome;
  /** See MatrixCase.frozenGap. */
  frozenGap?: string;
}): MatrixCase[] {
  const make = (target: 'A' | 'B', expect: Expect, name: string): MatrixCase => ({
    target,
    name,
    expect,
    frozenA: target === 'A' ? opts.frozenA : undefined,
    frozenGap: target === 'A' ? opts.frozenGap : undefined,
    async prepare(ctx) {
      const order = await orderIn(ctx, target, {
        state: opts.state,
        kind: opts.kind,
        owner: target === 'A' ? (opts.ownerA ?? 'other') : 'other',
      });
      return {
        ...opts.call(order, ctx),
        verify: opts.verify ? () => opts.verify!(order, ctx) : undefined,
      };
    },
  });
  const what = `${opts.kind === 'service' ? 'service' : 'goods'} order ${opts.state}`;
  return [
    make(
      'A',
      opts.a,
      opts.names?.a ?? (opts.ownerA === 'shopper' ? `the shopper's own ${what}` : `store A's ${what}`),
    ),
    make('B', opts.b, opts.names?.b ?? `another shopper's ${what} in store B`),
  ];
}

export async function expectStatus(ctx: MatrixContext, order: ArrangedOrder, status: string): Promise<void> {
  const actual = await orderStatus(ctx, order.dbId);
  if (actual !== status) throw new Error(`order ${order.number} is ${actual}, expected ${status}`);
}

async function expectRefund(ctx: MatrixContext, order: ArrangedOrder): Promise<void> {
  const rows = await ctx.api.sql('select status from payment_refund where order_id = $1', [order.dbId]);
  if (rows.length !== 1) throw new Error('no refund recorded');
}

/** A shopper's own order: only its owner may act; everyone else gets ORDER_NOT_FOUND. */
const OWNER_ONLY: Expect = {
  guest: 'UNAUTHENTICATED',
  shopper: 'ALLOWED',
  staffA: userError('ORDER_NOT_FOUND'),
  support: userError('ORDER_NOT_FOUND'),
  admin: userError('ORDER_NOT_FOUND'),
};
const NOBODY_BUT_OWNER: Expect = { ...OWNER_ONLY, shopper: userError('ORDER_NOT_FOUND') };

/** Merchant staff of the order's store only. */
const STORE_A_STAFF: Expect = {
  guest: 'UNAUTHENTICATED',
  shopper: 'FORBIDDEN',
  staffA: 'ALLOWED',
  support: 'FORBIDDEN',
  admin: 'FORBIDDEN',
};

/**
 * Safe freeze: merchant staff view the management center read-only and change nothing (DESIGN.md); the
 * capability check (modules/capabilities, `order.process`) answers with the payload's ACCOUNT_RESTRICTED.
 */
const FROZEN = userError('ACCOUNT_RESTRICTED');

const CANCEL = `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status } userErrors { code } } }`;
const CONFIRM = `mutation ($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { order { status } userErrors { code } } }`;
const REQUEST = `mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) {
  order { status } userErrors { code } } }`;
const SHIP = `mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) { orders { status } userErrors { code } } }`;
const DELIVER = `mutation ($input: DeliverConsultationReportInput!) { deliverConsultationReport(input: $input) {
  order { status } report { title } userErrors { code } } }`;
const APPROVE = `mutation ($input: ApproveCancellationRequestInput!) { approveCancellationRequest(input: $input) {
  order { status } refund { status } userErrors { code } } }`;
const DECLINE = `mutation ($input: DeclineCancellationRequestInput!) { declineCancellationRequest(input: $input) {
  order { status } userErrors { code } } }`;

export const ordersEntries: MatrixEntry[] = [
  {
    operation: 'cancelOrder',
    kind: 'mutation',
    cases: orderCases({
      state: 'AWAITING_PAYMENT',
      ownerA: 'shopper',
      call: (o) => ({ query: CANCEL, variables: { input: { orderId: o.id, reason: 'Changed my mind' } } }),
      verify: (o, ctx) => expectStatus(ctx, o, 'CLOSED'),
      a: OWNER_ONLY,
      b: NOBODY_BUT_OWNER,
    }),
  },
  {
    operation: 'confirmReceipt',
    kind: 'mutation',
    cases: orderCases({
      state: 'SHIPPED',
      ownerA: 'shopper',
      call: (o) => ({ query: CONFIRM, variables: { input: { orderId: o.id } } }),
      verify: (o, ctx) => expectStatus(ctx, o, 'COMPLETED'),
      a: OWNER_ONLY,
      b: NOBODY_BUT_OWNER,
    }),
  },
  {
    operation: 'requestOrderCancellation',
    kind: 'mutation',
    cases: orderCases({
      state: 'PAID',
      ownerA: 'shopper',
      call: (o) => ({ query: REQUEST, variables: { input: { orderId: o.id, reason: 'Ordered twice' } } }),
      async verify(o, ctx) {
        const rows = await ctx.api.sql('select status from order_cancellation_request where order_id = $1', [
          o.dbId,
        ]);
        if (rows.length !== 1) throw new Error('no cancellation request recorded');
      },
      a: OWNER_ONLY,
      b: NOBODY_BUT_OWNER,
    }),
  },
  {
    operation: 'shipOrders',
    kind: 'mutation',
    cases: [
      ...orderCases({
        state: 'PAID',
        call: (o) => ({
          query: SHIP,
          variables: {
            input: { orders: [{ orderId: o.id, carrier: 'Chunghwa Post', trackingNumber: `RR${uid()}` }] },
          },
        }),
        verify: (o, ctx) => expectStatus(ctx, o, 'SHIPPED'),
        frozenA: FROZEN,
        a: STORE_A_STAFF,
        b: { ...STORE_A_STAFF, staffA: userError('ORDER_NOT_FOUND') },
        names: { a: "store A's paid goods order", b: "store B's paid goods order" },
      }),
      {
        target: 'B',
        name: "store A's and store B's paid orders in one shipment (all or nothing)",
        expect: { ...STORE_A_STAFF, staffA: userError('ORDER_NOT_FOUND') },
        async prepare(ctx) {
          const [a, b] = [
            await orderIn(ctx, 'A', { state: 'PAID' }),
            await orderIn(ctx, 'B', { state: 'PAID' }),
          ];
          const shipment = (id: string) => ({
            orderId: id,
            carrier: 'Chunghwa Post',
            trackingNumber: `RR${uid()}`,
          });
          return { query: SHIP, variables: { input: { orders: [shipment(a.id), shipment(b.id)] } } };
        },
      },
    ],
  },
  {
    operation: 'deliverConsultationReport',
    kind: 'mutation',
    cases: orderCases({
      state: 'PAID',
      kind: 'service',
      call: (o) => ({
        query: DELIVER,
        variables: { input: { orderId: o.id, title: 'Market entry memo', body: 'Findings and next steps.' } },
      }),
      verify: (o, ctx) => expectStatus(ctx, o, 'COMPLETED'),
      frozenA: FROZEN,
      a: STORE_A_STAFF,
      b: { ...STORE_A_STAFF, staffA: userError('ORDER_NOT_FOUND') },
      names: { a: "store A's paid service order", b: "store B's paid service order" },
    }),
  },
  {
    operation: 'approveCancellationRequest',
    kind: 'mutation',
    cases: [
      ...orderCases({
        state: 'CANCEL_REQUESTED',
        call: (o) => ({ query: APPROVE, variables: { input: { orderId: o.id } } }),
        verify: (o, ctx) => expectRefund(ctx, o),
        frozenA: FROZEN,
        a: {
          guest: 'UNAUTHENTICATED',
          shopper: 'FORBIDDEN',
          staffA: 'ALLOWED',
          support: 'ALLOWED',
          admin: 'ALLOWED',
        },
        b: {
          guest: 'UNAUTHENTICATED',
          shopper: 'FORBIDDEN',
          staffA: userError('ORDER_NOT_FOUND'),
          support: 'ALLOWED',
          admin: 'ALLOWED',
        },
        names: {
          a: "store A's order with a cancellation request",
          b: "store B's order with a cancellation request",
        },
      }),
      {
        target: 'A',
        name: "store A's paid order the shopper did not ask to cancel",
        note: 'merchant staff decide requests only; customer service may cancel any paid order with a refund',
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: 'FORBIDDEN',
          staffA: userError('NO_CANCELLATION_REQUEST'),
          support: 'ALLOWED',
          admin: 'ALLOWED',
        },
        async prepare(ctx) {
          const o = await orderIn(ctx, 'A', { state: 'PAID' });
          return {
            query: APPROVE,
            variables: { input: { orderId: o.id } },
            verify: () => expectRefund(ctx, o),
          };
        },
      },
    ],
  },
  {
    operation: 'declineCancellationRequest',
    kind: 'mutation',
    cases: orderCases({
      state: 'CANCEL_REQUESTED',
      call: (o) => ({ query: DECLINE, variables: { input: { orderId: o.id, reason: 'Already roasted' } } }),
      async verify(o, ctx) {
        const [row] = await ctx.api.sql<{ status: string }>(
          'select status from order_cancellation_request where order_id = $1',
          [o.dbId],
        );
        if (row?.status !== 'REJECTED') throw new Error(`request is ${row?.status}, expected REJECTED`);
      },
      frozenA: FROZEN,
      a: {
        guest: 'UNAUTHENTICATED',
        shopper: 'FORBIDDEN',
        staffA: 'ALLOWED',
        support: 'ALLOWED',
        admin: 'ALLOWED',
      },
      b: {
        guest: 'UNAUTHENTICATED',
        shopper: 'FORBIDDEN',
        staffA: userError('ORDER_NOT_FOUND'),
        support: 'ALLOWED',
        admin: 'ALLOWED',
      },
      names: {
        a: "store A's order with a cancellation request",
        b: "store B's order with a cancellation request",
      },
    }),
  },
];

import type { Gql } from '../../../src/modules/checkout/checkout.test-support.js';
import { orderIn } from '../support.js';
import { type Actor, type MatrixEntry, type Outcome, PLATFORM_STAFF } from '../types.js';
import { expectStatus, orderCases } from './orders.js';

/** Platform operations on orders (notes, closing) and the staff order queries. */

const STAFF_READ_A: Record<Actor, Outcome> = { ...PLATFORM_STAFF, staffA: 'ALLOWED' };

const NOTE = `mutation ($input: AddOrderNoteInput!) { addOrderNote(input: $input) { note { text } userErrors { code } } }`;
const CLOSE = `mutation ($input: CloseOrderInput!) { closeOrder(input: $input) { order { status } userErrors { code } } }`;
const LIST = `query ($filter: StaffOrdersFilter) { staffOrders(first: 100, filter: $filter) { nodes { number } totalCount } }`;
const ONE = `query ($n: String!) { staffOrder(number: $n) { number status } }`;
const CSV = `query ($filter: StaffOrdersFilter) { exportOrdersCsv(filter: $filter) }`;
const MERCHANTS = '{ staffOrderMerchants { handle } }';

/** A read of one store's order: visible to its store's staff and platform staff. */
function readCases(
  query: string,
  variables: (o: { number: string; email: string; merchantId: string }) => Record<string, unknown>,
  visible: (data: Gql, number: string) => boolean,
  outsideScope: Outcome,
) {
  return (['A', 'B'] as const).map((target) => ({
    target,
    name: `store ${target}'s order`,
    reusable: true,
    expect: { ...STAFF_READ_A, staffA: target === 'A' ? 'ALLOWED' : outsideScope } as Record<Actor, Outcome>,
    async prepare(ctx: Parameters<typeof orderIn>[0]) {
      const o = await orderIn(ctx, target);
      return {
        query,
        variables: variables({
          number: o.number,
          email: o.owner.email,
          merchantId: (target === 'A' ? ctx.world.storeA : ctx.world.storeB).gid,
        }),
        visible: (data: Gql) => visible(data, o.number),
      };
    },
  }));
}

export const ordersAdminEntries: MatrixEntry[] = [
  {
    operation: 'addOrderNote',
    kind: 'mutation',
    cases: orderCases({
      state: 'PAID',
      call: (o) => ({ query: NOTE, variables: { input: { orderId: o.id, text: 'Called the shopper.' } } }),
      async verify(o, ctx) {
        const rows = await ctx.api.sql('select 1 from order_note where order_id = $1', [o.dbId]);
        if (rows.length === 0) throw new Error('no note recorded');
      },
      // Internal notes are a customer-service tool; merchant staff are refused outright (existing API contract).
      a: { ...PLATFORM_STAFF },
      b: { ...PLATFORM_STAFF },
      names: { a: "store A's paid order", b: "store B's paid order" },
    }),
  },
  {
    operation: 'closeOrder',
    kind: 'mutation',
    cases: orderCases({
      state: 'AWAITING_PAYMENT',
      call: (o) => ({
        query: CLOSE,
        variables: { input: { orderId: o.id, reason: 'Shopper asked by phone' } },
      }),
      verify: (o, ctx) => expectStatus(ctx, o, 'CLOSED'),
      a: { ...PLATFORM_STAFF },
      b: { ...PLATFORM_STAFF },
      names: { a: "store A's order awaiting payment", b: "store B's order awaiting payment" },
    }),
  },
  {
    operation: 'staffOrders',
    kind: 'query',
    cases: readCases(
      LIST,
      // The merchant filter names the order's store: it cannot widen merchant staff's scope.
      (o) => ({ filter: { search: o.email, merchantId: o.merchantId } }),
      (data, n) => data.staffOrders.nodes.some((x: { number: string }) => x.number === n),
      'HIDDEN',
    ),
  },
  {
    operation: 'staffOrder',
    kind: 'query',
    cases: readCases(
      ONE,
      (o) => ({ n: o.number }),
      (data) => data.staffOrder !== null,
      'NULL',
    ),
  },
  {
    operation: 'exportOrdersCsv',
    kind: 'query',
    cases: readCases(
      CSV,
      // The merchant filter names the order's store: it cannot widen merchant staff's scope.
      (o) => ({ filter: { search: o.email, merchantId: o.merchantId } }),
      (data, n) => String(data.exportOrdersCsv).includes(n),
      'HIDDEN',
    ),
  },
  {
    operation: 'staffOrderMerchants',
    kind: 'query',
    cases: [
      {
        target: 'none',
        reusable: true,
        expect: STAFF_READ_A,
        note: 'merchant staff get their own store only; platform staff every store',
        prepare: async (ctx) => ({
          query: MERCHANTS,
          verify(res, actor) {
            const handles: string[] = res.data.staffOrderMerchants.map((m: { handle: string }) => m.handle);
            const ok =
              actor === 'staffA'
                ? handles.length === 1 && handles[0] === ctx.world.storeA.handle
                : handles.includes(ctx.world.storeA.handle) && handles.includes(ctx.world.storeB.handle);
            if (!ok) throw new Error(`${actor} sees stores ${handles.join(', ')}`);
          },
        }),
      },
    ],
  },
];

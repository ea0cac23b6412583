import type { Gql } from '../../../src/modules/checkout/checkout.test-support.js';
import type { TestApi } from '../../harness.js';
import { type Actor, type MatrixEntry, type Outcome, PLATFORM_STAFF } from '../types.js';

/** Permission-matrix entries for slice S4's new mutations and staff queries (see ../README.md). */

const ALL_STAFF: Record<Actor, Outcome> = { ...PLATFORM_STAFF, staffA: 'ALLOWED' };

const DASHBOARD = `query ($merchantId: ID) { staffDashboard(merchantId: $merchantId) {
  merchant { handle } salesByDay { date } pendingShipments { count } } }`;
const CONTACT_LIST = `query ($filter: StaffContactRequestsFilter) {
  staffContactRequests(first: 100, filter: $filter) { nodes { id reference } totalCount } }`;
const CONTACT_ONE = `query ($id: ID!) { staffContactRequest(id: $id) { id reference status } }`;
const RESOLVE = `mutation ($input: ResolveContactRequestInput!) {
  resolveContactRequest(input: $input) { contactRequest { status } userErrors { code } } }`;

const contactGid = (id: number) => Buffer.from(`ContactRequest:${id}`, 'utf8').toString('base64url');

/** An open contact-form message, as a guest sends it from the storefront. */
async function openContactRequest(api: TestApi): Promise<{ id: number; gid: string; email: string }> {
  const email = `matrix-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const [row] = await api.sql<{ id: number }>(
    `insert into contact_request (name, email, topic, message, locale, ip)
     values ('Matrix Sender', $1, 'OTHER', 'A question for customer service.', 'en', '192.0.2.44') returning id`,
    [email],
  );
  return { id: row!.id, gid: contactGid(row!.id), email };
}

export const s4Entries: MatrixEntry[] = [
  {
    operation: 'staffDashboard',
    kind: 'query',
    cases: [
      {
        target: 'none',
        name: 'without a store (merchant staff get their own)',
        reusable: true,
        expect: ALL_STAFF,
        prepare: async (ctx) => ({
          query: DASHBOARD,
          verify(res, actor) {
            const handle = res.data.staffDashboard.merchant?.handle ?? null;
            const expected = actor === 'staffA' ? ctx.world.storeA.handle : null;
            if (handle !== expected) throw new Error(`dashboard of ${handle}, expected ${expected}`);
          },
        }),
      },
      {
        target: 'A',
        name: "store A's dashboard",
        reusable: true,
        expect: ALL_STAFF,
        prepare: async (ctx) => ({ query: DASHBOARD, variables: { merchantId: ctx.world.storeA.gid } }),
      },
      {
        target: 'B',
        name: "store B's dashboard",
        reusable: true,
        // Another store's dashboard is answered like a store that does not exist.
        expect: { ...PLATFORM_STAFF, staffA: 'NULL' },
        prepare: async (ctx) => ({ query: DASHBOARD, variables: { merchantId: ctx.world.storeB.gid } }),
      },
    ],
  },
  {
    operation: 'staffContactRequests',
    kind: 'query',
    cases: [
      {
        target: 'none',
        reusable: true,
        expect: PLATFORM_STAFF,
        note: 'Contact-form messages are customer service’s; merchants never see them.',
        async prepare(ctx) {
          const r = await openContactRequest(ctx.api);
          return {
            query: CONTACT_LIST,
            variables: { filter: { query: r.email } },
            visible: (data: Gql) => data.staffContactRequests.nodes.some((n: Gql) => n.id === r.gid),
          };
        },
      },
    ],
  },
  {
    operation: 'staffContactRequest',
    kind: 'query',
    singleTarget: 'contact-form messages belong to the platform’s customer service, not to a store',
    cases: [
      {
        target: 'none',
        reusable: true,
        expect: PLATFORM_STAFF,
        async prepare(ctx) {
          const r = await openContactRequest(ctx.api);
          return { query: CONTACT_ONE, variables: { id: r.gid } };
        },
      },
    ],
  },
  {
    operation: 'resolveContactRequest',
    kind: 'mutation',
    singleTarget: 'contact-form messages belong to the platform’s customer service, not to a store',
    cases: [
      {
        target: 'none',
        expect: PLATFORM_STAFF,
        async prepare(ctx) {
          const r = await openContactRequest(ctx.api);
          return {
            query: RESOLVE,
            variables: { input: { id: r.gid, note: 'Answered by email.' } },
            async verify() {
              const [row] = await ctx.api.sql(
                'select status, resolved_by_id, resolution_note from contact_request where id = $1',
                [r.id],
              );
              if (row?.status !== 'CLOSED' || row.resolved_by_id === null)
                throw new Error(`request not resolved: ${JSON.stringify(row)}`);
            },
          };
        },
      },
    ],
  },
];

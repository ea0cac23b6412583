import type { Gql } from '../../../src/modules/checkout/checkout.test-support.js';
import { gid, orderIn, otherShopper } from '../support.js';
import {
  type Actor,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  type Target,
  userError,
} from '../types.js';

/** Permission-matrix entries for slice T4 (in-site messages), see ../README.md. */

const START = `mutation ($input: StartConversationInput!) {
  startConversation(input: $input) { conversation { id } userErrors { code } } }`;
const REPLY = `mutation ($input: ReplyToConversationInput!) {
  replyToConversation(input: $input) { conversation { id } userErrors { code } } }`;
const READ = `mutation ($input: MarkConversationReadInput!) {
  markConversationRead(input: $input) { conversation { id } userErrors { code } } }`;
const LIST = 'query { conversations(first: 100) { nodes { id } } }';
const ONE = 'query ($id: ID!) { conversation(id: $id) { id } }';

type Kind = 'CUSTOMER_SERVICE' | 'MERCHANT_SUPPORT' | 'ORDER';

/**
 * A conversation with one message from the platform (or the store, for ORDER): of the shopper actor with
 * customer service ('mine'), of store A or B with the platform, or of another shopper with store A or B.
 */
async function conversationIn(
  ctx: MatrixContext,
  kind: Kind,
  opts: { store?: 'A' | 'B'; owner?: 'shopper' | 'other' } = {},
) {
  const storeId = opts.store === 'B' ? ctx.world.storeB.id : ctx.world.storeA.id;
  const userId =
    kind === 'MERCHANT_SUPPORT'
      ? null
      : opts.owner === 'shopper'
        ? ctx.world.users.shopper!.id
        : (await otherShopper(ctx)).userId;
  const merchantId = kind === 'CUSTOMER_SERVICE' ? null : storeId;
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into conversation (kind, subject, user_id, merchant_id, message_count) values ($1, 'Matrix', $2, $3, 1)
     returning id`,
    [kind, userId, merchantId],
  );
  await ctx.api.sql(
    `insert into conversation_message (conversation_id, sender_side, body) values ($1, $2, 'Hello from the matrix')`,
    [row!.id, kind === 'ORDER' ? 'MERCHANT' : 'PLATFORM'],
  );
  return { dbId: row!.id, id: gid('Conversation', row!.id) };
}

const messageCount = async (ctx: MatrixContext, id: number) =>
  (
    await ctx.api.sql('select count(*)::int as n from conversation_message where conversation_id = $1', [id])
  )[0].n as number;

const NOT_FOUND = userError('NOT_FOUND');

/** Outcomes for a conversation by who takes part in it. */
const PARTIES: Record<string, Record<Actor, Outcome>> = {
  shopperWithPlatform: {
    guest: 'UNAUTHENTICATED',
    shopper: 'ALLOWED',
    staffA: NOT_FOUND,
    support: 'ALLOWED',
    admin: 'ALLOWED',
  },
  otherShopperWithStoreA: {
    guest: 'UNAUTHENTICATED',
    shopper: NOT_FOUND,
    staffA: 'ALLOWED',
    support: NOT_FOUND,
    admin: NOT_FOUND,
  },
  storeBWithPlatform: {
    guest: 'UNAUTHENTICATED',
    shopper: NOT_FOUND,
    staffA: NOT_FOUND,
    support: 'ALLOWED',
    admin: 'ALLOWED',
  },
};

/** The three conversations every per-conversation operation is tried on. */
const CONVERSATIONS: {
  name: string;
  target: Target;
  parties: string;
  make: (ctx: MatrixContext) => ReturnType<typeof conversationIn>;
}[] = [
  {
    name: "the shopper actor's conversation with customer service",
    target: 'A',
    parties: 'shopperWithPlatform',
    make: (ctx) => conversationIn(ctx, 'CUSTOMER_SERVICE', { owner: 'shopper' }),
  },
  {
    name: "another shopper's conversation with store A about an order",
    target: 'A',
    parties: 'otherShopperWithStoreA',
    make: (ctx) => conversationIn(ctx, 'ORDER', { store: 'A' }),
  },
  {
    name: "store B's conversation with the platform",
    target: 'B',
    parties: 'storeBWithPlatform',
    make: (ctx) => conversationIn(ctx, 'MERCHANT_SUPPORT', { store: 'B' }),
  },
];

const visibility = (o: Outcome, hidden: 'HIDDEN' | 'NULL'): Outcome => (typeof o === 'object' ? hidden : o);

export const t4Entries: MatrixEntry[] = [
  {
    operation: 'startConversation',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'to customer service',
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: 'ALLOWED',
          staffA: 'ALLOWED',
          support: userError('INVALID_RECIPIENT'),
          admin: userError('INVALID_RECIPIENT'),
        },
        frozenA: userError('ACCOUNT_RESTRICTED'),
        note: 'Shoppers and merchant staff write to the platform; platform staff write to a user or a store instead.',
        async prepare() {
          return {
            query: START,
            variables: { input: { to: 'PLATFORM', subject: 'Matrix question', body: 'Hello' } },
          };
        },
      },
      {
        target: 'A',
        name: "to store A about the shopper's own order",
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: 'ALLOWED',
          staffA: userError('INVALID_RECIPIENT'),
          support: 'ALLOWED',
          admin: 'ALLOWED',
        },
        note: 'Platform staff writing to a store about an order open a conversation with that store.',
        async prepare(ctx) {
          const order = await orderIn(ctx, 'A', { owner: 'shopper' });
          return {
            query: START,
            variables: {
              input: { to: 'MERCHANT', orderId: order.id, subject: 'Gift wrap?', body: 'Please' },
            },
            async verify(res: Gql) {
              if (!res.data.startConversation.conversation) throw new Error('no conversation');
            },
          };
        },
      },
      {
        target: 'A',
        name: "store A's staff to the shopper of one of its orders",
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: NOT_FOUND,
          staffA: 'ALLOWED',
          support: 'ALLOWED',
          admin: 'ALLOWED',
        },
        frozenA: userError('ACCOUNT_RESTRICTED'),
        note: 'The order is another shopper’s: the shopper actor is told it does not exist.',
        async prepare(ctx) {
          const order = await orderIn(ctx, 'A');
          return {
            query: START,
            variables: {
              input: { to: 'USER', orderId: order.id, subject: 'Your order', body: 'Shipping soon' },
            },
          };
        },
      },
      {
        target: 'B',
        name: "to store B about another shopper's order",
        expect: {
          guest: 'UNAUTHENTICATED',
          shopper: NOT_FOUND,
          staffA: NOT_FOUND,
          support: 'ALLOWED',
          admin: 'ALLOWED',
        },
        async prepare(ctx) {
          const order = await orderIn(ctx, 'B');
          return {
            query: START,
            variables: { input: { to: 'MERCHANT', orderId: order.id, subject: 'Not mine', body: 'Hi' } },
          };
        },
      },
    ],
  },
  {
    operation: 'replyToConversation',
    kind: 'mutation',
    cases: CONVERSATIONS.map((c) => ({
      target: c.target,
      name: c.name,
      expect: PARTIES[c.parties]!,
      reusable: true,
      // Replying stays allowed under a safe freeze (read-only management center, but the store answers the platform).
      ...(c.parties === 'otherShopperWithStoreA' ? { frozenA: 'ALLOWED' as const } : {}),
      async prepare(ctx: MatrixContext) {
        const conversation = await c.make(ctx);
        return {
          query: REPLY,
          variables: { input: { conversationId: conversation.id, body: 'Matrix reply' } },
          async verify() {
            if ((await messageCount(ctx, conversation.dbId)) < 2) throw new Error('reply not stored');
          },
        };
      },
    })),
  },
  {
    operation: 'markConversationRead',
    kind: 'mutation',
    cases: CONVERSATIONS.map((c) => ({
      target: c.target,
      name: c.name,
      expect: PARTIES[c.parties]!,
      reusable: true,
      ...(c.parties === 'otherShopperWithStoreA' ? { frozenA: 'ALLOWED' as const } : {}),
      async prepare(ctx: MatrixContext) {
        const conversation = await c.make(ctx);
        return { query: READ, variables: { input: { conversationId: conversation.id } } };
      },
    })),
  },
  {
    operation: 'conversations',
    kind: 'query',
    cases: CONVERSATIONS.map((c) => {
      const expect = Object.fromEntries(
        Object.entries(PARTIES[c.parties]!).map(([a, o]) => [a, visibility(o, 'HIDDEN')]),
      ) as Record<Actor, Outcome>;
      return {
        target: c.target,
        name: c.name,
        expect,
        reusable: true,
        async prepare(ctx: MatrixContext) {
          const conversation = await c.make(ctx);
          return {
            query: LIST,
            visible: (data: Gql) =>
              data.conversations.nodes.some((n: { id: string }) => n.id === conversation.id),
          };
        },
      };
    }),
  },
  {
    operation: 'conversation',
    kind: 'query',
    cases: CONVERSATIONS.map((c) => {
      const expect = Object.fromEntries(
        Object.entries(PARTIES[c.parties]!).map(([a, o]) => [a, visibility(o, 'NULL')]),
      ) as Record<Actor, Outcome>;
      return {
        target: c.target,
        name: c.name,
        expect,
        reusable: true,
        async prepare(ctx: MatrixContext) {
          const conversation = await c.make(ctx);
          return { query: ONE, variables: { id: conversation.id } };
        },
      };
    }),
  },
];

import type { Gql } from '../../../src/modules/checkout/checkout.test-support.js';
import { gid, orderIn } from '../support.js';
import {
  type Actor,
  ADMIN_ONLY,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  PLATFORM_STAFF,
  type Target,
  userError,
} from '../types.js';

/** Permission-matrix entries for slice T5 (reviews / credit evaluations), see ../README.md. */

const WRITE = `mutation ($input: WriteReviewInput!) {
  writeReview(input: $input) { review { id rating } userErrors { code } } }`;
const REPLY = `mutation ($input: ReplyToReviewInput!) {
  replyToReview(input: $input) { review { id reply { text } } userErrors { code } } }`;
const CANCEL = `mutation ($input: CancelReviewInput!) {
  cancelReview(input: $input) { review { id status } userErrors { code } } }`;
const LIST = `query { staffReviews(first: 100) { nodes { id } } }`;

/** A COMPLETED order of store A or B: the shopper actor's own (target A) or another shopper's (target B). */
async function completedOrder(ctx: MatrixContext, store: 'A' | 'B', owner: 'shopper' | 'other') {
  const order = await orderIn(ctx, store, { owner });
  await ctx.api.sql(`update customer_order set status = 'COMPLETED', completed_at = now() where id = $1`, [
    order.dbId,
  ]);
  return order;
}

/** A published review of a completed order of store A or B (by another shopper). */
async function reviewIn(ctx: MatrixContext, target: Target) {
  const store = target === 'B' ? 'B' : 'A';
  const order = await completedOrder(ctx, store, 'other');
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into review (order_id, merchant_id, user_id, rating, text)
     select id, merchant_id, user_id, 4, 'Matrix review' from customer_order where id = $1 returning id`,
    [order.dbId],
  );
  return { dbId: row!.id, id: gid('Review', row!.id) };
}

async function reviewRow(ctx: MatrixContext, id: number) {
  const [row] = await ctx.api.sql('select status, reply_text from review where id = $1', [id]);
  return row;
}

const ON_OTHERS_ORDER: Record<Actor, Outcome> = {
  guest: 'UNAUTHENTICATED',
  shopper: userError('NOT_FOUND'),
  staffA: userError('NOT_FOUND'),
  support: userError('NOT_FOUND'),
  admin: userError('NOT_FOUND'),
};

export const t5Entries: MatrixEntry[] = [
  {
    operation: 'writeReview',
    kind: 'mutation',
    cases: [
      {
        target: 'A',
        name: "on the shopper's own completed order",
        expect: { ...ON_OTHERS_ORDER, shopper: 'ALLOWED' },
        note: 'Only the order’s shopper reviews it; anyone else is answered as if the order did not exist.',
        async prepare(ctx) {
          const order = await completedOrder(ctx, 'A', 'shopper');
          return {
            query: WRITE,
            variables: { input: { orderId: order.id, rating: 5, text: 'Matrix: great coffee' } },
            async verify() {
              const rows = await ctx.api.sql('select rating from review where order_id = $1', [order.dbId]);
              if (rows.length !== 1 || rows[0].rating !== 5) throw new Error('review not written');
            },
          };
        },
      },
      {
        target: 'B',
        name: "on another shopper's completed order",
        expect: ON_OTHERS_ORDER,
        async prepare(ctx) {
          const order = await completedOrder(ctx, 'B', 'other');
          return {
            query: WRITE,
            variables: { input: { orderId: order.id, rating: 1, text: 'Not my order' } },
          };
        },
      },
    ],
  },
  {
    operation: 'replyToReview',
    kind: 'mutation',
    cases: [
      {
        target: 'A',
        name: "a review of store A's order",
        expect: { ...PLATFORM_STAFF, support: 'FORBIDDEN', admin: 'FORBIDDEN', staffA: 'ALLOWED' },
        note: 'The reply speaks for the store: only its staff write it, platform staff moderate with cancelReview.',
        frozenA: userError('ACCOUNT_RESTRICTED'),
        async prepare(ctx) {
          const review = await reviewIn(ctx, 'A');
          return {
            query: REPLY,
            variables: { input: { reviewId: review.id, text: 'Thank you for your order!' } },
            async verify() {
              const row = await reviewRow(ctx, review.dbId);
              if (row.reply_text !== 'Thank you for your order!') throw new Error('reply not saved');
            },
          };
        },
      },
      {
        target: 'B',
        name: "a review of store B's order",
        expect: {
          ...PLATFORM_STAFF,
          support: 'FORBIDDEN',
          admin: 'FORBIDDEN',
          staffA: userError('NOT_FOUND'),
        },
        async prepare(ctx) {
          const review = await reviewIn(ctx, 'B');
          return {
            query: REPLY,
            variables: { input: { reviewId: review.id, text: 'Not our review' } },
          };
        },
      },
    ],
  },
  {
    operation: 'cancelReview',
    kind: 'mutation',
    cases: (['A', 'B'] as const).map((target) => ({
      target,
      name: `a review of store ${target}`,
      expect: ADMIN_ONLY,
      note: 'Moderation is the platform admins’; the rated store cannot hide reviews of itself.',
      async prepare(ctx: MatrixContext) {
        const review = await reviewIn(ctx, target);
        return {
          query: CANCEL,
          variables: { input: { reviewId: review.id, reason: 'Matrix: abusive language' } },
          async verify() {
            const row = await reviewRow(ctx, review.dbId);
            if (row.status !== 'CANCELLED') throw new Error('review not cancelled');
          },
        };
      },
    })),
  },
  {
    operation: 'staffReviews',
    kind: 'query',
    cases: [
      {
        target: 'A',
        name: "lists store A's review",
        reusable: true,
        expect: { ...PLATFORM_STAFF, staffA: 'ALLOWED' },
        async prepare(ctx) {
          const review = await reviewIn(ctx, 'A');
          return {
            query: LIST,
            visible: (data: Gql) => data.staffReviews.nodes.some((n: Gql) => n.id === review.id),
          };
        },
      },
      {
        target: 'B',
        name: "store B's review",
        reusable: true,
        // Merchant staff see their own store's reviews only.
        expect: { ...PLATFORM_STAFF, staffA: 'HIDDEN' },
        async prepare(ctx) {
          const review = await reviewIn(ctx, 'B');
          return {
            query: LIST,
            visible: (data: Gql) => data.staffReviews.nodes.some((n: Gql) => n.id === review.id),
          };
        },
      },
    ],
  },
];

import {
  checkReview,
  checkReviewCancelReason,
  checkReviewReply,
  isReviewRating,
  isReviewStatus,
  type OrderStatus,
  reviewEligibility,
  type ReviewStatus,
} from '@marketplace/core';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireRole, requireViewer } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import { checkCapability } from '../capabilities/capabilities.service.js';
import type { Viewer } from '../accounts/viewer.js';
import { OrderEntity } from '../orders/order.entity.js';
import { ReviewEntity } from './review.entity.js';

type ErrorOf<C extends string> = { code: C; message: string; field: string[] | null };
export interface ReviewResult<C extends string> {
  review: ReviewEntity | null;
  userErrors: ErrorOf<C>[];
}

export type WriteReviewCode =
  | 'NOT_FOUND'
  | 'ORDER_NOT_COMPLETED'
  | 'ALREADY_REVIEWED'
  | 'INVALID_RATING'
  | 'INVALID_TEXT'
  | 'ACCOUNT_RESTRICTED';
export type ReplyToReviewCode = 'NOT_FOUND' | 'REVIEW_CANCELLED' | 'INVALID_TEXT' | 'ACCOUNT_RESTRICTED';
export type CancelReviewCode = 'NOT_FOUND' | 'ALREADY_CANCELLED' | 'INVALID_REASON';

export interface StaffReviewsFilter {
  rating?: number | null;
  status?: ReviewStatus | null;
  merchantId?: string | null;
  replied?: boolean | null;
}

const POPULATE = ['user', 'order'] as const;

function fail<C extends string>(code: C, message: string, field: string[] | null): ReviewResult<C> {
  return { review: null, userErrors: [userError(code, message, field)] };
}

function pageSize(first: number): number {
  return Math.min(Math.max(Math.trunc(first), 0), 100);
}

/** The id a keyset cursor `[id]` points at, or BAD_USER_INPUT. */
function afterId(after: string | null | undefined): number | null {
  if (!after) return null;
  const key = decodeCursor(after);
  if (key?.length !== 1 || typeof key[0] !== 'number' || !Number.isInteger(key[0]))
    throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
  return key[0];
}

/**
 * Reviews (credit evaluations): shoppers write them on completed orders, the rated store replies,
 * platform admins cancel them. Lists are newest first (keyset on the id, which grows with time).
 */
export class ReviewsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  /**
   * The shopper reviews one of their COMPLETED orders, once. The order row is locked, so of two
   * simultaneous submits one writes the review and the other is told ALREADY_REVIEWED (the unique
   * order_id is the last line of defence). Someone else's order is answered like a missing one.
   */
  async write(input: {
    orderId: string;
    rating: number;
    text: string;
  }): Promise<ReviewResult<WriteReviewCode>> {
    const viewer = requireViewer(this.viewer);
    const orderId = fromGlobalId(input.orderId, 'Order');
    if (orderId === null) return fail('NOT_FOUND', 'You have no order with this ID.', ['input', 'orderId']);
    const checked = checkReview({ rating: input.rating, text: input.text });
    if (!checked.ok)
      return {
        review: null,
        userErrors: checked.error.map((e) => userError(e.code, e.message, ['input', e.field])),
      };
    try {
      return await inTransaction(this.em, async (em) => {
        const refused = await checkCapability(em, viewer, 'review.write');
        if (refused) throw new Refusal(fail('ACCOUNT_RESTRICTED', refused.message, null));
        const order = await em.findOne(
          OrderEntity,
          { id: orderId },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
        );
        const existing = order ? await em.count(ReviewEntity, { order: order.id }) : 0;
        const eligible = reviewEligibility({
          isOrderShopper: order !== null && order.user.id === viewer.userId,
          orderStatus: (order?.status ?? 'AWAITING_PAYMENT') as OrderStatus,
          alreadyReviewed: existing > 0,
        });
        if (!eligible.ok) {
          switch (eligible.error) {
            case 'ORDER_NOT_FOUND':
              throw new Refusal(fail('NOT_FOUND', 'You have no order with this ID.', ['input', 'orderId']));
            case 'ORDER_NOT_COMPLETED':
              throw new Refusal(
                fail('ORDER_NOT_COMPLETED', 'Only a completed order can be reviewed.', ['input', 'orderId']),
              );
            case 'ALREADY_REVIEWED':
              throw new Refusal(
                fail('ALREADY_REVIEWED', 'You have already reviewed this order.', ['input', 'orderId']),
              );
          }
        }
        const review = em.create(ReviewEntity, {
          order: order!,
          merchant: order!.merchant,
          user: em.getReference(UserEntity, viewer.userId),
          rating: checked.value.rating,
          text: checked.value.text,
        });
        await em.flush();
        await em.populate(review, POPULATE);
        return { review, userErrors: [] };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        return fail('ALREADY_REVIEWED', 'You have already reviewed this order.', ['input', 'orderId']);
      throw error;
    }
  }

  /**
   * The rated store's staff answer a review publicly. One reply per review; replying again replaces it
   * (the store may correct itself). Refused under a general or safe freeze (`review.reply`).
   */
  async reply(input: { reviewId: string; text: string }): Promise<ReviewResult<ReplyToReviewCode>> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF');
    const id = fromGlobalId(input.reviewId, 'Review');
    const notFound = () =>
      fail<ReplyToReviewCode>('NOT_FOUND', 'Your store has no review with this ID.', ['input', 'reviewId']);
    if (id === null || viewer.merchantId === null) return notFound();
    const text = checkReviewReply(input.text);
    if (!text.ok) return fail('INVALID_TEXT', 'Write a reply of 1 to 1000 characters.', ['input', 'text']);
    return inTransaction(this.em, async (em) => {
      const review = await em.findOne(
        ReviewEntity,
        { id, merchant: viewer.merchantId! },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!review) throw new Refusal(notFound());
      // The store row is share-locked: a concurrent freeze waits for this reply or is seen by it.
      const refused = await checkCapability(em, viewer, 'review.reply', { lock: true });
      if (refused) throw new Refusal(fail('ACCOUNT_RESTRICTED', refused.message, null));
      if (review.status !== 'PUBLISHED')
        throw new Refusal(
          fail('REVIEW_CANCELLED', 'This review was cancelled; it can no longer be answered.', [
            'input',
            'reviewId',
          ]),
        );
      review.replyText = text.value;
      review.repliedAt = new Date();
      review.repliedBy = em.getReference(UserEntity, viewer.userId);
      await em.flush();
      await em.populate(review, POPULATE);
      return { review, userErrors: [] };
    });
  }

  /** A platform admin cancels a review: hidden from the storefront and left out of the score. */
  async cancel(input: { reviewId: string; reason: string }): Promise<ReviewResult<CancelReviewCode>> {
    const viewer = requireRole(this.viewer, 'ADMIN');
    const id = fromGlobalId(input.reviewId, 'Review');
    if (id === null) return fail('NOT_FOUND', 'There is no review with this ID.', ['input', 'reviewId']);
    const reason = checkReviewCancelReason(input.reason);
    if (!reason.ok)
      return fail('INVALID_REASON', 'Give a reason of 3 to 500 characters.', ['input', 'reason']);
    return inTransaction(this.em, async (em) => {
      const review = await em.findOne(
        ReviewEntity,
        { id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!review)
        throw new Refusal(fail('NOT_FOUND', 'There is no review with this ID.', ['input', 'reviewId']));
      if (review.status === 'CANCELLED')
        throw new Refusal(
          fail('ALREADY_CANCELLED', 'This review is already cancelled.', ['input', 'reviewId']),
        );
      review.status = 'CANCELLED';
      review.cancelledAt = new Date();
      review.cancelReason = reason.value;
      review.cancelledBy = em.getReference(UserEntity, viewer.userId);
      await em.flush();
      await em.populate(review, POPULATE);
      return { review, userErrors: [] };
    });
  }

  /**
   * Reviews for the management center: merchant staff see their own store's (a filter on another store
   * gives an empty list), customer service and admins every store's.
   */
  async staffList(args: {
    first: number;
    after?: string | null;
    filter?: StaffReviewsFilter | null;
  }): Promise<ConnectionShape<ReviewEntity>> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN');
    const filter = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    if (viewer.role === 'MERCHANT_STAFF') {
      params.push(viewer.merchantId ?? 0);
      where.push('r.merchant_id = ?');
    }
    if (filter.merchantId) {
      params.push(fromGlobalId(filter.merchantId, 'Merchant') ?? 0);
      where.push('r.merchant_id = ?');
    }
    if (filter.rating !== null && filter.rating !== undefined) {
      if (!isReviewRating(filter.rating)) throw new PublicError('BAD_USER_INPUT', 'Rating is 1 to 5.');
      params.push(filter.rating);
      where.push('r.rating = ?');
    }
    if (filter.status) {
      if (!isReviewStatus(filter.status)) throw new PublicError('BAD_USER_INPUT', 'Unknown status.');
      params.push(filter.status);
      where.push('r.status = ?');
    }
    if (filter.replied === true) where.push('r.replied_at is not null');
    if (filter.replied === false) where.push('r.replied_at is null');
    return this.page('r', where, params, args.first, args.after);
  }

  /** Published reviews of a store, newest first (public). */
  async merchantReviews(merchantId: number, first: number, after?: string | null) {
    return this.page('r', ["r.status = 'PUBLISHED'", 'r.merchant_id = ?'], [merchantId], first, after);
  }

  /** Published reviews of orders that contained this product, newest first (public). */
  async productReviews(productId: number, first: number, after?: string | null) {
    return this.page(
      'r',
      [
        "r.status = 'PUBLISHED'",
        `exists (select 1 from order_line l join product_variant v on v.id = l.variant_id
                 where l.order_id = r.order_id and v.product_id = ?)`,
      ],
      [productId],
      first,
      after,
    );
  }

  private async page(
    alias: string,
    where: string[],
    params: unknown[],
    firstArg: number,
    after: string | null | undefined,
  ): Promise<ConnectionShape<ReviewEntity>> {
    const first = pageSize(firstArg);
    const from = afterId(after);
    const countWhere = [...where];
    const countParams = [...params];
    const pageWhere = [...where];
    const pageParams = [...params];
    if (from !== null) {
      pageWhere.push(`${alias}.id < ?`);
      pageParams.push(from);
    }
    pageParams.push(first + 1);
    const clause = (w: string[]) => (w.length ? `where ${w.join(' and ')}` : '');
    const rows = await this.em.execute<{ id: number }[]>(
      `select ${alias}.id from review ${alias} ${clause(pageWhere)} order by ${alias}.id desc limit ?`,
      pageParams,
    );
    const ids = rows.map((r) => r.id);
    const entities = ids.length
      ? await this.em.find(ReviewEntity, { id: { $in: ids } }, { populate: POPULATE })
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    return toConnection(
      ids.map((id) => byId.get(id)!),
      first,
      {
        hasPrevious: from !== null,
        cursorOf: (r) => encodeCursor([r.id]),
        map: (r) => r,
        count: async () => {
          const [c] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from review ${alias} ${clause(countWhere)}`,
            countParams,
          );
          return c?.n ?? 0;
        },
      },
    );
  }
}

/**
 * Cancels the credit evaluations of a deleted account, in the caller's transaction (T3's account
 * deletion calls it):
 * - `{ userId }` — a shopper account: every review it WROTE is cancelled (hidden, no longer counted in
 *   the rated stores' scores);
 * - `{ merchantId }` — a merchant: every review it RECEIVED is cancelled, so its credit score falls back
 *   to "no reviews" and nothing about it is shown any more (the rows stay for staff as the record).
 * Already-cancelled reviews keep their first reason. Returns how many reviews were cancelled.
 */
export async function cancelReviewsOfAccount(
  em: EntityManager,
  account: { userId: number; merchantId?: undefined } | { merchantId: number; userId?: undefined },
  reason: string,
  actorUserId: number | null = null,
): Promise<number> {
  const column = account.userId !== undefined ? 'user_id' : 'merchant_id';
  const id = account.userId ?? account.merchantId;
  const rows = await em.execute<{ id: number }[]>(
    `update review set status = 'CANCELLED', cancelled_at = now(), cancel_reason = ?, cancelled_by_id = ?
     where ${column} = ? and status = 'PUBLISHED' returning id`,
    [reason.slice(0, 500), actorUserId, id],
  );
  return rows.length;
}

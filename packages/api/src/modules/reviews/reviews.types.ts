import { type CreditScore as CoreCreditScore, maskReviewerName } from '@marketplace/core';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import type { ReviewEntity } from './review.entity.js';

export const ReviewStatus = { PUBLISHED: 'PUBLISHED', CANCELLED: 'CANCELLED' } as const;
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'Whether a review is shown and counted.',
  valuesConfig: {
    PUBLISHED: { description: 'Shown on the storefront and counted in the merchant’s credit score.' },
    CANCELLED: {
      description:
        'Cancelled by a platform admin or because the writing shopper’s or the rated merchant’s account was deleted: hidden and never counted.',
    },
  },
});

@ObjectType('ReviewReply', { description: 'The merchant’s public answer to a review.' })
export class ReviewReply {
  @Field({ description: 'The reply text (plain text).' })
  text!: string;

  @Field({ description: 'When the reply was written or last edited.' })
  repliedAt!: Date;
}

function replyOf(row: ReviewEntity): ReviewReply | null {
  if (row.replyText === null || row.repliedAt === null) return null;
  return Object.assign(new ReviewReply(), { text: row.replyText, repliedAt: row.repliedAt });
}

@ObjectType('Review', {
  description: 'A credit evaluation: a shopper’s rating (1–5) and text of one completed order.',
})
export class Review {
  @Field(() => ID, { description: 'Opaque ID (for `replyToReview` and `cancelReview`).' })
  id!: string;

  @Field(() => Int, { description: 'Stars, 1 (worst) to 5 (best).' })
  rating!: number;

  @Field({ description: 'What the shopper wrote (plain text).' })
  text!: string;

  @Field({ description: 'When it was written.' })
  createdAt!: Date;

  @Field({ description: 'The writer as shown publicly: first character of the display name and “***”.' })
  authorName!: string;

  @Field(() => ReviewStatus, {
    description: 'PUBLISHED, or CANCELLED (only the writer and staff ever see cancelled reviews).',
  })
  status!: keyof typeof ReviewStatus;

  @Field(() => ReviewReply, { nullable: true, description: 'The merchant’s reply, if any.' })
  reply!: ReviewReply | null;

  row!: ReviewEntity;

  /** `row.user` must be loaded (display name). */
  static from(row: ReviewEntity): Review {
    return Object.assign(new Review(), {
      id: toGlobalId('Review', row.id),
      rating: row.rating,
      text: row.text,
      createdAt: row.createdAt,
      authorName: maskReviewerName(row.user.displayName ?? ''),
      status: row.status,
      reply: replyOf(row),
      row,
    });
  }
}

export const { Connection: ReviewConnection } = connectionTypes(Review, 'Review');

@ObjectType('StaffReview', {
  description:
    'A review as platform staff and the rated store’s staff see it: with its order, status and moderation.',
})
export class StaffReview {
  @Field(() => ID, { description: 'Opaque ID (same as `Review.id`).' })
  id!: string;

  @Field(() => Int, { description: 'Stars, 1 to 5.' })
  rating!: number;

  @Field({ description: 'What the shopper wrote.' })
  text!: string;

  @Field({ description: 'When it was written.' })
  createdAt!: Date;

  @Field({ description: 'The writer’s display name.' })
  authorName!: string;

  @Field({ description: 'Number of the reviewed order.' })
  orderNumber!: string;

  @Field(() => ReviewStatus, { description: 'PUBLISHED or CANCELLED.' })
  status!: keyof typeof ReviewStatus;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason!: string | null;

  @Field(() => ReviewReply, { nullable: true, description: 'The store’s reply, if any.' })
  reply!: ReviewReply | null;

  row!: ReviewEntity;

  /** `row.user` and `row.order` must be loaded. */
  static from(row: ReviewEntity): StaffReview {
    return Object.assign(new StaffReview(), {
      id: toGlobalId('Review', row.id),
      rating: row.rating,
      text: row.text,
      createdAt: row.createdAt,
      authorName: row.user.displayName ?? '',
      orderNumber: row.order.number,
      status: row.status,
      cancelledAt: row.cancelledAt,
      cancelReason: row.cancelReason,
      reply: replyOf(row),
      row,
    });
  }
}

export const { Connection: StaffReviewConnection } = connectionTypes(StaffReview, 'StaffReview');

@ObjectType('RatingCount', { description: 'How many counted reviews gave one rating.' })
export class RatingCount {
  @Field(() => Int, { description: 'Stars, 1 to 5.' })
  rating!: number;

  @Field(() => Int, { description: 'Number of published reviews with this rating.' })
  count!: number;
}

@ObjectType('CreditScore', {
  description:
    'A merchant’s credit score, derived from its published reviews (cancelled reviews never count). ' +
    '`score` = (sum of ratings + 5 × 3) / (count + 5): the average after five imaginary neutral 3-star ' +
    'reviews, so one or two reviews do not decide it; rounded to 2 decimals.',
})
export class CreditScore {
  @Field(() => Float, {
    description: 'The credit score, 1–5 (3.00 without reviews); see the type’s description for the formula.',
  })
  score!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Plain average of the counted ratings, rounded to 2 decimals; null without reviews.',
  })
  average!: number | null;

  @Field(() => Int, { description: 'Number of counted (published) reviews.' })
  count!: number;

  @Field(() => [RatingCount], { description: 'Counted reviews per rating, 5 stars first.' })
  distribution!: RatingCount[];

  static from(s: CoreCreditScore): CreditScore {
    return Object.assign(new CreditScore(), {
      score: s.score,
      average: s.average,
      count: s.count,
      distribution: [5, 4, 3, 2, 1].map((rating) =>
        Object.assign(new RatingCount(), { rating, count: s.distribution[rating - 1] }),
      ),
    });
  }
}

// ——— writeReview ———

export const WriteReviewErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  ORDER_NOT_COMPLETED: 'ORDER_NOT_COMPLETED',
  ALREADY_REVIEWED: 'ALREADY_REVIEWED',
  INVALID_RATING: 'INVALID_RATING',
  INVALID_TEXT: 'INVALID_TEXT',
  ACCOUNT_RESTRICTED: 'ACCOUNT_RESTRICTED',
} as const;
registerEnumType(WriteReviewErrorCode, {
  name: 'WriteReviewErrorCode',
  description: 'Why `writeReview` changed nothing.',
  valuesConfig: {
    NOT_FOUND: { description: 'You have no order with this ID.' },
    ORDER_NOT_COMPLETED: { description: 'Only a completed order can be reviewed.' },
    ALREADY_REVIEWED: { description: 'This order already has a review (one per order).' },
    INVALID_RATING: { description: 'The rating is not a whole number from 1 to 5.' },
    INVALID_TEXT: { description: 'The text is not 2 to 1000 characters.' },
    ACCOUNT_RESTRICTED: { description: 'Your account may not write reviews now (e.g. a general freeze).' },
  },
});

@ObjectType('WriteReviewUserError', {
  implements: BaseUserError,
  description: 'An expected reason `writeReview` changed nothing.',
})
export class WriteReviewUserError extends BaseUserError {
  @Field(() => WriteReviewErrorCode, { description: 'Machine-readable reason.' })
  code!: keyof typeof WriteReviewErrorCode;
}

@InputType('WriteReviewInput', { description: 'A review of one of your completed orders.' })
export class WriteReviewInput {
  @Field(() => ID, { description: 'The `Order.id` of the completed order.' })
  orderId!: string;

  @Field(() => Int, { description: 'Stars, a whole number from 1 to 5.' })
  rating!: number;

  @Field({ description: 'What you think of the order, 2 to 1000 characters.' })
  text!: string;
}

@ObjectType('WriteReviewPayload', { description: 'Result of `writeReview`.' })
export class WriteReviewPayload {
  @Field(() => Review, { nullable: true, description: 'The new review; null if refused.' })
  review!: Review | null;

  @Field(() => [WriteReviewUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: WriteReviewUserError[];
}

// ——— replyToReview ———

export const ReplyToReviewErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  REVIEW_CANCELLED: 'REVIEW_CANCELLED',
  INVALID_TEXT: 'INVALID_TEXT',
  ACCOUNT_RESTRICTED: 'ACCOUNT_RESTRICTED',
} as const;
registerEnumType(ReplyToReviewErrorCode, {
  name: 'ReplyToReviewErrorCode',
  description: 'Why `replyToReview` changed nothing.',
  valuesConfig: {
    NOT_FOUND: { description: 'Your store has no review with this ID.' },
    REVIEW_CANCELLED: { description: 'The review was cancelled; it can no longer be answered.' },
    INVALID_TEXT: { description: 'The reply is not 1 to 1000 characters.' },
    ACCOUNT_RESTRICTED: {
      description: 'Your account or store may not reply now (general or safe freeze, disabled store).',
    },
  },
});

@ObjectType('ReplyToReviewUserError', {
  implements: BaseUserError,
  description: 'An expected reason `replyToReview` changed nothing.',
})
export class ReplyToReviewUserError extends BaseUserError {
  @Field(() => ReplyToReviewErrorCode, { description: 'Machine-readable reason.' })
  code!: keyof typeof ReplyToReviewErrorCode;
}

@InputType('ReplyToReviewInput', {
  description: 'The store’s public reply to a review of it; replying again replaces the reply.',
})
export class ReplyToReviewInput {
  @Field(() => ID, { description: 'The `StaffReview.id`.' })
  reviewId!: string;

  @Field({ description: 'The reply, 1 to 1000 characters.' })
  text!: string;
}

@ObjectType('ReplyToReviewPayload', { description: 'Result of `replyToReview`.' })
export class ReplyToReviewPayload {
  @Field(() => StaffReview, { nullable: true, description: 'The review with its reply; null if refused.' })
  review!: StaffReview | null;

  @Field(() => [ReplyToReviewUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: ReplyToReviewUserError[];
}

// ——— cancelReview ———

export const CancelReviewErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_CANCELLED: 'ALREADY_CANCELLED',
  INVALID_REASON: 'INVALID_REASON',
} as const;
registerEnumType(CancelReviewErrorCode, {
  name: 'CancelReviewErrorCode',
  description: 'Why `cancelReview` changed nothing.',
  valuesConfig: {
    NOT_FOUND: { description: 'There is no review with this ID.' },
    ALREADY_CANCELLED: { description: 'The review is already cancelled.' },
    INVALID_REASON: { description: 'The reason is not 3 to 500 characters.' },
  },
});

@ObjectType('CancelReviewUserError', {
  implements: BaseUserError,
  description: 'An expected reason `cancelReview` changed nothing.',
})
export class CancelReviewUserError extends BaseUserError {
  @Field(() => CancelReviewErrorCode, { description: 'Machine-readable reason.' })
  code!: keyof typeof CancelReviewErrorCode;
}

@InputType('CancelReviewInput', { description: 'Cancels a review: hidden and no longer counted.' })
export class CancelReviewInput {
  @Field(() => ID, { description: 'The `StaffReview.id`.' })
  reviewId!: string;

  @Field({ description: 'Why (3 to 500 characters; shown to staff).' })
  reason!: string;
}

@ObjectType('CancelReviewPayload', { description: 'Result of `cancelReview`.' })
export class CancelReviewPayload {
  @Field(() => StaffReview, { nullable: true, description: 'The cancelled review; null if refused.' })
  review!: StaffReview | null;

  @Field(() => [CancelReviewUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: CancelReviewUserError[];
}

// ——— staffReviews ———

@InputType('StaffReviewsFilter', { description: 'Narrows `staffReviews`.' })
export class StaffReviewsFilter {
  @Field(() => Int, { nullable: true, description: 'Only reviews with this rating (1–5).' })
  rating?: number | null;

  @Field(() => ReviewStatus, { nullable: true, description: 'Only reviews in this status.' })
  status?: keyof typeof ReviewStatus | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only reviews of this store (platform staff; merchant staff always see only their own).',
  })
  merchantId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only reviews the store has answered; false: only unanswered ones.',
  })
  replied?: boolean | null;
}

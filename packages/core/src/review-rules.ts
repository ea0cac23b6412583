import { characterCount } from './account-rules.js';
import type { OrderStatus } from './order-status.js';
import { err, ok, type Result } from './result.js';

/**
 * Reviews ("credit evaluations"): a shopper rates one of their COMPLETED orders once, 1–5 stars with a
 * text; the merchant may answer it (one reply, which it may edit); platform admins may cancel a review.
 * A cancelled review never counts towards a score. Shared by the API (authoritative) and the SPAs.
 */
export const REVIEW_LIMITS = {
  ratingMin: 1,
  ratingMax: 5,
  textMin: 2,
  textMax: 1000,
  replyMin: 1,
  replyMax: 1000,
  cancelReasonMin: 3,
  cancelReasonMax: 500,
} as const;

export const REVIEW_RATINGS = [1, 2, 3, 4, 5] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const REVIEW_STATUSES = ['PUBLISHED', 'CANCELLED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export function isReviewStatus(value: unknown): value is ReviewStatus {
  return typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value);
}

export function isReviewRating(value: unknown): value is ReviewRating {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: tabs and line breaks are fine in a text
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** What the API knows about the order a shopper wants to review. */
export interface ReviewEligibilityFacts {
  /** Whether the viewer is the shopper who placed the order (otherwise: as if there were no order). */
  readonly isOrderShopper: boolean;
  readonly orderStatus: OrderStatus;
  /** Whether a review (published or cancelled) already exists for this order: one per order, ever. */
  readonly alreadyReviewed: boolean;
}

export type ReviewEligibilityError = 'ORDER_NOT_FOUND' | 'ORDER_NOT_COMPLETED' | 'ALREADY_REVIEWED';

/** Who may review: the order's own shopper, once the order is COMPLETED, once per order. */
export function reviewEligibility(facts: ReviewEligibilityFacts): Result<true, ReviewEligibilityError> {
  if (!facts.isOrderShopper) return err('ORDER_NOT_FOUND');
  if (facts.orderStatus !== 'COMPLETED') return err('ORDER_NOT_COMPLETED');
  if (facts.alreadyReviewed) return err('ALREADY_REVIEWED');
  return ok(true);
}

export type ReviewField = 'rating' | 'text';
export interface ReviewFieldError {
  readonly field: ReviewField;
  readonly code: 'INVALID_RATING' | 'INVALID_TEXT';
  readonly message: string;
}

export interface ValidReview {
  readonly rating: ReviewRating;
  readonly text: string;
}

/** Normalises a text: trimmed, line breaks unified. */
function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

function textOk(text: string, min: number, max: number): boolean {
  const n = characterCount(text);
  return n >= min && n <= max && !CONTROL_BUT_WHITESPACE.test(text);
}

/** Checks a review's rating (an integer 1–5) and text (2–1000 characters), all problems at once. */
export function checkReview(draft: {
  rating: number;
  text: string;
}): Result<ValidReview, ReviewFieldError[]> {
  const errors: ReviewFieldError[] = [];
  if (!isReviewRating(draft.rating)) {
    errors.push({ field: 'rating', code: 'INVALID_RATING', message: 'Choose a rating from 1 to 5 stars.' });
  }
  const text = normalizeText(draft.text);
  if (!textOk(text, REVIEW_LIMITS.textMin, REVIEW_LIMITS.textMax)) {
    errors.push({
      field: 'text',
      code: 'INVALID_TEXT',
      message: `Write ${REVIEW_LIMITS.textMin} to ${REVIEW_LIMITS.textMax} characters about your order.`,
    });
  }
  if (errors.length > 0) return err(errors);
  return ok({ rating: draft.rating as ReviewRating, text });
}

/** Checks the merchant's reply (1–1000 characters); returns it normalised. */
export function checkReviewReply(text: string): Result<string, 'INVALID_TEXT'> {
  const value = normalizeText(text);
  return textOk(value, REVIEW_LIMITS.replyMin, REVIEW_LIMITS.replyMax) ? ok(value) : err('INVALID_TEXT');
}

/** Checks a staff member's reason for cancelling a review (3–500 characters). */
export function checkReviewCancelReason(reason: string): Result<string, 'INVALID_REASON'> {
  const value = normalizeText(reason);
  return textOk(value, REVIEW_LIMITS.cancelReasonMin, REVIEW_LIMITS.cancelReasonMax)
    ? ok(value)
    : err('INVALID_REASON');
}

/** Whether a review counts towards its merchant's credit score: only published ones, never cancelled. */
export function reviewCounts(status: ReviewStatus): boolean {
  return status === 'PUBLISHED';
}

/** Number of counted reviews per rating: index 0 = one star … index 4 = five stars. */
export type RatingDistribution = readonly [number, number, number, number, number];

export interface CreditScore {
  /** Number of counted (published) reviews. */
  readonly count: number;
  /** Plain mean of the counted ratings, rounded to 2 decimals; null without reviews. */
  readonly average: number | null;
  /**
   * The credit score: a Bayesian average that starts from PRIOR_WEIGHT imaginary neutral reviews of
   * PRIOR_RATING stars, so one or two reviews do not decide it:
   * `(sum of ratings + PRIOR_WEIGHT × PRIOR_RATING) / (count + PRIOR_WEIGHT)`, rounded to 2 decimals.
   * A merchant without reviews scores PRIOR_RATING (3.00).
   */
  readonly score: number;
  readonly distribution: RatingDistribution;
}

/** The neutral middle of the 1–5 scale. */
export const CREDIT_SCORE_PRIOR_RATING = 3;
/** How many imaginary neutral reviews the score starts from. */
export const CREDIT_SCORE_PRIOR_WEIGHT = 5;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The credit score from the counted reviews' distribution (see `CreditScore.score` for the formula). */
export function creditScoreFromDistribution(distribution: readonly number[]): CreditScore {
  if (distribution.length !== 5 || distribution.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new RangeError('A rating distribution has five non-negative integer counts.');
  }
  const d = distribution as unknown as RatingDistribution;
  const count = d.reduce((a, n) => a + n, 0);
  const sum = d.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    count,
    average: count === 0 ? null : round2(sum / count),
    score: round2(
      (sum + CREDIT_SCORE_PRIOR_WEIGHT * CREDIT_SCORE_PRIOR_RATING) / (count + CREDIT_SCORE_PRIOR_WEIGHT),
    ),
    distribution: [d[0], d[1], d[2], d[3], d[4]],
  };
}

/** The credit score from individual reviews; cancelled ones are left out. */
export function creditScore(
  reviews: readonly { readonly rating: number; readonly status: ReviewStatus }[],
): CreditScore {
  const distribution = [0, 0, 0, 0, 0];
  for (const r of reviews) {
    if (!reviewCounts(r.status)) continue;
    if (!isReviewRating(r.rating)) throw new RangeError(`Invalid rating ${r.rating}.`);
    distribution[r.rating - 1]! += 1;
  }
  return creditScoreFromDistribution(distribution);
}

/**
 * How a reviewer is shown publicly: the first character of the display name and “***”, so reviews
 * do not expose who bought what.
 */
export function maskReviewerName(displayName: string): string {
  const first = [...displayName.trim()][0];
  return first ? `${first}***` : '***';
}

import { checkReviewCancelReason, checkReviewReply, REVIEW_LIMITS } from '@marketplace/core';
import type { ReviewStatus } from '../../../gql/graphql';

export const REVIEW_STATUSES = ['PUBLISHED', 'CANCELLED'] as const satisfies readonly ReviewStatus[];
export const RATINGS = [5, 4, 3, 2, 1] as const;
export const REPLY_MAX = REVIEW_LIMITS.replyMax;
export const REASON_LIMITS = { min: REVIEW_LIMITS.cancelReasonMin, max: REVIEW_LIMITS.cancelReasonMax };

/** What the reviews page keeps in the URL: filters, the page cursor and the open review. */
export interface ReviewsView {
  rating: number | null;
  /** Defaults to PUBLISHED (what shoppers see); `all` in the URL shows cancelled ones too. */
  status: ReviewStatus | null;
  /** true: answered, false: not yet answered, null: both. */
  replied: boolean | null;
  /** Store filter (platform staff). */
  merchantId: string | null;
  after: string | null;
  selected: string | null;
}

export function parseReviewsView(params: URLSearchParams): ReviewsView {
  const rating = Number(params.get('rating'));
  const status = params.get('status');
  const replied = params.get('replied');
  return {
    rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
    status:
      status === 'all'
        ? null
        : (REVIEW_STATUSES as readonly string[]).includes(status ?? '')
          ? (status as ReviewStatus)
          : 'PUBLISHED',
    replied: replied === 'yes' ? true : replied === 'no' ? false : null,
    merchantId: params.get('store') || null,
    after: params.get('after') || null,
    selected: params.get('id') || null,
  };
}

/** URL parameters of a view (defaults left out). */
export function reviewsViewParams(view: ReviewsView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.rating !== null) out.set('rating', String(view.rating));
  if (view.status !== 'PUBLISHED') out.set('status', view.status ?? 'all');
  if (view.replied !== null) out.set('replied', view.replied ? 'yes' : 'no');
  if (view.merchantId) out.set('store', view.merchantId);
  if (view.after) out.set('after', view.after);
  if (view.selected) out.set('id', view.selected);
  return out;
}

/** The API filter of a view. */
export function reviewsFilterOf(view: ReviewsView) {
  return {
    rating: view.rating,
    status: view.status,
    replied: view.replied,
    merchantId: view.merchantId,
  };
}

/** Client-side checks mirroring the server's (core rules). */
export function replyError(text: string): 'INVALID_TEXT' | null {
  return checkReviewReply(text).ok ? null : 'INVALID_TEXT';
}

export function reasonError(reason: string): 'INVALID_REASON' | null {
  return checkReviewCancelReason(reason).ok ? null : 'INVALID_REASON';
}

import { checkReview, REVIEW_LIMITS } from '@marketplace/core';

/** Score and average as shown: two decimals in both languages (e.g. 4.20). */
export function formatScore(value: number): string {
  return value.toFixed(2);
}

export type ReviewFormField = 'rating' | 'text';
export type ReviewFormProblem = {
  field: ReviewFormField;
  code: 'INVALID_RATING' | 'INVALID_TEXT';
};

/** The same rules as the server (core `checkReview`), so the form explains problems before sending. */
export function reviewFormProblems(rating: number | null, text: string): ReviewFormProblem[] {
  const result = checkReview({ rating: rating ?? 0, text });
  return result.ok ? [] : result.error.map((e) => ({ field: e.field, code: e.code }));
}

export const REVIEW_TEXT_BOUNDS = { min: REVIEW_LIMITS.textMin, max: REVIEW_LIMITS.textMax } as const;

export const REVIEW_ERROR_CODES = [
  'NOT_FOUND',
  'ORDER_NOT_COMPLETED',
  'ALREADY_REVIEWED',
  'INVALID_RATING',
  'INVALID_TEXT',
  'ACCOUNT_RESTRICTED',
] as const;
export type ReviewErrorCode = (typeof REVIEW_ERROR_CODES)[number];

export function isReviewErrorCode(code: string): code is ReviewErrorCode {
  return (REVIEW_ERROR_CODES as readonly string[]).includes(code);
}

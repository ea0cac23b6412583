import { describe, expect, it } from 'vitest';
import type { OrderStatus } from './order-status.js';
import {
  checkReview,
  checkReviewCancelReason,
  checkReviewReply,
  creditScore,
  creditScoreFromDistribution,
  maskReviewerName,
  REVIEW_LIMITS,
  type ReviewEligibilityError,
  reviewCounts,
  reviewEligibility,
  type ReviewStatus,
} from './review-rules.js';

describe('reviewEligibility', () => {
  it.each<[string, boolean, OrderStatus, boolean, ReviewEligibilityError | null]>([
    ['own completed order, first review', true, 'COMPLETED', false, null],
    ['someone else’s order', false, 'COMPLETED', false, 'ORDER_NOT_FOUND'],
    ['someone else’s order even if already reviewed', false, 'COMPLETED', true, 'ORDER_NOT_FOUND'],
    ['awaiting payment', true, 'AWAITING_PAYMENT', false, 'ORDER_NOT_COMPLETED'],
    ['awaiting shipment', true, 'AWAITING_SHIPMENT', false, 'ORDER_NOT_COMPLETED'],
    ['shipped, not yet received', true, 'SHIPPED', false, 'ORDER_NOT_COMPLETED'],
    ['closed without payment', true, 'CLOSED', false, 'ORDER_NOT_COMPLETED'],
    ['failed (refunded)', true, 'FAILED', false, 'ORDER_NOT_COMPLETED'],
    ['a second review of the same order', true, 'COMPLETED', true, 'ALREADY_REVIEWED'],
  ])('%s', (_name, isOrderShopper, orderStatus, alreadyReviewed, expected) => {
    const result = reviewEligibility({ isOrderShopper, orderStatus, alreadyReviewed });
    if (expected === null) expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, error: expected });
  });
});

describe('checkReview', () => {
  it.each<[string, number, string, { rating: number; text: string }]>([
    ['one star', 1, 'Bad.', { rating: 1, text: 'Bad.' }],
    ['five stars', 5, 'Great beans, fast shipping', { rating: 5, text: 'Great beans, fast shipping' }],
    ['two Chinese characters', 4, '很好', { rating: 4, text: '很好' }],
    ['trims the text', 3, '  okay  ', { rating: 3, text: 'okay' }],
    ['unifies line breaks', 4, 'Good\r\nvalue', { rating: 4, text: 'Good\nvalue' }],
    ['the longest text', 2, 't'.repeat(REVIEW_LIMITS.textMax), { rating: 2, text: 't'.repeat(1000) }],
  ])('accepts %s', (_name, rating, text, expected) => {
    expect(checkReview({ rating, text })).toEqual({ ok: true, value: expected });
  });

  it.each<[string, number, string, string[]]>([
    ['zero stars', 0, 'Fine', ['INVALID_RATING']],
    ['six stars', 6, 'Fine', ['INVALID_RATING']],
    ['a fraction', 4.5, 'Fine', ['INVALID_RATING']],
    ['not a number', Number.NaN, 'Fine', ['INVALID_RATING']],
    ['an empty text', 5, '   ', ['INVALID_TEXT']],
    ['a one-character text', 5, '好', ['INVALID_TEXT']],
    ['a text over 1000 characters', 5, 't'.repeat(1001), ['INVALID_TEXT']],
    ['a control character', 5, 'Nice\u0007', ['INVALID_TEXT']],
    ['both at once', 9, '', ['INVALID_RATING', 'INVALID_TEXT']],
  ])('refuses %s', (_name, rating, text, codes) => {
    const result = checkReview({ rating, text });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => e.code)).toEqual(codes);
  });
});

describe('replies and cancel reasons', () => {
  it.each<[string, string, boolean]>([
    ['a short thank-you', 'Thanks!', true],
    ['one character', '謝', true],
    ['blank', '  ', false],
    ['too long', 'r'.repeat(1001), false],
  ])('reply: %s', (_name, text, valid) => {
    expect(checkReviewReply(text).ok).toBe(valid);
  });

  it.each<[string, string, boolean]>([
    ['a reason', 'Abusive language', true],
    ['too short', 'no', false],
    ['too long', 'r'.repeat(501), false],
  ])('cancel reason: %s', (_name, text, valid) => {
    expect(checkReviewCancelReason(text).ok).toBe(valid);
  });
});

describe('credit score', () => {
  it.each<[string, number[], { count: number; average: number | null; score: number }]>([
    // score = (sum + 5 × 3) / (count + 5)
    ['no reviews: neutral', [0, 0, 0, 0, 0], { count: 0, average: null, score: 3 }],
    ['one five-star review does not dominate', [0, 0, 0, 0, 1], { count: 1, average: 5, score: 3.33 }],
    ['one one-star review does not sink it', [1, 0, 0, 0, 0], { count: 1, average: 1, score: 2.67 }],
    ['many five-star reviews approach 5', [0, 0, 0, 0, 95], { count: 95, average: 5, score: 4.9 }],
    ['mixed', [1, 0, 2, 3, 4], { count: 10, average: 3.9, score: 3.6 }],
    ['rounding to 2 decimals', [0, 0, 1, 1, 1], { count: 3, average: 4, score: 3.38 }],
  ])('%s', (_name, distribution, expected) => {
    const s = creditScoreFromDistribution(distribution);
    expect({ count: s.count, average: s.average, score: s.score }).toEqual(expected);
    expect(s.distribution).toEqual(distribution);
  });

  it('refuses a malformed distribution', () => {
    expect(() => creditScoreFromDistribution([1, 2, 3])).toThrow(RangeError);
    expect(() => creditScoreFromDistribution([1, 2, 3, 4, -1])).toThrow(RangeError);
  });

  it.each<[ReviewStatus, boolean]>([
    ['PUBLISHED', true],
    ['CANCELLED', false],
  ])('a %s review counts: %s', (status, counts) => {
    expect(reviewCounts(status)).toBe(counts);
  });

  it('leaves cancelled reviews out of the score and the distribution', () => {
    const s = creditScore([
      { rating: 5, status: 'PUBLISHED' },
      { rating: 1, status: 'CANCELLED' },
      { rating: 4, status: 'PUBLISHED' },
      { rating: 1, status: 'CANCELLED' },
    ]);
    expect(s).toEqual({ count: 2, average: 4.5, score: 3.43, distribution: [0, 0, 0, 1, 1] });
  });
});

describe('maskReviewerName', () => {
  it.each([
    ['Lin Mei', 'L***'],
    ['陳小明', '陳***'],
    ['  ', '***'],
  ])('%s → %s', (name, masked) => {
    expect(maskReviewerName(name)).toBe(masked);
  });
});

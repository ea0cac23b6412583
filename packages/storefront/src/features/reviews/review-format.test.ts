import { describe, expect, it } from 'vitest';
import { formatScore, isReviewErrorCode, reviewFormProblems } from './review-format.js';

describe('reviewFormProblems', () => {
  it.each<[string, number | null, string, string[]]>([
    ['a complete review', 5, 'Great beans', []],
    ['two Chinese characters', 3, '很好', []],
    ['no rating chosen', null, 'Great beans', ['rating']],
    ['a blank text', 4, '   ', ['text']],
    ['a text over 1000 characters', 4, 'x'.repeat(1001), ['text']],
    ['nothing filled in', null, '', ['rating', 'text']],
  ])('%s', (_name, rating, text, fields) => {
    expect(reviewFormProblems(rating, text).map((p) => p.field)).toEqual(fields);
  });
});

describe('formatScore', () => {
  it.each([
    [3, '3.00'],
    [4.2, '4.20'],
    [3.33, '3.33'],
  ])('%s → %s', (value, shown) => {
    expect(formatScore(value)).toBe(shown);
  });
});

describe('isReviewErrorCode', () => {
  it('knows the server’s codes and nothing else', () => {
    expect(isReviewErrorCode('ALREADY_REVIEWED')).toBe(true);
    expect(isReviewErrorCode('SOMETHING_NEW')).toBe(false);
  });
});

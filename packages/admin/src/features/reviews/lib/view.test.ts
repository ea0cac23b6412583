import { describe, expect, it } from 'vitest';
import { parseReviewsView, reasonError, replyError, reviewsFilterOf, reviewsViewParams } from './view';

describe('reviews view', () => {
  it('defaults to published reviews of every rating', () => {
    expect(parseReviewsView(new URLSearchParams())).toEqual({
      rating: null,
      status: 'PUBLISHED',
      replied: null,
      merchantId: null,
      after: null,
      selected: null,
    });
    expect(reviewsViewParams(parseReviewsView(new URLSearchParams())).toString()).toBe('');
  });

  it.each([
    'rating=2&status=all&replied=no',
    'status=CANCELLED&store=TWVyY2hhbnQ6MQ&id=UmV2aWV3OjE',
    'replied=yes&after=WzEwXQ',
  ])('round-trips %s', (search) => {
    expect(reviewsViewParams(parseReviewsView(new URLSearchParams(search))).toString()).toBe(search);
  });

  it.each(['rating=0', 'rating=6', 'rating=x', 'status=DELETED', 'replied=maybe'])(
    'ignores a bad value: %s',
    (search) => {
      expect(reviewsViewParams(parseReviewsView(new URLSearchParams(search))).toString()).toBe('');
    },
  );

  it('maps the view to the API filter', () => {
    const view = parseReviewsView(new URLSearchParams('rating=1&status=all&replied=no'));
    expect(reviewsFilterOf(view)).toEqual({ rating: 1, status: null, replied: false, merchantId: null });
  });
});

describe('client checks', () => {
  it.each<[string, 'INVALID_TEXT' | null]>([
    ['Thank you!', null],
    ['   ', 'INVALID_TEXT'],
    ['x'.repeat(1001), 'INVALID_TEXT'],
  ])('reply %j', (text, expected) => {
    expect(replyError(text)).toBe(expected);
  });

  it.each<[string, 'INVALID_REASON' | null]>([
    ['Abusive language', null],
    ['no', 'INVALID_REASON'],
    ['x'.repeat(501), 'INVALID_REASON'],
  ])('reason %j', (reason, expected) => {
    expect(reasonError(reason)).toBe(expected);
  });
});

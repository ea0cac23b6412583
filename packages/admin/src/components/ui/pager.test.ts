import { describe, expect, it } from 'vitest';
import { popCursor, pushCursor } from './pager';

describe('cursor stack', () => {
  it('pushes the current cursor and pops it back', () => {
    const stack = pushCursor(pushCursor([], null), 'c1');
    expect(stack).toEqual([null, 'c1']);
    expect(popCursor(stack)).toEqual({ after: 'c1', stack: [null] });
    expect(popCursor([null])).toEqual({ after: null, stack: [] });
  });

  it('returns to the first page from an empty stack', () => {
    expect(popCursor([])).toEqual({ after: null, stack: [] });
  });
});

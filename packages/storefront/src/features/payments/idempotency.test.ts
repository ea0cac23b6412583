import { describe, expect, it } from 'vitest';
import { AttemptKey, newIdempotencyKey } from './idempotency.js';

describe('newIdempotencyKey', () => {
  it('is what the API accepts and different every time', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
  });
});

describe('AttemptKey', () => {
  it('reuses the key until the attempt is answered, then starts a new one', () => {
    let n = 0;
    const attempt = new AttemptKey(() => `key-${++n}-abcdef`);
    const first = attempt.take();
    // The answer was lost (network error): the retry is the same attempt.
    expect(attempt.take()).toBe(first);
    attempt.settle();
    const second = attempt.take();
    expect(second).not.toBe(first);
    expect(attempt.take()).toBe(second);
  });
});

import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next.js';

describe('safeNextPath', () => {
  it.each([
    ['/cart', '/cart'],
    ['/account/orders?status=SHIPPED', '/account/orders?status=SHIPPED'],
    ['/products/coffee#reviews', '/products/coffee#reviews'],
  ])('keeps the site path %j', (next, expected) => {
    expect(safeNextPath(next, '/')).toBe(expected);
  });

  it.each([
    [null],
    [''],
    ['https://evil.example/'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['cart'],
    ['/cart\nSet-Cookie: x'],
    ['/sign-in?next=/cart'],
    ['/register'],
    ['/reset-password?token=abc'],
    [`/${'x'.repeat(2001)}`],
  ])('falls back for %j', (next) => {
    expect(safeNextPath(next, '/account')).toBe('/account');
  });
});

import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it.each([
    ['/', '/'],
    ['/orders', '/orders'],
    ['/orders?status=SHIPPED&page=2', '/orders?status=SHIPPED&page=2'],
    ['/orders#top', '/orders#top'],
    ['/products/42/edit', '/products/42/edit'],
    ['/a/../orders', '/orders'],
    ['/help-center/%E8%AA%AA%E6%98%8E', '/help-center/%E8%AA%AA%E6%98%8E'],
  ])('allows the same-origin path %j', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['orders'],
    ['https://evil.example/'],
    ['http://localhost:5174/orders'],
    ['//evil.example'],
    ['//evil.example/orders'],
    ['/\\evil.example'],
    ['\\/evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/a/..//evil.example'],
    ['/%2e%2e//evil.example'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    [' /orders'],
    ['/login'],
    ['/login?next=/orders'],
    [`/${'a'.repeat(3000)}`],
  ])('refuses %j and falls back to the dashboard', (raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });

  it('uses the given fallback', () => {
    expect(safeNextPath('https://evil.example', '/orders')).toBe('/orders');
  });
});

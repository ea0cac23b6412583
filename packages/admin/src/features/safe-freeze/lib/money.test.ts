import { describe, expect, it } from 'vitest';
import { formatMoney, isAmount, lines } from './money';

describe('claim form helpers', () => {
  it.each([
    ['12.50', true],
    ['3', true],
    ['0', false],
    ['0.00', false],
    ['-1', false],
    ['1.234', false],
    ['abc', false],
    ['', false],
  ])('isAmount(%j) is %s', (text, ok) => {
    expect(isAmount(text)).toBe(ok);
  });

  it('splits lines and drops blanks', () => {
    expect(lines(' MP-1 \n\n MP-2\n')).toEqual(['MP-1', 'MP-2']);
  });

  it('formats money in the UI language', () => {
    expect(formatMoney({ amount: '12.50', currencyCode: 'USD' }, 'en')).toBe('$12.50');
  });
});

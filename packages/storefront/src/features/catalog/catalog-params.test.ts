import { describe, expect, it } from 'vitest';
import { parseKindParam, toProductKind } from './catalog-params.js';

describe('catalog URL parameters', () => {
  it.each([
    { value: 'goods', expected: 'goods' },
    { value: 'services', expected: 'services' },
    { value: 'SERVICE', expected: null },
    { value: '', expected: null },
    { value: null, expected: null },
  ])('parses kind=$value as $expected', ({ value, expected }) => {
    expect(parseKindParam(value)).toBe(expected);
  });

  it('maps URL kinds to the GraphQL enum', () => {
    expect(toProductKind('goods')).toBe('GOODS');
    expect(toProductKind('services')).toBe('SERVICE');
  });
});

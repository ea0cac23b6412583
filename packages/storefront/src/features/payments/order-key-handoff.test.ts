import { describe, expect, it } from 'vitest';
import { handOffOrderKeys, takeOrderKeys } from './order-key-handoff.js';

describe('order key hand-off', () => {
  it('gives the keys of a checkout once', () => {
    handOffOrderKeys('Q2hlY2tvdXQ6MQ', [{ orderNumber: 'MP-1', key: 'k'.repeat(43) }]);
    expect(takeOrderKeys('Q2hlY2tvdXQ6Mg')).toEqual([]);
    expect(takeOrderKeys('Q2hlY2tvdXQ6MQ')).toEqual([{ orderNumber: 'MP-1', key: 'k'.repeat(43) }]);
    expect(takeOrderKeys('Q2hlY2tvdXQ6MQ')).toEqual([]);
  });

  it('keeps only the number and the key', () => {
    const withExtra = {
      orderNumber: 'MP-2',
      key: 'x'.repeat(43),
      orderId: 'T3JkZXI6Mg',
      __typename: 'OrderKey',
    };
    handOffOrderKeys('c', [withExtra]);
    expect(takeOrderKeys('c')).toEqual([{ orderNumber: 'MP-2', key: 'x'.repeat(43) }]);
  });
});

import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import {
  isThrottled,
  keyFromHash,
  missingFields,
  normalizeKey,
  normalizeOrderNumber,
} from './consultation-request.js';

const KEY = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo';

describe('normalizing what the shopper typed', () => {
  it('upper-cases and trims the order number', () => {
    expect(normalizeOrderNumber('  mp-20261122-0000012 ')).toBe('MP-20261122-0000012');
  });

  it('drops whitespace copied along with the key', () => {
    expect(normalizeKey(` ${KEY.slice(0, 20)}\n${KEY.slice(20)} `)).toBe(KEY);
  });
});

describe('missingFields', () => {
  it.each([
    [{ orderNumber: '', key: '' }, ['orderNumber', 'key']],
    [{ orderNumber: ' ', key: KEY }, ['orderNumber']],
    [{ orderNumber: 'MP-20261122-0000012', key: ' \n' }, ['key']],
    [{ orderNumber: 'MP-20261122-0000012', key: KEY }, []],
  ])('%j → %j', (request, missing) => {
    expect(missingFields(request)).toEqual(missing);
  });
});

describe('keyFromHash', () => {
  it('reads the key from the email link’s fragment', () => {
    expect(keyFromHash(`#key=${KEY}`)).toBe(KEY);
    expect(keyFromHash(`key=${KEY}`)).toBe(KEY);
  });

  it('ignores fragments without a key', () => {
    expect(keyFromHash('')).toBeNull();
    expect(keyFromHash('#main')).toBeNull();
    expect(keyFromHash('#key=')).toBeNull();
    expect(keyFromHash(`#key=${'x'.repeat(201)}`)).toBeNull();
  });
});

describe('isThrottled', () => {
  it('recognises the API’s THROTTLED error only', () => {
    const throttled = new CombinedGraphQLErrors({
      errors: [{ message: 'x', extensions: { code: 'THROTTLED' } }],
    });
    const other = new CombinedGraphQLErrors({
      errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(isThrottled(throttled)).toBe(true);
    expect(isThrottled(other)).toBe(false);
    expect(isThrottled(new Error('offline'))).toBe(false);
  });
});

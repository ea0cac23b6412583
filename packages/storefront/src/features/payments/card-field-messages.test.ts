import { describe, expect, it } from 'vitest';
import { cardFieldSrc, originOf, parseCardFieldMessage } from './card-field-messages.js';

describe('parseCardFieldMessage', () => {
  it.each([
    [{ type: 'ready' }, { type: 'ready' }],
    [
      { type: 'change', complete: true },
      { type: 'change', complete: true },
    ],
    [
      { type: 'resize', height: 180.4 },
      { type: 'resize', height: 181 },
    ],
    [
      { type: 'resize', height: 99999 },
      { type: 'resize', height: 1000 },
    ],
    [
      { type: 'token', token: 'tok_abc', brand: 'UNIONPAY', last4: '0005', expMonth: 12, expYear: 2030 },
      { type: 'token', token: 'tok_abc', brand: 'UNIONPAY', last4: '0005', expMonth: 12, expYear: 2030 },
    ],
    [
      { type: 'error', code: 'validation_error', message: 'Check the card' },
      { type: 'error', code: 'validation_error', message: 'Check the card' },
    ],
    [{ type: 'error' }, { type: 'error', code: 'unknown', message: '' }],
  ])('reads %j', (data, expected) => {
    expect(parseCardFieldMessage(data)).toEqual(expected);
  });

  it.each([
    null,
    'token',
    [],
    { type: 'tokenize' },
    { type: 'change' },
    { type: 'resize', height: -1 },
    { type: 'resize', height: Number.NaN },
    { type: 'token', token: '', last4: '0005', expMonth: 1, expYear: 2030 },
    { type: 'token', token: 'tok_1', last4: '6200000000000005', expMonth: 1, expYear: 2030 },
    { type: 'token', token: 'tok_1', last4: '0005', expMonth: '1', expYear: 2030 },
    { source: 'react-devtools-bridge' },
  ])('ignores %j', (data) => {
    expect(parseCardFieldMessage(data)).toBeNull();
  });
});

describe('originOf', () => {
  it('keeps scheme, host and port only', () => {
    expect(originOf('http://localhost:4010/card/field')).toBe('http://localhost:4010');
    expect(originOf('https://pay.example.com/card/field?pk=1')).toBe('https://pay.example.com');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(originOf('/card/field')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
  });
});

describe('cardFieldSrc', () => {
  it('passes the publishable key, the parent origin and the language, and hides the field’s button', () => {
    const src = new URL(
      cardFieldSrc({
        fieldUrl: 'http://localhost:4010/card/field',
        publishableKey: 'pk_sandbox_marketplace',
        parentOrigin: 'http://localhost:5173',
        locale: 'zh-TW',
      }),
    );
    expect(src.origin + src.pathname).toBe('http://localhost:4010/card/field');
    expect(Object.fromEntries(src.searchParams)).toEqual({
      pk: 'pk_sandbox_marketplace',
      origin: 'http://localhost:5173',
      locale: 'zh-TW',
      button: 'false',
    });
  });
});

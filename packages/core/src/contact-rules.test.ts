import { describe, expect, it } from 'vitest';
import { CONTACT_LIMITS, type ContactDraft, checkContactRequest } from './contact-rules.js';

const valid: ContactDraft = {
  name: 'Mei Chen',
  email: 'mei@example.com',
  orderNumber: null,
  message: 'My parcel has not arrived yet.',
};

describe('checkContactRequest', () => {
  it.each<[string, Partial<ContactDraft>, Record<string, unknown>]>([
    ['a plain request', {}, { orderNumber: null }],
    ['trims and lower-cases the email', { email: '  Mei@Example.COM ' }, { email: 'mei@example.com' }],
    [
      'accepts and upper-cases an order number',
      { orderNumber: ' mp-20261122-0000001 ' },
      { orderNumber: 'MP-20261122-0000001' },
    ],
    ['treats a blank order number as none', { orderNumber: '   ' }, { orderNumber: null }],
    [
      'counts Chinese characters as one each',
      { message: '我的包裹還沒有送到喔' },
      { message: '我的包裹還沒有送到喔' },
    ],
    ['keeps line breaks, unified', { message: 'Line one\r\nline two' }, { message: 'Line one\nline two' }],
    ['accepts a 100-character name', { name: 'n'.repeat(100) }, { name: 'n'.repeat(100) }],
    ['accepts the longest message', { message: 'm'.repeat(CONTACT_LIMITS.messageMax) }, {}],
  ])('accepts %s', (_name, change, expected) => {
    const result = checkContactRequest({ ...valid, ...change });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it.each<[string, Partial<ContactDraft>, string[]]>([
    ['an empty name', { name: '  ' }, ['INVALID_NAME']],
    ['a 101-character name', { name: 'n'.repeat(101) }, ['INVALID_NAME']],
    ['a name with a control character', { name: 'Mei\u0007' }, ['INVALID_NAME']],
    ['an email without a domain', { email: 'mei@' }, ['INVALID_EMAIL']],
    ['an email with spaces', { email: 'mei chen@example.com' }, ['INVALID_EMAIL']],
    ['an empty email', { email: '' }, ['INVALID_EMAIL']],
    ['a made-up order number', { orderNumber: 'order 12' }, ['INVALID_ORDER_NUMBER']],
    ['a 9-character message', { message: '123456789' }, ['INVALID_MESSAGE']],
    ['a message of spaces', { message: '             ' }, ['INVALID_MESSAGE']],
    ['a too long message', { message: 'm'.repeat(CONTACT_LIMITS.messageMax + 1) }, ['INVALID_MESSAGE']],
    ['a message with a NUL', { message: 'hello there\u0000' }, ['INVALID_MESSAGE']],
    [
      'everything wrong at once',
      { name: '', email: 'x', orderNumber: '?', message: '' },
      ['INVALID_NAME', 'INVALID_EMAIL', 'INVALID_ORDER_NUMBER', 'INVALID_MESSAGE'],
    ],
  ])('rejects %s', (_name, change, codes) => {
    const result = checkContactRequest({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((e) => e.code)).toEqual(codes);
      for (const e of result.error) expect(e.message).not.toBe('');
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  fieldOfError,
  formatMessageTime,
  isMessageErrorCode,
  messageFormProblems,
  previewOf,
} from './message-format.js';

describe('messageFormProblems', () => {
  it.each<[string, string | null, string, object]>([
    ['a valid reply', null, 'Thanks!', {}],
    ['an empty reply', null, '  ', { body: 'INVALID_BODY' }],
    ['a new conversation without subject', ' ', 'Hello', { subject: 'INVALID_SUBJECT' }],
    ['a message over the limit', null, 'x'.repeat(4001), { body: 'INVALID_BODY' }],
  ])('%s', (_name, subject, body, expected) => {
    expect(messageFormProblems(subject, body)).toEqual(expected);
  });
});

describe('fieldOfError', () => {
  it.each<[readonly string[] | null, string]>([
    [['input', 'body'], 'body'],
    [['input', 'subject'], 'subject'],
    [['input', 'conversationId'], 'form'],
    [null, 'form'],
  ])('%j → %s', (field, expected) => {
    expect(fieldOfError(field)).toBe(expected);
  });
});

describe('message display', () => {
  it('knows the server error codes', () => {
    expect(isMessageErrorCode('ACCOUNT_RESTRICTED')).toBe(true);
    expect(isMessageErrorCode('SOMETHING_ELSE')).toBe(false);
  });

  it('shows today as a time and earlier days with their date', () => {
    const now = new Date('2026-11-22T12:00:00');
    expect(formatMessageTime('2026-11-22T09:05:00', 'en', now)).toMatch(/09:05|9:05/);
    expect(formatMessageTime('2026-11-20T09:05:00', 'en', now)).toMatch(/Nov/);
    expect(formatMessageTime('2026-11-20T09:05:00', 'zh-TW', now)).toMatch(/11月20日/);
  });

  it('previews one line, cut by characters', () => {
    expect(previewOf('Hello\n\nthere')).toBe('Hello there');
    expect(previewOf('字'.repeat(10), 5)).toBe('字字字字…');
  });
});

import { describe, expect, it } from 'vitest';
import { checkMessage, MESSAGE_LIMITS } from './message-rules.js';

describe('checkMessage', () => {
  it.each<[string, string | null, string, string[]]>([
    ['a reply (no subject)', null, 'Hello', []],
    ['a new conversation', 'Parcel', 'Where is it?', []],
    ['trimmed empty body', null, '   \n ', ['INVALID_BODY']],
    ['empty subject', '  ', 'Hi', ['INVALID_SUBJECT']],
    ['both empty', '', '', ['INVALID_SUBJECT', 'INVALID_BODY']],
    ['body at the limit', null, 'x'.repeat(MESSAGE_LIMITS.bodyMax), []],
    ['body over the limit', null, 'x'.repeat(MESSAGE_LIMITS.bodyMax + 1), ['INVALID_BODY']],
    ['Chinese body at the limit counts characters', null, '字'.repeat(MESSAGE_LIMITS.bodyMax), []],
    ['subject at the limit', 's'.repeat(MESSAGE_LIMITS.subjectMax), 'Hi', []],
    ['subject over the limit', 's'.repeat(MESSAGE_LIMITS.subjectMax + 1), 'Hi', ['INVALID_SUBJECT']],
  ])('%s', (_name, subject, body, codes) => {
    const result = checkMessage({ subject, body });
    expect(result.ok ? [] : result.error.map((p) => p.code)).toEqual(codes);
  });

  it('returns the trimmed text', () => {
    expect(checkMessage({ subject: ' Hi ', body: ' there ' })).toEqual({
      ok: true,
      value: { subject: 'Hi', body: 'there' },
    });
  });
});

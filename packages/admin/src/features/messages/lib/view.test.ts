import { describe, expect, it } from 'vitest';
import { messagesFilterOf, messagesViewParams, parseMessagesView, replyError, startErrors } from './view';

describe('messages view', () => {
  it('reads defaults from an empty URL', () => {
    expect(parseMessagesView(new URLSearchParams())).toEqual({
      unread: false,
      kind: null,
      orderNumber: '',
      participant: '',
      after: null,
    });
  });

  it('round-trips filters and the cursor through the URL', () => {
    const view = {
      unread: true,
      kind: 'ORDER' as const,
      orderNumber: 'MP-1',
      participant: 'mei',
      after: 'abc',
    };
    expect(parseMessagesView(messagesViewParams(view))).toEqual(view);
    expect(messagesViewParams(view).toString()).toBe('unread=1&kind=ORDER&order=MP-1&who=mei&after=abc');
  });

  it('ignores an unknown kind', () => {
    expect(parseMessagesView(new URLSearchParams('kind=SPAM')).kind).toBeNull();
  });

  it('builds the API filter', () => {
    expect(
      messagesFilterOf({ unread: false, kind: null, orderNumber: ' ', participant: '', after: null }),
    ).toEqual({ unread: null, kind: null, orderNumber: null, participant: null });
  });

  it('checks messages like the server', () => {
    expect(replyError(' ')).toBe('INVALID_BODY');
    expect(replyError('Hello')).toBeNull();
    expect(startErrors('', 'x'.repeat(4001))).toEqual({ subject: 'INVALID_SUBJECT', body: 'INVALID_BODY' });
  });
});

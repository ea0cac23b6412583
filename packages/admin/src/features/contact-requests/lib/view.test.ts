import { describe, expect, it } from 'vitest';
import {
  contactFilterOf,
  contactRequestsViewParams,
  noteError,
  parseContactRequestsView,
  replyHref,
} from './view';

describe('contact-requests view in the URL', () => {
  it('opens on the open requests, newest first, with a plain URL', () => {
    const view = parseContactRequestsView(new URLSearchParams());
    expect(view).toEqual({
      status: 'OPEN',
      topic: null,
      query: '',
      direction: 'DESC',
      after: null,
      selected: null,
    });
    expect(contactRequestsViewParams(view).toString()).toBe('');
    expect(contactFilterOf(view)).toEqual({ status: 'OPEN', topic: null, query: null });
  });

  it('round-trips every setting, including "any status"', () => {
    const params = new URLSearchParams('status=all&topic=PAYMENT&q=tom&dir=ASC&after=abc&id=xyz');
    const view = parseContactRequestsView(params);
    expect(view).toMatchObject({
      status: null,
      topic: 'PAYMENT',
      query: 'tom',
      direction: 'ASC',
      selected: 'xyz',
    });
    expect(contactRequestsViewParams(view).toString()).toBe(params.toString());
    expect(contactRequestsViewParams({ ...view, status: 'CLOSED' }).get('status')).toBe('CLOSED');
  });

  it('ignores unknown values', () => {
    expect(parseContactRequestsView(new URLSearchParams('status=DONE&topic=X&dir=up'))).toMatchObject({
      status: 'OPEN',
      topic: null,
      direction: 'DESC',
    });
  });
});

describe('resolving', () => {
  it('checks the note like the server (optional, at most 2000 characters after trimming)', () => {
    expect(noteError('')).toBeNull();
    expect(noteError(` ${'x'.repeat(2000)} `)).toBeNull();
    expect(noteError('x'.repeat(2001))).toBe('INVALID_NOTE');
  });

  it('replies by email with the reference in the subject', () => {
    expect(replyHref({ email: 'mei+tw@example.com', reference: 'CR-000042' })).toBe(
      'mailto:mei%2Btw@example.com?subject=Re%3A%20CR-000042',
    );
  });
});

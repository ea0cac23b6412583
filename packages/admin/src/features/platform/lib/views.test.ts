import { describe, expect, it } from 'vitest';
import { checkHandle, checkSlug } from './account-input';
import { merchantsViewParams, parseMerchantsView, parseUsersView, usersViewParams } from './views';

describe('users view in the URL', () => {
  it('round-trips filters, sort and cursor, and drops defaults', () => {
    const view = parseUsersView(
      new URLSearchParams('q=ann&role=ADMIN&status=DISABLED&sort=EMAIL&dir=ASC&after=xyz'),
    );
    expect(view).toEqual({
      query: 'ann',
      role: 'ADMIN',
      status: 'DISABLED',
      merchantId: null,
      sortField: 'EMAIL',
      sortDirection: 'ASC',
      after: 'xyz',
    });
    expect(parseUsersView(usersViewParams(view))).toEqual(view);
    expect(usersViewParams(parseUsersView(new URLSearchParams())).toString()).toBe('');
  });

  it('ignores values the API would refuse', () => {
    const view = parseUsersView(new URLSearchParams('role=ROOT&status=GONE&sort=PASSWORD'));
    expect([view.role, view.status, view.sortField]).toEqual([null, null, 'CREATED_AT']);
  });
});

describe('merchants view in the URL', () => {
  it('round-trips', () => {
    const view = parseMerchantsView(new URLSearchParams('q=tea&status=DISABLED&sort=HANDLE&dir=ASC'));
    expect(parseMerchantsView(merchantsViewParams(view))).toEqual(view);
    expect(view.status).toBe('DISABLED');
  });
});

describe('client-side checks mirror the API', () => {
  it.each([
    ['tea-house', true],
    ['ab', false],
    ['-tea', false],
    ['tea--house', false],
    ['Tea-House', true],
  ])('handle %s → %s', (handle, ok) => expect(checkHandle(handle)).toBe(ok));

  it.each([
    ['order-statuses', true],
    ['contact', false],
    ['Bad Slug', false],
  ])('slug %s → %s', (slug, ok) => expect(checkSlug(slug)).toBe(ok));
});

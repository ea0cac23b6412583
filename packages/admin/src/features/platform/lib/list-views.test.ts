import { describe, expect, it } from 'vitest';
import { helpViewParams, parseHelpView, parseTeamView, teamViewParams } from './views';

describe('team view in the URL', () => {
  it('defaults to the oldest member first and round-trips filters, sort and cursor', () => {
    expect(parseTeamView(new URLSearchParams())).toEqual({
      query: '',
      status: null,
      sortField: 'CREATED_AT',
      sortDirection: 'ASC',
      after: null,
    });
    expect(teamViewParams(parseTeamView(new URLSearchParams())).toString()).toBe('');
    const full = new URLSearchParams('q=ann&status=DISABLED&sort=EMAIL&dir=DESC&after=xyz');
    const view = parseTeamView(full);
    expect(view).toMatchObject({
      query: 'ann',
      status: 'DISABLED',
      sortField: 'EMAIL',
      sortDirection: 'DESC',
    });
    expect(teamViewParams(view).toString()).toBe(full.toString());
  });

  it('ignores values the API would refuse and trims the search', () => {
    const view = parseTeamView(new URLSearchParams('status=GONE&sort=PASSWORD&dir=sideways'));
    expect([view.status, view.sortField, view.sortDirection]).toEqual([null, 'CREATED_AT', 'ASC']);
    expect(teamViewParams({ ...view, query: '  bo  ' }).get('q')).toBe('bo');
  });
});

describe('help-center list view in the URL', () => {
  it('defaults to the storefront’s order and round-trips every setting', () => {
    expect(parseHelpView(new URLSearchParams())).toEqual({
      query: '',
      published: null,
      topic: null,
      sortField: 'POSITION',
      sortDirection: 'ASC',
      after: null,
    });
    expect(helpViewParams(parseHelpView(new URLSearchParams())).toString()).toBe('');
    const full = new URLSearchParams(
      'q=refund&published=false&topic=ORDERS&sort=UPDATED_AT&dir=DESC&after=c1',
    );
    const view = parseHelpView(full);
    expect(view).toMatchObject({
      published: false,
      topic: 'ORDERS',
      sortField: 'UPDATED_AT',
      sortDirection: 'DESC',
    });
    expect(helpViewParams(view).toString()).toBe(full.toString());
    expect(parseHelpView(new URLSearchParams('published=true')).published).toBe(true);
  });

  it('ignores unknown values and keeps the open article', () => {
    const view = parseHelpView(new URLSearchParams('published=maybe&topic=GOSSIP&sort=SLUG'));
    expect([view.published, view.topic, view.sortField]).toEqual([null, null, 'POSITION']);
    const params = helpViewParams({ ...view, sortField: 'TITLE_ZH' }, new URLSearchParams('article=new&q=x'));
    expect(params.get('article')).toBe('new');
    expect(params.get('sort')).toBe('TITLE_ZH');
    expect(params.get('q')).toBeNull();
  });
});

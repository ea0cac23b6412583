import { describe, expect, test } from '../../../test/fixtures.js';

const MAILBOX = `query ($first: Int, $after: String, $to: String, $status: String, $template: String, $direction: SortDirection) {
  developmentMailbox(first: $first, after: $after, to: $to, status: $status, template: $template, direction: $direction) {
    totalCount nodes { subject status template } pageInfo { hasNextPage endCursor } } }`;

describe('developmentMailbox filters and sort', () => {
  test('filters by status and template (prefix), sorts both ways and pages through each order', async ({
    api,
    login,
  }) => {
    const to = 'mailbox-filters@example.com';
    const rows: [string, string, string][] = [
      ['orders.shipped', 'SENT', 'one'],
      ['orders.cancelled', 'FAILED', 'two'],
      ['accounts.verify-email', 'SENT', 'three'],
      ['orders.shipped', 'PENDING', 'four'],
      ['orders_x.other', 'SENT', 'five'],
    ];
    for (const [template, status, subject] of rows)
      await api.sql(
        `insert into email_message ("to", locale, template, subject, text, status) values ($1, 'en', $2, $3, 'body', $4)`,
        [to, template, subject, status],
      );
    const token = await login('support@example.com');
    const subjects = async (vars: Record<string, unknown>) => {
      const res = await api.gql(MAILBOX, { to, first: 20, ...vars }, { token });
      expect(res.errors).toBeUndefined();
      return res.data.developmentMailbox.nodes.map((n: { subject: string }) => n.subject);
    };
    expect(await subjects({})).toEqual(['five', 'four', 'three', 'two', 'one']);
    expect(await subjects({ direction: 'ASC' })).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(await subjects({ status: 'SENT' })).toEqual(['five', 'three', 'one']);
    // `_` is a character, not a wildcard: `orders.` does not match `orders_x.`.
    expect(await subjects({ template: 'orders.' })).toEqual(['four', 'two', 'one']);
    expect(await subjects({ template: 'orders.shipped', status: 'PENDING' })).toEqual(['four']);

    for (const direction of ['ASC', 'DESC']) {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const res: {
          data: {
            developmentMailbox: {
              nodes: { subject: string }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
        } = await api.gql(MAILBOX, { to, first: 2, after, direction }, { token });
        const page = res.data.developmentMailbox;
        seen.push(...page.nodes.map((n) => n.subject));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(
        direction === 'ASC'
          ? ['one', 'two', 'three', 'four', 'five']
          : ['five', 'four', 'three', 'two', 'one'],
      );
    }

    const bad = await api.gql(MAILBOX, { to, status: 'DELIVERED' }, { token });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

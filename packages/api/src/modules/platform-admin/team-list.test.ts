import { describe, expect, test } from '../../../test/fixtures.js';

const INVITE = `mutation ($input: InviteMerchantStaffInput!) { inviteMerchantStaff(input: $input) {
  user { id email } userErrors { code } } }`;
const DISABLE = `mutation ($id: ID!) { disableAccount(userId: $id) { user { status } userErrors { code } } }`;
const USERS = `query ($first: Int, $after: String, $filter: StaffUsersFilter, $sort: StaffUsersSort) {
  staffUsers(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { email status } pageInfo { hasNextPage endCursor } totalCount } }`;

type Page = {
  nodes: { email: string; status: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
};
const OWNER = 'staff@formosa-roasters.example.com';

describe('the team page’s list (staffUsers as merchant staff)', () => {
  test('the owner pages through the team oldest first, and filters it by status and by name or email', async ({
    api,
    login,
  }) => {
    const owner = await login(OWNER);
    const invited: { id: string; email: string }[] = [];
    for (const [email, displayName] of [
      ['barista.amy@example.com', 'Amy Barista'],
      ['roaster.ben@example.com', 'Ben Roaster'],
      ['packer.cho@example.com', 'Cho Packer'],
    ]) {
      const res = await api.gql(INVITE, { input: { email, displayName } }, { token: owner });
      expect(res.data.inviteMerchantStaff.userErrors).toEqual([]);
      invited.push(res.data.inviteMerchantStaff.user);
    }
    const disabled = await api.gql(DISABLE, { id: invited[1]!.id }, { token: owner });
    expect(disabled.data.disableAccount.user.status).toBe('DISABLED');

    // Oldest first, one per page: every member once, in order, only this store's.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data: { staffUsers: Page } } = await api.gql(
        USERS,
        { first: 1, after, sort: { field: 'CREATED_AT', direction: 'ASC' } },
        { token: owner },
      );
      seen.push(...res.data.staffUsers.nodes.map((u) => u.email));
      if (!res.data.staffUsers.pageInfo.hasNextPage) break;
      after = res.data.staffUsers.pageInfo.endCursor;
    }
    expect(seen).toEqual([OWNER, ...invited.map((u) => u.email)]);

    const active = await api.gql<{ staffUsers: Page }>(
      USERS,
      { filter: { status: 'ACTIVE' }, sort: { field: 'EMAIL', direction: 'ASC' } },
      { token: owner },
    );
    expect(active.data.staffUsers.nodes.map((u) => u.email)).toEqual([
      'barista.amy@example.com',
      'packer.cho@example.com',
      OWNER,
    ]);
    const off = await api.gql<{ staffUsers: Page }>(
      USERS,
      { filter: { status: 'DISABLED' } },
      { token: owner },
    );
    expect(off.data.staffUsers.nodes).toEqual([{ email: 'roaster.ben@example.com', status: 'DISABLED' }]);
    expect(off.data.staffUsers.totalCount).toBe(1);
    // By display name or by email, case-insensitively.
    for (const query of ['cho pack', 'PACKER.CHO@']) {
      const found = await api.gql<{ staffUsers: Page }>(USERS, { filter: { query } }, { token: owner });
      expect(found.data.staffUsers.nodes.map((u) => u.email)).toEqual(['packer.cho@example.com']);
    }
    const none = await api.gql<{ staffUsers: Page }>(
      USERS,
      { filter: { query: 'nobody' } },
      { token: owner },
    );
    expect(none.data.staffUsers).toMatchObject({ nodes: [], totalCount: 0 });

    // Another store’s owner sees none of them, whatever the search.
    const other = await login('staff@lane-nine-design.example.com');
    const theirs = await api.gql<{ staffUsers: Page }>(
      USERS,
      { filter: { query: 'example.com' } },
      { token: other },
    );
    expect(theirs.data.staffUsers.nodes.map((u) => u.email)).toEqual(['staff@lane-nine-design.example.com']);

    // A cursor of another sort is refused.
    const mixed = await api.gql(
      USERS,
      {
        after: (await api.gql<{ staffUsers: Page }>(USERS, { first: 1 }, { token: owner })).data.staffUsers
          .pageInfo.endCursor,
        sort: { field: 'EMAIL' },
      },
      { token: owner },
    );
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

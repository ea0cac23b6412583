import type { TestApi } from '../../../test/harness.js';
import { describe, expect, test } from '../../../test/fixtures.js';
import type { Gql } from '../payments/payments.test-support.js';

const CREATE = `mutation ($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) {
  user { id email role merchantRole status invitationAccepted merchant { handle } } userErrors { code field } } }`;
const INVITE = `mutation ($input: InviteMerchantStaffInput!) { inviteMerchantStaff(input: $input) {
  user { id email role merchantRole merchant { handle } } userErrors { code field } } }`;
const DISABLE = `mutation ($id: ID!) { disableAccount(userId: $id) { user { id status } userErrors { code field } } }`;
const ENABLE = `mutation ($id: ID!) { enableAccount(userId: $id) { user { id status } userErrors { code field } } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) {
  email userErrors { code field } } }`;
const RESEND = `mutation ($id: ID!) { resendInvitation(userId: $id) { user { email } userErrors { code field } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token viewer { email role merchantRole } userErrors { code } } }`;
const USERS = `query ($first: Int, $after: String, $filter: StaffUsersFilter, $sort: StaffUsersSort) {
  staffUsers(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { id email role merchantRole status merchant { handle } viewerCanManage }
    pageInfo { hasNextPage endCursor } totalCount } }`;

const OWNER = 'staff@formosa-roasters.example.com';
const OTHER_OWNER = 'staff@lane-nine-design.example.com';
const PASSWORD = 'a-long-enough-passphrase-42';

async function merchantId(api: TestApi, handle: string): Promise<string> {
  const [row] = await api.sql('select id from merchant where handle = $1', [handle]);
  return Buffer.from(`Merchant:${row.id}`).toString('base64url');
}

async function userId(api: TestApi, email: string): Promise<string> {
  const [row] = await api.sql('select id from user_account where email = $1', [email]);
  return Buffer.from(`User:${row.id}`).toString('base64url');
}

/** The token of the newest invitation email to this address. */
async function invitationToken(api: TestApi, to: string): Promise<string> {
  const [mail] = await api.sql(
    `select text from email_message where "to" = $1 and template = 'platform.staff-invitation' order by id desc limit 1`,
    [to],
  );
  const match = /\/set-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!match) throw new Error(`no invitation to ${to}`);
  return match[1]!;
}

async function loginAs(api: TestApi, email: string, password = 'demo-pass-2026') {
  return (await api.gql(LOGIN, { input: { email, password } })).data.login as Gql;
}

/** Creates a platform account with the admin's token and accepts its invitation; returns its bearer token. */
async function activeStaff(api: TestApi, admin: string, email: string, role: string) {
  const r = await api.gql(
    CREATE,
    { input: { email, displayName: email.split('@')[0], role } },
    { token: admin },
  );
  expect(r.data.createStaffAccount.userErrors).toEqual([]);
  await api.gql(ACCEPT, { token: await invitationToken(api, email), password: PASSWORD });
  return (await loginAs(api, email, PASSWORD)).token as string;
}

const snapshot = (api: TestApi) =>
  Promise.all([
    api.sql(
      'select id, email, role, merchant_id, merchant_role, status, password_hash from user_account order by id',
    ),
    api.sql('select count(*)::int as n from email_message'),
    api.sql('select count(*)::int as n from account_token'),
    api.sql('select id, revoked_at from session order by id'),
  ]);

describe('createStaffAccount', () => {
  test('an admin creates a customer-service account; its invitation sets the password, then it signs in', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const created = await api.gql(
      CREATE,
      { input: { email: 'New.Agent@Example.com', displayName: 'New Agent', role: 'CUSTOMER_SERVICE' } },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createStaffAccount).toEqual({
      user: {
        id: expect.any(String),
        email: 'new.agent@example.com',
        role: 'CUSTOMER_SERVICE',
        merchantRole: null,
        status: 'ACTIVE',
        invitationAccepted: false,
        merchant: null,
      },
      userErrors: [],
    });
    // Nobody can sign in before the invitation is accepted.
    expect((await loginAs(api, 'new.agent@example.com', '!invited')).token).toBeNull();

    const box = await api.gql(
      'query ($to: String) { developmentMailbox(to: $to) { nodes { subject text template locale } } }',
      { to: 'new.agent@example.com' },
      { token: admin },
    );
    const mail = box.data.developmentMailbox.nodes[0];
    expect(mail).toMatchObject({ template: 'platform.staff-invitation', locale: 'EN' });
    expect(mail.subject).toContain('management center');
    expect(mail.text).toMatch(/http:\/\/localhost:\d+\/set-password\?token=/);
    const token = await invitationToken(api, 'new.agent@example.com');

    const weak = await api.gql(ACCEPT, { token, password: 'short' });
    expect(weak.data.acceptInvitation).toEqual({
      email: null,
      userErrors: [{ code: 'WEAK_PASSWORD', field: ['password'] }],
    });
    const [still] = await api.sql(
      `select password_hash from user_account where email = 'new.agent@example.com'`,
    );
    expect(still.password_hash).toBe('!invited');

    const accepted = await api.gql(ACCEPT, { token, password: PASSWORD });
    expect(accepted.data.acceptInvitation).toEqual({ email: 'new.agent@example.com', userErrors: [] });
    const signedIn = await loginAs(api, 'new.agent@example.com', PASSWORD);
    expect(signedIn.viewer).toEqual({
      email: 'new.agent@example.com',
      role: 'CUSTOMER_SERVICE',
      merchantRole: null,
    });

    const again = await api.gql(ACCEPT, { token, password: 'another-long-passphrase-7' });
    expect(again.data.acceptInvitation.userErrors).toEqual([{ code: 'INVALID_TOKEN', field: ['token'] }]);
  });

  test('merchant staff of a store, owner or not, with a Traditional Chinese invitation', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const r = await api.gql(
      CREATE,
      {
        input: {
          email: 'owner2@formosa.example.com',
          displayName: '林店長',
          role: 'MERCHANT_STAFF',
          merchantId: await merchantId(api, 'formosa-roasters'),
          merchantRole: 'OWNER',
          locale: 'ZH_TW',
        },
      },
      { token: admin },
    );
    expect(r.data.createStaffAccount.user).toMatchObject({
      role: 'MERCHANT_STAFF',
      merchantRole: 'OWNER',
      merchant: { handle: 'formosa-roasters' },
    });
    const [mail] = await api.sql(
      `select subject, text, locale from email_message where "to" = 'owner2@formosa.example.com'`,
    );
    expect(mail.locale).toBe('zh-TW');
    expect(mail.subject).toBe('邀請您加入好物市集管理中心');
    expect(mail.text).toContain('商店負責人');
  });

  test('refusals change nothing: roles, taken email, bad input, missing or unknown store', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const before = await snapshot(api);
    const input = { email: 'x@example.com', displayName: 'X', role: 'CUSTOMER_SERVICE' };
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper@example.com', 'FORBIDDEN'],
      ['support@example.com', 'FORBIDDEN'],
      [OWNER, 'FORBIDDEN'],
    ] as const) {
      const res = await api.gql(CREATE, { input }, { token: who ? await login(who) : null });
      expect(res.errors?.[0]?.extensions?.code, String(who)).toBe(code);
    }
    const cases: [Gql, string, string][] = [
      [{ ...input, email: 'SHOPPER@example.com' }, 'EMAIL_TAKEN', 'email'],
      [{ ...input, email: 'not-an-email' }, 'INVALID_EMAIL', 'email'],
      [{ ...input, displayName: '   ' }, 'INVALID_DISPLAY_NAME', 'displayName'],
      [{ ...input, role: 'MERCHANT_STAFF' }, 'MERCHANT_REQUIRED', 'merchantId'],
      [
        { ...input, role: 'MERCHANT_STAFF', merchantId: Buffer.from('Merchant:99999').toString('base64url') },
        'MERCHANT_NOT_FOUND',
        'merchantId',
      ],
    ];
    for (const [bad, code, field] of cases) {
      const res = await api.gql(CREATE, { input: bad }, { token: admin });
      expect(res.data.createStaffAccount, code).toEqual({
        user: null,
        userErrors: [{ code, field: ['input', field] }],
      });
    }
    const shopperRole = await api.gql(CREATE, { input: { ...input, role: 'SHOPPER' } }, { token: admin });
    expect(shopperRole.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Logins add sessions; nothing else may change.
    const after = await snapshot(api);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
  });
});

describe('inviteMerchantStaff', () => {
  test('the owner invites staff to their own store; staff cannot invite; a frozen store cannot', async ({
    api,
    login,
  }) => {
    const owner = await login(OWNER);
    const r = await api.gql(
      INVITE,
      { input: { email: 'barista@formosa.example.com', displayName: 'Barista' } },
      { token: owner },
    );
    expect(r.data.inviteMerchantStaff).toEqual({
      user: {
        id: expect.any(String),
        email: 'barista@formosa.example.com',
        role: 'MERCHANT_STAFF',
        merchantRole: 'STAFF',
        merchant: { handle: 'formosa-roasters' },
      },
      userErrors: [],
    });
    await api.gql(ACCEPT, {
      token: await invitationToken(api, 'barista@formosa.example.com'),
      password: PASSWORD,
    });
    const barista = (await loginAs(api, 'barista@formosa.example.com', PASSWORD)).token;
    expect(barista).toBeTruthy();

    const before = await snapshot(api);
    const input = { email: 'y@formosa.example.com', displayName: 'Y' };
    expect((await api.gql(INVITE, { input }, { token: barista })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    for (const who of ['admin@example.com', 'support@example.com', 'shopper@example.com']) {
      const res = await api.gql(INVITE, { input }, { token: await login(who) });
      expect(res.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    expect((await api.gql(INVITE, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const taken = await api.gql(
      INVITE,
      { input: { ...input, email: 'admin@example.com' } },
      { token: owner },
    );
    expect(taken.data.inviteMerchantStaff.userErrors).toEqual([
      { code: 'EMAIL_TAKEN', field: ['input', 'email'] },
    ]);
    await api.sql(`update merchant set status = 'SAFE_FROZEN' where handle = 'formosa-roasters'`);
    const frozen = await api.gql(INVITE, { input }, { token: owner });
    expect(frozen.data.inviteMerchantStaff.userErrors).toEqual([{ code: 'MERCHANT_FROZEN', field: null }]);
    await api.sql(`update merchant set status = 'ACTIVE' where handle = 'formosa-roasters'`);
    const after = await snapshot(api);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
  });
});

describe('resendInvitation', () => {
  test('a new link replaces the old one; refused when too soon, accepted, or outside the owner’s team', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const owner = await login(OWNER);
    await api.gql(
      INVITE,
      { input: { email: 'late@formosa.example.com', displayName: 'Late' } },
      { token: owner },
    );
    const first = await invitationToken(api, 'late@formosa.example.com');
    const id = await userId(api, 'late@formosa.example.com');

    const soon = await api.gql(RESEND, { id }, { token: owner });
    expect(soon.data.resendInvitation.userErrors).toEqual([{ code: 'TOO_SOON', field: ['userId'] }]);
    // A minute later (the first invitation's time moved back), the owner sends a new one.
    await api.sql(
      `update account_token set created_at = now() - interval '2 minutes' where purpose = 'INVITE'`,
    );
    const other = await api.gql(RESEND, { id }, { token: await login(OTHER_OWNER) });
    expect(other.data.resendInvitation.userErrors).toEqual([{ code: 'USER_NOT_FOUND', field: ['userId'] }]);
    const again = await api.gql(RESEND, { id }, { token: owner });
    expect(again.data.resendInvitation).toEqual({
      user: { email: 'late@formosa.example.com' },
      userErrors: [],
    });
    const second = await invitationToken(api, 'late@formosa.example.com');
    expect(second).not.toBe(first);
    const old = await api.gql(ACCEPT, { token: first, password: PASSWORD });
    expect(old.data.acceptInvitation.userErrors).toEqual([{ code: 'INVALID_TOKEN', field: ['token'] }]);
    expect(
      (await api.gql(ACCEPT, { token: second, password: PASSWORD })).data.acceptInvitation.userErrors,
    ).toEqual([]);

    const before = await snapshot(api);
    const accepted = await api.gql(RESEND, { id }, { token: admin });
    expect(accepted.data.resendInvitation.userErrors).toEqual([
      { code: 'ALREADY_ACCEPTED', field: ['userId'] },
    ]);
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper@example.com', 'FORBIDDEN'],
      ['support@example.com', 'FORBIDDEN'],
    ] as const) {
      const r = await api.gql(RESEND, { id }, { token: who ? await login(who) : null });
      expect(r.errors?.[0]?.extensions?.code, String(who)).toBe(code);
    }
    expect((await snapshot(api)).slice(0, 3)).toEqual(before.slice(0, 3));
  });
});

describe('disableAccount / enableAccount', () => {
  test('disabling ends every session at once; the account cannot sign in until enabled', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const shopperSession = await login('shopper2@example.com');
    const cookie = `mp_session=${shopperSession}`;
    expect((await api.gql('{ viewer { email } }', {}, { cookie })).data.viewer).toEqual({
      email: 'shopper2@example.com',
    });

    const id = await userId(api, 'shopper2@example.com');
    const off = await api.gql(DISABLE, { id }, { token: admin });
    expect(off.data.disableAccount).toEqual({ user: { id, status: 'DISABLED' }, userErrors: [] });
    expect((await api.gql('{ viewer { email } }', {}, { cookie })).data.viewer).toBeNull();
    const [open] = await api.sql(
      `select count(*)::int as n from session s join user_account u on u.id = s.user_id
       where u.email = 'shopper2@example.com' and s.revoked_at is null`,
    );
    expect(open.n).toBe(0);
    expect((await loginAs(api, 'shopper2@example.com')).token).toBeNull();

    const on = await api.gql(ENABLE, { id }, { token: admin });
    expect(on.data.enableAccount).toEqual({ user: { id, status: 'ACTIVE' }, userErrors: [] });
    expect((await loginAs(api, 'shopper2@example.com')).token).toBeTruthy();
  });

  test('refusals: roles, own account, unknown account; nothing changes', async ({ api, login }) => {
    const admin = await login('admin@example.com');
    const target = await userId(api, 'shopper@example.com');
    const before = await snapshot(api);
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper2@example.com', 'FORBIDDEN'],
      ['support@example.com', 'FORBIDDEN'],
    ] as const) {
      const res = await api.gql(DISABLE, { id: target }, { token: who ? await login(who) : null });
      expect(res.errors?.[0]?.extensions?.code, String(who)).toBe(code);
    }
    const self = await api.gql(DISABLE, { id: await userId(api, 'admin@example.com') }, { token: admin });
    expect(self.data.disableAccount.userErrors).toEqual([{ code: 'CANNOT_CHANGE_SELF', field: ['userId'] }]);
    const unknown = await api.gql(
      DISABLE,
      { id: Buffer.from('User:999999').toString('base64url') },
      { token: admin },
    );
    expect(unknown.data.disableAccount.userErrors).toEqual([{ code: 'USER_NOT_FOUND', field: ['userId'] }]);
    const wrongType = await api.gql(DISABLE, { id: await merchantId(api, 'voltline') }, { token: admin });
    expect(wrongType.data.disableAccount.userErrors[0].code).toBe('USER_NOT_FOUND');
    const after = await snapshot(api);
    expect(after[0]).toEqual(before[0]);
  });

  test('a store owner disables its own non-owner staff only; other accounts do not exist for them', async ({
    api,
    login,
  }) => {
    const owner = await login(OWNER);
    await api.gql(
      INVITE,
      { input: { email: 'packer@formosa.example.com', displayName: 'Packer' } },
      { token: owner },
    );
    await api.gql(ACCEPT, {
      token: await invitationToken(api, 'packer@formosa.example.com'),
      password: PASSWORD,
    });
    const packerToken = (await loginAs(api, 'packer@formosa.example.com', PASSWORD)).token;
    const packer = await userId(api, 'packer@formosa.example.com');
    const before = await snapshot(api);

    // Another store's owner, a shopper, an admin and the owner itself are all "not found" to the owner.
    for (const email of [OTHER_OWNER, 'shopper@example.com', 'admin@example.com', OWNER]) {
      const res = await api.gql(DISABLE, { id: await userId(api, email) }, { token: owner });
      expect(res.data.disableAccount.userErrors, email).toEqual([
        { code: 'USER_NOT_FOUND', field: ['userId'] },
      ]);
    }
    // The other store's owner cannot touch this store's staff; non-owner staff cannot manage at all.
    const other = await api.gql(DISABLE, { id: packer }, { token: await login(OTHER_OWNER) });
    expect(other.data.disableAccount.userErrors[0].code).toBe('USER_NOT_FOUND');
    const self = await api.gql(DISABLE, { id: packer }, { token: packerToken });
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await snapshot(api))[0]).toEqual(before[0]);

    const done = await api.gql(DISABLE, { id: packer }, { token: owner });
    expect(done.data.disableAccount.user.status).toBe('DISABLED');
    expect((await api.gql('{ viewer { email } }', {}, { token: packerToken })).data.viewer).toBeNull();
    // Under a freeze the owner may still lock someone out, but not let them back in.
    await api.sql(`update merchant set status = 'SAFE_FROZEN' where handle = 'formosa-roasters'`);
    const frozen = await api.gql(ENABLE, { id: packer }, { token: owner });
    expect(frozen.data.enableAccount.userErrors).toEqual([{ code: 'MERCHANT_FROZEN', field: null }]);
    await api.sql(`update merchant set status = 'ACTIVE' where handle = 'formosa-roasters'`);
    const back = await api.gql(ENABLE, { id: packer }, { token: owner });
    expect(back.data.enableAccount.user.status).toBe('ACTIVE');
  });

  test('two admins disabling each other at once: one wins, the last active admin stays', async ({
    api,
    login,
  }) => {
    const a = await login('admin@example.com');
    const b = await activeStaff(api, a, 'second.admin@example.com', 'ADMIN');
    const [ra, rb] = await Promise.all([
      api.gql(DISABLE, { id: await userId(api, 'second.admin@example.com') }, { token: a }),
      api.gql(DISABLE, { id: await userId(api, 'admin@example.com') }, { token: b }),
    ]);
    // The loser is refused with LAST_ADMIN, or, when the winner finished before its request was even
    // read, it is already signed out (its sessions ended with the disable).
    const outcomes = [ra, rb].map((r) =>
      r.errors
        ? r.errors[0]?.extensions?.code
        : r.data.disableAccount.userErrors.map((e: Gql) => e.code).join() || 'OK',
    );
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(['LAST_ADMIN', 'UNAUTHENTICATED']).toContain(outcomes.find((o) => o !== 'OK'));
    const [active] = await api.sql(
      `select count(*)::int as n from user_account where role = 'ADMIN' and status = 'ACTIVE'`,
    );
    expect(active.n).toBe(1);
    // Restore for the other tests of this file.
    await api.sql(`update user_account set status = 'ACTIVE' where role = 'ADMIN'`);
  });
});

describe('staffUsers', () => {
  test('admins filter, sort and page through every account', async ({ api, login }) => {
    const admin = await login('admin@example.com');
    const all = await api.gql(USERS, { first: 100 }, { token: admin });
    expect(all.errors).toBeUndefined();
    const total = all.data.staffUsers.totalCount;
    expect(total).toBeGreaterThanOrEqual(8);
    expect(all.data.staffUsers.nodes.find((u: Gql) => u.email === OWNER)).toMatchObject({
      role: 'MERCHANT_STAFF',
      merchantRole: 'OWNER',
      merchant: { handle: 'formosa-roasters' },
      viewerCanManage: true,
    });
    expect(all.data.staffUsers.nodes.find((u: Gql) => u.email === 'admin@example.com').viewerCanManage).toBe(
      false,
    );

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Gql = await api.gql(
        USERS,
        { first: 3, after, sort: { field: 'EMAIL', direction: 'ASC' } },
        { token: admin },
      );
      seen.push(...page.data.staffUsers.nodes.map((u: Gql) => u.email));
      if (!page.data.staffUsers.pageInfo.hasNextPage) break;
      after = page.data.staffUsers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort());

    const cs = await api.gql(USERS, { filter: { role: 'CUSTOMER_SERVICE' } }, { token: admin });
    expect(cs.data.staffUsers.nodes.map((u: Gql) => u.email)).toContain('support@example.com');
    expect(cs.data.staffUsers.nodes.every((u: Gql) => u.role === 'CUSTOMER_SERVICE')).toBe(true);
    const team = await api.gql(
      USERS,
      { filter: { merchantId: await merchantId(api, 'voltline') } },
      { token: admin },
    );
    expect(team.data.staffUsers.nodes.map((u: Gql) => u.email)).toEqual(['staff@voltline.example.com']);
    const q = await api.gql(USERS, { filter: { query: 'SHOPPER2' } }, { token: admin });
    expect(q.data.staffUsers.nodes.map((u: Gql) => u.email)).toEqual(['shopper2@example.com']);
  });

  test('merchant staff see only their own team whatever the filter; others are refused', async ({
    api,
    login,
  }) => {
    const owner = await login(OTHER_OWNER);
    const res = await api.gql(
      USERS,
      { filter: { merchantId: await merchantId(api, 'formosa-roasters'), role: 'ADMIN' } },
      { token: owner },
    );
    expect(res.data.staffUsers.nodes.map((u: Gql) => u.email)).toEqual([OTHER_OWNER]);
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper@example.com', 'FORBIDDEN'],
      ['support@example.com', 'FORBIDDEN'],
    ] as const) {
      const r = await api.gql(USERS, {}, { token: who ? await login(who) : null });
      expect(r.errors?.[0]?.extensions?.code, String(who)).toBe(code);
    }
  });
});

import { describe, expect, test } from '../../../test/fixtures.js';
import { SEND_PASSWORD_RESET } from './account-security.service.js';
import {
  emailsTo,
  GOOD_PASSWORD,
  jobsDone,
  LOGIN,
  registerShopper,
  tokenFrom,
  uniqueEmail,
} from './accounts.testing.js';

const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) { requested userErrors { code field } } }`;
const RESET = `
  mutation ($token: String!, $password: String!) {
    resetPassword(token: $token, newPassword: $password) { passwordReset userErrors { code field message } }
  }`;
const CHANGE = `
  mutation ($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next) {
      viewer { email }
      userErrors { code field message retryAfterSeconds }
    }
  }`;
const PROFILE = `
  mutation ($input: UpdateProfileInput!) {
    updateProfile(input: $input) { viewer { displayName phone } userErrors { code field } }
  }`;

const NEW_PASSWORD = 'another fine passphrase';

async function signIn(api: Parameters<typeof registerShopper>[0], email: string, password: string) {
  const res = await api.gql(LOGIN, { input: { email, password } });
  return res.data.login.token as string | null;
}

const passwordHash = async (api: Parameters<typeof registerShopper>[0], email: string) =>
  (await api.sql(`select password_hash from user_account where email = $1`, [email]))[0]!.password_hash;

/** Registers a shopper and gets a reset link for it. */
async function resetLinkFor(api: Parameters<typeof registerShopper>[0]) {
  const shopper = await registerShopper(api);
  await api.gql(REQUEST, { email: shopper.email });
  const [mail] = await emailsTo(api, shopper.email, 'accounts.reset-password');
  if (!mail) throw new Error('no reset email');
  return { ...shopper, mail, secret: tokenFrom(mail.text, '/reset-password') };
}

describe('requestPasswordReset', () => {
  test('answers the same for a known and an unknown address, and emails only the account', async ({
    api,
  }) => {
    const { email } = await registerShopper(api, { locale: 'ZH_TW' });
    const unknown = uniqueEmail('nobody');
    const known = await api.gql(REQUEST, { email: email.toUpperCase() });
    const other = await api.gql(REQUEST, { email: unknown });
    expect(known.data).toEqual(other.data);
    expect(known.data.requestPasswordReset).toEqual({ requested: true, userErrors: [] });

    const [mail] = await emailsTo(api, email, 'accounts.reset-password');
    expect(mail).toMatchObject({ subject: '重設您的密碼', locale: 'zh-TW' });
    expect(mail!.text).toMatch(/http:\/\/localhost:\d+\/reset-password\?token=/);
    await jobsDone(api, SEND_PASSWORD_RESET);
    expect(await api.sql(`select * from email_message where "to" = $1`, [unknown])).toEqual([]);
    // The link lives one hour.
    const [row] = await api.sql(
      `select extract(epoch from expires_at - created_at)::int as ttl from account_token
       where purpose = 'RESET_PASSWORD' and user_id = (select id from user_account where email = $1)`,
      [email],
    );
    expect(row!.ttl).toBe(3600);
  });

  test('sends one email however often it is asked within a minute', async ({ api }) => {
    const { email } = await registerShopper(api);
    for (let i = 0; i < 3; i++) await api.gql(REQUEST, { email });
    await emailsTo(api, email, 'accounts.reset-password');
    await jobsDone(api, SEND_PASSWORD_RESET);
    expect(await emailsTo(api, email, 'accounts.reset-password', 1, 0)).toHaveLength(1);
  });

  test.for(['', 'not-an-email', `${'x'.repeat(300)}@example.com`])(
    'refuses the malformed address %j and queues nothing',
    async (email, { api }) => {
      const res = await api.gql(REQUEST, { email });
      expect(res.data.requestPasswordReset).toEqual({
        requested: false,
        userErrors: [{ code: 'INVALID_EMAIL', field: ['email'] }],
      });
      const jobs = await api.sql(`select * from graphile_worker.jobs where task_identifier = $1`, [
        SEND_PASSWORD_RESET,
      ]);
      expect(jobs).toEqual([]);
    },
  );
});

describe('resetPassword', () => {
  test('sets the password, ends every session, uses up the link and sends a notice', async ({ api }) => {
    const { email, token: registerSession, secret } = await resetLinkFor(api);
    const otherSession = await signIn(api, email, GOOD_PASSWORD);

    const res = await api.gql(RESET, { token: secret, password: NEW_PASSWORD });
    expect(res.data.resetPassword).toEqual({ passwordReset: true, userErrors: [] });

    for (const session of [registerSession, otherSession]) {
      const me = await api.gql('{ viewer { email } }', {}, { token: session });
      expect(me.data.viewer).toBeNull();
    }
    expect(await signIn(api, email, GOOD_PASSWORD)).toBeNull();
    expect(await signIn(api, email, NEW_PASSWORD)).toBeTruthy();

    const hash = await passwordHash(api, email);
    const reused = await api.gql(RESET, { token: secret, password: 'yet another passphrase' });
    expect(reused.data.resetPassword).toMatchObject({
      passwordReset: false,
      userErrors: [{ code: 'INVALID_TOKEN', field: ['token'] }],
    });
    expect(await passwordHash(api, email)).toBe(hash);

    const [notice] = await emailsTo(api, email, 'accounts.password-changed');
    expect(notice!.subject).toBe('Your password was changed');
    expect(notice!.text).toContain('signed out on every device');
  });

  test('refuses a weak password, changes nothing and leaves the link usable', async ({ api }) => {
    const { email, token, secret } = await resetLinkFor(api);
    const hash = await passwordHash(api, email);
    for (const password of ['short', email, 'qwertyuiop']) {
      const res = await api.gql(RESET, { token: secret, password });
      expect(res.data.resetPassword).toMatchObject({
        passwordReset: false,
        userErrors: [{ code: 'WEAK_PASSWORD', field: ['newPassword'] }],
      });
    }
    expect(await passwordHash(api, email)).toBe(hash);
    expect((await api.gql('{ viewer { email } }', {}, { token })).data.viewer.email).toBe(email);
    const ok = await api.gql(RESET, { token: secret, password: NEW_PASSWORD });
    expect(ok.data.resetPassword.passwordReset).toBe(true);
  });

  test('refuses an expired link and changes nothing', async ({ api }) => {
    const { email, token, secret } = await resetLinkFor(api);
    await api.sql(
      `update account_token set expires_at = now() - interval '1 second' where purpose = 'RESET_PASSWORD'
       and user_id = (select id from user_account where email = $1)`,
      [email],
    );
    const hash = await passwordHash(api, email);
    const res = await api.gql(RESET, { token: secret, password: NEW_PASSWORD });
    expect(res.data.resetPassword.userErrors).toMatchObject([{ code: 'EXPIRED_TOKEN', field: ['token'] }]);
    expect(await passwordHash(api, email)).toBe(hash);
    expect((await api.gql('{ viewer { email } }', {}, { token })).data.viewer.email).toBe(email);
  });

  test.for([
    ['an unknown token', 'B'.repeat(43)],
    ['a malformed token', '../../etc'],
  ])('refuses %s', async ([, token], { api }) => {
    const res = await api.gql(RESET, { token, password: NEW_PASSWORD });
    expect(res.data.resetPassword.userErrors).toMatchObject([{ code: 'INVALID_TOKEN' }]);
  });

  test('does not accept an email verification token', async ({ api }) => {
    const { email } = await registerShopper(api);
    const [mail] = await emailsTo(api, email, 'accounts.verify-email');
    const res = await api.gql(RESET, {
      token: tokenFrom(mail!.text, '/verify-email'),
      password: NEW_PASSWORD,
    });
    expect(res.data.resetPassword.userErrors).toMatchObject([{ code: 'INVALID_TOKEN' }]);
  });

  test('lets only one of two simultaneous uses of a link through', async ({ api }) => {
    const { secret } = await resetLinkFor(api);
    const results = await Promise.all(
      ['first passphrase here', 'second passphrase here'].map((password) =>
        api.gql(RESET, { token: secret, password }),
      ),
    );
    expect(results.map((r) => r.data.resetPassword.passwordReset).sort()).toEqual([false, true]);
  });
});

describe('changePassword', () => {
  test('needs the current password, ends every session and continues this client on a new one', async ({
    api,
  }) => {
    const { email, token: current } = await registerShopper(api);
    const other = await signIn(api, email, GOOD_PASSWORD);
    const res = await api.gql(
      CHANGE.replace('viewer { email }', 'viewer { email } token'),
      { current: GOOD_PASSWORD, next: NEW_PASSWORD },
      { token: current },
    );
    const { token: rotated, ...rest } = res.data.changePassword;
    expect(rest).toEqual({ viewer: { email }, userErrors: [] });
    expect(rotated).toEqual(expect.any(String));
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`mp_session=${rotated};`))).toBe(true);
    expect((await api.gql('{ viewer { email } }', {}, { token: rotated })).data.viewer.email).toBe(email);
    expect((await api.gql('{ viewer { email } }', {}, { token: current })).data.viewer).toBeNull();
    expect((await api.gql('{ viewer { email } }', {}, { token: other })).data.viewer).toBeNull();
    expect(await signIn(api, email, NEW_PASSWORD)).toBeTruthy();
    const [notice] = await emailsTo(api, email, 'accounts.password-changed');
    expect(notice!.text).toContain('signed out on your other devices');
  });

  test.for([
    ['a wrong current password', 'not my password', NEW_PASSWORD, 'WRONG_PASSWORD', 'currentPassword'],
    ['a short new password', GOOD_PASSWORD, 'short', 'WEAK_PASSWORD', 'newPassword'],
    ['a common new password', GOOD_PASSWORD, '1234567890', 'WEAK_PASSWORD', 'newPassword'],
    ['the same password', GOOD_PASSWORD, GOOD_PASSWORD, 'SAME_PASSWORD', 'newPassword'],
  ] as const)('refuses %s and changes nothing', async ([, current, next, code, field], { api }) => {
    const { email, token } = await registerShopper(api);
    const other = await signIn(api, email, GOOD_PASSWORD);
    const hash = await passwordHash(api, email);
    const res = await api.gql(CHANGE, { current, next }, { token });
    expect(res.data.changePassword).toMatchObject({ viewer: null, userErrors: [{ code, field: [field] }] });
    expect(await passwordHash(api, email)).toBe(hash);
    expect((await api.gql('{ viewer { email } }', {}, { token: other })).data.viewer.email).toBe(email);
    expect(await emailsTo(api, email, 'accounts.password-changed', 1, 0)).toEqual([]);
  });

  test('counts wrong current passwords like failed sign-ins', async ({ api }) => {
    const { token } = await registerShopper(api);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await api.gql(CHANGE, { current: `wrong guess ${i}`, next: NEW_PASSWORD }, { token });
      codes.push(res.data.changePassword.userErrors[0].code);
    }
    expect(codes).toEqual([...Array(5).fill('WRONG_PASSWORD'), 'TOO_MANY_ATTEMPTS']);
  });

  test('is refused to a guest', async ({ api }) => {
    const res = await api.gql(CHANGE, { current: GOOD_PASSWORD, next: NEW_PASSWORD });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateProfile', () => {
  test('changes the display name and phone; omitting the phone keeps it, null removes it', async ({
    api,
  }) => {
    const { token } = await registerShopper(api);
    const set = await api.gql(
      PROFILE,
      { input: { displayName: ' 林小姐 ', phone: '+886 2 2345 6789' } },
      { token },
    );
    expect(set.data.updateProfile).toEqual({
      viewer: { displayName: '林小姐', phone: '+886223456789' },
      userErrors: [],
    });
    const kept = await api.gql(PROFILE, { input: { displayName: 'Ms Lin' } }, { token });
    expect(kept.data.updateProfile.viewer).toEqual({ displayName: 'Ms Lin', phone: '+886223456789' });
    const removed = await api.gql(PROFILE, { input: { displayName: 'Ms Lin', phone: null } }, { token });
    expect(removed.data.updateProfile.viewer.phone).toBeNull();
  });

  test.for([
    ['an empty name', { displayName: '' }, 'INVALID_DISPLAY_NAME', 'displayName'],
    ['a too long name', { displayName: '名'.repeat(61) }, 'INVALID_DISPLAY_NAME', 'displayName'],
    ['a bad phone', { displayName: 'Fine', phone: '12345' }, 'INVALID_PHONE', 'phone'],
  ] as const)('refuses %s and changes nothing', async ([, input, code, field], { api }) => {
    const { email, token } = await registerShopper(api);
    const before = await api.sql(`select display_name, phone from user_account where email = $1`, [email]);
    const res = await api.gql(PROFILE, { input }, { token });
    expect(res.data.updateProfile).toEqual({ viewer: null, userErrors: [{ code, field: ['input', field] }] });
    expect(await api.sql(`select display_name, phone from user_account where email = $1`, [email])).toEqual(
      before,
    );
  });

  test('is refused to a guest', async ({ api }) => {
    const res = await api.gql(PROFILE, { input: { displayName: 'Guest' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

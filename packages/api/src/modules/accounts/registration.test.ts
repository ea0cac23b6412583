import { createHash } from 'node:crypto';
import { describe, expect, test } from '../../../test/fixtures.js';
import {
  emailsTo,
  GOOD_PASSWORD,
  LOGIN,
  REGISTER,
  registerShopper,
  tokenFrom,
  uniqueEmail,
} from './accounts.testing.js';

const VERIFY = `
  mutation ($token: String!) {
    verifyEmail(token: $token) { emailVerified viewer { email emailVerified } userErrors { code field message } }
  }`;
const RESEND = `mutation { resendVerificationEmail { sent userErrors { code message retryAfterSeconds } } }`;

const countRows = async (api: { sql: (q: string) => Promise<{ n: number }[]> }) => {
  const [row] = await api.sql(`select
      (select count(*) from user_account)::int + (select count(*) from session)::int * 1000
      + (select count(*) from email_message)::int * 1000000 + (select count(*) from account_token)::int * 100000000 as n`);
  return row!.n;
};

describe('register', () => {
  test('creates a signed-in shopper and emails a verification link that verifies the address', async ({
    api,
    login,
  }) => {
    const email = uniqueEmail('Mixed.Case');
    const res = await api.gql(REGISTER, {
      input: {
        email: `  ${email.toUpperCase()} `,
        password: GOOD_PASSWORD,
        displayName: '  Ann   Lee ',
        phone: '+886 912-345-678',
      },
    });
    expect(res.data.register.userErrors).toEqual([]);
    expect(res.data.register.viewer).toMatchObject({
      email: email.toLowerCase(),
      displayName: 'Ann Lee',
      role: 'SHOPPER',
      locale: 'EN',
      emailVerified: false,
      phone: '+886912345678',
    });
    // Signed in like `login`: an HttpOnly cookie and a bearer token.
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mp_session=[\w-]+;.*HttpOnly/i);
    const viaCookie = await api.gql('{ viewer { email } }', {}, { cookie: cookie.split(';')[0]! });
    expect(viaCookie.data.viewer.email).toBe(email.toLowerCase());
    const token = res.data.register.token;

    const [row] = await api.sql(
      `select password_hash, email_verified_at from user_account where email = $1`,
      [email.toLowerCase()],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.email_verified_at).toBeNull();

    // The email is in the development mailbox, readable by an admin.
    const admin = await login('admin@example.com');
    let mailbox: { nodes: { subject: string; text: string; template: string; status: string }[] } | null =
      null;
    for (let i = 0; i < 80 && mailbox?.nodes[0]?.status !== 'SENT'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      const box = await api.gql(
        'query ($to: String) { developmentMailbox(to: $to) { nodes { subject text template status } } }',
        { to: email.toUpperCase() },
        { token: admin },
      );
      mailbox = box.data.developmentMailbox;
    }
    expect(mailbox?.nodes).toHaveLength(1);
    const mail = mailbox!.nodes[0]!;
    expect(mail).toMatchObject({
      template: 'accounts.verify-email',
      subject: 'Confirm your email address',
      status: 'SENT',
    });
    expect(mail.text).toContain('Hi Ann Lee,');
    expect(mail.text).toMatch(/http:\/\/localhost:\d+\/verify-email\?token=/);
    const secret = tokenFrom(mail.text, '/verify-email');

    // Only a SHA-256 hash of the secret is stored; it lives 48 hours.
    const [stored] = await api.sql(
      `select token_hash, purpose, extract(epoch from expires_at - created_at)::int as ttl from account_token
       where user_id = (select id from user_account where email = $1)`,
      [email.toLowerCase()],
    );
    expect(stored).toEqual({
      token_hash: createHash('sha256').update(secret).digest('hex'),
      purpose: 'VERIFY_EMAIL',
      ttl: 48 * 3600,
    });

    const verified = await api.gql(VERIFY, { token: secret }, { token });
    expect(verified.data.verifyEmail).toEqual({
      emailVerified: true,
      viewer: { email: email.toLowerCase(), emailVerified: true },
      userErrors: [],
    });
    const me = await api.gql('{ viewer { emailVerified } }', {}, { token });
    expect(me.data.viewer.emailVerified).toBe(true);

    // Single use: the same link again is refused and changes nothing.
    const [before] = await api.sql(`select email_verified_at from user_account where email = $1`, [
      email.toLowerCase(),
    ]);
    const again = await api.gql(VERIFY, { token: secret });
    expect(again.data.verifyEmail).toMatchObject({
      emailVerified: false,
      viewer: null,
      userErrors: [{ code: 'INVALID_TOKEN', field: ['token'] }],
    });
    const [after] = await api.sql(`select email_verified_at from user_account where email = $1`, [
      email.toLowerCase(),
    ]);
    expect(after).toEqual(before);
  });

  test('writes the verification email in Traditional Chinese for a zh-TW account', async ({ api }) => {
    const { email } = await registerShopper(api, { locale: 'ZH_TW', displayName: '陳小華' });
    const [mail] = await emailsTo(api, email, 'accounts.verify-email');
    expect(mail).toMatchObject({ locale: 'zh-TW', subject: '請驗證您的電子郵件地址' });
    expect(mail!.text).toContain('陳小華 您好：');
    expect(mail!.text).toContain('48 小時內有效');
  });

  test('takes the language of the request when none is given', async ({ api }) => {
    const email = uniqueEmail();
    const res = await api.gql(
      REGISTER,
      { input: { email, password: GOOD_PASSWORD, displayName: 'Lin' } },
      { headers: { 'accept-language': 'zh-TW,zh;q=0.9' } },
    );
    expect(res.data.register.viewer.locale).toBe('ZH_TW');
  });

  test.for([
    ['an empty email', { email: '' }, 'INVALID_EMAIL', 'email'],
    ['an invalid email', { email: 'not-an-email' }, 'INVALID_EMAIL', 'email'],
    ['a too long email', { email: `${'a'.repeat(250)}@example.com` }, 'INVALID_EMAIL', 'email'],
    ['a short password', { password: 'short-pw' }, 'WEAK_PASSWORD', 'password'],
    [
      'the email as password',
      { email: 'same-as@example.com', password: 'Same-As@Example.com' },
      'WEAK_PASSWORD',
      'password',
    ],
    ['a very common password', { password: 'Password123' }, 'WEAK_PASSWORD', 'password'],
    ['a too long password', { password: 'x'.repeat(201) }, 'WEAK_PASSWORD', 'password'],
    ['an empty display name', { displayName: '   ' }, 'INVALID_DISPLAY_NAME', 'displayName'],
    ['a too long display name', { displayName: 'x'.repeat(61) }, 'INVALID_DISPLAY_NAME', 'displayName'],
    ['a phone without country code', { phone: '0912345678' }, 'INVALID_PHONE', 'phone'],
    ['the email of an account, differently cased', { email: 'SHOPPER@example.COM' }, 'EMAIL_TAKEN', 'email'],
  ] as const)('refuses %s and creates nothing', async ([, change, code, field], { api }) => {
    const before = await countRows(api);
    const res = await api.gql(REGISTER, {
      input: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Someone', ...change },
    });
    expect(res.data.register).toMatchObject({
      token: null,
      viewer: null,
      userErrors: [{ code, field: ['input', field] }],
    });
    expect(res.data.register.userErrors).toHaveLength(1);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await countRows(api)).toBe(before);
  });

  test('reports every invalid field at once', async ({ api }) => {
    const res = await api.gql(REGISTER, {
      input: { email: 'x', password: 'short', displayName: '', phone: 'abc' },
    });
    expect(res.data.register.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'INVALID_EMAIL',
      'WEAK_PASSWORD',
      'INVALID_DISPLAY_NAME',
      'INVALID_PHONE',
    ]);
  });

  test('lets exactly one of several simultaneous registrations of one address win', async ({ api }) => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.gql(REGISTER, {
          input: {
            email: i % 2 ? email.toUpperCase() : email,
            password: GOOD_PASSWORD,
            displayName: `Racer ${i}`,
          },
        }),
      ),
    );
    const codes = results.map((r) => r.data.register.userErrors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'OK']);
    const rows = await api.sql(`select count(*)::int as n from user_account where email = $1`, [email]);
    expect(rows[0]!.n).toBe(1);
    expect(await emailsTo(api, email, 'accounts.verify-email')).toHaveLength(1);
  });

  test('moves a guest cart into the new account', async ({ api }) => {
    const [v] = await api.sql(`select id from product_variant where stock >= 10 order by id limit 1`);
    const variantId = Buffer.from(`ProductVariant:${v.id}`).toString('base64url');
    const guest = await api.gql(
      'mutation ($i: AddToCartInput!) { addToCart(input: $i) { cart { token } } }',
      {
        i: { variantId, quantity: 3 },
      },
    );
    const cartToken = guest.data.addToCart.cart.token;
    const res = await api.gql(REGISTER, {
      input: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Cart Owner', cartToken },
    });
    const cart = await api.gql('{ cart { totalQuantity } }', {}, { token: res.data.register.token });
    expect(cart.data.cart.totalQuantity).toBe(3);
  });
});

describe('verifyEmail', () => {
  test.for([
    ['an unknown token', 'A'.repeat(43)],
    ['a malformed token', 'not a token!'],
    ['an empty token', ''],
  ])('refuses %s', async ([, token], { api }) => {
    const res = await api.gql(VERIFY, { token });
    expect(res.data.verifyEmail).toMatchObject({
      emailVerified: false,
      userErrors: [{ code: 'INVALID_TOKEN' }],
    });
  });

  test('refuses an expired link and leaves the account unverified', async ({ api }) => {
    const { email } = await registerShopper(api);
    const [mail] = await emailsTo(api, email, 'accounts.verify-email');
    await api.sql(
      `update account_token set expires_at = now() - interval '1 second'
       where user_id = (select id from user_account where email = $1)`,
      [email],
    );
    const res = await api.gql(VERIFY, { token: tokenFrom(mail!.text, '/verify-email') });
    expect(res.data.verifyEmail).toMatchObject({
      emailVerified: false,
      userErrors: [{ code: 'EXPIRED_TOKEN' }],
    });
    const [row] = await api.sql(`select email_verified_at from user_account where email = $1`, [email]);
    expect(row.email_verified_at).toBeNull();
  });

  test('works without being signed in, and a second valid link of a verified account changes nothing', async ({
    api,
  }) => {
    const { email, token } = await registerShopper(api);
    await api.sql(
      `update account_token set created_at = now() - interval '2 minutes'
       where user_id = (select id from user_account where email = $1)`,
      [email],
    );
    expect((await api.gql(RESEND, {}, { token })).data.resendVerificationEmail.sent).toBe(true);
    const [first, second] = await emailsTo(api, email, 'accounts.verify-email', 2);
    const guest = await api.gql(VERIFY, { token: tokenFrom(first!.text, '/verify-email') });
    expect(guest.data.verifyEmail).toEqual({ emailVerified: true, viewer: null, userErrors: [] });
    const [verified] = await api.sql(`select email_verified_at from user_account where email = $1`, [email]);
    const again = await api.gql(VERIFY, { token: tokenFrom(second!.text, '/verify-email') });
    expect(again.data.verifyEmail.emailVerified).toBe(true);
    const [still] = await api.sql(`select email_verified_at from user_account where email = $1`, [email]);
    expect(still).toEqual(verified);
  });

  test('does not accept a password reset token', async ({ api }) => {
    const { email } = await registerShopper(api);
    await api.gql('mutation ($e: String!) { requestPasswordReset(email: $e) { requested } }', { e: email });
    const [mail] = await emailsTo(api, email, 'accounts.reset-password');
    const res = await api.gql(VERIFY, { token: tokenFrom(mail!.text, '/reset-password') });
    expect(res.data.verifyEmail.userErrors[0].code).toBe('INVALID_TOKEN');
  });
});

describe('resendVerificationEmail', () => {
  test('sends at most one email a minute, none once verified, and needs a signed-in account', async ({
    api,
  }) => {
    const { email, token } = await registerShopper(api);
    const soon = await api.gql(RESEND, {}, { token });
    expect(soon.data.resendVerificationEmail).toMatchObject({
      sent: false,
      userErrors: [{ code: 'TOO_SOON' }],
    });
    const wait = soon.data.resendVerificationEmail.userErrors[0].retryAfterSeconds;
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await emailsTo(api, email, 'accounts.verify-email', 1, 0)).toHaveLength(1);

    await api.sql(
      `update account_token set created_at = now() - interval '61 seconds'
       where user_id = (select id from user_account where email = $1)`,
      [email],
    );
    const sent = await api.gql(RESEND, {}, { token });
    expect(sent.data.resendVerificationEmail).toEqual({ sent: true, userErrors: [] });
    const mails = await emailsTo(api, email, 'accounts.verify-email', 2);
    expect(mails).toHaveLength(2);

    await api.gql(VERIFY, { token: tokenFrom(mails[1]!.text, '/verify-email') });
    const done = await api.gql(RESEND, {}, { token });
    expect(done.data.resendVerificationEmail.userErrors[0].code).toBe('ALREADY_VERIFIED');

    const guest = await api.gql(RESEND);
    expect(guest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('a registered shopper', () => {
  test('signs in with the new password', async ({ api }) => {
    const { email } = await registerShopper(api);
    const res = await api.gql(LOGIN, { input: { email, password: GOOD_PASSWORD } });
    expect(res.data.login.viewer.email).toBe(email);
  });
});

import { describe, expect, test } from '../../../test/fixtures.js';
import { DEMO_PASSWORD } from '../seed/seeder.js';
import { GOOD_PASSWORD, LOGIN, registerShopper, uniqueEmail } from './accounts.testing.js';
import { LOGIN_THROTTLE } from './login-throttle.js';

let nextIp = 1;
/** Requests from their own client address (the API trusts X-Forwarded-For from loopback, as behind a proxy). */
const fromNewIp = () => ({ 'x-forwarded-for': `198.51.100.${nextIp++}` });

type Api = Parameters<typeof registerShopper>[0];
const attempt = (api: Api, email: string, password: string, headers: Record<string, string>) =>
  api.gql(LOGIN, { input: { email, password } }, { headers });
const codeOf = (res: { data: { login: { userErrors: { code: string }[] } } }) =>
  res.data.login.userErrors[0]?.code ?? 'OK';

describe('login throttling', () => {
  test('refuses further attempts on an account after 5 failures, even with the right password', async ({
    api,
  }) => {
    const { email } = await registerShopper(api);
    const ip = fromNewIp();
    const codes: string[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.perAccount; i++)
      codes.push(codeOf(await attempt(api, email, `guess ${i}`, ip)));
    expect(codes).toEqual(Array(5).fill('INVALID_CREDENTIALS'));

    const blocked = await attempt(api, email, GOOD_PASSWORD, ip);
    expect(blocked.data.login).toMatchObject({ token: null, viewer: null });
    const [error] = blocked.data.login.userErrors;
    expect(error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', field: ['input'] });
    expect(error.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // The account is throttled from any network, not just the one that guessed.
    expect(codeOf(await attempt(api, email, GOOD_PASSWORD, fromNewIp()))).toBe('TOO_MANY_ATTEMPTS');

    // Once the failures leave the 15-minute window, the right password works again.
    await api.sql(
      `update login_attempt set created_at = created_at - interval '15 minutes' where email = $1`,
      [email],
    );
    expect(codeOf(await attempt(api, email, GOOD_PASSWORD, ip))).toBe('OK');
  });

  test('lets only 5 of 20 simultaneous wrong guesses be checked', async ({ api }) => {
    const { email } = await registerShopper(api);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(api, email, `parallel guess ${i}`, fromNewIp())),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(15);
    const [row] = await api.sql(`select count(*)::int as n from login_attempt where email = $1`, [email]);
    expect(row!.n).toBe(5);
  });

  test('a successful sign-in clears the account’s failures', async ({ api }) => {
    const { email } = await registerShopper(api);
    const ip = fromNewIp();
    for (let i = 0; i < 4; i++) await attempt(api, email, `guess ${i}`, ip);
    expect(codeOf(await attempt(api, email, GOOD_PASSWORD, ip))).toBe('OK');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(codeOf(await attempt(api, email, `again ${i}`, ip)));
    expect(codes).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'TOO_MANY_ATTEMPTS']);
  });

  test('throttles an unknown email exactly like an account', async ({ api }) => {
    const { email } = await registerShopper(api);
    const unknown = uniqueEmail('ghost');
    const ip = fromNewIp();
    const known: unknown[] = [];
    const ghost: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      known.push((await attempt(api, email, `guess ${i}`, ip)).data.login);
      ghost.push((await attempt(api, unknown, `guess ${i}`, ip)).data.login);
    }
    const strip = (payloads: unknown[]) =>
      JSON.parse(JSON.stringify(payloads).replace(/"retryAfterSeconds":\d+/g, '"retryAfterSeconds":"n"'));
    expect(strip(ghost)).toEqual(strip(known));
  });

  test('refuses a network after 30 failures across accounts; other networks are unaffected', async ({
    api,
  }) => {
    const ip = fromNewIp();
    for (let i = 0; i < LOGIN_THROTTLE.perIp; i++) {
      expect(codeOf(await attempt(api, uniqueEmail('spray'), 'wrong password', ip))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    expect(codeOf(await attempt(api, 'shopper@example.com', DEMO_PASSWORD, ip))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await attempt(api, 'shopper@example.com', DEMO_PASSWORD, fromNewIp()))).toBe('OK');
  });
});

describe('login failures', () => {
  test('look the same and take about as long for an unknown email and a wrong password', async ({ api }) => {
    const { email } = await registerShopper(api);
    const time = async (email: string) => {
      const started = performance.now();
      const res = await attempt(api, email, 'definitely wrong', fromNewIp());
      return { ms: performance.now() - started, body: res.data.login, cookie: res.headers.get('set-cookie') };
    };
    const unknown = [];
    const wrong = [];
    // Interleaved, so load from other test files affects both series alike; 5 stays within the account limit.
    for (let i = 0; i < LOGIN_THROTTLE.perAccount; i++) {
      unknown.push(await time(uniqueEmail('nobody')));
      wrong.push(await time(email));
    }
    expect(unknown.map((r) => r.body)).toEqual(wrong.map((r) => r.body));
    expect(wrong[0]!.body).toEqual({
      token: null,
      viewer: null,
      userErrors: [
        {
          code: 'INVALID_CREDENTIALS',
          field: ['input'],
          message: 'Email or password is incorrect.',
          retryAfterSeconds: null,
        },
      ],
    });
    expect(unknown.every((r) => r.cookie === null) && wrong.every((r) => r.cookie === null)).toBe(true);
    // Both verify an argon2id hash: same timing class (the medians are within a factor of two).
    const median = (rs: { ms: number }[]) => rs.map((r) => r.ms).sort((a, b) => a - b)[2]!;
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.5);
    expect(median(unknown) / median(wrong)).toBeLessThan(2);
  });
});

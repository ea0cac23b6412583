import { randomBytes } from 'node:crypto';
import {
  GOOD_PASSWORD,
  LOGIN,
  registerShopper,
  uniqueEmail,
} from '../../src/modules/accounts/accounts.testing.js';
import { SESSION_COOKIE } from '../../src/modules/accounts/session.service.js';
import { describe, expect, test } from '../fixtures.js';
import type { TestApi } from '../harness.js';

/**
 * Session lifecycle (issue 9 §5): a session id is never chosen by the client, a new one is issued at every
 * sign-in (the one the request's cookie named is revoked), and sessions end at logout and password change.
 */

const VIEWER = '{ viewer { email } }';
const LOGOUT = 'mutation ($everywhere: Boolean) { logout(everywhere: $everywhere) { loggedOut } }';
const CHANGE = `mutation ($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) { token userErrors { code } } }`;

/** Each request from its own address: the sign-ins of this file must not add up in one IP's throttle. */
const fromOwnAddress = () => ({ 'x-forwarded-for': `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}` });

/** The session cookie a response sets (null: none). */
function sessionCookieOf(headers: Headers): string | null {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, value] = (pair ?? '').split('=');
    if (name === SESSION_COOKIE) return value ?? '';
  }
  return null;
}

async function loginWithCookie(api: TestApi, email: string, cookie?: string) {
  const res = await api.gql(
    LOGIN,
    { input: { email, password: GOOD_PASSWORD } },
    { cookie: cookie ? `${SESSION_COOKIE}=${cookie}` : undefined, headers: fromOwnAddress() },
  );
  expect(res.data.login.userErrors).toEqual([]);
  return { token: res.data.login.token as string, cookie: sessionCookieOf(res.headers) };
}

const viewerOfCookie = async (api: TestApi, cookie: string) =>
  (await api.gql(VIEWER, {}, { cookie: `${SESSION_COOKIE}=${cookie}` })).data.viewer?.email ?? null;
const viewerOfToken = async (api: TestApi, token: string) =>
  (await api.gql(VIEWER, {}, { token })).data.viewer?.email ?? null;

const liveSessions = async (api: TestApi, email: string) =>
  (
    await api.sql<{ n: number }>(
      `select count(*)::int as n from session s join user_account u on u.id = s.user_id
       where u.email = $1 and s.revoked_at is null`,
      [email],
    )
  )[0]!.n;

describe('sign-in', () => {
  test('never promotes a session id chosen by the client (session fixation)', async ({ api }) => {
    const { email } = await registerShopper(api);
    const planted = randomBytes(32).toString('base64url');
    const signedIn = await loginWithCookie(api, email, planted);
    expect(signedIn.cookie).toBeTruthy();
    expect(signedIn.cookie).not.toBe(planted);
    expect(signedIn.cookie).toBe(signedIn.token);
    expect(await viewerOfCookie(api, planted)).toBeNull();
    expect(await viewerOfCookie(api, signedIn.cookie!)).toBe(email);
  });

  test('issues a new session id and revokes the one the request’s cookie named', async ({ api }) => {
    const first = await registerShopper(api);
    const second = await registerShopper(api);
    const a = await loginWithCookie(api, first.email);
    // The same browser signs in again, as someone else: the earlier session is over, not carried along.
    const b = await loginWithCookie(api, second.email, a.cookie!);
    expect(b.cookie).not.toBe(a.cookie);
    expect(await viewerOfCookie(api, a.cookie!)).toBeNull();
    expect(await viewerOfCookie(api, b.cookie!)).toBe(second.email);
    // Signing in again as the same account rotates too.
    const c = await loginWithCookie(api, second.email, b.cookie!);
    expect(c.cookie).not.toBe(b.cookie);
    expect(await viewerOfCookie(api, b.cookie!)).toBeNull();
    expect(await viewerOfCookie(api, c.cookie!)).toBe(second.email);
  });

  test('a bearer client signing in again gets a new token and keeps the one it holds', async ({ api }) => {
    const { email, token: first } = await registerShopper(api);
    const res = await api.gql(
      LOGIN,
      { input: { email, password: GOOD_PASSWORD } },
      { token: first, headers: fromOwnAddress() },
    );
    const second = res.data.login.token as string;
    expect(second).not.toBe(first);
    // Several tokens are the client's own choice (a script, a second app): nothing was planted on it.
    expect(await viewerOfToken(api, first)).toBe(email);
    expect(await viewerOfToken(api, second)).toBe(email);
  });

  test('sets the cookie HttpOnly and SameSite', async ({ api }) => {
    const { email } = await registerShopper(api);
    const res = await api.gql(
      LOGIN,
      { input: { email, password: GOOD_PASSWORD } },
      { headers: fromOwnAddress() },
    );
    const line = res.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  });
});

describe('guest cart token', () => {
  test('is not promoted at sign-in: its cart becomes the account’s and the token opens nothing any more', async ({
    api,
  }) => {
    const { email } = await registerShopper(api);
    const [row] = await api.sql<{ id: number }>(
      `select v.id from product_variant v join product p on p.id = v.product_id
       where p.status = 'PUBLISHED' and (v.stock is null or v.stock > 5) order by v.id limit 1`,
    );
    const variantId = Buffer.from(`ProductVariant:${row!.id}`).toString('base64url');
    const added = await api.gql(
      `mutation ($input: AddToCartInput!) { addToCart(input: $input) { cart { token totalQuantity } userErrors { code } } }`,
      { input: { variantId, quantity: 2 } },
    );
    expect(added.data.addToCart.userErrors).toEqual([]);
    const cartToken = added.data.addToCart.cart.token as string;
    const CART = 'query ($t: String) { cart(token: $t) { totalQuantity } }';
    expect((await api.gql(CART, { t: cartToken })).data.cart.totalQuantity).toBe(2);

    const res = await api.gql(
      LOGIN,
      { input: { email, password: GOOD_PASSWORD, cartToken } },
      { headers: fromOwnAddress() },
    );
    const token = res.data.login.token as string;
    expect((await api.gql(CART, {}, { token })).data.cart.totalQuantity).toBe(2);
    // Whoever else knows the guest token (a shared computer, a planted token) reaches nothing.
    expect((await api.gql(CART, { t: cartToken })).data.cart).toBeNull();
    const reuse = await api.gql(
      `mutation ($input: AddToCartInput!) { addToCart(input: $input) { cart { token totalQuantity } userErrors { code } } }`,
      { input: { variantId, quantity: 1, cartToken } },
    );
    expect(reuse.data.addToCart).toMatchObject({ cart: null, userErrors: [{ code: 'CART_NOT_FOUND' }] });
    expect((await api.gql(CART, {}, { token })).data.cart.totalQuantity).toBe(2);
  });
});

describe('logout', () => {
  test('revokes this session only; the account’s other sessions go on', async ({ api }) => {
    const { email, token: phone } = await registerShopper(api);
    const laptop = await loginWithCookie(api, email);
    const res = await api.gql(LOGOUT, {}, { cookie: `${SESSION_COOKIE}=${laptop.cookie}` });
    expect(res.data.logout.loggedOut).toBe(true);
    expect(sessionCookieOf(res.headers)).toBe('');
    expect(await viewerOfCookie(api, laptop.cookie!)).toBeNull();
    expect(await viewerOfToken(api, phone)).toBe(email);
    // A revoked token stays revoked: logging out with it again does nothing.
    expect(
      (await api.gql(LOGOUT, {}, { cookie: `${SESSION_COOKIE}=${laptop.cookie}` })).data.logout.loggedOut,
    ).toBe(false);
  });

  test('everywhere: revokes every session of the account and no one else’s', async ({ api }) => {
    const { email, token: phone } = await registerShopper(api);
    const laptop = await loginWithCookie(api, email);
    const tablet = await loginWithCookie(api, email);
    const bystander = await registerShopper(api);
    expect(await liveSessions(api, email)).toBe(3);
    const res = await api.gql(LOGOUT, { everywhere: true }, { token: tablet.token });
    expect(res.data.logout.loggedOut).toBe(true);
    expect(await liveSessions(api, email)).toBe(0);
    for (const token of [phone, laptop.token, tablet.token])
      expect(await viewerOfToken(api, token)).toBeNull();
    expect(await viewerOfToken(api, bystander.token)).toBe(bystander.email);
  });

  test('for a guest changes nothing', async ({ api }) => {
    const before = await api.sql('select id, revoked_at from session order by id');
    expect((await api.gql(LOGOUT, { everywhere: true })).data.logout.loggedOut).toBe(false);
    expect(await api.sql('select id, revoked_at from session order by id')).toEqual(before);
  });
});

describe('password change and reset', () => {
  test('a password change revokes every session and rotates this client’s: new cookie and token', async ({
    api,
  }) => {
    const { email, token: current } = await registerShopper(api);
    const others = [await loginWithCookie(api, email), await loginWithCookie(api, email)];
    const res = await api.gql(
      CHANGE,
      { current: GOOD_PASSWORD, next: 'a different long passphrase' },
      { token: current },
    );
    expect(res.data.changePassword.userErrors).toEqual([]);
    const rotated = res.data.changePassword.token as string;
    expect(sessionCookieOf(res.headers)).toBe(rotated);
    expect(rotated).not.toBe(current);
    for (const other of others) expect(await viewerOfCookie(api, other.cookie!)).toBeNull();
    expect(await viewerOfToken(api, current)).toBeNull();
    expect(await viewerOfToken(api, rotated)).toBe(email);
    expect(await liveSessions(api, email)).toBe(1);
  });

  test('a refused password change keeps every session', async ({ api }) => {
    const { email, token: current } = await registerShopper(api);
    const other = await loginWithCookie(api, email);
    const res = await api.gql(
      CHANGE,
      { current: 'not the password at all', next: 'a different long passphrase' },
      { token: current },
    );
    expect(res.data.changePassword).toMatchObject({ token: null, userErrors: [{ code: 'WRONG_PASSWORD' }] });
    expect(sessionCookieOf(res.headers)).toBeNull();
    expect(await viewerOfToken(api, current)).toBe(email);
    expect(await viewerOfCookie(api, other.cookie!)).toBe(email);
  });

  test('an unknown or forged token is a guest, never an error', async ({ api }) => {
    for (const cookie of ['', 'x', 'a'.repeat(500), uniqueEmail(), '%00%ff']) {
      const res = await api.gql(VIEWER, {}, { cookie: `${SESSION_COOKIE}=${cookie}` });
      expect(res.status).toBe(200);
      expect(res.data.viewer).toBeNull();
    }
  });
});

import { describe, expect, test } from '../../../test/fixtures.js';
import { DEMO_PASSWORD } from '../seed/seeder.js';

const LOGIN = `
  mutation ($input: LoginInput!) {
    login(input: $input) { token viewer { email role displayName } userErrors { code field message } }
  }`;

describe('login', () => {
  test('signs in a seeded account, sets an HttpOnly cookie and returns a bearer token', async ({ api }) => {
    const res = await api.gql(LOGIN, { input: { email: ' Admin@Example.com ', password: DEMO_PASSWORD } });
    expect(res.data.login.userErrors).toEqual([]);
    expect(res.data.login.viewer).toMatchObject({ email: 'admin@example.com', role: 'ADMIN' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mp_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const viaCookie = await api.gql('{ viewer { email } }', {}, { cookie: cookie.split(';')[0]! });
    expect(viaCookie.data.viewer.email).toBe('admin@example.com');
    const viaBearer = await api.gql('{ viewer { email } }', {}, { token: res.data.login.token });
    expect(viaBearer.data.viewer.email).toBe('admin@example.com');
    // Only a hash of the token is stored.
    const rows = await api.sql('select token_hash from session');
    expect(rows.map((r) => r.token_hash)).not.toContain(res.data.login.token);
  });

  test('fails identically for an unknown email and a wrong password', async ({ api }) => {
    const unknown = await api.gql(LOGIN, { input: { email: 'nobody@example.com', password: DEMO_PASSWORD } });
    const wrong = await api.gql(LOGIN, {
      input: { email: 'shopper@example.com', password: 'wrong-password' },
    });
    expect(unknown.data.login).toEqual(wrong.data.login);
    expect(wrong.data.login).toMatchObject({
      token: null,
      viewer: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS' }],
    });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  test('a disabled account cannot sign in', async ({ api }) => {
    await api.sql(`update user_account set status = 'DISABLED' where email = 'shopper2@example.com'`);
    const res = await api.gql(LOGIN, { input: { email: 'shopper2@example.com', password: DEMO_PASSWORD } });
    expect(res.data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    await api.sql(`update user_account set status = 'ACTIVE' where email = 'shopper2@example.com'`);
  });

  test('logout ends the session on the server', async ({ api, login }) => {
    const token = await login('support@example.com');
    const out = await api.gql('mutation { logout { loggedOut } }', {}, { token });
    expect(out.data.logout.loggedOut).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/mp_session=;/);
    const after = await api.gql('{ viewer { email } }', {}, { token });
    expect(after.data.viewer).toBeNull();
  });

  test('merges the guest cart into the account cart at login', async ({ api }) => {
    const [v] = await api.sql(`select id from product_variant where stock >= 10 order by id limit 2`);
    const variantId = Buffer.from(`ProductVariant:${v.id}`).toString('base64url');
    const guest = await api.gql(
      'mutation ($i: AddToCartInput!) { addToCart(input: $i) { cart { token } } }',
      { i: { variantId, quantity: 2 } },
    );
    const cartToken = guest.data.addToCart.cart.token;
    const res = await api.gql(LOGIN, {
      input: { email: 'shopper@example.com', password: DEMO_PASSWORD, cartToken },
    });
    const cart = await api.gql(
      '{ cart { totalQuantity lines { quantity } } }',
      {},
      { token: res.data.login.token },
    );
    expect(cart.data.cart.totalQuantity).toBeGreaterThanOrEqual(2);
    const gone = await api.gql('query ($t: String) { cart(token: $t) { id } }', { t: cartToken });
    expect(gone.data.cart).toBeNull();
  });

  test('remembers the preferred language per account; guests are told to sign in', async ({ api, login }) => {
    const token = await login('shopper@example.com');
    const set = await api.gql(
      'mutation { setPreferredLocale(locale: ZH_TW) { viewer { locale } userErrors { code } } }',
      {},
      { token },
    );
    expect(set.data.setPreferredLocale.viewer.locale).toBe('ZH_TW');
    // Localized fields now default to the account's language.
    const [p] = await api.sql('select handle, title_zh from product order by id limit 1');
    const res = await api.gql(
      'query ($h: String) { product(handle: $h) { title } }',
      { h: p.handle },
      { token },
    );
    expect(res.data.product.title).toBe(p.title_zh);
    await api.gql('mutation { setPreferredLocale(locale: EN) { userErrors { code } } }', {}, { token });

    const guest = await api.gql('mutation { setPreferredLocale(locale: EN) { userErrors { code } } }');
    expect(guest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

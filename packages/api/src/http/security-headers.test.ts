import { inject } from 'vitest';
import { describe, expect, test } from '../../test/fixtures.js';
import { startTestApi, type TestApi } from '../../test/harness.js';
import { DEMO_PASSWORD } from '../modules/seed/seeder.js';
import { API_CSP, HSTS, MEDIA_CSP, parseTrustProxy, sessionCookieAttributes } from './security-headers.js';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The session cookie a login answers with, over plain HTTP or as if a TLS proxy forwarded it. */
async function loginCookie(api: TestApi, headers: Record<string, string> = {}) {
  const res = await api.gql(
    LOGIN,
    { input: { email: 'shopper@example.com', password: DEMO_PASSWORD } },
    { headers },
  );
  expect(res.data.login.token).toBeTruthy();
  return {
    setCookie: res.headers.get('set-cookie') ?? '',
    hsts: res.headers.get('strict-transport-security'),
  };
}

function expectApiHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toBe(API_CSP);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
}

describe('API security headers', () => {
  test('every kind of API answer forbids framing, sniffing and scripts; no HSTS over plain HTTP', async ({
    api,
  }) => {
    const answers = await Promise.all([
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
      fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      }),
      fetch(`${api.url}/health`),
      fetch(`${api.url}/no-such-path`),
      fetch(`${api.url}/media/products/no-such-file.png`),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 404]);
    for (const res of answers) {
      if (res.url.includes('/media/')) continue;
      expectApiHeaders(res);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  test('behind a TLS proxy (X-Forwarded-Proto from a trusted peer): HSTS and a Secure session cookie', async ({
    api,
  }) => {
    const plain = await loginCookie(api);
    expect(plain.hsts).toBeNull();
    expect(plain.setCookie).toMatch(/HttpOnly/i);
    expect(plain.setCookie).toMatch(/SameSite=Lax/i);
    expect(plain.setCookie).not.toMatch(/;\s*Secure/i);

    const tls = await loginCookie(api, { 'x-forwarded-proto': 'https' });
    expect(tls.hsts).toBe(HSTS);
    expect(tls.setCookie).toMatch(/HttpOnly/i);
    expect(tls.setCookie).toMatch(/SameSite=Lax/i);
    expect(tls.setCookie).toMatch(/;\s*Secure/i);

    // Logging out clears the cookie with the same attributes (a Secure cookie is only cleared by a Secure one).
    const token = (await api.gql(LOGIN, { input: { email: 'shopper@example.com', password: DEMO_PASSWORD } }))
      .data.login.token;
    const logout = await api.gql(
      'mutation { logout { loggedOut } }',
      {},
      { token, headers: { 'x-forwarded-proto': 'https' } },
    );
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0.*HttpOnly.*Secure.*SameSite=Lax/i);
  });

  test('TRUST_PROXY=false: a client cannot claim TLS with X-Forwarded-Proto', async () => {
    const api = await startTestApi(inject('testDb'), { trustProxy: false });
    try {
      const spoofed = await loginCookie(api, { 'x-forwarded-proto': 'https' });
      expect(spoofed.hsts).toBeNull();
      expect(spoofed.setCookie).not.toMatch(/;\s*Secure/i);
    } finally {
      await api.stop();
    }
  });

  test('TRUST_PROXY parsing and the production cookie (always Secure)', () => {
    expect(parseTrustProxy(undefined)).toBe('loopback');
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, loopback')).toBe('10.0.0.0/8, loopback');
    const plainRequest = { secure: false } as Parameters<typeof sessionCookieAttributes>[0];
    expect(sessionCookieAttributes(plainRequest, 'production')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
    });
    expect(sessionCookieAttributes(plainRequest, 'development').secure).toBe(false);
  });
});

describe('/media', () => {
  async function upload(api: TestApi, token: string): Promise<string> {
    const res = await fetch(`${api.url}/media/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { uploadId: string }).uploadId;
  }

  test('uploaded files are served sandboxed, without sniffing', async ({ api, login }) => {
    const [merchant] = await api.sql<{ handle: string }>('select handle from merchant order by id limit 1');
    const staff = await login(`staff@${merchant?.handle}.example.com`);
    const uploadId = await upload(api, staff);
    const res = await fetch(`${api.url}/media/products/${uploadId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-security-policy')).toBe(MEDIA_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });
});

import { inject } from 'vitest';
import { describe, expect, test } from './fixtures.js';
import { testConfig } from './database.js';
import { startTestApi } from './harness.js';

const PREFLIGHT = { 'apollo-require-preflight': 'true' };

function getUrl(base: string, query: string, variables?: Record<string, unknown>) {
  const u = new URL(`${base}/graphql`);
  u.searchParams.set('query', query);
  if (variables) u.searchParams.set('variables', JSON.stringify(variables));
  return u;
}

describe('HTTP behaviour', () => {
  test('anonymous GET queries of public catalog data are publicly cacheable', async ({ api }) => {
    const res = await fetch(getUrl(api.url, '{ categories { handle } }'), { headers: PREFLIGHT });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { categories: { handle: string }[] } };
    expect(body.data.categories.length).toBeGreaterThan(0);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('vary')).toMatch(/Accept-Language/);
  });

  test('GET queries with a viewer are private, other anonymous ones are not stored', async ({
    api,
    login,
  }) => {
    const token = await login('shopper@example.com');
    const withKey = await fetch(getUrl(api.url, '{ categories { handle } }'), {
      headers: { ...PREFLIGHT, authorization: `Bearer ${token}` },
    });
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get('cache-control')).toBe('private, no-store');

    const withCookie = await fetch(getUrl(api.url, '{ categories { handle } }'), {
      headers: { ...PREFLIGHT, cookie: 'something=1' },
    });
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store');

    const mixed = await fetch(getUrl(api.url, '{ categories { handle } viewer { email } }'), {
      headers: PREFLIGHT,
    });
    expect(mixed.status).toBe(200);
    expect(mixed.headers.get('cache-control')).toBe('no-store');

    const post = await api.gql('{ categories { handle } }');
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
  });

  test('mutations are refused over GET and change nothing', async ({ api }) => {
    const before = await api.sql('select count(*)::int as n from session');
    const res = await fetch(
      getUrl(
        api.url,
        'mutation { login(input: { email: "shopper@example.com", password: "demo-pass-2026" }) { token } }',
      ),
      { headers: PREFLIGHT },
    );
    expect(res.status).toBe(405);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await api.sql('select count(*)::int as n from session')).toEqual(before);
  });

  test('CSRF prevention: a GET without a preflight-forcing header is refused', async ({ api }) => {
    const res = await fetch(getUrl(api.url, '{ categories { handle } }'));
    expect(res.status).toBe(400);
  });

  test('responses are compressed when the client accepts it', async ({ api }) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ __schema { types { name description } } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = (await res.json()) as { data: { __schema: { types: unknown[] } } };
    expect(body.data.__schema.types.length).toBeGreaterThan(50);
  });

  test('CORS: configured origins get credentials, others nothing', async ({ api }) => {
    const allowed = testConfig({}).corsOrigins[0] as string;
    const pre = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: allowed,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/content-type/);

    const evil = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();

    const res = await api.gql(
      '{ categories { handle } }',
      {},
      { headers: { origin: 'https://evil.example' } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('GraphiQL is served from the API itself, with no external URLs and a strict CSP', async ({ api }) => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    for (const src of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const asset = await fetch(`${api.url}${src[1]}`);
      expect(asset.status, src[1]).toBe(200);
      expect((await asset.text()).length).toBeGreaterThan(10);
    }
  });

  test('with GraphiQL and introspection off, no page is served and introspection is refused', async () => {
    const api = await startTestApi(inject('testDb'), { graphiqlEnabled: false, introspectionEnabled: false });
    try {
      const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      const asset = await fetch(`${api.url}/graphiql/assets/graphiql.js`);
      expect(asset.status).toBe(404);
      const res = await api.gql('{ __schema { queryType { name } } }');
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const ok = await api.gql('{ categories { handle } }');
      expect(ok.data.categories.length).toBeGreaterThan(0);
    } finally {
      await api.stop();
    }
  });
});

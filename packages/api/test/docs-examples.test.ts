// Runs the worked examples of docs/api.md against the real server: the TypeScript client in
// docs/examples/marketplace-client.ts (typechecked with the API's tests) and the curl requests' equivalents.
import {
  allProducts,
  createClient,
  login,
  MarketplaceApiError,
  whoAmI,
} from '../../../docs/examples/marketplace-client.js';
import { DEMO_PASSWORD } from '../src/modules/seed/seeder.js';
import { describe, expect, test } from './fixtures.js';

describe('docs/api.md worked examples', () => {
  test('the TypeScript client pages through products, signs in and reads the viewer', async ({ api }) => {
    const anonymous = createClient({ baseUrl: api.url });
    const products = [];
    for await (const p of allProducts(anonymous, 3)) products.push(p);
    const all = await api.gql<{ products: { edges: { node: { id: string } }[] } }>(
      '{ products(first: 100) { edges { node { id } } } }',
    );
    expect(products.map((p) => p.id)).toEqual(all.data.products.edges.map((e) => e.node.id));
    expect(products.length).toBeGreaterThan(3);
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    expect(products[0]?.priceRange.minVariantPrice.amount).toMatch(/^\d+\.\d{2}$/);
    expect(await whoAmI(anonymous)).toBeNull();

    const refused = await login(anonymous, 'shopper@example.com', 'wrong-password');
    expect(refused).toEqual({
      token: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_CREDENTIALS' })],
    });
    const { token } = await login(anonymous, 'shopper@example.com', DEMO_PASSWORD);
    expect(token).toEqual(expect.any(String));
    const shopper = createClient({ baseUrl: api.url, token: token ?? '' });
    expect(await whoAmI(shopper)).toEqual({ email: 'shopper@example.com', role: 'SHOPPER' });

    // A shopper asking for staff data gets a top-level FORBIDDEN, thrown by the client.
    const denied = await shopper.request('{ staffOrders(first: 1) { edges { cursor } } }').catch((e) => e);
    expect(denied).toBeInstanceOf(MarketplaceApiError);
    expect((denied as MarketplaceApiError).code).toBe('FORBIDDEN');
  });

  test('the curl examples: POST with a key, cacheable GET, CSRF header required for GET', async ({ api }) => {
    // curl -X POST $API/graphql -H 'content-type: application/json' -d '{"query":"{ categories { handle } }"}'
    const post = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ categories { handle } }' }),
    });
    expect(post.status).toBe(200);
    const body = (await post.json()) as { data: { categories: unknown[] }; extensions?: { cost?: unknown } };
    expect(body.data.categories.length).toBeGreaterThan(0);

    // curl -G $API/graphql -H 'apollo-require-preflight: true' --data-urlencode 'query={ categories { handle } }'
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ categories { handle } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);

    // An unknown API key is refused with 401 and UNAUTHENTICATED, never treated as a guest.
    const badKey = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer mk_live_nope' },
      body: JSON.stringify({ query: '{ viewer { email } }' }),
    });
    expect(badKey.status).toBe(401);
    const badKeyBody = (await badKey.json()) as { errors: { extensions: { code: string } }[] };
    expect(badKeyBody.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});

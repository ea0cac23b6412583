import { inject } from 'vitest';
import { testConfig } from '../../../test/database.js';
import { describe, expect, test } from '../../../test/fixtures.js';
import { startTestApi, type TestApi } from '../../../test/harness.js';
import { createLogger } from '../../logger.js';
import { startPlatform } from '../../platform.js';

const ADD_TO_CART = 'addToCart(input: { variantId: $variantId }) { cart { id } userErrors { code } }';

async function someVariantId(api: TestApi): Promise<string> {
  const res = await api.gql<{ products: { nodes: { variants: { id: string }[] }[] } }>(
    '{ products(first: 5) { nodes { variants { id } } } }',
  );
  const id = res.data.products.nodes.flatMap((p) => p.variants)[0]?.id;
  if (!id) throw new Error('no variant in the seed');
  return id;
}

const cartCount = async (api: TestApi) =>
  (await api.sql('select count(*)::int as n from cart'))[0].n as number;

function deepSelection(levels: number): string {
  // addToCart → cart → lines → variant → product, then variants/product alternate.
  let inner = 'id';
  for (let i = 0; i < levels; i += 1) inner = i % 2 === 0 ? `variants { ${inner} }` : `product { ${inner} }`;
  return `addToCart(input: { variantId: $variantId }) { cart { lines { variant { product { ${inner} } } } } }`;
}

describe('document limits (refused before anything executes)', () => {
  test('documents over depth, aliases, tokens and cost are refused with their codes and change nothing', async ({
    api,
  }) => {
    const variantId = await someVariantId(api);
    const before = await cartCount(api);

    // depth: addToCart(1) cart(2) lines(3) variant(4) product(5) + 8 levels = 13 > 12
    const deep = await api.gql(`mutation ($variantId: ID!) { ${deepSelection(7)} }`, { variantId });
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(deep.data ?? null).toBeNull();

    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    const aliased = await api.gql(`mutation ($variantId: ID!) { ${ADD_TO_CART} ${aliases} }`, { variantId });
    expect(aliased.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');

    const padding = Array.from({ length: 5001 }, () => '__typename').join(' ');
    const long = await api.gql(`mutation ($variantId: ID!) { ${ADD_TO_CART} ${padding} }`, { variantId });
    expect(long.status).toBe(400);
    expect(long.errors?.[0]?.extensions?.code).toBe('TOO_MANY_TOKENS');

    // 25 × (1 + 100 reviews × 1) + addToCart's own 10 + … > 2000 (the default maximum cost)
    const reviews = Array.from({ length: 25 }, (_, i) => `r${i}: reviews(first: 100) { nodes { id } }`).join(
      ' ',
    );
    const costly = await api.gql(
      `mutation ($variantId: ID!) { addToCart(input: { variantId: $variantId }) { cart { lines { variant { product { ${reviews} } } } } } }`,
      { variantId },
    );
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((costly as { errors: unknown[] }).errors).toHaveLength(1);

    expect(await cartCount(api)).toBe(before);

    // The same mutation within the limits does run (so the refusals above are what stopped it).
    const ok = await api.gql(`mutation ($variantId: ID!) { ${deepSelection(5)} }`, { variantId });
    expect(ok.errors).toBeUndefined();
    expect(await cartCount(api)).toBe(before + 1);
  });

  test('every response carries extensions.cost, refused ones included', async ({ api }) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ products(first: 10) { nodes { id } } }' }),
    });
    const body = (await res.json()) as { extensions: { cost: Record<string, unknown> } };
    expect(body.extensions.cost).toMatchObject({
      requestedQueryCost: 11, // the connection (1) + 10 products (1 each); ids are free
      actualQueryCost: 11,
      throttleStatus: { maximumAvailable: expect.any(Number), currentlyAvailable: expect.any(Number) },
    });
    const bad = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ products(first: 10) { nodes { nope } } }' }),
    });
    const badBody = (await bad.json()) as { extensions: { cost: Record<string, unknown> } };
    expect(badBody.extensions.cost).toMatchObject({ requestedQueryCost: 0, actualQueryCost: null });
  });
});

describe('throttle identity', () => {
  test('an API key, a signed-in user and an anonymous address each spend their own budget', async ({
    api,
    login,
  }) => {
    const token = await login('admin@example.com');
    const created = await api.gql(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code } } }',
      { input: { name: 'limits test', scopes: ['CATALOG_READ'] } },
      { token },
    );
    expect(created.data.createApiKey.userErrors).toEqual([]);
    const secret = created.data.createApiKey.secret as string;
    const query = '{ products(first: 3) { nodes { id } } }'; // cost 4
    await api.sql('delete from rate_budget');
    expect((await api.gql(query, {}, { token: secret })).errors).toBeUndefined();
    expect((await api.gql(query, {}, { token })).errors).toBeUndefined();
    expect((await api.gql(query)).errors).toBeUndefined();
    const [key] = await api.sql<{ id: number }>(`select id from api_key where name = 'limits test'`);
    const [admin] = await api.sql<{ id: number }>(
      `select id from user_account where email = 'admin@example.com'`,
    );
    const rows = await api.sql<{ key: string }>('select key from rate_budget order by key');
    expect(rows.map((r) => r.key)).toEqual(
      expect.arrayContaining([`key:${key?.id}`, `user:${admin?.id}`, expect.stringMatching(/^ip:/)]),
    );
    expect(rows).toHaveLength(3);
  });

  test('buckets live in an unlogged table (issue 8): spending does not wait for a WAL flush', async ({
    api,
  }) => {
    const [table] = await api.sql<{ persistence: string }>(
      `select relpersistence as persistence from pg_class where oid = 'rate_budget'::regclass`,
    );
    expect(table?.persistence).toBe('u');
  });
});

describe('attempts inside one document', () => {
  const loginFields = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `l${i}: login(input: { email: "shopper@example.com", password: "wrong-${i}" }) { token userErrors { code } }`,
    ).join(' ');

  test('50 aliased login fields are refused up front and no attempt is made', async ({ api }) => {
    const res = await api.gql(`mutation { ${loginFields(50)} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPT_FIELDS');
    const two = await api.gql(`mutation { ${loginFields(2)} }`);
    expect(two.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPT_FIELDS');
    const [row] = await api.sql(
      `select count(*)::int as n from login_attempt where email = 'shopper@example.com'`,
    );
    expect(row.n).toBe(0);
  });

  test('batched HTTP requests (arrays) are not accepted, so they cannot multiply attempts either', async ({
    api,
  }) => {
    const one = { query: `mutation { ${loginFields(1)} }` };
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 10 }, () => one)),
    });
    expect(res.status).toBe(400);
    const [row] = await api.sql(
      `select count(*)::int as n from login_attempt where email = 'shopper@example.com'`,
    );
    expect(row.n).toBe(0);
  });

  test('with the per-document cap raised, 50 aliased logins count as 50 attempts', async () => {
    const base = testConfig({});
    const relaxed = await startTestApi(inject('testDb'), {
      graphqlLimits: { ...base.graphqlLimits, maxAliases: 100, attemptFieldsPerDocument: 100 },
    });
    try {
      const res = await relaxed.gql<Record<string, { token: string | null; userErrors: { code: string }[] }>>(
        `mutation { ${loginFields(50)} }`,
      );
      expect(res.errors).toBeUndefined();
      const codes = Object.values(res.data).map((r) => r.userErrors[0]?.code);
      // The account allows 5 failed attempts per window: the 6th to 50th fields are refused.
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
      expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(45);
      expect(Object.values(res.data).every((r) => r.token === null)).toBe(true);
      const [row] = await relaxed.sql(
        `select count(*)::int as n from login_attempt where email = 'shopper@example.com'`,
      );
      expect(row.n).toBe(5);
    } finally {
      await relaxed.stop();
    }
  });
});

describe('query budget (leaky bucket in PostgreSQL)', () => {
  const QUERY = '{ products(first: 10) { nodes { id } } }'; // cost 11

  async function post(url: string, query: string, variables?: Record<string, unknown>) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as {
      data?: unknown;
      errors?: { extensions: Record<string, unknown> }[];
      extensions: {
        cost: {
          requestedQueryCost: number;
          throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
        };
      };
    };
    return { status: res.status, headers: res.headers, body };
  }

  test('the budget decreases, then THROTTLED with a retry time; two instances share one budget', async () => {
    const base = testConfig({});
    // 60 points, restored at 0.5 point per second: 5 queries of 11 points, then throttled for a while.
    const limits = { ...base.graphqlLimits, budget: { maximumAvailable: 60, restoreRate: 0.5 } };
    const a = await startTestApi(inject('testDb'), { graphqlLimits: limits });
    const db = (await a.sql<{ db: string }>('select current_database() as db'))[0]?.db;
    const b = await startPlatform(
      testConfig({
        databaseUrl: inject('testDb').baseUrl + db,
        mediaDir: inject('testDb').mediaDir,
        seedDemoData: false,
        jobsEnabled: false,
        port: 0,
        host: '127.0.0.1',
        graphqlLimits: limits,
      }),
      createLogger('silent'),
    );
    const bUrl = `http://127.0.0.1:${b.port}`;
    try {
      const variantId = await (async () => {
        const r = await post(bUrl, '{ products(first: 1) { nodes { variants { id } } } }'); // cost 2
        return (r.body.data as { products: { nodes: { variants: { id: string }[] }[] } }).products.nodes[0]
          ?.variants[0]?.id;
      })();
      const first = await post(a.url, QUERY);
      expect(first.status).toBe(200);
      expect(first.body.extensions.cost.requestedQueryCost).toBe(11);
      const levels = [first.body.extensions.cost.throttleStatus.currentlyAvailable];
      expect(levels[0]).toBeLessThanOrEqual(60 - 2 - 11 + 1);
      expect(first.body.extensions.cost.throttleStatus).toMatchObject({
        maximumAvailable: 60,
        restoreRate: 0.5,
      });

      // Alternate instances: each sees what the other spent.
      for (const url of [bUrl, a.url, bUrl]) {
        const r = await post(url, QUERY);
        expect(r.status).toBe(200);
        levels.push(r.body.extensions.cost.throttleStatus.currentlyAvailable);
      }
      for (let i = 1; i < levels.length; i += 1) {
        expect(levels[i]).toBeLessThan(levels[i - 1] as number);
        expect(levels[i]).toBeLessThanOrEqual((levels[i - 1] as number) - 11 + 2);
      }
      // About 60 - 2 - 44 ≈ 14 left: a 11-point query may still pass once, then the budget is spent.
      let throttled: Awaited<ReturnType<typeof post>> | null = null;
      for (let i = 0; i < 3 && !throttled; i += 1) {
        const r = await post(i % 2 === 0 ? a.url : bUrl, QUERY);
        if (r.body.errors?.[0]?.extensions.code === 'THROTTLED') throttled = r;
      }
      expect(throttled).not.toBeNull();
      expect(throttled?.status).toBe(429);
      expect(throttled?.body.data ?? null).toBeNull();
      const retry = throttled?.body.errors?.[0]?.extensions.retryAfterSeconds as number;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(22); // 11 points at 0.5 per second
      expect(Number(throttled?.headers.get('retry-after'))).toBe(retry);

      // Over budget, a mutation is not executed on either instance.
      const carts = await cartCount(a);
      const mutation = await post(bUrl, `mutation ($variantId: ID!) { ${ADD_TO_CART} }`, { variantId });
      expect(mutation.body.errors?.[0]?.extensions.code).toBe('THROTTLED');
      expect(await cartCount(a)).toBe(carts);

      // One bucket row for the client address, shared by both instances.
      const rows = await a.sql<{ key: string }>('select key from rate_budget');
      expect(rows).toHaveLength(1);
      expect(rows[0]?.key).toMatch(/^ip:/);
    } finally {
      await b.stop();
      await a.stop();
    }
  });

  test('concurrent requests through two instances never overspend the shared budget', async () => {
    const base = testConfig({});
    const limits = { ...base.graphqlLimits, budget: { maximumAvailable: 55, restoreRate: 0.01 } };
    const a = await startTestApi(inject('testDb'), { graphqlLimits: limits });
    const db = (await a.sql<{ db: string }>('select current_database() as db'))[0]?.db;
    const b = await startPlatform(
      testConfig({
        databaseUrl: inject('testDb').baseUrl + db,
        mediaDir: inject('testDb').mediaDir,
        seedDemoData: false,
        jobsEnabled: false,
        port: 0,
        host: '127.0.0.1',
        graphqlLimits: limits,
      }),
      createLogger('silent'),
    );
    try {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => post(i % 2 === 0 ? a.url : `http://127.0.0.1:${b.port}`, QUERY)),
      );
      const ok = results.filter((r) => r.status === 200).length;
      const throttled = results.filter((r) => r.body.errors?.[0]?.extensions.code === 'THROTTLED').length;
      expect(ok).toBe(5); // 5 × 11 = 55
      expect(throttled).toBe(7);
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});

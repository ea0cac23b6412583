import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { toGlobalId } from '../../graphql/relay.js';
import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { addToCart, newShopper, submit, variant } from '../checkout/checkout.test-support.js';

const OWNER_A = 'staff@formosa-roasters.example.com';
const OWNER_B = 'staff@lane-nine-design.example.com';
const ADMIN = 'admin@example.com';

const CREATE = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix scopes state merchantId lastUsedAt } userErrors { code field message } }
}`;
const REVOKE = `mutation ($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id state revokedAt } userErrors { code } } }`;
const LIST = `query ($filter: ApiKeysFilter) { apiKeys(first: 50, filter: $filter) { totalCount nodes { id name merchantId state } } }`;
const STAFF_ORDERS = '{ staffOrders(first: 5) { totalCount nodes { id number } } }';

async function createKey(
  api: TestApi,
  token: string,
  scopes: string[],
  name = 'ERP sync',
): Promise<{ secret: string; id: string }> {
  const res = await api.gql(CREATE, { input: { name, scopes } }, { token });
  expect(res.errors).toBeUndefined();
  expect(res.data.createApiKey.userErrors).toEqual([]);
  return { secret: res.data.createApiKey.secret, id: res.data.createApiKey.apiKey.id };
}

async function storeId(api: TestApi, handle: string): Promise<number> {
  const [row] = await api.sql<{ id: number }>('select id from merchant where handle = $1', [handle]);
  return row!.id;
}

/** A shopper's order in a store (the seed has none). */
async function orderIn(api: TestApi, handle = 'formosa-roasters'): Promise<void> {
  const [row] = await api.sql<{ sku: string }>(
    `select v.sku from product_variant v join product p on p.id = v.product_id join merchant m on m.id = p.merchant_id
     where m.handle = $1 and p.status = 'PUBLISHED' and p.kind = 'GOODS' order by v.id limit 1`,
    [handle],
  );
  const v = await variant(api, row!.sku, { stock: 100 });
  const shopper = await newShopper(api);
  await addToCart(api, shopper.token, v);
  const r = await submit(api, shopper.token);
  expect(r.userErrors).toEqual([]);
}

function expectUnauthenticated(res: Awaited<ReturnType<TestApi['gql']>>, reason: string) {
  expect(res.status).toBe(401);
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
}

describe('API keys', () => {
  test('the secret is shown once and only its hash and a short prefix are stored', async ({ api, login }) => {
    const owner = await login(OWNER_A);
    const res = await api.gql(
      CREATE,
      { input: { name: ' ERP sync ', scopes: ['ORDERS_READ', 'CATALOG_READ'] } },
      { token: owner },
    );
    const { secret, apiKey, userErrors } = res.data.createApiKey;
    expect(userErrors).toEqual([]);
    expect(secret).toMatch(/^mk_live_[0-9A-Za-z]{43}$/);
    expect(apiKey).toMatchObject({
      name: 'ERP sync',
      prefix: secret.slice(0, 14),
      scopes: ['CATALOG_READ', 'ORDERS_READ'],
      state: 'ACTIVE',
      merchantId: toGlobalId('Merchant', await storeId(api, 'formosa-roasters')),
      lastUsedAt: null,
    });
    const rows = await api.sql('select * from api_key');
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret.slice(14));
    // The list never shows the secret again.
    const list = await api.gql(`{ apiKeys(first: 5) { nodes { prefix } } }`, {}, { token: owner });
    expect(JSON.stringify(list.data)).not.toContain(secret.slice(14));
  });

  test('bad input creates nothing', async ({ api, login }) => {
    const owner = await login(OWNER_A);
    const before = await api.sql('select count(*)::int as n from api_key');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '', scopes: ['ORDERS_READ'] }, 'INVALID_NAME'],
      [{ name: 'x'.repeat(121), scopes: ['ORDERS_READ'] }, 'INVALID_NAME'],
      [{ name: 'k', scopes: [] }, 'INVALID_SCOPES'],
      [{ name: 'k', scopes: ['ORDERS_READ'], expiresAt: '2020-01-01T00:00:00.000Z' }, 'INVALID_EXPIRY'],
    ];
    for (const [input, code] of cases) {
      const res = await api.gql(CREATE, { input }, { token: owner });
      expect(res.data.createApiKey).toMatchObject({ secret: null, apiKey: null, userErrors: [{ code }] });
    }
    expect(await api.sql('select count(*)::int as n from api_key')).toEqual(before);
  });

  test('orders:read decides whether a key reads orders; public reading needs no scope', async ({
    api,
    login,
  }) => {
    const owner = await login(OWNER_A);
    await orderIn(api);
    const withSession = await api.gql(STAFF_ORDERS, {}, { token: owner });
    expect(withSession.data.staffOrders.totalCount).toBeGreaterThan(0);
    const catalogOnly = await createKey(api, owner, ['CATALOG_READ']);
    const ordersKey = await createKey(api, owner, ['ORDERS_READ']);

    const refused = await api.gql(STAFF_ORDERS, {}, { token: catalogOnly.secret });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'API_KEY_SCOPE',
      requiredScope: 'orders:read',
    });
    const allowed = await api.gql(STAFF_ORDERS, {}, { token: ordersKey.secret });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.staffOrders).toEqual(withSession.data.staffOrders);

    // Refetching by id: public types need no scope; types without a scope (a store coupon) answer null to keys.
    const [coupon] = await api.sql<{ id: number }>(
      'select id from coupon where merchant_id = $1 order by id limit 1',
      [await storeId(api, 'formosa-roasters')],
    );
    const node = `query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`;
    expect(coupon, 'a coupon of store A in the seed').toBeDefined();
    {
      const couponId = toGlobalId('Coupon', coupon!.id);
      const bySession = await api.gql(node, { id: couponId }, { token: owner });
      expect(bySession.data.node).toEqual({ id: couponId });
      const byKey = await api.gql(node, { id: couponId }, { token: ordersKey.secret });
      expect(byKey.data).toEqual({ node: null, nodes: [null] });
    }
    const [product] = await api.sql<{ id: number }>(
      `select id from product where status = 'PUBLISHED' limit 1`,
    );
    const productId = toGlobalId('Product', product!.id);
    const productNode = await api.gql(node, { id: productId }, { token: catalogOnly.secret });
    expect(productNode.data).toEqual({ node: { id: productId }, nodes: [{ id: productId }] });

    // The public catalogue and the key's creator need no scope.
    const pub = await api.gql(
      '{ products(first: 1) { nodes { id } } viewer { email } }',
      {},
      { token: catalogOnly.secret },
    );
    expect(pub.errors).toBeUndefined();
    expect(pub.data.viewer.email).toBe(OWNER_A);
  });

  test('a key never grants more than its creator’s role', async ({ api, login }) => {
    // Merchant staff cannot list platform-staff data even with every scope: the role check still applies.
    const owner = await login(OWNER_A);
    const key = await createKey(api, owner, ['ORDERS_READ', 'FUNDS_READ']);
    const res = await api.gql('{ staffFundsOverview(first: 1) { totalCount } }', {}, { token: key.secret });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.extensions?.reason).not.toBe('API_KEY_SCOPE');
  });

  test('session-only operations are refused for keys, whatever their scopes', async ({ api, login }) => {
    const owner = await login(OWNER_A);
    const key = await createKey(api, owner, [
      'CATALOG_READ',
      'PRODUCTS_WRITE',
      'ORDERS_READ',
      'ORDERS_WRITE',
      'FUNDS_READ',
      'WEBHOOKS_MANAGE',
    ]);
    const before = await api.sql('select id, revoked_at from api_key order by id');
    const mint = await api.gql(
      CREATE,
      { input: { name: 'minted', scopes: ['ORDERS_READ'] } },
      { token: key.secret },
    );
    expect(mint.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'API_KEY_SCOPE',
      requiredScope: 'session',
    });
    const revoke = await api.gql(REVOKE, { id: key.id }, { token: key.secret });
    expect(revoke.errors?.[0]?.extensions?.reason).toBe('API_KEY_SCOPE');
    const list = await api.gql(LIST, {}, { token: key.secret });
    expect(list.errors?.[0]?.extensions?.reason).toBe('API_KEY_SCOPE');
    const pw = await api.gql(
      'mutation { changePassword(currentPassword: "demo-pass-2026", newPassword: "another-pass-2027") { userErrors { code } } }',
      {},
      { token: key.secret },
    );
    expect(pw.errors?.[0]?.extensions?.reason).toBe('API_KEY_SCOPE');
    const logout = await api.gql('mutation { logout { __typename } }', {}, { token: key.secret });
    expect(logout.errors?.[0]?.extensions?.reason).toBe('API_KEY_SCOPE');
    expect(await api.sql('select id, revoked_at from api_key order by id')).toEqual(before);
  });

  test('a revoked, expired or unknown key is 401 with no fallback to the cookie', async ({ api, login }) => {
    const owner = await login(OWNER_A);
    const key = await createKey(api, owner, ['ORDERS_READ']);
    expect((await api.gql(STAFF_ORDERS, {}, { token: key.secret })).status).toBe(200);

    // A key sent with a session cookie: the key is the principal.
    const shopper = await login('shopper@example.com');
    const both = await api.gql(
      '{ viewer { email } }',
      {},
      { token: key.secret, cookie: `mp_session=${shopper}` },
    );
    expect(both.data.viewer.email).toBe(OWNER_A);

    const revoked = await api.gql(REVOKE, { id: key.id }, { token: owner });
    expect(revoked.data.revokeApiKey).toMatchObject({ apiKey: { state: 'REVOKED' }, userErrors: [] });
    expectUnauthenticated(await api.gql(STAFF_ORDERS, {}, { token: key.secret }), 'API_KEY_REVOKED');
    expectUnauthenticated(
      await api.gql(
        '{ products(first: 1) { nodes { id } } }',
        {},
        { token: key.secret, cookie: `mp_session=${owner}` },
      ),
      'API_KEY_REVOKED',
    );
    const again = await api.gql(REVOKE, { id: key.id }, { token: owner });
    expect(again.data.revokeApiKey.userErrors).toEqual([{ code: 'ALREADY_REVOKED' }]);

    expectUnauthenticated(
      await api.gql(STAFF_ORDERS, {}, { token: `mk_live_${'A'.repeat(43)}` }),
      'API_KEY_INVALID',
    );

    const expiring = await createKey(api, owner, ['ORDERS_READ']);
    await api.sql(`update api_key set expires_at = now() - interval '1 second' where prefix = $1`, [
      expiring.secret.slice(0, 14),
    ]);
    expectUnauthenticated(await api.gql(STAFF_ORDERS, {}, { token: expiring.secret }), 'API_KEY_EXPIRED');
    const state = await api.gql(LIST, { filter: { state: 'EXPIRED' } }, { token: owner });
    expect(state.data.apiKeys.nodes.map((n: { id: string }) => n.id)).toEqual([expiring.id]);
  });

  test('a key follows its creator’s current standing and store', async ({ api, login }) => {
    const owner = await login(OWNER_A);
    const storeA = await storeId(api, 'formosa-roasters');
    const key = await createKey(api, owner, ['ORDERS_READ', 'PRODUCTS_WRITE']);
    const [product] = await api.sql<{ id: number }>(
      `select id from product where merchant_id = $1 and status = 'PUBLISHED' order by id limit 1`,
      [storeA],
    );
    const productId = toGlobalId('Product', product!.id);
    const unpublish = `mutation ($id: ID!) { unpublishProduct(productId: $id) { product { status } userErrors { code } } }`;

    // SAFE_FROZEN store: reading works, every change is refused, nothing changes.
    await api.sql(`update merchant set status = 'SAFE_FROZEN' where id = $1`, [storeA]);
    expect((await api.gql(STAFF_ORDERS, {}, { token: key.secret })).errors).toBeUndefined();
    const frozen = await api.gql(unpublish, { id: productId }, { token: key.secret });
    expect(frozen.data.unpublishProduct.product).toBeNull();
    expect(frozen.data.unpublishProduct.userErrors[0].code).toMatch(
      /ACCOUNT_RESTRICTED|MERCHANT_FROZEN|MERCHANT_RESTRICTED/,
    );
    expect(await api.sql('select status from product where id = $1', [product!.id])).toEqual([
      { status: 'PUBLISHED' },
    ]);

    // Active again: the same key may change the store's products.
    await api.sql(`update merchant set status = 'ACTIVE' where id = $1`, [storeA]);
    const ok = await api.gql(unpublish, { id: productId }, { token: key.secret });
    expect(ok.data.unpublishProduct).toMatchObject({ product: { status: 'DRAFT' }, userErrors: [] });

    // Creator disabled → refused; enabled again → works.
    await api.sql(`update user_account set status = 'DISABLED' where email = $1`, [OWNER_A]);
    expectUnauthenticated(await api.gql(STAFF_ORDERS, {}, { token: key.secret }), 'API_KEY_CREATOR_INACTIVE');
    await api.sql(`update user_account set status = 'ACTIVE' where email = $1`, [OWNER_A]);
    expect((await api.gql(STAFF_ORDERS, {}, { token: key.secret })).status).toBe(200);

    // Creator moved to another store → refused.
    const storeB = await storeId(api, 'lane-nine-design');
    await api.sql('update user_account set merchant_id = $1 where email = $2', [storeB, OWNER_A]);
    expectUnauthenticated(await api.gql(STAFF_ORDERS, {}, { token: key.secret }), 'API_KEY_CREATOR_CHANGED');
    await api.sql('update user_account set merchant_id = $1 where email = $2', [storeA, OWNER_A]);

    // Store deleted → refused entirely, even for public reading.
    await api.sql(`update merchant set status = 'DELETED' where id = $1`, [storeA]);
    try {
      expectUnauthenticated(
        await api.gql('{ products(first: 1) { nodes { id } } }', {}, { token: key.secret }),
        'API_KEY_STORE_DELETED',
      );
    } finally {
      await api.sql(`update merchant set status = 'ACTIVE' where id = $1`, [storeA]);
    }
  });

  test('last-used time is recorded at most once a minute', async ({ api, login }) => {
    const owner = await login(OWNER_A);
    const key = await createKey(api, owner, ['ORDERS_READ']);
    const lastUsed = async () =>
      (
        await api.sql<{ t: string | null }>('select last_used_at::text as t from api_key where prefix = $1', [
          key.secret.slice(0, 14),
        ])
      )[0]!.t;
    expect(await lastUsed()).toBeNull();
    await api.gql(STAFF_ORDERS, {}, { token: key.secret });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await api.gql(STAFF_ORDERS, {}, { token: key.secret });
    expect(await lastUsed()).toBe(first);
    await api.sql(`update api_key set last_used_at = now() - interval '2 minutes' where prefix = $1`, [
      key.secret.slice(0, 14),
    ]);
    const old = await lastUsed();
    await api.gql(STAFF_ORDERS, {}, { token: key.secret });
    expect(await lastUsed()).not.toBe(old);
    const listed = await api.gql('{ apiKeys(first: 5) { nodes { lastUsedAt } } }', {}, { token: owner });
    expect(listed.data.apiKeys.nodes[0].lastUsedAt).not.toBeNull();
  });

  test('stores see and revoke only their own keys; admins all; platform keys for admins', async ({
    api,
    login,
  }) => {
    await api.sql('delete from api_key');
    await orderIn(api, 'lane-nine-design');
    const [a, b, admin] = [await login(OWNER_A), await login(OWNER_B), await login(ADMIN)];
    const keyA = await createKey(api, a, ['ORDERS_READ'], 'A key');
    const keyB = await createKey(api, b, ['ORDERS_READ'], 'B key');
    const platform = await api.gql(
      CREATE,
      { input: { name: 'BI', scopes: ['ORDERS_READ'] } },
      { token: admin },
    );
    expect(platform.data.createApiKey.apiKey.merchantId).toBeNull();

    const ofA = await api.gql(LIST, {}, { token: a });
    expect(ofA.data.apiKeys.nodes.map((n: { name: string }) => n.name)).toEqual(['A key']);
    const all = await api.gql(LIST, {}, { token: admin });
    expect(all.data.apiKeys.totalCount).toBe(3);
    const onlyPlatform = await api.gql(LIST, { filter: { platformOnly: true } }, { token: admin });
    expect(onlyPlatform.data.apiKeys.nodes.map((n: { name: string }) => n.name)).toEqual(['BI']);

    const before = await api.sql('select id, revoked_at from api_key order by id');
    const cross = await api.gql(REVOKE, { id: keyB.id }, { token: a });
    expect(cross.data.revokeApiKey).toEqual({ apiKey: null, userErrors: [{ code: 'NOT_FOUND' }] });
    expect(await api.sql('select id, revoked_at from api_key order by id')).toEqual(before);

    // A platform key reads every store's orders (an admin's role), a store key only its store's.
    const platformOrders = await api.gql(STAFF_ORDERS, {}, { token: platform.data.createApiKey.secret });
    const storeOrders = await api.gql(STAFF_ORDERS, {}, { token: keyA.secret });
    expect(platformOrders.data.staffOrders.totalCount).toBeGreaterThan(
      storeOrders.data.staffOrders.totalCount,
    );

    const revoked = await api.gql(REVOKE, { id: keyB.id }, { token: admin });
    expect(revoked.data.revokeApiKey.userErrors).toEqual([]);

    // Shoppers and guests.
    const shopper = await login('shopper@example.com');
    expect(
      (await api.gql(CREATE, { input: { name: 'x', scopes: ['ORDERS_READ'] } }, { token: shopper }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(LIST, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('only the store owner creates keys; other staff of the store may list them', async ({
    api,
    login,
  }) => {
    const owner = await login(OWNER_A);
    await createKey(api, owner, ['ORDERS_READ']);
    const count = async () =>
      (await api.sql('select count(*)::int as n from api_key where merchant_id is not null'))[0].n;
    const before = await count();
    await api.sql(`update user_account set merchant_role = 'STAFF' where email = $1`, [OWNER_A]);
    try {
      const res = await api.gql(CREATE, { input: { name: 'x', scopes: ['ORDERS_READ'] } }, { token: owner });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await count()).toBe(before);
      const listed = await api.gql(LIST, {}, { token: owner });
      expect(listed.data.apiKeys.totalCount).toBeGreaterThan(0);
    } finally {
      await api.sql(`update user_account set merchant_role = 'OWNER' where email = $1`, [OWNER_A]);
    }
  });
});

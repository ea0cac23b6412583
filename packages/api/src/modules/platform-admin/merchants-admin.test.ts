import type { TestApi } from '../../../test/harness.js';
import { checkoutWith, describe, expect, type Gql, test } from '../payments/payments.test-support.js';

const CREATE = `mutation ($input: CreateMerchantInput!) { createMerchant(input: $input) {
  merchant { id handle nameEn nameZh status owner { email role merchantRole } } userErrors { code field } } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateMerchantInput!) { updateMerchant(id: $id, input: $input) {
  merchant { id nameEn nameZh descriptionEn descriptionZh } userErrors { code field } } }`;
const DISABLE = `mutation ($id: ID!, $reason: String!) { disableMerchant(id: $id, reason: $reason) {
  merchant { id status statusHistory { fromStatus toStatus reason actorEmail } } userErrors { code field } } }`;
const ENABLE = `mutation ($id: ID!, $reason: String!) { enableMerchant(id: $id, reason: $reason) {
  merchant { id status } userErrors { code field } } }`;
const ONE = `query ($id: ID!) { staffMerchant(id: $id) { handle status
  stats { products publishedProducts teamSize ordersByStatus { status count } } } }`;
const LIST = `query ($first: Int, $after: String, $filter: StaffMerchantsFilter, $sort: StaffMerchantsSort) {
  staffMerchants(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { id handle status } pageInfo { hasNextPage endCursor } totalCount } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) {
  email userErrors { code } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token viewer { email role merchantRole } } }`;

const PASSWORD = 'a-long-enough-passphrase-42';
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

async function merchantId(api: TestApi, handle: string): Promise<string> {
  const [row] = await api.sql('select id from merchant where handle = $1', [handle]);
  return gid('Merchant', row.id);
}

const input = (handle: string, ownerEmail: string) => ({
  handle,
  nameEn: 'Tea House',
  nameZh: '茶屋',
  descriptionEn: 'Oolong from Alishan.',
  descriptionZh: '阿里山烏龍茶。',
  ownerEmail,
  ownerName: 'Tea Owner',
});

const snapshot = (api: TestApi) =>
  Promise.all([
    api.sql('select * from merchant order by id'),
    api.sql('select id, email, role, merchant_id, merchant_role, status from user_account order by id'),
    api.sql('select count(*)::int as n from email_message'),
    api.sql('select id, status from customer_order order by id'),
    api.sql('select count(*)::int as n from merchant_status_change'),
  ]);

describe('createMerchant', () => {
  test('an admin creates an active store with an invited owner, who then signs in as its owner', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const res = await api.gql(
      CREATE,
      { input: input('tea-house', 'owner@tea.example.com') },
      { token: admin },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createMerchant).toMatchObject({
      merchant: {
        handle: 'tea-house',
        nameZh: '茶屋',
        status: 'ACTIVE',
        owner: { email: 'owner@tea.example.com', role: 'MERCHANT_STAFF', merchantRole: 'OWNER' },
      },
      userErrors: [],
    });
    const id = res.data.createMerchant.merchant.id;
    const [mail] = await api.sql(`select text from email_message where "to" = 'owner@tea.example.com'`);
    expect(mail.text).toContain('store owner of Tea House');
    const token = /set-password\?token=([\w-]+)/.exec(mail.text)![1];
    expect((await api.gql(ACCEPT, { token, password: PASSWORD })).data.acceptInvitation.userErrors).toEqual(
      [],
    );
    const signedIn = await api.gql(LOGIN, { input: { email: 'owner@tea.example.com', password: PASSWORD } });
    expect(signedIn.data.login.viewer).toEqual({
      email: 'owner@tea.example.com',
      role: 'MERCHANT_STAFF',
      merchantRole: 'OWNER',
    });
    const own = await api.gql(ONE, { id }, { token: signedIn.data.login.token });
    expect(own.data.staffMerchant).toMatchObject({
      handle: 'tea-house',
      stats: { products: 0, publishedProducts: 0, teamSize: 1 },
    });
    expect(own.data.staffMerchant.stats.ordersByStatus).toHaveLength(6);
  });

  test('refusals change nothing: roles, taken handle or email, bad input', async ({ api, login }) => {
    const admin = await login('admin@example.com');
    const before = await snapshot(api);
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper@example.com', 'FORBIDDEN'],
      ['support@example.com', 'FORBIDDEN'],
      ['staff@voltline.example.com', 'FORBIDDEN'],
    ] as const) {
      const r = await api.gql(
        CREATE,
        { input: input('new-store', 'n@example.com') },
        { token: who ? await login(who) : null },
      );
      expect(r.errors?.[0]?.extensions?.code, String(who)).toBe(code);
    }
    const cases: [Gql, string, string][] = [
      [input('voltline', 'n@example.com'), 'HANDLE_TAKEN', 'handle'],
      [input('ab', 'n@example.com'), 'INVALID_HANDLE', 'handle'],
      [input('-tea-', 'n@example.com'), 'INVALID_HANDLE', 'handle'],
      [input('tea--house', 'n@example.com'), 'INVALID_HANDLE', 'handle'],
      [input('fresh-store', 'shopper@example.com'), 'EMAIL_TAKEN', 'ownerEmail'],
      [input('fresh-store', 'nope'), 'INVALID_EMAIL', 'ownerEmail'],
      [{ ...input('fresh-store', 'n@example.com'), nameZh: ' ' }, 'INVALID_NAME', 'nameZh'],
      [{ ...input('fresh-store', 'n@example.com'), ownerName: '' }, 'INVALID_DISPLAY_NAME', 'ownerName'],
      [
        { ...input('fresh-store', 'n@example.com'), descriptionEn: 'x'.repeat(5001) },
        'INVALID_DESCRIPTION',
        'descriptionEn',
      ],
    ];
    for (const [bad, code, field] of cases) {
      const r = await api.gql(CREATE, { input: bad }, { token: admin });
      expect(r.data.createMerchant, code).toEqual({
        merchant: null,
        userErrors: [{ code, field: ['input', field] }],
      });
    }
    expect(await snapshot(api)).toEqual(before);
  });

  test('two admins creating the same handle at once: exactly one store is created', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const results = await Promise.all(
      ['a', 'b', 'c'].map((x) =>
        api.gql(CREATE, { input: input('race-store', `${x}@race.example.com`) }, { token: admin }),
      ),
    );
    const codes = results.map((r) => r.data.createMerchant.userErrors.map((e: Gql) => e.code).join());
    expect(codes.sort()).toEqual(['', 'HANDLE_TAKEN', 'HANDLE_TAKEN']);
    const [stores] = await api.sql(`select count(*)::int as n from merchant where handle = 'race-store'`);
    expect(stores.n).toBe(1);
    const [owners] = await api.sql(
      `select count(*)::int as n from user_account where email like '%@race.example.com'`,
    );
    expect(owners.n).toBe(1);
  });
});

describe('updateMerchant', () => {
  test('admins edit any store; the owner edits its own unless frozen; others are refused', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const owner = await login('staff@lane-nine-design.example.com');
    const lane = await merchantId(api, 'lane-nine-design');
    const volt = await merchantId(api, 'voltline');

    const byAdmin = await api.gql(
      UPDATE,
      { id: volt, input: { nameEn: '  Voltline  Electric ' } },
      { token: admin },
    );
    expect(byAdmin.data.updateMerchant.merchant.nameEn).toBe('Voltline Electric');
    const byOwner = await api.gql(
      UPDATE,
      { id: lane, input: { descriptionZh: '設計小物' } },
      { token: owner },
    );
    expect(byOwner.data.updateMerchant).toMatchObject({
      merchant: { descriptionZh: '設計小物' },
      userErrors: [],
    });

    const before = await snapshot(api);
    const other = await api.gql(UPDATE, { id: volt, input: { nameEn: 'Mine now' } }, { token: owner });
    expect(other.data.updateMerchant.userErrors).toEqual([{ code: 'MERCHANT_NOT_FOUND', field: ['id'] }]);
    const bad = await api.gql(UPDATE, { id: lane, input: { nameEn: '' } }, { token: owner });
    expect(bad.data.updateMerchant.userErrors).toEqual([
      { code: 'INVALID_NAME', field: ['input', 'nameEn'] },
    ]);
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper@example.com', 'FORBIDDEN'],
      ['support@example.com', 'FORBIDDEN'],
    ] as const) {
      const r = await api.gql(
        UPDATE,
        { id: lane, input: { nameEn: 'X' } },
        { token: who ? await login(who) : null },
      );
      expect(r.errors?.[0]?.extensions?.code, String(who)).toBe(code);
    }
    await api.sql(`update merchant set status = 'GENERAL_FROZEN' where handle = 'lane-nine-design'`);
    const frozen = await api.gql(UPDATE, { id: lane, input: { nameEn: 'X' } }, { token: owner });
    expect(frozen.data.updateMerchant.userErrors).toEqual([{ code: 'MERCHANT_FROZEN', field: null }]);
    await api.sql(`update merchant set status = 'ACTIVE' where handle = 'lane-nine-design'`);
    expect(await snapshot(api)).toEqual(before);
  });
});

describe('disableMerchant / enableMerchant', () => {
  test('disabling closes unpaid orders, hides the listings and is recorded; enabling brings them back', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const a = await checkoutWith(api);
    const coffeeOrder = a.orders.find((o: Gql) => o.merchant?.handle === 'formosa-roasters') ?? a.orders[0];
    const formosa = await merchantId(api, 'formosa-roasters');
    const visible = () =>
      api
        .gql(`{ product(handle: "ethiopia-yirgacheffe-coffee-beans") { handle } }`)
        .then((r) => r.data.product);
    expect(await visible()).not.toBeNull();

    const res = await api.gql(
      DISABLE,
      { id: formosa, reason: 'Store closed at the owner’s request' },
      { token: admin },
    );
    expect(res.data.disableMerchant).toEqual({
      merchant: {
        id: formosa,
        status: 'DISABLED',
        statusHistory: [
          {
            fromStatus: 'ACTIVE',
            toStatus: 'DISABLED',
            reason: 'Store closed at the owner’s request',
            actorEmail: 'admin@example.com',
          },
        ],
      },
      userErrors: [],
    });
    const orders = await api.sql(
      `select o.status, m.handle, h.reason from customer_order o join merchant m on m.id = o.merchant_id
       left join order_history h on h.order_id = o.id and h.to_status = 'CLOSED'
       where o.checkout_id = (select checkout_id from customer_order where number = $1) order by m.handle`,
      [coffeeOrder.number],
    );
    expect(orders).toEqual([
      {
        status: 'CLOSED',
        handle: 'formosa-roasters',
        reason: 'Store disabled: Store closed at the owner’s request',
      },
      { status: 'AWAITING_PAYMENT', handle: 'lane-nine-design', reason: null },
    ]);
    expect(await visible()).toBeNull();
    const listed = await api.gql('{ products(first: 100) { nodes { merchant { handle } } } }');
    expect(listed.data.products.nodes.some((p: Gql) => p.merchant.handle === 'formosa-roasters')).toBe(false);

    // The closed store's staff still read the management center but change nothing.
    const staff = await login('staff@formosa-roasters.example.com');
    expect((await api.gql(ONE, { id: formosa }, { token: staff })).data.staffMerchant.status).toBe(
      'DISABLED',
    );
    const edit = await api.gql(UPDATE, { id: formosa, input: { nameEn: 'Still open' } }, { token: staff });
    expect(edit.data.updateMerchant.userErrors).toEqual([{ code: 'MERCHANT_FROZEN', field: null }]);
    const product = await api.gql(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code } } }`,
      {
        input: {
          kind: 'GOODS',
          titleEn: 'New beans',
          titleZh: '新咖啡豆',
          descriptionEn: 'Fresh.',
          descriptionZh: '新鮮。',
          variants: [{ sku: 'DIS-1', titleEn: '250 g', titleZh: '250 公克', price: '10.00', stock: 1 }],
        },
      },
      { token: staff },
    );
    expect(product.data.createProduct).toEqual({
      product: null,
      userErrors: [{ code: 'MERCHANT_RESTRICTED' }],
    });

    const again = await api.gql(DISABLE, { id: formosa, reason: 'again' }, { token: admin });
    expect(again.data.disableMerchant.userErrors).toEqual([{ code: 'INVALID_STATUS', field: null }]);

    const on = await api.gql(ENABLE, { id: formosa, reason: 'Reopened' }, { token: admin });
    expect(on.data.enableMerchant.merchant.status).toBe('ACTIVE');
    expect(await visible()).not.toBeNull();
    const twice = await api.gql(ENABLE, { id: formosa, reason: 'Reopened' }, { token: admin });
    expect(twice.data.enableMerchant.userErrors).toEqual([{ code: 'INVALID_STATUS', field: null }]);
  });

  test('refused with open paid orders, without a reason, or for other roles; nothing changes', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const a = await checkoutWith(api);
    const lane = await merchantId(api, 'lane-nine-design');
    await api.sql(
      `update customer_order set status = 'AWAITING_SHIPMENT' where checkout_id = (select checkout_id from customer_order where number = $1)
       and merchant_id = (select id from merchant where handle = 'lane-nine-design')`,
      [a.orders[0].number],
    );
    const before = await snapshot(api);
    const open = await api.gql(DISABLE, { id: lane, reason: 'Closing' }, { token: admin });
    expect(open.data.disableMerchant.userErrors).toEqual([{ code: 'OPEN_PAID_ORDERS', field: null }]);
    const noReason = await api.gql(
      DISABLE,
      { id: await merchantId(api, 'voltline'), reason: '  ' },
      { token: admin },
    );
    expect(noReason.data.disableMerchant.userErrors).toEqual([{ code: 'INVALID_REASON', field: ['reason'] }]);
    const unknown = await api.gql(DISABLE, { id: gid('Merchant', 99999), reason: 'x' }, { token: admin });
    expect(unknown.data.disableMerchant.userErrors).toEqual([{ code: 'MERCHANT_NOT_FOUND', field: ['id'] }]);
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper@example.com', 'FORBIDDEN'],
      ['support@example.com', 'FORBIDDEN'],
      ['staff@voltline.example.com', 'FORBIDDEN'],
    ] as const) {
      const token = who ? await login(who) : null;
      for (const op of [DISABLE, ENABLE]) {
        const r = await api.gql(op, { id: lane, reason: 'x' }, { token });
        expect(r.errors?.[0]?.extensions?.code, String(who)).toBe(code);
      }
    }
    expect(await snapshot(api)).toEqual(before);
  });
});

describe('staffMerchants / staffMerchant', () => {
  test('platform staff list, filter and page through stores; merchant staff see only their own', async ({
    api,
    login,
  }) => {
    const support = await login('support@example.com');
    const all = await api.gql(
      LIST,
      { first: 2, sort: { field: 'HANDLE', direction: 'ASC' } },
      { token: support },
    );
    expect(all.errors).toBeUndefined();
    const seen = all.data.staffMerchants.nodes.map((m: Gql) => m.handle);
    const next = await api.gql(
      LIST,
      {
        first: 100,
        after: all.data.staffMerchants.pageInfo.endCursor,
        sort: { field: 'HANDLE', direction: 'ASC' },
      },
      { token: support },
    );
    seen.push(...next.data.staffMerchants.nodes.map((m: Gql) => m.handle));
    expect(seen).toEqual([...seen].sort());
    expect(seen).toHaveLength(all.data.staffMerchants.totalCount);
    const byName = await api.gql(LIST, { filter: { query: 'VOLT' } }, { token: support });
    expect(byName.data.staffMerchants.nodes.map((m: Gql) => m.handle)).toEqual(['voltline']);

    const volt = await merchantId(api, 'voltline');
    const stats = await api.gql(ONE, { id: volt }, { token: support });
    expect(stats.data.staffMerchant.stats.products).toBeGreaterThan(0);
    expect(stats.data.staffMerchant.stats.teamSize).toBe(1);

    const staff = await login('staff@lane-nine-design.example.com');
    const mine = await api.gql(LIST, {}, { token: staff });
    expect(mine.data.staffMerchants.nodes.map((m: Gql) => m.handle)).toEqual(['lane-nine-design']);
    expect((await api.gql(ONE, { id: volt }, { token: staff })).data.staffMerchant).toBeNull();
    for (const [who, code] of [
      [null, 'UNAUTHENTICATED'],
      ['shopper@example.com', 'FORBIDDEN'],
    ] as const) {
      const r = await api.gql(LIST, {}, { token: who ? await login(who) : null });
      expect(r.errors?.[0]?.extensions?.code, String(who)).toBe(code);
    }
  });
});

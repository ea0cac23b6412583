import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { addToCart, type Gql, newShopper, submit, variant } from '../checkout/checkout.test-support.js';

const FIELDS = `id code kind value scope state active usedCount usageLimit perShopperLimit redemptionCount
  viewerCanEdit minSpend { minorUnits } startsAt endsAt descriptionEn descriptionZh merchant { handle }`;
const CREATE = `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) {
  coupon { ${FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation ($input: UpdateCouponInput!) { updateCoupon(input: $input) {
  coupon { ${FIELDS} } userErrors { code field message } } }`;
const DEACTIVATE = `mutation ($input: CouponIdInput!) { deactivateCoupon(input: $input) {
  coupon { ${FIELDS} } userErrors { code field } } }`;
const REACTIVATE = `mutation ($input: CouponIdInput!) { reactivateCoupon(input: $input) {
  coupon { ${FIELDS} } userErrors { code field } } }`;
const LIST = `query ($first: Int, $after: String, $filter: StaffCouponsFilter, $sort: StaffCouponsSort) {
  staffCoupons(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { code state scope merchant { handle } } pageInfo { hasNextPage endCursor } totalCount } }`;
const ONE = `query ($id: ID!) { staffCoupon(id: $id) { ${FIELDS} } }`;

const COFFEE = 'formosa-roasters';
const DESIGN = 'lane-nine-design';
const staffOf = (handle: string) => `staff@${handle}.example.com`;

let counter = 0;
const uniqueCode = (prefix = 'T') => `${prefix}${Date.now().toString(36).toUpperCase()}${++counter}`;

function input(extra: Record<string, unknown> = {}) {
  return {
    code: uniqueCode(),
    kind: 'PERCENTAGE',
    value: 1000,
    minSpendMinor: 0,
    descriptionEn: '10% off',
    descriptionZh: '九折',
    ...extra,
  };
}

const coupons = (api: TestApi) =>
  api.sql(
    'select id, code, kind, value, active, merchant_id, ends_at, usage_limit, description_en from coupon order by id',
  );

async function create(api: TestApi, token: string, extra: Record<string, unknown> = {}) {
  const res = await api.gql(CREATE, { input: input(extra) }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createCoupon as { coupon: Gql; userErrors: Gql[] };
}

describe('createCoupon', () => {
  test('merchant staff create a coupon of their own store; admins create platform coupons', async ({
    api,
    login,
  }) => {
    const staff = await login(staffOf(COFFEE));
    const code = uniqueCode('shop-');
    const made = await create(api, staff, {
      code: ` ${code.toLowerCase()} `,
      kind: 'FIXED_AMOUNT',
      value: 250,
      minSpendMinor: 1000,
      usageLimit: 50,
      perShopperLimit: 1,
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2099-01-01T00:00:00.000Z',
    });
    expect(made.userErrors).toEqual([]);
    expect(made.coupon).toMatchObject({
      code: code.toUpperCase(),
      kind: 'FIXED_AMOUNT',
      value: 250,
      scope: 'STORE',
      state: 'ACTIVE',
      merchant: { handle: COFFEE },
      minSpend: { minorUnits: 1000 },
      usageLimit: 50,
      perShopperLimit: 1,
      redemptionCount: 0,
      viewerCanEdit: true,
    });

    const admin = await login('admin@example.com');
    const platform = await create(api, admin);
    expect(platform.userErrors).toEqual([]);
    expect(platform.coupon).toMatchObject({ scope: 'PLATFORM', merchant: null, viewerCanEdit: true });
    // The admin sees the store coupon but may not edit it.
    const seen = await api.gql(ONE, { id: made.coupon.id }, { token: admin });
    expect(seen.data.staffCoupon).toMatchObject({ code: code.toUpperCase(), viewerCanEdit: false });
  });

  test('bad input is refused field by field and creates nothing', async ({ api, login }) => {
    const staff = await login(staffOf(COFFEE));
    const before = await coupons(api);
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ code: 'ab' }, 'INVALID_CODE', ['input', 'code']],
      [{ code: 'HAS SPACE' }, 'INVALID_CODE', ['input', 'code']],
      [{ code: 'welcome10' }, 'CODE_TAKEN', ['input', 'code']],
      [{ value: 99 }, 'INVALID_VALUE', ['input', 'value']],
      [{ value: 10_001 }, 'INVALID_VALUE', ['input', 'value']],
      [{ kind: 'FIXED_AMOUNT', value: 0 }, 'INVALID_VALUE', ['input', 'value']],
      [{ minSpendMinor: -1 }, 'INVALID_MIN_SPEND', ['input', 'minSpendMinor']],
      [
        { startsAt: '2026-12-01T00:00:00.000Z', endsAt: '2026-11-30T00:00:00.000Z' },
        'INVALID_DATES',
        ['input', 'endsAt'],
      ],
      [{ usageLimit: 0 }, 'INVALID_LIMIT', ['input', 'usageLimit']],
      [{ perShopperLimit: -2 }, 'INVALID_LIMIT', ['input', 'perShopperLimit']],
      [{ descriptionZh: '折'.repeat(201) }, 'INVALID_DESCRIPTION', ['input', 'descriptionZh']],
    ];
    for (const [extra, code, field] of cases) {
      const r = await create(api, staff, extra);
      expect(r.coupon, JSON.stringify(extra)).toBeNull();
      expect(r.userErrors, JSON.stringify(extra)).toContainEqual(expect.objectContaining({ code, field }));
    }
    expect(await coupons(api)).toEqual(before);
  });

  test('two staff creating the same code at once: one wins, the other gets CODE_TAKEN', async ({
    api,
    login,
  }) => {
    const [coffee, design] = await Promise.all([login(staffOf(COFFEE)), login(staffOf(DESIGN))]);
    const code = uniqueCode('RACE');
    const results = await Promise.all([
      create(api, coffee, { code }),
      create(api, design, { code }),
      create(api, coffee, { code }),
    ]);
    const won = results.filter((r) => r.coupon);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => !r.coupon))
      expect(lost.userErrors).toEqual([
        expect.objectContaining({ code: 'CODE_TAKEN', field: ['input', 'code'] }),
      ]);
    expect(await api.sql('select count(*)::int as n from coupon where code = $1', [code])).toEqual([
      { n: 1 },
    ]);
  });

  test('who may create: customer service, shoppers and guests are refused', async ({ api, login }) => {
    const before = await coupons(api);
    const support = await login('support@example.com');
    const shopper = await login('shopper@example.com');
    const cs = await api.gql(CREATE, { input: input() }, { token: support });
    expect(cs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const sh = await api.gql(CREATE, { input: input() }, { token: shopper });
    expect(sh.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const guest = await api.gql(CREATE, { input: input() });
    expect(guest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await coupons(api)).toEqual(before);
  });

  test('a store that may not edit (general freeze) is refused; reading keeps working', async ({
    api,
    login,
  }) => {
    const staff = await login(staffOf(DESIGN));
    const mine = await create(api, staff);
    await api.sql(`update merchant set status = 'GENERAL_FROZEN' where handle = $1`, [DESIGN]);
    try {
      const before = await coupons(api);
      const r = await create(api, staff);
      expect(r).toEqual({ coupon: null, userErrors: [expect.objectContaining({ code: 'MERCHANT_FROZEN' })] });
      const d = await api.gql(DEACTIVATE, { input: { couponId: mine.coupon.id } }, { token: staff });
      expect(d.data.deactivateCoupon.userErrors).toEqual([
        expect.objectContaining({ code: 'MERCHANT_FROZEN' }),
      ]);
      const u = await api.gql(UPDATE, { input: { couponId: mine.coupon.id, value: 500 } }, { token: staff });
      expect(u.data.updateCoupon.userErrors).toEqual([expect.objectContaining({ code: 'MERCHANT_FROZEN' })]);
      expect(await coupons(api)).toEqual(before);
      const list = await api.gql(LIST, { first: 5 }, { token: staff });
      expect(list.errors).toBeUndefined();
      expect(list.data.staffCoupons.totalCount).toBeGreaterThan(0);
    } finally {
      await api.sql(`update merchant set status = 'ACTIVE' where handle = $1`, [DESIGN]);
    }
  });
});

describe('store scoping', () => {
  test('another store’s coupon (or a platform coupon) does not exist for merchant staff', async ({
    api,
    login,
  }) => {
    const coffee = await login(staffOf(COFFEE));
    const design = await login(staffOf(DESIGN));
    const theirs = (await create(api, coffee)).coupon;
    const [platform] = await api.sql(`select id from coupon where code = 'WELCOME10'`);
    const platformId = Buffer.from(`Coupon:${platform.id}`).toString('base64url');
    const before = await coupons(api);
    for (const id of [theirs.id, platformId]) {
      expect((await api.gql(ONE, { id }, { token: design })).data.staffCoupon).toBeNull();
      const u = await api.gql(UPDATE, { input: { couponId: id, value: 5000 } }, { token: design });
      expect(u.data.updateCoupon).toEqual({
        coupon: null,
        userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'couponId'] })],
      });
      const d = await api.gql(DEACTIVATE, { input: { couponId: id } }, { token: design });
      expect(d.data.deactivateCoupon.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    }
    expect(await coupons(api)).toEqual(before);
    // Their list holds only their own store's coupons, whatever the filter says.
    const [coffeeMerchant] = await api.sql('select id from merchant where handle = $1', [COFFEE]);
    const widened = await api.gql(
      LIST,
      {
        first: 100,
        filter: { merchantId: Buffer.from(`Merchant:${coffeeMerchant.id}`).toString('base64url') },
      },
      { token: design },
    );
    const nodes = widened.data.staffCoupons.nodes as Gql[];
    expect(nodes.every((n) => n.scope === 'STORE' && n.merchant.handle === DESIGN)).toBe(true);
  });

  test('node(id:) refetches a coupon for staff who may read it and is null for anyone else', async ({
    api,
    login,
  }) => {
    const coupon = (await create(api, await login(staffOf(COFFEE)))).coupon;
    const NODE = 'query ($id: ID!) { node(id: $id) { id ... on Coupon { code } } }';
    for (const [email, visible] of [
      [staffOf(COFFEE), true],
      ['support@example.com', true],
      [staffOf(DESIGN), false],
      ['shopper@example.com', false],
    ] as const) {
      const res = await api.gql(NODE, { id: coupon.id }, { token: await login(email) });
      expect(res.errors, email).toBeUndefined();
      expect(res.data.node, email).toEqual(visible ? { id: coupon.id, code: coupon.code } : null);
    }
    expect((await api.gql(NODE, { id: coupon.id })).data.node).toBeNull();
  });

  test('admins deactivate any coupon but edit platform coupons only; the store reactivates its own', async ({
    api,
    login,
  }) => {
    const coffee = await login(staffOf(COFFEE));
    const admin = await login('admin@example.com');
    const support = await login('support@example.com');
    const store = (await create(api, coffee)).coupon;

    const before = await coupons(api);
    const edit = await api.gql(UPDATE, { input: { couponId: store.id, value: 2000 } }, { token: admin });
    expect(edit.data.updateCoupon.userErrors).toEqual([expect.objectContaining({ code: 'NOT_EDITABLE' })]);
    const cs = await api.gql(DEACTIVATE, { input: { couponId: store.id } }, { token: support });
    expect(cs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await coupons(api)).toEqual(before);
    // Customer service may read it.
    expect((await api.gql(ONE, { id: store.id }, { token: support })).data.staffCoupon.code).toBe(store.code);

    const off = await api.gql(DEACTIVATE, { input: { couponId: store.id } }, { token: admin });
    expect(off.data.deactivateCoupon.coupon).toMatchObject({ active: false, state: 'DEACTIVATED' });
    const again = await api.gql(DEACTIVATE, { input: { couponId: store.id } }, { token: admin });
    expect(again.data.deactivateCoupon.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_DEACTIVATED' }),
    ]);
    const adminOn = await api.gql(REACTIVATE, { input: { couponId: store.id } }, { token: admin });
    expect(adminOn.data.reactivateCoupon.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_EDITABLE' }),
    ]);
    const on = await api.gql(REACTIVATE, { input: { couponId: store.id } }, { token: coffee });
    expect(on.data.reactivateCoupon.coupon).toMatchObject({ active: true, state: 'ACTIVE' });
    const [row] = await api.sql('select active from coupon where code = $1', [store.code]);
    expect(row.active).toBe(true);

    // The admin edits a platform coupon.
    const platform = (await create(api, admin)).coupon;
    const changed = await api.gql(
      UPDATE,
      { input: { couponId: platform.id, value: 1500, descriptionEn: '15% off', clearEndsAt: true } },
      { token: admin },
    );
    expect(changed.data.updateCoupon.coupon).toMatchObject({
      value: 1500,
      descriptionEn: '15% off',
      endsAt: null,
    });
  });
});

describe('updateCoupon', () => {
  test('after a redemption, code, kind and value are fixed; the rest stays editable', async ({
    api,
    login,
  }) => {
    const staff = await login(staffOf(COFFEE));
    const coupon = (await create(api, staff, { value: 1000, usageLimit: 10 })).coupon;
    const shopper = await newShopper(api);
    const beans = await variant(api, 'CAF-ETH-250');
    expect(beans.merchantHandle).toBe(COFFEE);
    await addToCart(api, shopper.token, beans, 2);
    const order = await submit(api, shopper.token, { couponCode: coupon.code });
    expect(order.userErrors).toEqual([]);

    const before = await coupons(api);
    for (const [change, field] of [
      [{ code: uniqueCode() }, 'code'],
      [{ kind: 'FIXED_AMOUNT' }, 'kind'],
      [{ value: 2000 }, 'value'],
    ] as const) {
      const r = await api.gql(UPDATE, { input: { couponId: coupon.id, ...change } }, { token: staff });
      expect(r.data.updateCoupon).toEqual({
        coupon: null,
        userErrors: [expect.objectContaining({ code: 'LOCKED_AFTER_REDEMPTION', field: ['input', field] })],
      });
    }
    const tooLow = await api.gql(UPDATE, { input: { couponId: coupon.id, usageLimit: 0 } }, { token: staff });
    expect(tooLow.data.updateCoupon.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_LIMIT', field: ['input', 'usageLimit'] }),
    ]);
    await api.sql('update coupon set used_count = 3 where id = (select id from coupon where code = $1)', [
      coupon.code,
    ]);
    const below = await api.gql(UPDATE, { input: { couponId: coupon.id, usageLimit: 2 } }, { token: staff });
    expect(below.data.updateCoupon.userErrors).toEqual([
      expect.objectContaining({ code: 'LIMIT_BELOW_USAGE', field: ['input', 'usageLimit'] }),
    ]);
    await api.sql('update coupon set used_count = 1 where id = (select id from coupon where code = $1)', [
      coupon.code,
    ]);
    expect(await coupons(api)).toEqual(before);

    const ok = await api.gql(
      UPDATE,
      {
        input: {
          couponId: coupon.id,
          value: 1000,
          descriptionEn: 'Still 10% off',
          usageLimit: 5,
          minSpendMinor: 500,
        },
      },
      { token: staff },
    );
    expect(ok.data.updateCoupon.userErrors).toEqual([]);
    expect(ok.data.updateCoupon.coupon).toMatchObject({
      code: coupon.code,
      value: 1000,
      descriptionEn: 'Still 10% off',
      usageLimit: 5,
      minSpend: { minorUnits: 500 },
      redemptionCount: 1,
      usedCount: 1,
    });
  });

  test('before any redemption the code may change, but not to a taken one', async ({ api, login }) => {
    const staff = await login(staffOf(COFFEE));
    const coupon = (await create(api, staff)).coupon;
    const taken = await api.gql(UPDATE, { input: { couponId: coupon.id, code: 'save5' } }, { token: staff });
    expect(taken.data.updateCoupon.userErrors).toEqual([
      expect.objectContaining({ code: 'CODE_TAKEN', field: ['input', 'code'] }),
    ]);
    const bad = await api.gql(
      UPDATE,
      {
        input: {
          couponId: coupon.id,
          endsAt: '2020-01-01T00:00:00.000Z',
          startsAt: '2021-01-01T00:00:00.000Z',
        },
      },
      { token: staff },
    );
    expect(bad.data.updateCoupon.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_DATES' })]);
    const renamed = uniqueCode('NEW');
    const ok = await api.gql(
      UPDATE,
      { input: { couponId: coupon.id, code: renamed, kind: 'FIXED_AMOUNT', value: 300 } },
      { token: staff },
    );
    expect(ok.data.updateCoupon.coupon).toMatchObject({ code: renamed, kind: 'FIXED_AMOUNT', value: 300 });
  });
});

describe('staffCoupons', () => {
  test('filters by state, scope and code; sorts and pages with cursors', async ({ api, login }) => {
    const admin = await login('admin@example.com');
    const expired = await api.gql(LIST, { first: 100, filter: { state: 'EXPIRED' } }, { token: admin });
    expect(expired.data.staffCoupons.nodes.map((n: Gql) => n.code)).toContain('EXPIRED2025');
    expect(expired.data.staffCoupons.nodes.every((n: Gql) => n.state === 'EXPIRED')).toBe(true);

    const platform = await api.gql(LIST, { first: 100, filter: { scope: 'PLATFORM' } }, { token: admin });
    expect(platform.data.staffCoupons.nodes.every((n: Gql) => n.scope === 'PLATFORM')).toBe(true);
    const store = await api.gql(LIST, { first: 100, filter: { scope: 'STORE' } }, { token: admin });
    expect(store.data.staffCoupons.nodes.every((n: Gql) => n.scope === 'STORE' && n.merchant)).toBe(true);

    const byCode = await api.gql(LIST, { first: 10, filter: { query: 'welc' } }, { token: admin });
    expect(byCode.data.staffCoupons.nodes.map((n: Gql) => n.code)).toEqual(['WELCOME10']);

    const [{ n: total }] = await api.sql('select count(*)::int as n from coupon');
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res: Gql = await api.gql(
        LIST,
        { first: 2, after, sort: { field: 'CODE', direction: 'ASC' } },
        { token: admin },
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.staffCoupons.nodes.map((n: Gql) => n.code));
      expect(res.data.staffCoupons.totalCount).toBe(total);
      if (!res.data.staffCoupons.pageInfo.hasNextPage) break;
      after = res.data.staffCoupons.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort());

    const ends: Gql = await api.gql(
      LIST,
      { first: 100, sort: { field: 'ENDS_AT', direction: 'ASC' } },
      { token: admin },
    );
    expect(ends.data.staffCoupons.nodes[0].code).toBe('EXPIRED2025');
  });

  test('shoppers and guests may not list coupons', async ({ api, login }) => {
    const shopper = await login('shopper@example.com');
    expect((await api.gql(LIST, { first: 5 }, { token: shopper })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.gql(LIST, { first: 5 })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

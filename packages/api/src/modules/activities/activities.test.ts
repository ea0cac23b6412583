import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';
import { vi } from 'vitest';
import { describe, expect, test } from '../../../test/fixtures.js';
import { ProductVariantEntity } from '../catalog/product-variant.entity.js';
import { activitiesLoaders } from './activities.loaders.js';
import type { TestApi } from '../../../test/harness.js';
import {
  addToCart,
  type Gql,
  gid,
  newShopper,
  PREVIEW,
  submit,
  variant,
} from '../checkout/checkout.test-support.js';

const FIELDS = `id nameEn nameZh name(locale: ZH_TW) kind value state allProducts startsAt endsAt
  viewerCanEdit viewerCanCancel merchant { handle } products { handle }`;
const CREATE = `mutation ($input: CreateActivityInput!) { createActivity(input: $input) {
  activity { ${FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation ($input: UpdateActivityInput!) { updateActivity(input: $input) {
  activity { ${FIELDS} } userErrors { code field message } } }`;
const CANCEL = `mutation ($input: CancelActivityInput!) { cancelActivity(input: $input) {
  activity { ${FIELDS} } userErrors { code field } } }`;
const LIST = `query ($first: Int, $after: String, $filter: StaffActivitiesFilter, $sort: StaffActivitiesSort) {
  staffActivities(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { id nameEn state merchant { handle } } pageInfo { hasNextPage endCursor } totalCount } }`;
const PRODUCT = `query ($handle: String!) { product(handle: $handle) {
  priceRange { minVariantPrice { minorUnits } maxVariantPrice { minorUnits } }
  compareAtPriceRange { minVariantPrice { minorUnits } maxVariantPrice { minorUnits } }
  activity { name(locale: EN) endsAt }
  variants { sku price { minorUnits } basePrice { minorUnits } compareAtPrice { minorUnits } activity { nameEn } } } }`;
const CART = `{ cart { subtotal { minorUnits } selectedSubtotal { minorUnits }
  lines { unitPrice { minorUnits } lineTotal { minorUnits } variant { sku price { minorUnits } } } } }`;

const COFFEE = 'formosa-roasters';
const DESIGN = 'lane-nine-design';
const staffOf = (handle: string) => `staff@${handle}.example.com`;
const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

function input(extra: Record<string, unknown> = {}) {
  return {
    nameEn: 'Autumn sale',
    nameZh: '秋季特賣',
    kind: 'PERCENTAGE',
    value: 1000,
    startsAt: at(-HOUR),
    endsAt: at(HOUR),
    allProducts: true,
    ...extra,
  };
}

async function create(api: TestApi, token: string, extra: Record<string, unknown> = {}) {
  const res = await api.gql(CREATE, { input: input(extra) }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createActivity as { activity: Gql; userErrors: Gql[] };
}

async function productId(api: TestApi, handle: string): Promise<string> {
  const [row] = await api.sql('select id from product where handle = $1', [handle]);
  return gid('Product', row.id);
}

const activities = (api: TestApi) =>
  api.sql(
    `select a.id, a.name_en, a.value, a.status, a.starts_at, a.ends_at, a.all_products,
       (select string_agg(product_id::text, ',' order by product_id) from activity_product p where p.activity_id = a.id) as products
     from activity a order by a.id`,
  );

async function product(api: TestApi, handle: string) {
  const res = await api.gql(PRODUCT, { handle });
  expect(res.errors).toBeUndefined();
  return res.data.product as Gql;
}

describe('prices during an activity', () => {
  test('a running activity lowers catalog, cart, checkout and order line prices; a coupon applies on top', async ({
    api,
    login,
  }) => {
    const staff = await login(staffOf(COFFEE));
    const handle = 'ethiopia-yirgacheffe-coffee-beans';
    const sale = await create(api, staff, {
      nameEn: 'Beans week',
      nameZh: '咖啡豆週',
      value: 1500,
      allProducts: false,
      productIds: [await productId(api, handle)],
    });
    expect(sale.userErrors).toEqual([]);
    expect(sale.activity).toMatchObject({ state: 'RUNNING', name: '咖啡豆週', products: [{ handle }] });

    // Catalog: 15 % off 18.00 / 32.00 / 59.00, the originals to strike through, the activity's name.
    const p = await product(api, handle);
    expect(
      p.variants.map((v: Gql) => [
        v.sku,
        v.price.minorUnits,
        v.compareAtPrice?.minorUnits,
        v.basePrice.minorUnits,
      ]),
    ).toEqual([
      ['CAF-ETH-250', 1530, 1800, 1800],
      ['CAF-ETH-500', 2720, 3200, 3200],
      ['CAF-ETH-1000', 5015, 5900, 5900],
    ]);
    expect(p.variants[0].activity).toEqual({ nameEn: 'Beans week' });
    expect(p.priceRange).toEqual({
      minVariantPrice: { minorUnits: 1530 },
      maxVariantPrice: { minorUnits: 5015 },
    });
    expect(p.compareAtPriceRange).toEqual({
      minVariantPrice: { minorUnits: 1800 },
      maxVariantPrice: { minorUnits: 5900 },
    });
    expect(p.activity.name).toBe('Beans week');
    // Another product of the same store is not covered.
    const other = await product(api, 'house-espresso-blend');
    expect(other.variants[0]).toMatchObject({
      price: { minorUnits: 1500 },
      compareAtPrice: null,
      activity: null,
    });
    expect(other.compareAtPriceRange).toBeNull();

    // Cart and checkout.
    const shopper = await newShopper(api);
    const beans = await variant(api, 'CAF-ETH-500');
    await addToCart(api, shopper.token, beans, 2);
    const cart = (await api.gql(CART, {}, { token: shopper.token })).data.cart;
    expect(cart.lines[0]).toMatchObject({ unitPrice: { minorUnits: 2720 }, lineTotal: { minorUnits: 5440 } });
    expect(cart.subtotal.minorUnits).toBe(5440);
    expect(cart.selectedSubtotal.minorUnits).toBe(5440);

    // The store coupon (15 % over 50.00) applies to the discounted subtotal: 5440 − 816.
    const [storeCoupon] = await api.sql(
      `select code from coupon c join merchant m on m.id = c.merchant_id where m.handle = $1`,
      [COFFEE],
    );
    const preview = (
      await api.gql(PREVIEW, { input: { couponCode: storeCoupon.code } }, { token: shopper.token })
    ).data.checkoutPreview;
    expect(preview.userErrors).toEqual([]);
    expect(preview.subtotal.minorUnits).toBe(5440);
    expect(preview.discount.minorUnits).toBe(816);
    expect(preview.orders[0].lines[0]).toMatchObject({
      unitPrice: { minorUnits: 2720 },
      lineTotal: { minorUnits: 5440 },
    });

    const submitted = await submit(api, shopper.token, { couponCode: storeCoupon.code });
    expect(submitted.userErrors).toEqual([]);
    const order = submitted.checkout.orders[0];
    expect(order.lines).toEqual([
      expect.objectContaining({
        sku: 'CAF-ETH-500',
        unitPrice: { minorUnits: 2720 },
        lineTotal: { minorUnits: 5440 },
      }),
    ]);
    expect(order.subtotal.minorUnits).toBe(5440);
    expect(order.discount.minorUnits).toBe(816);
    expect(order.total.minorUnits).toBe(5440 - 816 + order.shippingFee.minorUnits);
    const [line] = await api.sql(
      `select l.unit_price_minor, l.line_total_minor from order_line l join customer_order o on o.id = l.order_id
       where o.number = $1`,
      [order.number],
    );
    expect(line).toEqual({ unit_price_minor: 2720, line_total_minor: 5440 });

    await api.gql(CANCEL, { input: { activityId: sale.activity.id } }, { token: staff });
  });

  test('before it starts and after it ends, prices are the normal ones', async ({ api, login }) => {
    const staff = await login(staffOf(COFFEE));
    const handle = 'drip-bag-coffee-sampler';
    const scheduled = await create(api, staff, {
      kind: 'FIXED_AMOUNT',
      value: 400,
      startsAt: at(2 * HOUR),
      endsAt: at(4 * HOUR),
      allProducts: false,
      productIds: [await productId(api, handle)],
    });
    expect(scheduled.activity.state).toBe('SCHEDULED');
    const shopper = await newShopper(api);
    const drip = await variant(api, 'CAF-DRP-10');
    await addToCart(api, shopper.token, drip, 1);
    const expectPrice = async (minor: number, onSale: boolean) => {
      const p = await product(api, handle);
      expect(p.variants[0].price.minorUnits).toBe(minor);
      expect(p.variants[0].compareAtPrice).toEqual(onSale ? { minorUnits: 1400 } : null);
      const cart = (await api.gql(CART, {}, { token: shopper.token })).data.cart;
      expect(cart.lines[0].unitPrice.minorUnits).toBe(minor);
      const preview = (await api.gql(PREVIEW, { input: {} }, { token: shopper.token })).data.checkoutPreview;
      expect(preview.subtotal.minorUnits).toBe(minor);
    };
    await expectPrice(1400, false);

    const [{ id }] = await api.sql('select max(id) as id from activity');
    // Move its period so it runs now: 14.00 − 4.00.
    await api.sql(
      `update activity set starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' where id = $1`,
      [id],
    );
    await expectPrice(1000, true);
    // The end is exclusive: ended a moment ago.
    await api.sql(`update activity set ends_at = now() - interval '1 second' where id = $1`, [id]);
    await expectPrice(1400, false);
    const ended = await api.gql(LIST, { first: 100, filter: { state: 'ENDED' } }, { token: staff });
    expect(ended.data.staffActivities.nodes.map((n: Gql) => n.id)).toContain(scheduled.activity.id);

    const before = await activities(api);
    const edit = await api.gql(
      UPDATE,
      { input: { activityId: scheduled.activity.id, value: 100 } },
      { token: staff },
    );
    expect(edit.data.updateActivity.userErrors).toEqual([expect.objectContaining({ code: 'NOT_EDITABLE' })]);
    const cancel = await api.gql(CANCEL, { input: { activityId: scheduled.activity.id } }, { token: staff });
    expect(cancel.data.cancelActivity.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_ENDED' }),
    ]);
    expect(await activities(api)).toEqual(before);
  });

  test('overlapping activities: the lowest price wins, never both', async ({ api, login }) => {
    const staff = await login(staffOf(COFFEE));
    const handle = 'cold-brew-coffee-pouches';
    const ids = [await productId(api, handle)];
    const a = await create(api, staff, {
      nameEn: 'Ten off',
      value: 1000,
      allProducts: false,
      productIds: ids,
    });
    const b = await create(api, staff, {
      nameEn: 'Three dollars',
      kind: 'FIXED_AMOUNT',
      value: 300,
      allProducts: false,
      productIds: ids,
    });
    const p = await product(api, handle);
    // 12.00: 10 % → 10.80, 3.00 off → 9.00.
    expect(p.variants[0]).toMatchObject({
      price: { minorUnits: 900 },
      activity: { nameEn: 'Three dollars' },
    });
    await api.gql(CANCEL, { input: { activityId: b.activity.id } }, { token: staff });
    expect((await product(api, handle)).variants[0]).toMatchObject({
      price: { minorUnits: 1080 },
      activity: { nameEn: 'Ten off' },
    });
    await api.gql(CANCEL, { input: { activityId: a.activity.id } }, { token: staff });
    expect((await product(api, handle)).variants[0]).toMatchObject({
      price: { minorUnits: 1200 },
      activity: null,
    });
  });
});

describe('createActivity', () => {
  test('bad input is refused field by field and creates nothing', async ({ api, login }) => {
    const staff = await login(staffOf(COFFEE));
    const foreign = await productId(api, 'yingge-stoneware-mug');
    const before = await activities(api);
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ nameEn: '  ' }, 'INVALID_NAME', ['input', 'nameEn']],
      [{ nameZh: '特'.repeat(121) }, 'INVALID_NAME', ['input', 'nameZh']],
      [{ value: 0 }, 'INVALID_VALUE', ['input', 'value']],
      [{ value: 10_001 }, 'INVALID_VALUE', ['input', 'value']],
      [{ kind: 'FIXED_AMOUNT', value: -1 }, 'INVALID_VALUE', ['input', 'value']],
      [{ startsAt: at(2 * HOUR), endsAt: at(HOUR) }, 'INVALID_DATES', ['input', 'endsAt']],
      [{ startsAt: at(-3 * HOUR), endsAt: at(-2 * HOUR) }, 'INVALID_DATES', ['input', 'endsAt']],
      [{ allProducts: false, productIds: [] }, 'INVALID_PRODUCTS', ['input', 'productIds']],
      [{ allProducts: false, productIds: [foreign] }, 'PRODUCT_NOT_FOUND', ['input', 'productIds', '0']],
      [{ allProducts: false, productIds: ['nonsense'] }, 'PRODUCT_NOT_FOUND', ['input', 'productIds', '0']],
    ];
    for (const [extra, code, field] of cases) {
      const r = await create(api, staff, extra);
      expect(r.activity, JSON.stringify(extra)).toBeNull();
      expect(r.userErrors, JSON.stringify(extra)).toContainEqual(expect.objectContaining({ code, field }));
    }
    expect(await activities(api)).toEqual(before);
  });

  test('only merchant staff of an editable store create activities', async ({ api, login }) => {
    const before = await activities(api);
    for (const email of ['admin@example.com', 'support@example.com', 'shopper@example.com']) {
      const r = await api.gql(CREATE, { input: input() }, { token: await login(email) });
      expect(r.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
    expect((await api.gql(CREATE, { input: input() })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const staff = await login(staffOf(DESIGN));
    await api.sql(`update merchant set status = 'SAFE_FROZEN' where handle = $1`, [DESIGN]);
    try {
      const frozen = await create(api, staff);
      expect(frozen).toEqual({
        activity: null,
        userErrors: [expect.objectContaining({ code: 'MERCHANT_FROZEN' })],
      });
      const list = await api.gql(LIST, { first: 5 }, { token: staff });
      expect(list.errors).toBeUndefined();
    } finally {
      await api.sql(`update merchant set status = 'ACTIVE' where handle = $1`, [DESIGN]);
    }
    expect(await activities(api)).toEqual(before);
  });
});

describe('updateActivity and cancelActivity', () => {
  test('a scheduled activity changes freely; a running one only ends earlier', async ({ api, login }) => {
    const staff = await login(staffOf(DESIGN));
    const mug = await productId(api, 'yingge-stoneware-mug');
    const scheduled = (await create(api, staff, { startsAt: at(HOUR), endsAt: at(3 * HOUR) })).activity;
    const changed = await api.gql(
      UPDATE,
      {
        input: {
          activityId: scheduled.id,
          nameEn: 'Mug days',
          value: 2000,
          allProducts: false,
          productIds: [mug],
        },
      },
      { token: staff },
    );
    expect(changed.data.updateActivity.userErrors).toEqual([]);
    expect(changed.data.updateActivity.activity).toMatchObject({
      nameEn: 'Mug days',
      value: 2000,
      allProducts: false,
      products: [{ handle: 'yingge-stoneware-mug' }],
      state: 'SCHEDULED',
    });
    const badDates = await api.gql(
      UPDATE,
      { input: { activityId: scheduled.id, endsAt: at(HOUR / 2) } },
      { token: staff },
    );
    expect(badDates.data.updateActivity.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_DATES', field: ['input', 'endsAt'] }),
    ]);

    const running = (await create(api, staff, { nameEn: 'Now', allProducts: false, productIds: [mug] }))
      .activity;
    const before = await activities(api);
    for (const change of [{ value: 5000 }, { endsAt: at(5 * HOUR) }, { nameEn: 'Renamed' }]) {
      const r = await api.gql(UPDATE, { input: { activityId: running.id, ...change } }, { token: staff });
      expect(r.data.updateActivity.userErrors, JSON.stringify(change)).toEqual([
        expect.objectContaining({ code: 'ALREADY_STARTED' }),
      ]);
    }
    expect(await activities(api)).toEqual(before);
    const ended = await api.gql(
      UPDATE,
      { input: { activityId: running.id, endsAt: at(-HOUR) } },
      { token: staff },
    );
    expect(ended.data.updateActivity.userErrors).toEqual([]);
    expect(ended.data.updateActivity.activity.state).toBe('ENDED');
    expect((await product(api, 'yingge-stoneware-mug')).variants[0].compareAtPrice).toBeNull();
    await api.gql(CANCEL, { input: { activityId: scheduled.id } }, { token: staff });
  });

  test('another store’s activity does not exist for merchant staff; admins cancel any', async ({
    api,
    login,
  }) => {
    const design = await login(staffOf(DESIGN));
    const coffee = await login(staffOf(COFFEE));
    const admin = await login('admin@example.com');
    const support = await login('support@example.com');
    const theirs = (await create(api, design, { startsAt: at(HOUR), endsAt: at(2 * HOUR) })).activity;
    const before = await activities(api);
    const u = await api.gql(UPDATE, { input: { activityId: theirs.id, value: 9000 } }, { token: coffee });
    expect(u.data.updateActivity).toEqual({
      activity: null,
      userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'activityId'] })],
    });
    const c = await api.gql(CANCEL, { input: { activityId: theirs.id } }, { token: coffee });
    expect(c.data.cancelActivity.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const mine = await api.gql(LIST, { first: 100 }, { token: coffee });
    expect(mine.data.staffActivities.nodes.every((n: Gql) => n.merchant.handle === COFFEE)).toBe(true);
    const cs = await api.gql(CANCEL, { input: { activityId: theirs.id } }, { token: support });
    expect(cs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const adminEdit = await api.gql(
      UPDATE,
      { input: { activityId: theirs.id, value: 9000 } },
      { token: admin },
    );
    expect(adminEdit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await activities(api)).toEqual(before);

    // Customer service and admins read every store's activities.
    const all = await api.gql(LIST, { first: 100, filter: { state: 'SCHEDULED' } }, { token: support });
    expect(all.data.staffActivities.nodes.map((n: Gql) => n.id)).toContain(theirs.id);

    const cancelled = await api.gql(CANCEL, { input: { activityId: theirs.id } }, { token: admin });
    expect(cancelled.data.cancelActivity.activity).toMatchObject({
      state: 'CANCELLED',
      viewerCanCancel: true,
    });
    const again = await api.gql(CANCEL, { input: { activityId: theirs.id } }, { token: design });
    expect(again.data.cancelActivity.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_CANCELLED' }),
    ]);
    const [row] = await api.sql(`select status, cancelled_at from activity where id = $1`, [
      Number(Buffer.from(theirs.id, 'base64url').toString().split(':')[1]),
    ]);
    expect(row.status).toBe('CANCELLED');
    expect(row.cancelled_at).not.toBeNull();
  });

  test('cancelling at the same time as the store ends it: the row lock serialises them, one answer each', async ({
    api,
    login,
  }) => {
    const staff = await login(staffOf(COFFEE));
    const admin = await login('admin@example.com');
    const running = (
      await create(api, staff, {
        nameEn: 'Race',
        allProducts: false,
        productIds: [await productId(api, 'house-espresso-blend')],
      })
    ).activity;
    const [cancelled, ended] = await Promise.all([
      api.gql(CANCEL, { input: { activityId: running.id } }, { token: admin }),
      api.gql(UPDATE, { input: { activityId: running.id, endsAt: at(-HOUR) } }, { token: staff }),
    ]);
    const outcomes = [cancelled.data.cancelActivity, ended.data.updateActivity];
    const won = outcomes.filter((o) => o.activity);
    const lost = outcomes.filter((o) => !o.activity);
    // Whichever ran second sees the first one's result: cancelled → NOT_EDITABLE, ended → ALREADY_ENDED.
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(['NOT_EDITABLE', 'ALREADY_ENDED']).toContain(lost[0].userErrors[0].code);
    const [row] = await api.sql(`select status, ends_at from activity where name_en = 'Race'`);
    expect(row.status === 'CANCELLED' || new Date(row.ends_at) <= new Date()).toBe(true);
  });

  test('staffActivities sorts and pages with cursors', async ({ api, login }) => {
    const staff = await login(staffOf(COFFEE));
    for (let i = 0; i < 3; i++)
      await create(api, staff, {
        nameEn: `Page ${i}`,
        startsAt: at((i + 1) * HOUR),
        endsAt: at((i + 5) * HOUR),
      });
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: Gql = await api.gql(
        LIST,
        { first: 1, after, filter: { query: 'page ' }, sort: { field: 'STARTS_AT', direction: 'DESC' } },
        { token: staff },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.staffActivities.totalCount).toBe(3);
      names.push(...res.data.staffActivities.nodes.map((n: Gql) => n.nameEn));
      if (!res.data.staffActivities.pageInfo.hasNextPage) break;
      after = res.data.staffActivities.pageInfo.endCursor;
    }
    expect(names).toEqual(['Page 2', 'Page 1', 'Page 0']);
  });
});

describe('the catalog read path', () => {
  test('prices of a whole page of variants take one activity query, however many products', async ({
    api,
    login,
  }) => {
    const staff = await login(staffOf(COFFEE));
    const sale = await create(api, staff, { nameEn: 'Batch check', value: 2000 });
    const em = api.platform.orm.em.fork() as EntityManager;
    const variants = await em.find(ProductVariantEntity, {}, { limit: 60, orderBy: { id: 'asc' } });
    expect(new Set(variants.map((v) => v.product.id)).size).toBeGreaterThan(10);
    // The lean read path runs prepared statements on the ORM's pg pool.
    const pool = await (em.getConnection() as PostgreSqlConnection).getNativeClient();
    const query = vi.spyOn(pool, 'query');
    const loaders = activitiesLoaders(em);
    const prices = await Promise.all(variants.map((v) => loaders.priceOf(v)));
    expect(query).toHaveBeenCalledTimes(1);
    const [merchant] = await api.sql('select id from merchant where handle = $1', [COFFEE]);
    const coffee = await em.find(
      ProductVariantEntity,
      { product: { merchant: merchant.id } },
      { fields: ['id'] },
    );
    const coffeeIds = new Set(coffee.map((v) => v.id));
    variants.forEach((v, i) => {
      const p = prices[i]!;
      if (coffeeIds.has(v.id)) expect(p.price.minor).toBe(v.priceMinor - Math.round(v.priceMinor * 0.2));
      else expect(p).toMatchObject({ price: { minor: v.priceMinor }, compareAtPrice: null });
    });
    await api.gql(CANCEL, { input: { activityId: sale.activity.id } }, { token: staff });
  });
});

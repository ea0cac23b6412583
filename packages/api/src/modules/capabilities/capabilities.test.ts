import type { TestApi } from '../../../test/harness.js';
import { Migration20261122080100_capabilities } from '../../db/migrations/Migration20261122080100_capabilities.js';
import { addToCart, newShopper, variant } from '../checkout/checkout.test-support.js';
import {
  CARDS,
  cardToken,
  checkoutWith,
  dbId,
  describe,
  expect,
  type Gql,
  pay,
  test,
} from '../payments/payments.test-support.js';

const STANDING = `{ viewer { email standing {
  accountStatus storeStatus restricted restrictions
  sanctions { subject kind reason startsAt endsAt }
  warnings { rule correctionDueAt } } } }`;
const SHIP = `mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) {
  orders { id status } userErrors { code message field } } }`;
const DELIVER = `mutation ($input: DeliverConsultationReportInput!) { deliverConsultationReport(input: $input) {
  order { status } userErrors { code message } } }`;
const CREATE_PRODUCT = `mutation ($input: CreateProductInput!) { createProduct(input: $input) {
  product { id } userErrors { code message } } }`;
const CREATE_COUPON = `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) {
  coupon { id } userErrors { code message } } }`;
const UPDATE_MERCHANT = `mutation ($id: ID!, $input: UpdateMerchantInput!) { updateMerchant(id: $id, input: $input) {
  merchant { id } userErrors { code message } } }`;
const INVITE = `mutation ($input: InviteMerchantStaffInput!) { inviteMerchantStaff(input: $input) {
  user { id } userErrors { code message } } }`;
const START = `mutation ($input: StartConversationInput!) { startConversation(input: $input) {
  conversation { id } userErrors { code message } } }`;
const WRITE_REVIEW = `mutation ($input: WriteReviewInput!) { writeReview(input: $input) {
  review { id } userErrors { code message } } }`;
const STAFF_ORDERS = `{ staffOrders(first: 5) { nodes { id status } } }`;

const staffOf = (handle: string) => `staff@${handle}.example.com`;
const ENDS = '2026-12-24T00:00:00.000Z';

const count = async (api: TestApi, table: string) =>
  (await api.sql(`select count(*)::int as n from ${table}`))[0].n as number;

/** Everything a refused call could have written. */
async function fingerprint(api: TestApi) {
  const tables = [
    'product',
    'coupon',
    'conversation',
    'conversation_message',
    'review',
    'user_account',
    'merchant',
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables)
    out[t] = (await api.sql(`select md5(string_agg(x::text, ',' order by x::text)) as h from ${t} x`))[0].h;
  out.orders = await api.sql(
    'select id, status, shipping_carrier, tracking_number from customer_order order by id',
  );
  out.emails = await count(api, 'email_message');
  return out;
}

async function freezeUser(api: TestApi, email: string, reason: string) {
  const [u] = await api.sql(
    `update user_account set status = 'GENERAL_FROZEN' where email = $1 returning id`,
    [email],
  );
  await api.sql(
    `insert into sanction (kind, subject_type, user_id, reason, automatic, starts_at, ends_at)
     values ('GENERAL_FREEZE', 'USER', $1, $2, true, now(), $3)`,
    [u.id, reason, ENDS],
  );
}

async function setStore(api: TestApi, handle: string, status: string, reason?: string) {
  const [m] = await api.sql('update merchant set status = $2 where handle = $1 returning id', [
    handle,
    status,
  ]);
  await api.sql(`update sanction set lifted_at = now() where merchant_id = $1 and lifted_at is null`, [m.id]);
  const kind =
    status === 'GENERAL_FROZEN' ? 'GENERAL_FREEZE' : status === 'SAFE_FROZEN' ? 'SAFE_FREEZE' : null;
  if (kind && reason)
    await api.sql(
      `insert into sanction (kind, subject_type, merchant_id, reason, starts_at, ends_at)
       values ($2, 'MERCHANT', $1, $3, now(), $4)`,
      [m.id, kind, reason, kind === 'SAFE_FREEZE' ? null : ENDS],
    );
  return m.id as number;
}

/** The answer of a refused call: the payload's restriction userError, never a change. */
function restrictedCode(res: Gql, field: string): string {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const payload = res.data[field];
  expect(payload.userErrors).toHaveLength(1);
  return payload.userErrors[0].code;
}

const PRODUCT_INPUT = {
  kind: 'GOODS',
  titleEn: 'Frozen beans',
  titleZh: '凍結豆',
  variants: [{ sku: `FRZ-${Date.now()}`, price: '100', stock: 1, titleEn: 'Bag', titleZh: '袋' }],
};
const COUPON_INPUT = { code: 'FROZEN10', kind: 'FIXED_AMOUNT', value: 1000 };

describe('capabilities: the one check', () => {
  test('an account in good standing: no banner, nothing restricted', async ({ api, login }) => {
    const res = await api.gql(STANDING, {}, { token: await login('shopper@example.com') });
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer.standing).toEqual({
      accountStatus: 'ACTIVE',
      storeStatus: null,
      restricted: false,
      restrictions: [],
      sanctions: [],
      warnings: [],
    });
    const staff = await api.gql(STANDING, {}, { token: await login(staffOf('formosa-roasters')) });
    expect(staff.data.viewer.standing).toMatchObject({ storeStatus: 'ACTIVE', restricted: false });
  });

  test('an open warning is shown with its rule (in the asked language) and deadline, without restricting anything', async ({
    api,
    login,
  }) => {
    const shopper = await newShopper(api);
    const [rule] = await api.sql(
      `insert into penalty_rule (code, title_en, title_zh) values ('T1-SPAM', 'Spam messages', '垃圾訊息') returning id`,
    );
    await api.sql(
      `insert into violation (subject_type, user_id, rule_id, evidence, recorded_at, correction_due_at)
       values ('USER', $1, $2, 'Links in every message', now(), $3)`,
      [shopper.userId, rule.id, ENDS],
    );
    const query = `query ($locale: Locale) { viewer { standing(locale: $locale) {
      restricted restrictions sanctions { kind } warnings { rule correctionDueAt correctionRequested } } } }`;
    const zh = await api.gql(query, { locale: 'ZH_TW' }, { token: shopper.token });
    expect(zh.data.viewer.standing).toEqual({
      restricted: false,
      restrictions: [],
      sanctions: [],
      warnings: [{ rule: '垃圾訊息', correctionDueAt: ENDS, correctionRequested: false }],
    });
    const en = await api.gql(query, { locale: 'EN' }, { token: shopper.token });
    expect(en.data.viewer.standing.warnings[0].rule).toBe('Spam messages');
    // Platform staff see any account's standing; nobody else sees another account's.
    const USERS = `query ($q: String) { staffUsers(first: 5, filter: { query: $q }) {
      nodes { email standing { warnings { rule } } } } }`;
    const admin = await api.gql(USERS, { q: shopper.email }, { token: await login('admin@example.com') });
    expect(admin.data.staffUsers.nodes).toEqual([
      { email: shopper.email, standing: { warnings: [{ rule: 'Spam messages' }] } },
    ]);
  });

  test('a general-frozen shopper still buys and pays, but cannot start a conversation or write a review', async ({
    api,
    sandbox,
  }) => {
    const a = await checkoutWith(api, 'goods');
    await freezeUser(api, a.email, 'Spam in product questions');

    const standing = (await api.gql(STANDING, {}, { token: a.token })).data.viewer.standing;
    expect(standing).toMatchObject({
      accountStatus: 'GENERAL_FROZEN',
      storeStatus: null,
      restricted: true,
      sanctions: [
        { subject: 'ACCOUNT', kind: 'GENERAL_FREEZE', reason: 'Spam in product questions', endsAt: ENDS },
      ],
    });
    expect(standing.restrictions).toEqual(
      expect.arrayContaining(['REVIEW_WRITE', 'CONVERSATION_START', 'LISTING_EDIT']),
    );
    expect(standing.restrictions).not.toContain('PURCHASE');
    expect(standing.restrictions).not.toContain('CONVERSATION_REPLY');

    // Buying and paying keep working.
    const payment = await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    expect(payment.payment.status).toBe('SUCCEEDED');
    await addToCart(api, a.token, await variant(api, 'CAF-ETH-500', { price: 3200, stock: 50 }), 1);

    // Starting a conversation and writing a review are refused, and nothing changes.
    const before = await fingerprint(api);
    const start = await api.gql(
      START,
      { input: { to: 'PLATFORM', subject: 'Hello', body: 'I would like to ask something.' } },
      { token: a.token },
    );
    expect(restrictedCode(start, 'startConversation')).toBe('ACCOUNT_RESTRICTED');
    expect(start.data.startConversation.userErrors[0].message).toContain('general freeze');
    expect(start.data.startConversation.userErrors[0].message).toContain(ENDS);
    expect(start.data.startConversation.userErrors[0].message).toContain('Spam in product questions');
    const review = await api.gql(
      WRITE_REVIEW,
      { input: { orderId: a.orders[0].id, rating: 5, text: 'Great coffee!' } },
      { token: a.token },
    );
    expect(restrictedCode(review, 'writeReview')).toBe('ACCOUNT_RESTRICTED');
    expect(await fingerprint(api)).toEqual(before);
  });

  test('a general-frozen store still ships its orders but cannot change listings or coupons', async ({
    api,
    sandbox,
    login,
  }) => {
    const a = await checkoutWith(api, 'goods');
    await pay(api, a.token, {
      checkoutId: a.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    const handle = a.coffee.merchantHandle as string;
    const staff = await login(staffOf(handle));
    await setStore(api, handle, 'GENERAL_FROZEN', 'Misleading listings');
    try {
      const standing = (await api.gql(STANDING, {}, { token: staff })).data.viewer.standing;
      expect(standing).toMatchObject({
        accountStatus: 'ACTIVE',
        storeStatus: 'GENERAL_FROZEN',
        sanctions: [
          { subject: 'STORE', kind: 'GENERAL_FREEZE', reason: 'Misleading listings', endsAt: ENDS },
        ],
      });
      expect(standing.restrictions).toContain('LISTING_PUBLISH');
      expect(standing.restrictions).not.toContain('ORDER_PROCESS');

      const before = await fingerprint(api);
      const product = await api.gql(CREATE_PRODUCT, { input: PRODUCT_INPUT }, { token: staff });
      expect(restrictedCode(product, 'createProduct')).toBe('MERCHANT_RESTRICTED');
      expect(product.data.createProduct.userErrors[0].message).toContain(
        'Your store is under a general freeze',
      );
      const coupon = await api.gql(CREATE_COUPON, { input: COUPON_INPUT }, { token: staff });
      expect(restrictedCode(coupon, 'createCoupon')).toBe('MERCHANT_FROZEN');
      expect(await fingerprint(api)).toEqual(before);

      // Order processing keeps working.
      const order = a.orders.find((o: Gql) => o.merchant.handle === handle);
      const ship = await api.gql(
        SHIP,
        {
          input: {
            orders: [{ orderId: order.id, carrier: 'Chunghwa Post', trackingNumber: 'RR123456789TW' }],
          },
        },
        { token: staff },
      );
      expect(ship.errors).toBeUndefined();
      expect(ship.data.shipOrders.userErrors).toEqual([]);
      expect(ship.data.shipOrders.orders[0].status).toBe('SHIPPED');
    } finally {
      await setStore(api, handle, 'ACTIVE');
    }
  });

  test('a safe-frozen store’s staff read but every change is refused, order processing included', async ({
    api,
    sandbox,
    login,
  }) => {
    const goods = await checkoutWith(api, 'goods');
    await pay(api, goods.token, {
      checkoutId: goods.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    const handle = goods.coffee.merchantHandle as string;
    const service = await checkoutWith(api, 'service');
    await pay(api, service.token, {
      checkoutId: service.checkoutId,
      method: 'UNIONPAY_CARD',
      cardToken: await cardToken(sandbox, CARDS.success),
    });
    const serviceHandle = service.consult.merchantHandle as string;
    const staff = await login(staffOf(handle));
    const serviceStaff = await login(staffOf(serviceHandle));
    const [{ id: merchantId }] = await api.sql('select id from merchant where handle = $1', [handle]);
    // Statuses set directly (not through freezeMerchant) so the paid orders are still there to try.
    await setStore(api, handle, 'SAFE_FROZEN', 'Suspected counterfeit goods');
    if (serviceHandle !== handle) await setStore(api, serviceHandle, 'SAFE_FROZEN', 'Suspected fraud');
    try {
      const standing = (await api.gql(STANDING, {}, { token: staff })).data.viewer.standing;
      expect(standing).toMatchObject({
        storeStatus: 'SAFE_FROZEN',
        restricted: true,
        sanctions: [
          { subject: 'STORE', kind: 'SAFE_FREEZE', reason: 'Suspected counterfeit goods', endsAt: null },
        ],
      });
      expect(standing.restrictions).toEqual(
        expect.arrayContaining([
          'ORDER_PROCESS',
          'LISTING_EDIT',
          'COUPON_MANAGE',
          'STORE_PROFILE',
          'TEAM_MANAGE',
        ]),
      );
      expect(standing.restrictions).not.toContain('CONVERSATION_REPLY');

      // Reading keeps working.
      const read = await api.gql(STAFF_ORDERS, {}, { token: staff });
      expect(read.errors).toBeUndefined();
      expect(read.data.staffOrders.nodes.length).toBeGreaterThan(0);

      const before = await fingerprint(api);
      const order = goods.orders.find((o: Gql) => o.merchant.handle === handle);
      const ship = await api.gql(
        SHIP,
        {
          input: {
            orders: [{ orderId: order.id, carrier: 'Chunghwa Post', trackingNumber: 'RR123456789TW' }],
          },
        },
        { token: staff },
      );
      expect(restrictedCode(ship, 'shipOrders')).toBe('ACCOUNT_RESTRICTED');
      expect(ship.data.shipOrders.orders).toEqual([]);
      expect(ship.data.shipOrders.userErrors[0].message).toContain('Your store is under a safe freeze');
      expect(ship.data.shipOrders.userErrors[0].message).toContain('Suspected counterfeit goods');

      const deliver = await api.gql(
        DELIVER,
        { input: { orderId: service.orders[0].id, title: 'Memo', body: 'Findings.' } },
        { token: serviceStaff },
      );
      expect(restrictedCode(deliver, 'deliverConsultationReport')).toBe('ACCOUNT_RESTRICTED');

      const product = await api.gql(CREATE_PRODUCT, { input: PRODUCT_INPUT }, { token: staff });
      expect(restrictedCode(product, 'createProduct')).toBe('MERCHANT_RESTRICTED');
      const coupon = await api.gql(CREATE_COUPON, { input: COUPON_INPUT }, { token: staff });
      expect(restrictedCode(coupon, 'createCoupon')).toBe('MERCHANT_FROZEN');
      const profile = await api.gql(
        UPDATE_MERCHANT,
        { id: Buffer.from(`Merchant:${merchantId}`).toString('base64url'), input: { nameEn: 'Renamed' } },
        { token: staff },
      );
      expect(restrictedCode(profile, 'updateMerchant')).toBe('MERCHANT_FROZEN');
      const invite = await api.gql(
        INVITE,
        { input: { email: 'new-hire@example.com', displayName: 'New Hire' } },
        { token: staff },
      );
      expect(restrictedCode(invite, 'inviteMerchantStaff')).toBe('MERCHANT_FROZEN');
      expect(await fingerprint(api)).toEqual(before);
      const [row] = await api.sql('select status from customer_order where id = $1', [dbId(order.id)]);
      expect(row.status).toBe('AWAITING_SHIPMENT');
    } finally {
      await setStore(api, handle, 'ACTIVE');
      await setStore(api, serviceHandle, 'ACTIVE');
    }
  });

  test('a mutation without a payload code answers a top-level FORBIDDEN naming the restriction', async ({
    api,
  }) => {
    const shopper = await newShopper(api);
    await freezeUser(api, shopper.email, 'Abusive messages');
    // Platform-staff operations are `platform.operate`: a frozen shopper is refused before the role check.
    const res = await api.gql(
      'mutation { publishHelpArticle(id: "SGVscEFydGljbGU6MQ") { article { id } userErrors { code } } }',
      {},
      { token: shopper.token },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ACCOUNT_RESTRICTED',
      action: 'platform.operate',
      subject: 'ACCOUNT',
      kind: 'GENERAL_FREEZE',
      endsAt: ENDS,
    });
  });

  test('the help center explains the restrictions in both languages; the migration adds it to a loaded help center', async ({
    api,
  }) => {
    const ONE = `query ($slug: String!) { helpArticle(slug: $slug) { topic en: body(locale: EN) zh: body(locale: ZH_TW)
      titleEn: title(locale: EN) titleZh: title(locale: ZH_TW) } }`;
    const article = (await api.gql(ONE, { slug: 'account-restrictions' })).data.helpArticle;
    expect(article).toMatchObject({ topic: 'RULES', titleZh: '帳號限制：受處罰期間還能做什麼' });
    for (const words of [
      '## General freeze',
      '## Safe freeze',
      '## Account deletion',
      '## Claims',
      '3 days',
      '30 days',
    ])
      expect(article.en).toContain(words);
    for (const words of [
      '## 一般凍結',
      '## 安全凍結',
      '## 刪除帳號',
      '## 求償',
      '3 天',
      '30 天內違規超過三次',
    ])
      expect(article.zh).toContain(words);

    // A database whose help center was loaded before this article existed gets it from the migration, once.
    const orm = api.platform.orm;
    const run = async () => {
      const migration = new Migration20261122080100_capabilities(orm.em.getDriver(), orm.config);
      await migration.up();
      for (const q of migration.getQueries()) await api.sql(String(q));
    };
    await api.sql(`delete from help_article where slug = 'account-restrictions'`);
    await run();
    await run();
    const rows = await api.sql(`select slug, position, published from help_article order by position`);
    expect(rows.filter((r) => r.slug === 'account-restrictions')).toHaveLength(1);
    expect(rows.at(-1)).toMatchObject({ slug: 'account-restrictions', published: true });
    // An empty help center is left to the seed (which loads every article, this one included).
    await api.sql('delete from help_article');
    await run();
    expect(await count(api, 'help_article')).toBe(0);
  });
});

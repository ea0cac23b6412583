import { commissionSplit, money } from '@marketplace/core';
import type { TestApi } from '../../../test/harness.js';
import {
  cancelWithRefund,
  confirmReceipt,
  gidOf,
  paidByCard,
  ship,
  staffOf,
} from '../funds/funds.test-support.js';
import { checkoutWith, describe, expect, type Gql, test } from '../payments/payments.test-support.js';

const ADMIN = 'admin@example.com';
const MONEY = 'minorUnits';
const EFFECTS = `unpublishedProductIds unpublishedProductCount cancelledActivityIds cancelledActivityCount
  deactivatedCouponIds deactivatedCouponCount closedOrderIds closedOrderCount failedOrderIds failedOrderCount refundIds
  frozenFromPending { ${MONEY} } frozenFromAvailable { ${MONEY} } frozenTotal { ${MONEY} }`;
const FREEZE = `mutation ($input: FreezeMerchantInput!) { freezeMerchant(input: $input) {
  merchant { id status } effects { ${EFFECTS} } refunds { status orderNumber amount { ${MONEY} } }
  userErrors { code field message } } }`;
const UNFREEZE = `mutation ($input: UnfreezeMerchantInput!) { unfreezeMerchant(input: $input) {
  merchant { status } releasedToPending { ${MONEY} } releasedToAvailable { ${MONEY} } userErrors { code field } } }`;
const FUNDS = `query ($merchantId: ID) { merchantFunds(merchantId: $merchantId) {
  pending { ${MONEY} } available { ${MONEY} } frozen { ${MONEY} } } }`;
const STOREFRONT = `query ($merchantId: ID) { products(first: 100, merchantId: $merchantId) { nodes { id } } }`;

const net = (minor: number) => commissionSplit(money(minor, 'USD'), 0).net.minor;

async function funds(api: TestApi, admin: string, merchantId: number) {
  const res = await api.gql(FUNDS, { merchantId: gidOf('Merchant', merchantId) }, { token: admin });
  expect(res.errors).toBeUndefined();
  const f = res.data.merchantFunds;
  return { pending: f.pending.minorUnits, available: f.available.minorUnits, frozen: f.frozen.minorUnits };
}

/** Everything of a store that a refused change must leave as it was. */
async function storeSnapshot(api: TestApi, merchantId: number) {
  const [row] = await api.sql(
    `select (select json_agg(json_build_object('id', id, 'status', status, 'title', title_en, 'updated', updated_at) order by id) from product where merchant_id = $1) as products,
            (select json_agg(json_build_object('id', id, 'active', active) order by id) from coupon where merchant_id = $1) as coupons,
            (select json_agg(json_build_object('id', id, 'status', status) order by id) from activity where merchant_id = $1) as activities,
            (select json_agg(json_build_object('id', id, 'status', status) order by id) from customer_order where merchant_id = $1) as orders,
            (select count(*)::int from ledger_entry where merchant_id = $1) as entries,
            (select status from merchant where id = $1) as status,
            (select description_en from merchant where id = $1) as description,
            (select count(*)::int from payment_refund) as refunds,
            (select count(*)::int from safe_freeze) as freezes`,
    [merchantId],
  );
  return row!;
}

describe('freezeMerchant', () => {
  test('every effect on a store with orders in every status, harmless twice, read-only staff, unfreeze restores the buckets', async ({
    api,
    sandbox,
    login,
  }) => {
    const admin = await login(ADMIN);
    const support = await login('support@example.com');

    // Store A (the coffee roasters) with an order in every status; store B (the mugs) shares the checkouts.
    const completed = await paidByCard(api, sandbox);
    const shipped = await paidByCard(api, sandbox);
    const failedBefore = await paidByCard(api, sandbox);
    const paid = await paidByCard(api, sandbox);
    const unpaid = await checkoutWith(api, 'goods');
    const storeA = completed.coffee.merchantId;
    const storeB = completed.mug.merchantId;
    const handleA = completed.coffee.merchantHandle;
    const staffA = await login(staffOf(handleA));

    const ofA = (c: { orders: Gql[] }) => c.orders.find((o) => o.merchant?.handle === handleA) ?? c.orders[0];
    const [aCompleted, aShipped, aFailed, aPaid, aUnpaid] = [
      completed,
      shipped,
      failedBefore,
      paid,
      unpaid,
    ].map(ofA);
    await ship(api, staffA, aCompleted.id);
    await confirmReceipt(api, completed.token, aCompleted.id);
    await ship(api, staffA, aShipped.id);
    await cancelWithRefund(api, failedBefore.token, support, aFailed);
    const statusOf = async (o: Gql) =>
      (await api.sql('select status from customer_order where id = $1', [dbIdOf(o.id)]))[0]!.status;
    expect(await Promise.all([aCompleted, aShipped, aFailed, aPaid, aUnpaid].map(statusOf))).toEqual([
      'COMPLETED',
      'SHIPPED',
      'FAILED',
      'AWAITING_SHIPMENT',
      'AWAITING_PAYMENT',
    ]);
    // A running activity and a store coupon.
    const [activity] = await api.sql<{ id: number }>(
      `insert into activity (merchant_id, name_en, name_zh, kind, value, currency, starts_at, ends_at)
       values ($1, 'Autumn sale', '秋季特賣', 'PERCENTAGE', 1000, 'USD', now() - interval '1 day', now() + interval '5 days') returning id`,
      [storeA],
    );
    const [coupon] = await api.sql<{ id: number }>(
      `insert into coupon (code, merchant_id, kind, value, currency, active) values ('FREEZEME', $1, 'PERCENTAGE', 1000, 'USD', true) returning id`,
      [storeA],
    );
    const published = (
      await api.sql<{ id: number }>(
        `select id from product where merchant_id = $1 and status = 'PUBLISHED' order by id`,
        [storeA],
      )
    ).map((r) => r.id);
    expect(published.length).toBeGreaterThan(0);
    const storefront = async (merchantId: number) =>
      (await api.gql(STOREFRONT, { merchantId: gidOf('Merchant', merchantId) })).data.products.nodes.length;
    expect(await storefront(storeA)).toBe(published.length);
    const storeBBefore = await storeSnapshot(api, storeB);
    const before = await funds(api, admin, storeA);
    expect(before).toEqual({
      pending: net(aShipped.total.minorUnits) + net(aPaid.total.minorUnits),
      available: net(aCompleted.total.minorUnits),
      frozen: 0,
    });

    // Customer service and the store's own staff cannot freeze.
    const input = {
      merchantId: gidOf('Merchant', storeA),
      reason: 'Counterfeit goods reported by several buyers',
    };
    for (const token of [support, staffA]) {
      const res = await api.gql(FREEZE, { input }, { token });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // Bad input changes nothing.
    const untouched = await storeSnapshot(api, storeA);
    const blank = (await api.gql(FREEZE, { input: { ...input, reason: '  ' } }, { token: admin })).data
      .freezeMerchant;
    expect(blank.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_REASON', field: ['input', 'reason'] }),
    ]);
    expect(await storeSnapshot(api, storeA)).toEqual(untouched);

    const res = await api.gql(FREEZE, { input }, { token: admin });
    expect(res.errors).toBeUndefined();
    const frozen = res.data.freezeMerchant;
    expect(frozen.userErrors).toEqual([]);
    expect(frozen.merchant.status).toBe('SAFE_FROZEN');
    const frozenTotal = net(aShipped.total.minorUnits) + net(aCompleted.total.minorUnits);
    expect(frozen.effects).toEqual({
      unpublishedProductIds: published.map((id) => gidOf('Product', id)),
      unpublishedProductCount: published.length,
      cancelledActivityIds: [gidOf('Activity', activity!.id)],
      cancelledActivityCount: 1,
      deactivatedCouponIds: expect.arrayContaining([gidOf('Coupon', coupon!.id)]),
      deactivatedCouponCount: expect.any(Number),
      closedOrderIds: [aUnpaid.id],
      closedOrderCount: 1,
      failedOrderIds: [aPaid.id],
      failedOrderCount: 1,
      refundIds: [expect.any(String)],
      frozenFromPending: { minorUnits: net(aShipped.total.minorUnits) },
      frozenFromAvailable: { minorUnits: net(aCompleted.total.minorUnits) },
      frozenTotal: { minorUnits: frozenTotal },
    });
    // The paid, unshipped order's full refund went through the gateway sandbox.
    expect(frozen.refunds).toEqual([
      { status: 'SUCCEEDED', orderNumber: aPaid.number, amount: { minorUnits: aPaid.total.minorUnits } },
    ]);
    const [refundRow] = await api.sql(
      `select r.gateway_refund_id, r.amount_minor from payment_refund r where r.order_id = $1 and r.status = 'SUCCEEDED'`,
      [dbIdOf(aPaid.id)],
    );
    const sandboxRefunds = (sandbox.state() as Gql).card.charges.flatMap((c: Gql) => c.refunds ?? []);
    expect(sandboxRefunds).toContainEqual(
      expect.objectContaining({ id: refundRow!.gateway_refund_id, amount: aPaid.total.minorUnits }),
    );

    // Statuses: unpaid CLOSED, paid FAILED, shipped and completed unchanged, the earlier failure too.
    expect(await Promise.all([aCompleted, aShipped, aFailed, aPaid, aUnpaid].map(statusOf))).toEqual([
      'COMPLETED',
      'SHIPPED',
      'FAILED',
      'FAILED',
      'CLOSED',
    ]);
    // Funds: the refund came out of pending first, then everything left moved to frozen.
    expect(await funds(api, admin, storeA)).toEqual({ pending: 0, available: 0, frozen: frozenTotal });
    const entries = await api.sql(
      `select kind, bucket, amount_minor, order_id from ledger_entry where merchant_id = $1 and kind in ('FREEZE', 'ORDER_REFUNDED') order by id`,
      [storeA],
    );
    expect(entries.slice(-5)).toEqual([
      {
        kind: 'ORDER_REFUNDED',
        bucket: 'PENDING',
        amount_minor: -net(aPaid.total.minorUnits),
        order_id: dbIdOf(aPaid.id),
      },
      {
        kind: 'FREEZE',
        bucket: 'PENDING',
        amount_minor: -net(aShipped.total.minorUnits),
        order_id: dbIdOf(aShipped.id),
      },
      {
        kind: 'FREEZE',
        bucket: 'FROZEN',
        amount_minor: net(aShipped.total.minorUnits),
        order_id: dbIdOf(aShipped.id),
      },
      {
        kind: 'FREEZE',
        bucket: 'AVAILABLE',
        amount_minor: -net(aCompleted.total.minorUnits),
        order_id: null,
      },
      { kind: 'FREEZE', bucket: 'FROZEN', amount_minor: net(aCompleted.total.minorUnits), order_id: null },
    ]);
    // Listings, activity, coupon.
    expect(await storefront(storeA)).toBe(0);
    const product = await api.gql(`query ($id: ID!) { product(id: $id) { id } }`, {
      id: gidOf('Product', published[0]!),
    });
    expect(product.data.product).toBeNull();
    expect(
      (
        await api.sql(
          `select count(*)::int as n from product where merchant_id = $1 and status = 'PUBLISHED'`,
          [storeA],
        )
      )[0]!.n,
    ).toBe(0);
    expect((await api.sql('select status from activity where id = $1', [activity!.id]))[0]!.status).toBe(
      'CANCELLED',
    );
    expect((await api.sql('select active from coupon where id = $1', [coupon!.id]))[0]!.active).toBe(false);
    // Store B is untouched; staff were told; it is audited.
    expect(await storeSnapshot(api, storeB)).toEqual({
      ...storeBBefore,
      refunds: expect.any(Number),
      freezes: 1,
    });
    const mails = await api.sql(
      `select locale from email_message where template = 'penalties.store-frozen' and "to" = $1`,
      [staffOf(handleA)],
    );
    expect(mails.length).toBe(1);
    const audit = await api.sql(
      `select action, subject_id from audit_log_entry where action = 'merchant.safe_freeze'`,
    );
    expect(audit).toEqual([{ action: 'merchant.safe_freeze', subject_id: storeA }]);
    const sanctions = () =>
      api.sql(`select kind, lifted_at is null as active from sanction where merchant_id = $1 order by id`, [
        storeA,
      ]);
    expect(await sanctions()).toEqual([{ kind: 'SAFE_FREEZE', active: true }]);

    // Freezing twice is harmless: a typed ALREADY_FROZEN and nothing changes.
    const once = await storeSnapshot(api, storeA);
    const twice = (await api.gql(FREEZE, { input }, { token: admin })).data.freezeMerchant;
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_FROZEN' })]);
    expect(twice.effects).toBeNull();
    expect(twice.merchant.status).toBe('SAFE_FROZEN');
    expect(await storeSnapshot(api, storeA)).toEqual(once);

    // The store's staff: reading works, every change is refused with a typed error and changes nothing.
    const read = await api.gql(`query { merchantFunds { frozen { ${MONEY} } } }`, {}, { token: staffA });
    expect(read.data.merchantFunds.frozen.minorUnits).toBe(frozenTotal);
    const attempts: [string, Record<string, unknown>, string][] = [
      [
        `mutation ($id: ID!) { publishProduct(productId: $id) { product { id } userErrors { code } } }`,
        { id: gidOf('Product', published[0]!) },
        'publishProduct',
      ],
      [
        `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { product { id } userErrors { code } } }`,
        { input: { productId: gidOf('Product', published[0]!), titleEn: 'Changed while frozen' } },
        'updateProduct',
      ],
      [
        `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { coupon { id } userErrors { code } } }`,
        { input: { code: 'FROZENNEW', kind: 'FIXED_AMOUNT', value: 100 } },
        'createCoupon',
      ],
      [
        `mutation ($input: CouponIdInput!) { reactivateCoupon(input: $input) { coupon { id } userErrors { code } } }`,
        { input: { couponId: gidOf('Coupon', coupon!.id) } },
        'reactivateCoupon',
      ],
      [
        `mutation ($id: ID!) { updateMerchant(id: $id, input: { descriptionEn: "Changed while frozen" }) { merchant { id } userErrors { code } } }`,
        { id: gidOf('Merchant', storeA) },
        'updateMerchant',
      ],
    ];
    for (const [query, variables, field] of attempts) {
      const r = await api.gql(query, variables, { token: staffA });
      if (r.errors) {
        // Operations without a restriction code in their payload answer FORBIDDEN (capabilities).
        expect(r.errors[0]?.extensions?.code, field).toBe('FORBIDDEN');
      } else {
        expect(
          r.data[field].userErrors.map((e: Gql) => e.code),
          field,
        ).toEqual([expect.stringMatching(/^(MERCHANT_FROZEN|MERCHANT_RESTRICTED|ACCOUNT_RESTRICTED)$/)]);
      }
      expect(await storeSnapshot(api, storeA), field).toEqual(once);
    }

    // Unfreeze: each amount back to the bucket it came from; listings stay unpublished.
    for (const token of [support, staffA]) {
      const r = await api.gql(UNFREEZE, { input }, { token });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const lifted = (
      await api.gql(UNFREEZE, { input: { ...input, reason: 'Investigation closed' } }, { token: admin })
    ).data.unfreezeMerchant;
    expect(lifted).toEqual({
      merchant: { status: 'ACTIVE' },
      releasedToPending: { minorUnits: net(aShipped.total.minorUnits) },
      releasedToAvailable: { minorUnits: net(aCompleted.total.minorUnits) },
      userErrors: [],
    });
    expect(await funds(api, admin, storeA)).toEqual({
      pending: net(aShipped.total.minorUnits),
      available: net(aCompleted.total.minorUnits),
      frozen: 0,
    });
    expect(await storefront(storeA)).toBe(0);
    expect(await sanctions()).toEqual([{ kind: 'SAFE_FREEZE', active: false }]);
    const lift = await api.sql(
      `select before, after, reason from audit_log_entry where action = 'merchant.safe_freeze.lift' and subject_id = $1`,
      [storeA],
    );
    expect(lift).toEqual([
      {
        before: expect.objectContaining({ status: 'SAFE_FROZEN' }),
        after: {
          status: 'ACTIVE',
          toPendingMinor: net(aShipped.total.minorUnits),
          toAvailableMinor: net(aCompleted.total.minorUnits),
        },
        reason: 'Investigation closed',
      },
    ]);
    const again = (await api.gql(UNFREEZE, { input }, { token: admin })).data.unfreezeMerchant;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FROZEN' })]);
    // The shipped order completes normally afterwards: its money reaches available.
    await confirmReceipt(api, shipped.token, aShipped.id);
    expect(await funds(api, admin, storeA)).toEqual({
      pending: 0,
      available: net(aShipped.total.minorUnits) + net(aCompleted.total.minorUnits),
      frozen: 0,
    });
  });
});

const FILE = `mutation ($input: FileClaimInput!) { fileClaim(input: $input) {
  claim { id number status title merchant { status } orders { number } affectedUsers { email } }
  freezeEffects { failedOrderCount closedOrderCount frozenTotal { ${MONEY} } } userErrors { code field } } }`;
const DECIDE = `mutation ($input: DecideClaimInput!) { decideClaim(input: $input) {
  claim { id status outcome decisionNote compensations { order { number } amount { ${MONEY} } refund { status } } }
  refunds { status amount { ${MONEY} } } userErrors { code field } } }`;
const DELETE = `mutation ($input: DeleteMerchantAccountInput!) { deleteMerchantAccount(input: $input) {
  merchant { status } closedStaffAccountCount revokedSessionCount cancelledReviewCount userErrors { code } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;

describe('freezeMerchant racing with payment and shipment', () => {
  test('a freeze racing with payOrder or shipOrders of the same store ends consistent either way', async ({
    api,
    sandbox,
    login,
  }) => {
    const admin = await login(ADMIN);
    await republishActiveStores(api);
    const probe = await checkoutWith(api, 'goods');
    const storeA = probe.coffee.merchantId;
    const handleA = probe.coffee.merchantHandle;
    const staffA = await login(staffOf(handleA));
    const input = { merchantId: gidOf('Merchant', storeA), reason: 'Suspicious payment pattern' };

    const ofA = (c: { orders: Gql[] }) => c.orders.find((o) => o.merchant?.handle === handleA)!;
    const republish = () =>
      api.sql(`update product set status = 'PUBLISHED' where merchant_id = $1`, [storeA]);
    const unfreeze = async () => {
      const r = (await api.gql(UNFREEZE, { input: { ...input, reason: 'Cleared' } }, { token: admin })).data;
      expect(r.unfreezeMerchant.userErrors).toEqual([]);
    };

    for (let round = 0; round < 2; round++) {
      // payOrder vs freezeMerchant.
      await republish();
      const checkout = await checkoutWith(api, 'goods');
      const order = ofA(checkout);
      const start = await funds(api, admin, storeA);
      const [paidRes, frozeRes] = await Promise.all([
        (async () => {
          const { pay, cardToken, CARDS } = await import('../payments/payments.test-support.js');
          return pay(api, checkout.token, {
            checkoutId: checkout.checkoutId,
            method: 'UNIONPAY_CARD',
            cardToken: await cardToken(sandbox, CARDS.success),
          });
        })(),
        api.gql(FREEZE, { input }, { token: admin }),
      ]);
      expect(frozeRes.errors).toBeUndefined();
      expect(frozeRes.data.freezeMerchant.userErrors).toEqual([]);
      expect(paidRes.payment?.status).toBe('SUCCEEDED');
      const [row] = await api.sql('select status from customer_order where id = $1', [dbIdOf(order.id)]);
      expect(['FAILED', 'CLOSED']).toContain(row!.status);
      // Whichever won, the shopper has paid exactly for the orders still going (store A's share was
      // refunded, or never charged) and store A keeps nothing of it.
      const [money] = await api.sql(
        `select (select coalesce(sum(amount_minor), 0)::int from payment where checkout_id = $1 and status in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')) as captured,
                (select coalesce(sum(r.amount_minor), 0)::int from payment_refund r join payment p on p.id = r.payment_id
                  where p.checkout_id = $1 and r.status in ('PENDING', 'SUCCEEDED')) as refunded,
                (select coalesce(sum(total_minor), 0)::int from customer_order where checkout_id = $1
                  and status in ('AWAITING_SHIPMENT', 'SHIPPED', 'COMPLETED')) as going`,
        [dbIdOf(checkout.checkoutId)],
      );
      expect(money!.captured - money!.refunded).toBe(money!.going);
      expect(await funds(api, admin, storeA)).toEqual({
        pending: 0,
        available: 0,
        frozen: start.frozen + start.pending + start.available,
      });
      await unfreeze();

      // shipOrders vs freezeMerchant.
      await republish();
      const paid = await paidByCard(api, sandbox);
      const toShip = ofA(paid);
      const before = await funds(api, admin, storeA);
      const [shipRes, freezeRes] = await Promise.all([
        api.gql(
          `mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) { orders { status } userErrors { code } } }`,
          {
            input: {
              orders: [{ orderId: toShip.id, carrier: 'Chunghwa Post', trackingNumber: 'CP123456789TW' }],
            },
          },
          { token: staffA },
        ),
        api.gql(FREEZE, { input }, { token: admin }),
      ]);
      expect(shipRes.errors).toBeUndefined();
      expect(freezeRes.errors).toBeUndefined();
      expect(freezeRes.data.freezeMerchant.userErrors).toEqual([]);
      const [shippedRow] = await api.sql('select status from customer_order where id = $1', [
        dbIdOf(toShip.id),
      ]);
      const after = await funds(api, admin, storeA);
      const [orderRefund] = await api.sql(
        `select coalesce(sum(amount_minor), 0)::int as n from payment_refund where order_id = $1 and status = 'SUCCEEDED'`,
        [dbIdOf(toShip.id)],
      );
      if (shippedRow!.status === 'SHIPPED') {
        // Shipped first: its money is frozen, nothing refunded.
        expect(orderRefund!.n).toBe(0);
        expect(after.frozen).toBe(before.pending + before.available + before.frozen);
      } else {
        // Frozen first: failed and refunded, the shipment refused.
        expect(shippedRow!.status).toBe('FAILED');
        expect(orderRefund!.n).toBe(toShip.total.minorUnits);
        expect(after.frozen).toBe(
          before.pending + before.available + before.frozen - net(toShip.total.minorUnits),
        );
      }
      expect(after.pending).toBe(0);
      expect(after.available).toBe(0);
      await unfreeze();
    }
  });
});

describe('unfreezeMerchant', () => {
  test('an order completed during the freeze gets its money back as available; a running general freeze is restored', async ({
    api,
    sandbox,
    login,
  }) => {
    const admin = await login(ADMIN);
    await republishActiveStores(api);
    const paid = await paidByCard(api, sandbox);
    const order = ofA(paid);
    const storeA = paid.coffee.merchantId;
    await ship(api, await login(staffOf(paid.coffee.merchantHandle)), order.id);
    // The store is under a general freeze (T2's sanction) when it is safe-frozen.
    await api.sql(`update merchant set status = 'GENERAL_FROZEN' where id = $1`, [storeA]);
    await api.sql(
      `insert into sanction (kind, subject_type, merchant_id, reason, automatic, starts_at) values ('GENERAL_FREEZE', 'MERCHANT', $1, 'Repeated violations', true, now())`,
      [storeA],
    );
    const input = { merchantId: gidOf('Merchant', storeA), reason: 'Funds at risk' };
    const before = await funds(api, admin, storeA);
    const frozen = (await api.gql(FREEZE, { input }, { token: admin })).data.freezeMerchant;
    expect(frozen.userErrors).toEqual([]);
    expect(await funds(api, admin, storeA)).toEqual({
      pending: 0,
      available: 0,
      frozen: before.pending + before.available + before.frozen,
    });
    // The shopper confirms receipt meanwhile: the order completes, its money stays frozen.
    await confirmReceipt(api, paid.token, order.id);
    expect((await funds(api, admin, storeA)).frozen).toBe(before.pending + before.available + before.frozen);

    const lifted = (await api.gql(UNFREEZE, { input: { ...input, reason: 'Cleared' } }, { token: admin }))
      .data.unfreezeMerchant;
    expect(lifted.userErrors).toEqual([]);
    expect(lifted.merchant.status).toBe('GENERAL_FROZEN');
    // Its slice went to available (the order is complete), everything else where it came from.
    expect(await funds(api, admin, storeA)).toEqual({
      pending: before.pending - net(order.total.minorUnits),
      available: before.available + net(order.total.minorUnits),
      frozen: 0,
    });
    const unfreezes = await api.sql(
      `select bucket, amount_minor from ledger_entry where order_id = $1 and kind = 'UNFREEZE' order by id`,
      [dbIdOf(order.id)],
    );
    expect(unfreezes).toEqual([
      { bucket: 'FROZEN', amount_minor: -net(order.total.minorUnits) },
      { bucket: 'AVAILABLE', amount_minor: net(order.total.minorUnits) },
    ]);
    // Put the store back for the next test.
    await api.sql(
      `update sanction set lifted_at = now() where merchant_id = $1 and kind = 'GENERAL_FREEZE'`,
      [storeA],
    );
    await api.sql(`update merchant set status = 'ACTIVE' where id = $1`, [storeA]);
  });
});

describe('claims and account deletion', () => {
  test('a claim freezes the store, blocks unfreezing and deletion, pays compensations from frozen funds; then the account is deleted', async ({
    api,
    sandbox,
    login,
  }) => {
    const admin = await login(ADMIN);
    const support = await login('support@example.com');
    await republishActiveStores(api);
    const one = await paidByCard(api, sandbox);
    const two = await paidByCard(api, sandbox);
    const three = await paidByCard(api, sandbox);
    const storeB = one.mug.merchantId;
    const handleB = one.mug.merchantHandle;
    const staffB = await login(staffOf(handleB));
    const ofB = (c: { orders: Gql[] }) => c.orders.find((o) => o.merchant?.handle === handleB)!;
    const [shipped, completed, paid] = [one, two, three].map(ofB);
    await ship(api, staffB, shipped.id);
    await ship(api, staffB, completed.id);
    await confirmReceipt(api, two.token, completed.id);
    // A review of the store, cancelled by the deletion later.
    await api.sql(
      `insert into review (order_id, merchant_id, user_id, rating, text) values ($1, $2, $3, 5, 'Lovely mug')`,
      [dbIdOf(completed.id), storeB, two.userId],
    );
    const merchantId = gidOf('Merchant', storeB);

    // Filing: bad input changes nothing; customer service may not file.
    const base = {
      merchantId,
      title: 'Counterfeit ceramics',
      description: 'Mugs sold as Yingge stoneware are mass-produced imports.',
      evidence: 'Lab report attached.',
      attachments: ['https://evidence.example.com/report.pdf'],
      orderIds: [shipped.id, completed.id],
      affectedUserIds: [],
    };
    const denied = await api.gql(FILE, { input: base }, { token: support });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const untouched = await storeSnapshot(api, storeB);
    for (const [bad, code] of [
      [{ title: '' }, 'INVALID_TITLE'],
      [{ attachments: ['ftp://x'] }, 'INVALID_ATTACHMENT'],
      [{ orderIds: [ofA(one).id] }, 'ORDER_NOT_FOUND'],
    ] as const) {
      const r = (await api.gql(FILE, { input: { ...base, ...bad } }, { token: admin })).data.fileClaim;
      expect(r.userErrors.map((e: Gql) => e.code)).toEqual([code]);
      expect(await storeSnapshot(api, storeB)).toEqual(untouched);
    }
    const filed = (await api.gql(FILE, { input: base }, { token: admin })).data.fileClaim;
    expect(filed.userErrors).toEqual([]);
    expect(filed.claim).toMatchObject({
      status: 'OPEN',
      merchant: { status: 'SAFE_FROZEN' },
      orders: [{ number: shipped.number }, { number: completed.number }],
      affectedUsers: expect.arrayContaining([{ email: one.email }, { email: two.email }]),
    });
    expect(filed.freezeEffects.failedOrderCount).toBeGreaterThanOrEqual(1);
    const frozen = net(shipped.total.minorUnits) + net(completed.total.minorUnits);
    expect(filed.freezeEffects.frozenTotal.minorUnits).toBe(frozen);
    expect(
      (await api.sql('select status from customer_order where id = $1', [dbIdOf(paid.id)]))[0]!.status,
    ).toBe('FAILED');

    // While the claim is open: no unfreeze, no deletion.
    const blocked = await storeSnapshot(api, storeB);
    const unfreezeRes = (
      await api.gql(UNFREEZE, { input: { merchantId, reason: 'Too early' } }, { token: admin })
    ).data;
    expect(unfreezeRes.unfreezeMerchant.userErrors).toEqual([
      expect.objectContaining({ code: 'OPEN_CLAIM' }),
    ]);
    const deleteRes = (
      await api.gql(DELETE, { input: { merchantId, reason: 'Too early' } }, { token: admin })
    ).data;
    expect(deleteRes.deleteMerchantAccount.userErrors).toEqual([{ code: 'OPEN_CLAIM' }]);
    expect(await storeSnapshot(api, storeB)).toEqual(blocked);

    // Deciding: refused decisions change nothing.
    const claimId = filed.claim.id;
    const decide = (extra: Record<string, unknown>) =>
      api.gql(
        DECIDE,
        { input: { claimId, outcome: 'COMPENSATED', note: 'Upheld', ...extra } },
        { token: admin },
      );
    const decimal = (minor: number) => (minor / 100).toFixed(2);
    for (const [compensations, code] of [
      [[{ orderId: shipped.id, amount: decimal(shipped.total.minorUnits + 1) }], 'AMOUNT_EXCEEDS_ORDER'],
      [[{ orderId: paid.id, amount: '1.00' }], 'ORDER_NOT_IN_CLAIM'],
      [[{ orderId: shipped.id, amount: '-1' }], 'INVALID_AMOUNT'],
      [[], 'COMPENSATION_REQUIRED'],
    ] as const) {
      const r = (await decide({ compensations })).data.decideClaim;
      expect(r.userErrors.map((e: Gql) => e.code)).toEqual([code]);
      expect(await storeSnapshot(api, storeB)).toEqual(blocked);
    }
    const half = Math.floor(completed.total.minorUnits / 2);
    const decided = (
      await decide({
        compensations: [
          { orderId: shipped.id, amount: decimal(shipped.total.minorUnits) },
          { orderId: completed.id, amount: decimal(half) },
        ],
      })
    ).data.decideClaim;
    expect(decided.userErrors).toEqual([]);
    expect(decided.claim).toMatchObject({ status: 'CLOSED', outcome: 'COMPENSATED', decisionNote: 'Upheld' });
    expect(decided.refunds).toEqual([
      { status: 'SUCCEEDED', amount: { minorUnits: shipped.total.minorUnits } },
      { status: 'SUCCEEDED', amount: { minorUnits: half } },
    ]);
    expect(decided.claim.compensations).toEqual([
      {
        order: { number: shipped.number },
        amount: { minorUnits: shipped.total.minorUnits },
        refund: { status: 'SUCCEEDED' },
      },
      { order: { number: completed.number }, amount: { minorUnits: half }, refund: { status: 'SUCCEEDED' } },
    ]);
    const sandboxRefunds = (sandbox.state() as Gql).card.charges.flatMap((c: Gql) => c.refunds ?? []);
    const refs = await api.sql(
      `select gateway_refund_id from payment_refund r join claim_compensation c on c.refund_id = r.id order by c.id`,
    );
    for (const r of refs) expect(sandboxRefunds.map((x: Gql) => x.id)).toContain(r.gateway_refund_id);
    expect(await funds(api, admin, storeB)).toEqual({
      pending: 0,
      available: 0,
      frozen: frozen - shipped.total.minorUnits - half,
    });
    const again = (await decide({ outcome: 'REJECTED', note: 'Twice' })).data.decideClaim;
    expect(again.userErrors.map((e: Gql) => e.code)).toEqual(['ALREADY_DECIDED']);

    // Lists for platform staff.
    const list = await api.gql(
      `query ($filter: StaffClaimsFilter) { staffClaims(first: 10, filter: $filter) { nodes { id status } totalCount } }`,
      { filter: { merchantId, status: 'CLOSED' } },
      { token: support },
    );
    expect(list.data.staffClaims).toEqual({ nodes: [{ id: claimId, status: 'CLOSED' }], totalCount: 1 });
    const byStaff = await api.gql(
      `query ($id: ID!) { staffClaim(id: $id) { id } }`,
      { id: claimId },
      { token: staffB },
    );
    expect(byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Money is left (frozen): no deletion yet. A second claim pays the rest back.
    const notSettled = (await api.gql(DELETE, { input: { merchantId, reason: 'Closing' } }, { token: admin }))
      .data;
    expect(notSettled.deleteMerchantAccount.userErrors).toEqual([{ code: 'FUNDS_NOT_SETTLED' }]);
    const second = (await api.gql(FILE, { input: { ...base, orderIds: [completed.id] } }, { token: admin }))
      .data.fileClaim;
    expect(second.freezeEffects).toBeNull();
    const rest = completed.total.minorUnits - half;
    const paidRest = (
      await api.gql(
        DECIDE,
        {
          input: {
            claimId: second.claim.id,
            outcome: 'COMPENSATED',
            note: 'Rest',
            compensations: [{ orderId: completed.id, amount: decimal(rest) }],
          },
        },
        { token: admin },
      )
    ).data.decideClaim;
    expect(paidRest.userErrors).toEqual([]);
    expect(await funds(api, admin, storeB)).toEqual({ pending: 0, available: 0, frozen: 0 });

    // Deletion: staff signed out for good, reviews cancelled, history readable by platform staff.
    const deleted = (
      await api.gql(DELETE, { input: { merchantId, reason: 'Counterfeits confirmed' } }, { token: admin })
    ).data.deleteMerchantAccount;
    expect(deleted).toMatchObject({
      merchant: { status: 'DELETED' },
      closedStaffAccountCount: expect.any(Number),
      cancelledReviewCount: 1,
      userErrors: [],
    });
    expect(deleted.revokedSessionCount).toBeGreaterThanOrEqual(1);
    const viewer = await api.gql(`query { viewer { email } }`, {}, { token: staffB });
    expect(viewer.data.viewer).toBeNull();
    const relogin = (await api.gql(LOGIN, { input: { email: staffOf(handleB), password: 'demo-pass-2026' } }))
      .data.login;
    expect(relogin.token).toBeNull();
    expect(relogin.userErrors.map((e: Gql) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    expect((await api.sql(`select status from review where merchant_id = $1`, [storeB]))[0]!.status).toBe(
      'CANCELLED',
    );
    expect(
      await api.sql(
        `select kind, lifted_at is null as active from sanction where merchant_id = $1 order by id`,
        [storeB],
      ),
    ).toEqual([
      { kind: 'SAFE_FREEZE', active: false },
      { kind: 'DELETION', active: true },
    ]);
    const history = await api.gql(
      `query ($n: String!) { staffOrder(number: $n) { number status } }`,
      { n: shipped.number },
      {
        token: admin,
      },
    );
    expect(history.data.staffOrder).toEqual({ number: shipped.number, status: 'SHIPPED' });
    const twice = (await api.gql(DELETE, { input: { merchantId, reason: 'Again' } }, { token: admin })).data;
    expect(twice.deleteMerchantAccount.userErrors).toEqual([{ code: 'NOT_FROZEN' }]);
    const audit = await api.sql(
      `select action from audit_log_entry where action in ('claim.file', 'claim.decide', 'merchant.delete') order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'claim.file',
      'claim.decide',
      'claim.file',
      'claim.decide',
      'merchant.delete',
    ]);
    // A deleted store cannot be frozen or claimed again.
    const refreeze = (await api.gql(FREEZE, { input: { merchantId, reason: 'x' } }, { token: admin })).data
      .freezeMerchant;
    expect(refreeze.userErrors.map((e: Gql) => e.code)).toEqual(['INVALID_STATUS']);
  });
});

/** The earlier tests leave a store's listings unpublished (as a freeze does). */
function republishActiveStores(api: TestApi) {
  return api.sql(
    `update product set status = 'PUBLISHED' where status = 'DRAFT' and merchant_id in (select id from merchant where status = 'ACTIVE')`,
  );
}

function ofA(c: { orders: Gql[]; coffee: { merchantHandle: string } }) {
  return c.orders.find((o) => o.merchant?.handle === c.coffee.merchantHandle)!;
}

function dbIdOf(globalId: string) {
  return Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);
}

import { CREDIT_SCORE_PRIOR_RATING, CREDIT_SCORE_PRIOR_WEIGHT } from '@marketplace/core';
import type { TestApi } from '../../../test/harness.js';
import { describe, expect, test } from '../../../test/fixtures.js';
import { type Gql, gid, newShopper, submit, variant } from '../checkout/checkout.test-support.js';
import { cancelReviewsOfAccount } from './reviews.service.js';

const WRITE = `mutation ($input: WriteReviewInput!) {
  writeReview(input: $input) {
    review { id rating text status authorName reply { text } items(locale: EN) }
    userErrors { code field message }
  } }`;
const REPLY = `mutation ($input: ReplyToReviewInput!) {
  replyToReview(input: $input) { review { id reply { text repliedAt } } userErrors { code field } } }`;
const CANCEL = `mutation ($input: CancelReviewInput!) {
  cancelReview(input: $input) { review { id status cancelReason } userErrors { code field } } }`;
const SCORE_QUERY = `query ($handle: String!) { product(handle: $handle) { merchant {
  creditScore { score average count distribution { rating count } }
  reviews(first: 50) { totalCount nodes { id rating text reply { text } } } } } }`;
const PRODUCT_OF_STORE: Record<string, string> = {
  'formosa-roasters': 'CAF-ETH-250',
  'lane-nine-design': 'HOM-MUG-CHR',
};

/** The store's credit score and public reviews, read through one of its products (as the storefront does). */
async function storePage(api: TestApi, store: string) {
  const [p] = await api.sql(
    `select p.handle from product p join product_variant v on v.product_id = p.id where v.sku = $1`,
    [PRODUCT_OF_STORE[store]],
  );
  const res = await api.gql(SCORE_QUERY, { handle: p.handle });
  expect(res.errors).toBeUndefined();
  return { data: { merchant: res.data.product.merchant } };
}

async function reviewRows(api: TestApi) {
  return api.sql(
    'select id, order_id, rating, text, status, reply_text, cancel_reason from review order by id',
  );
}

/** A buy-now order of the variant by a fresh shopper, set to `status` (reviews only read the status). */
async function orderOf(
  api: TestApi,
  sku: string,
  status = 'COMPLETED',
  shopper?: { token: string; userId: number },
) {
  const buyer = shopper ?? (await newShopper(api));
  const v = await variant(api, sku, { stock: 100 });
  const result = await submit(api, buyer.token, { buyNow: { variantId: v.id, quantity: 1 } });
  if (result.userErrors.length) throw new Error(JSON.stringify(result.userErrors));
  const order = result.checkout.orders[0];
  const id = Buffer.from(order.id, 'base64url').toString().split(':')[1];
  await api.sql(
    `update customer_order set status = $1::text, completed_at = case when $1::text = 'COMPLETED' then now() end
     where id = $2`,
    [status, Number(id)],
  );
  return { ...buyer, orderId: order.id as string, dbId: Number(id), merchantId: v.merchantId };
}

async function write(api: TestApi, token: string, input: Record<string, unknown>) {
  const res = await api.gql(WRITE, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.writeReview;
}

describe('writeReview', () => {
  test('the shopper rates a completed order once; the review shows on the store and the product', async ({
    api,
  }) => {
    const o = await orderOf(api, 'CAF-ETH-250');
    const r = await write(api, o.token, { orderId: o.orderId, rating: 4, text: '  Fresh beans, quick.  ' });
    expect(r.userErrors).toEqual([]);
    expect(r.review).toMatchObject({
      rating: 4,
      text: 'Fresh beans, quick.',
      status: 'PUBLISHED',
      reply: null,
    });
    expect(r.review.authorName).toMatch(/^B\*\*\*$/);
    expect(r.review.items).toHaveLength(1);

    const again = await write(api, o.token, { orderId: o.orderId, rating: 1, text: 'Changed my mind' });
    expect(again.userErrors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_REVIEWED']);
    const rows = await api.sql('select rating from review where order_id = $1', [o.dbId]);
    expect(rows).toEqual([{ rating: 4 }]);

    const mine = await api.gql(
      `query ($n: String!) { order(number: $n) { viewerCanReview review { rating text } } }`,
      { n: (await api.sql('select number from customer_order where id = $1', [o.dbId]))[0].number },
      { token: o.token },
    );
    expect(mine.data.order).toEqual({
      viewerCanReview: false,
      review: { rating: 4, text: 'Fresh beans, quick.' },
    });

    const [product] = await api.sql(
      `select p.handle from product p join product_variant v on v.product_id = p.id where v.sku = 'CAF-ETH-250'`,
    );
    const page = await api.gql(
      `query ($h: String!) { product(handle: $h) { reviews(first: 5) { nodes { id rating } } } }`,
      { h: product.handle },
    );
    expect(page.data.product.reviews.nodes).toContainEqual({ id: r.review.id, rating: 4 });
  });

  test('an order that is not completed cannot be reviewed, and nothing is written', async ({ api }) => {
    for (const status of ['AWAITING_PAYMENT', 'AWAITING_SHIPMENT', 'SHIPPED', 'CLOSED', 'FAILED']) {
      const o = await orderOf(api, 'CAF-ETH-250', status);
      const before = await reviewRows(api);
      const r = await write(api, o.token, { orderId: o.orderId, rating: 5, text: 'Too early' });
      expect(r).toEqual({
        review: null,
        userErrors: [expect.objectContaining({ code: 'ORDER_NOT_COMPLETED', field: ['input', 'orderId'] })],
      });
      expect(await reviewRows(api)).toEqual(before);
      const mine = await api.gql(
        `query ($n: String!) { order(number: $n) { viewerCanReview } }`,
        { n: (await api.sql('select number from customer_order where id = $1', [o.dbId]))[0].number },
        { token: o.token },
      );
      expect(mine.data.order.viewerCanReview).toBe(false);
    }
  });

  test('someone else’s order is answered like a missing one (NOT_FOUND) and nothing changes', async ({
    api,
    login,
  }) => {
    const o = await orderOf(api, 'CAF-ETH-250');
    const other = await newShopper(api);
    const before = await reviewRows(api);
    for (const token of [
      other.token,
      await login('staff@formosa-roasters.example.com'),
      await login('admin@example.com'),
    ]) {
      const r = await write(api, token, { orderId: o.orderId, rating: 1, text: 'Not my order' });
      expect(r.userErrors).toEqual([
        expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'orderId'] }),
      ]);
    }
    for (const orderId of [gid('Order', 999999), gid('Product', o.dbId), 'garbage']) {
      const r = await write(api, o.token, { orderId, rating: 5, text: 'Fine' });
      expect(r.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
    }
    expect(await reviewRows(api)).toEqual(before);
    const guest = await api.gql(WRITE, { input: { orderId: o.orderId, rating: 5, text: 'Fine' } });
    expect(guest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await reviewRows(api)).toEqual(before);
  });

  test('rating and text bounds, all problems reported at once', async ({ api }) => {
    const o = await orderOf(api, 'CAF-ETH-250');
    const before = await reviewRows(api);
    for (const [rating, text, codes] of [
      [0, 'Fine', ['INVALID_RATING']],
      [6, 'Fine', ['INVALID_RATING']],
      [3, 'x', ['INVALID_TEXT']],
      [3, 'x'.repeat(1001), ['INVALID_TEXT']],
      [-1, '', ['INVALID_RATING', 'INVALID_TEXT']],
    ] as const) {
      const r = await write(api, o.token, { orderId: o.orderId, rating, text });
      expect(r.userErrors.map((e: { code: string }) => e.code)).toEqual(codes);
    }
    expect(await reviewRows(api)).toEqual(before);
    const ok = await write(api, o.token, { orderId: o.orderId, rating: 1, text: '很差' });
    expect(ok.userErrors).toEqual([]);
    const ok2 = await orderOf(api, 'CAF-ETH-250');
    const long = await write(api, ok2.token, { orderId: ok2.orderId, rating: 5, text: 'y'.repeat(1000) });
    expect(long.userErrors).toEqual([]);
  });

  test('a concurrent double submit creates one review', async ({ api }) => {
    const o = await orderOf(api, 'CAF-ETH-250');
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        write(api, o.token, { orderId: o.orderId, rating: 5 - i, text: `Attempt ${i}` }),
      ),
    );
    const ok = results.filter((r) => r.userErrors.length === 0);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'ALREADY_REVIEWED')).toHaveLength(3);
    const rows = await api.sql('select rating from review where order_id = $1', [o.dbId]);
    expect(rows).toEqual([{ rating: ok[0].review.rating }]);
  });

  test('a shopper under a general freeze may not write reviews', async ({ api }) => {
    const o = await orderOf(api, 'CAF-ETH-250');
    await api.sql(`update user_account set status = 'GENERAL_FROZEN' where id = $1`, [o.userId]);
    const before = await reviewRows(api);
    const r = await write(api, o.token, { orderId: o.orderId, rating: 5, text: 'Frozen' });
    expect(r.userErrors.map((e: { code: string }) => e.code)).toEqual(['ACCOUNT_RESTRICTED']);
    expect(await reviewRows(api)).toEqual(before);
  });
});

describe('replyToReview', () => {
  test('the store’s staff reply (and may edit it); other stores and shoppers cannot', async ({
    api,
    login,
  }) => {
    const o = await orderOf(api, 'CAF-ETH-250');
    const { review } = await write(api, o.token, { orderId: o.orderId, rating: 3, text: 'Okay coffee' });
    const staffA = await login('staff@formosa-roasters.example.com');
    const staffB = await login('staff@lane-nine-design.example.com');

    const before = await reviewRows(api);
    const foreign = await api.gql(REPLY, { input: { reviewId: review.id, text: 'Hi' } }, { token: staffB });
    expect(foreign.data.replyToReview).toEqual({
      review: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'reviewId'] }],
    });
    for (const token of [o.token, await login('admin@example.com'), await login('support@example.com')]) {
      const res = await api.gql(REPLY, { input: { reviewId: review.id, text: 'Hi' } }, { token });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const blank = await api.gql(REPLY, { input: { reviewId: review.id, text: '   ' } }, { token: staffA });
    expect(blank.data.replyToReview.userErrors).toEqual([{ code: 'INVALID_TEXT', field: ['input', 'text'] }]);
    expect(await reviewRows(api)).toEqual(before);

    const first = await api.gql(
      REPLY,
      { input: { reviewId: review.id, text: 'Thank you!' } },
      { token: staffA },
    );
    expect(first.data.replyToReview.userErrors).toEqual([]);
    expect(first.data.replyToReview.review.reply.text).toBe('Thank you!');
    const edit = await api.gql(
      REPLY,
      { input: { reviewId: review.id, text: 'Thank you, we will roast darker.' } },
      { token: staffA },
    );
    expect(edit.data.replyToReview.review.reply.text).toBe('Thank you, we will roast darker.');

    const shown = await storePage(api, 'formosa-roasters');
    expect(shown.data.merchant.reviews.nodes).toContainEqual(
      expect.objectContaining({ id: review.id, reply: { text: 'Thank you, we will roast darker.' } }),
    );
  });

  test('a frozen store may not reply; a cancelled review cannot be answered', async ({ api, login }) => {
    const staffA = await login('staff@formosa-roasters.example.com');
    const admin = await login('admin@example.com');
    const o = await orderOf(api, 'CAF-ETH-250');
    const { review } = await write(api, o.token, { orderId: o.orderId, rating: 2, text: 'Late parcel' });
    const before = await reviewRows(api);
    for (const status of ['GENERAL_FROZEN', 'SAFE_FROZEN']) {
      await api.sql(`update merchant set status = $1 where handle = 'formosa-roasters'`, [status]);
      const res = await api.gql(REPLY, { input: { reviewId: review.id, text: 'Sorry' } }, { token: staffA });
      await api.sql(`update merchant set status = 'ACTIVE' where handle = 'formosa-roasters'`);
      expect(res.data.replyToReview.userErrors.map((e: { code: string }) => e.code)).toEqual([
        'ACCOUNT_RESTRICTED',
      ]);
    }
    expect(await reviewRows(api)).toEqual(before);

    await api.gql(CANCEL, { input: { reviewId: review.id, reason: 'Spam content' } }, { token: admin });
    const after = await reviewRows(api);
    const res = await api.gql(REPLY, { input: { reviewId: review.id, text: 'Sorry' } }, { token: staffA });
    expect(res.data.replyToReview.userErrors).toEqual([
      { code: 'REVIEW_CANCELLED', field: ['input', 'reviewId'] },
    ]);
    expect(await reviewRows(api)).toEqual(after);
  });
});

describe('credit score', () => {
  test('equals the documented formula over the published rows; cancelling excludes a review', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const store = await api.sql(`select id from merchant where handle = 'lane-nine-design'`);
    const merchantId = store[0].id;
    const ids: string[] = [];
    for (const rating of [5, 5, 4, 1, 2]) {
      const o = await orderOf(api, 'HOM-MUG-CHR');
      const r = await write(api, o.token, { orderId: o.orderId, rating, text: `Rated ${rating}` });
      ids.push(r.review.id);
    }

    const expected = async () => {
      const rows = await api.sql<{ rating: number }>(
        `select rating from review where merchant_id = $1 and status = 'PUBLISHED'`,
        [merchantId],
      );
      const sum = rows.reduce((a, r) => a + r.rating, 0);
      const n = rows.length;
      const round = (x: number) => Math.round(x * 100) / 100;
      return {
        score: round(
          (sum + CREDIT_SCORE_PRIOR_WEIGHT * CREDIT_SCORE_PRIOR_RATING) / (n + CREDIT_SCORE_PRIOR_WEIGHT),
        ),
        average: n ? round(sum / n) : null,
        count: n,
        distribution: [5, 4, 3, 2, 1].map((rating) => ({
          rating,
          count: rows.filter((r) => r.rating === rating).length,
        })),
      };
    };

    let res = await storePage(api, 'lane-nine-design');
    expect(res.data.merchant.creditScore).toEqual(await expected());
    expect(res.data.merchant.creditScore).toMatchObject({ count: 5, average: 3.4, score: 3.2 });

    // The one-star review is cancelled by an admin: hidden and no longer counted.
    const cancelled = await api.gql(
      CANCEL,
      { input: { reviewId: ids[3], reason: 'Abusive language' } },
      { token: admin },
    );
    expect(cancelled.data.cancelReview).toEqual({
      review: { id: ids[3], status: 'CANCELLED', cancelReason: 'Abusive language' },
      userErrors: [],
    });
    res = await storePage(api, 'lane-nine-design');
    expect(res.data.merchant.creditScore).toEqual(await expected());
    expect(res.data.merchant.creditScore).toMatchObject({ count: 4, average: 4, score: 3.44 });
    expect(res.data.merchant.reviews.totalCount).toBe(4);
    expect(res.data.merchant.reviews.nodes.map((n: { id: string }) => n.id)).not.toContain(ids[3]);
    expect(res.data.merchant.reviews.nodes.map((n: { id: string }) => n.id)).toEqual([
      ids[4],
      ids[2],
      ids[1],
      ids[0],
    ]);

    const twice = await api.gql(CANCEL, { input: { reviewId: ids[3], reason: 'Again' } }, { token: admin });
    expect(twice.data.cancelReview.userErrors).toEqual([
      { code: 'ALREADY_CANCELLED', field: ['input', 'reviewId'] },
    ]);
    const shortReason = await api.gql(CANCEL, { input: { reviewId: ids[0], reason: 'x' } }, { token: admin });
    expect(shortReason.data.cancelReview.userErrors).toEqual([
      { code: 'INVALID_REASON', field: ['input', 'reason'] },
    ]);
    const byCs = await api.gql(
      CANCEL,
      { input: { reviewId: ids[0], reason: 'Not allowed' } },
      { token: await login('support@example.com') },
    );
    expect(byCs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storePage(api, 'lane-nine-design').then((r) => r.data.merchant.creditScore)).toEqual(
      await expected(),
    );
  });

  test('a catalog page loads every merchant’s score in one query (no N+1)', async ({ api }) => {
    const statements: string[] = [];
    const conn = api.platform.orm.em.getConnection();
    const original = conn.execute.bind(conn);
    conn.execute = (async (...args: Parameters<typeof original>) => {
      if (typeof args[0] === 'string' && /from review/.test(args[0])) statements.push(args[0]);
      return original(...args);
    }) as typeof conn.execute;
    try {
      const res = await api.gql(
        `{ products(first: 20) { nodes { merchant { creditScore { score count } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.products.nodes.length).toBeGreaterThan(3);
    } finally {
      conn.execute = original;
    }
    expect(statements).toHaveLength(1);
  });

  test('cancelReviewsOfAccount: a deleted shopper’s reviews and a deleted merchant’s received reviews stop counting', async ({
    api,
  }) => {
    const shopper = await newShopper(api);
    const start = (await storePage(api, 'lane-nine-design')).data.merchant.creditScore.count;
    const a1 = await orderOf(api, 'CAF-ETH-250', 'COMPLETED', shopper);
    const b1 = await orderOf(api, 'HOM-MUG-CHR', 'COMPLETED', shopper);
    await write(api, shopper.token, { orderId: a1.orderId, rating: 1, text: 'Bad' });
    await write(api, shopper.token, { orderId: b1.orderId, rating: 1, text: 'Bad too' });
    const other = await orderOf(api, 'HOM-MUG-CHR');
    await write(api, other.token, { orderId: other.orderId, rating: 5, text: 'Lovely mug' });

    const em = api.platform.orm.em.fork();
    const n = await em.transactional((tx) =>
      cancelReviewsOfAccount(tx, { userId: shopper.userId }, 'Account deleted'),
    );
    expect(n).toBe(2);
    const mine = await api.sql(`select status, cancel_reason from review where user_id = $1`, [
      shopper.userId,
    ]);
    expect(mine).toEqual([
      { status: 'CANCELLED', cancel_reason: 'Account deleted' },
      { status: 'CANCELLED', cancel_reason: 'Account deleted' },
    ]);
    const b = await storePage(api, 'lane-nine-design');
    // Of the two new lane-nine reviews only the other shopper's five stars still counts.
    expect(b.data.merchant.creditScore.count).toBe(start + 1);
    expect(b.data.merchant.reviews.nodes.map((r: { text: string }) => r.text)).not.toContain('Bad too');

    const [{ id: laneId }] = await api.sql(`select id from merchant where handle = 'lane-nine-design'`);
    const m = await em.transactional((tx) =>
      cancelReviewsOfAccount(tx, { merchantId: laneId }, 'Merchant account deleted'),
    );
    expect(m).toBe(start + 1);
    const after = await storePage(api, 'lane-nine-design');
    expect(after.data.merchant.creditScore).toMatchObject({ count: 0, average: null, score: 3 });
    expect(after.data.merchant.reviews.nodes).toEqual([]);
  });
});

describe('staffReviews', () => {
  test('merchant staff see their store’s reviews only; platform staff filter all', async ({ api, login }) => {
    const a = await orderOf(api, 'CAF-ETH-250');
    const b = await orderOf(api, 'HOM-MUG-CHR');
    const ra = await write(api, a.token, { orderId: a.orderId, rating: 2, text: 'Store A review' });
    const rb = await write(api, b.token, { orderId: b.orderId, rating: 5, text: 'Store B review' });
    const LIST = `query ($filter: StaffReviewsFilter) { staffReviews(first: 100, filter: $filter) {
      totalCount nodes { id rating orderNumber status merchant { handle } } } }`;
    const ids = (res: { data: { staffReviews: { nodes: { id: string }[] } } }) =>
      res.data.staffReviews.nodes.map((n) => n.id);

    const staffA = await login('staff@formosa-roasters.example.com');
    const own = await api.gql(LIST, {}, { token: staffA });
    expect(ids(own)).toContain(ra.review.id);
    expect(ids(own)).not.toContain(rb.review.id);
    expect(
      own.data.staffReviews.nodes.every(
        (n: { merchant: { handle: string } }) => n.merchant.handle === 'formosa-roasters',
      ),
    ).toBe(true);
    const peek = await api.gql(
      LIST,
      { filter: { merchantId: gid('Merchant', b.merchantId) } },
      { token: staffA },
    );
    expect(peek.data.staffReviews.nodes).toEqual([]);

    const support = await login('support@example.com');
    const all = await api.gql(LIST, {}, { token: support });
    expect(ids(all)).toEqual(expect.arrayContaining([ra.review.id, rb.review.id]));
    const fives = await api.gql(LIST, { filter: { rating: 5 } }, { token: support });
    expect(fives.data.staffReviews.nodes.every((n: { rating: number }) => n.rating === 5)).toBe(true);
    expect(ids(fives)).toContain(rb.review.id);
    const onlyB = await api.gql(
      LIST,
      { filter: { merchantId: gid('Merchant', b.merchantId) } },
      { token: support },
    );
    expect(ids(onlyB)).toContain(rb.review.id);
    expect(
      onlyB.data.staffReviews.nodes.every(
        (n: { merchant: { handle: string } }) => n.merchant.handle === 'lane-nine-design',
      ),
    ).toBe(true);
    // Every earlier lane-nine review was cancelled by the deletion test above.
    const publishedB = await api.gql(
      LIST,
      { filter: { merchantId: gid('Merchant', b.merchantId), status: 'PUBLISHED' } },
      { token: support },
    );
    expect(ids(publishedB)).toEqual([rb.review.id]);
    const cancelled = await api.gql(LIST, { filter: { status: 'CANCELLED' } }, { token: support });
    expect(cancelled.data.staffReviews.nodes.length).toBeGreaterThan(0);
    expect(cancelled.data.staffReviews.nodes.every((n: { status: string }) => n.status === 'CANCELLED')).toBe(
      true,
    );
    expect(ids(cancelled)).not.toContain(rb.review.id);

    // Keyset pages, newest first, cover the list without overlap.
    const PAGE = `query ($after: String) { staffReviews(first: 2, after: $after) {
      nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: Gql = await api.gql(PAGE, { after }, { token: support });
      seen.push(...res.data.staffReviews.nodes.map((n: { id: string }) => n.id));
      if (!res.data.staffReviews.pageInfo.hasNextPage) break;
      after = res.data.staffReviews.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids(all));

    const shopper = await api.gql(LIST, {}, { token: a.token });
    expect(shopper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const guest = await api.gql(LIST, {});
    expect(guest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

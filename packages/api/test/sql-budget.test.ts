import { type DocumentNode, print } from 'graphql';
import {
  AddToCartForm_AddToCartMutationDocument,
  CartPage_CartQueryDocument,
  CheckoutForm_SubmitOrderMutationDocument,
  PayStep_PayOrderMutationDocument,
  ProductPage_ProductQueryDocument,
  ProductResults_ProductsQueryDocument,
} from '../../storefront/src/gql/graphql.js';
import {
  addToCart,
  newShopper,
  submitInput,
  type TestVariant,
  variant,
} from '../src/modules/checkout/checkout.test-support.js';
import {
  CARDS,
  cardToken,
  describe,
  expect,
  newKey,
  test,
} from '../src/modules/payments/payments.test-support.js';
import type { TestApi } from './harness.js';
import { describeStatements, type SqlStatements, sqlStatementsOf } from './sql-statements.js';

/**
 * SQL budgets (issue 8 §3): the statements ONE HTTP request sends to PostgreSQL, counted by the
 * tracer on the ORM's pool (src/db/sql-trace.ts): the session lookup, the query-cost budget, every
 * query and `em.execute`. Transaction control — BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE — is
 * listed apart and NOT counted. The payment gateway call of payOrder is HTTP, not SQL.
 * The documents are the storefront's own (packages/storefront/src), sent by a signed-in shopper
 * whose cart holds several lines of several merchants, on products with several variants and
 * images, so an N+1 would show as extra statements.
 */

const doc = (d: DocumentNode) => print(d);

function withinBudget(s: SqlStatements, budget: number) {
  const listing = describeStatements(s);
  expect.soft(s.count, `${s.count} statements (budget ${budget}):\n${listing}`).toBeLessThanOrEqual(budget);
  expect.soft(s.duplicates, `identical statement twice:\n${listing}`).toEqual([]);
}

async function gqlOk(api: TestApi, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await api.gql(query, variables, { token });
  expect(res.errors).toBeUndefined();
  return res;
}

async function cartWithLines(api: TestApi, token: string, skus: string[]): Promise<TestVariant[]> {
  const variants: TestVariant[] = [];
  for (const sku of skus) {
    const v = await variant(api, sku, { stock: 500 });
    await addToCart(api, token, v, 1);
    variants.push(v);
  }
  return variants;
}

// Lines of three merchants; coffee and mugs are products with several variants and images.
const CART_SKUS = ['CAF-ETH-500', 'CAF-ESP-250', 'HOM-MUG-BLU', 'HOM-MUG-SND', 'ELC-CBL-1M', 'APP-TEE-M'];

describe('SQL budget of the storefront read paths', () => {
  test('catalog page: at most 2 statements for 20 and for 100 products', async ({ api }) => {
    const shopper = await newShopper(api);
    for (const first of [20, 100]) {
      const s = await sqlStatementsOf(api, () =>
        gqlOk(api, doc(ProductResults_ProductsQueryDocument), { first, locale: 'EN' }, shopper.token),
      );
      const nodes = s.result.data.products.nodes;
      expect(nodes.length).toBeGreaterThan(10);
      withinBudget(s, 2);
    }
  });

  test('a "Load more" page (no count asked) is not counted; the first page counts in its own statement', async ({
    api,
  }) => {
    const first = await sqlStatementsOf(api, () =>
      gqlOk(api, doc(ProductResults_ProductsQueryDocument), { first: 5, locale: 'EN' }),
    );
    const after = first.result.data.products.pageInfo.endCursor as string;
    const total = first.result.data.products.totalCountUpTo as number;
    expect(total).toBeGreaterThan(10);
    expect(first.statements.filter((st) => /count\(\*\)/.test(st.sql))).toHaveLength(1);
    const more = await sqlStatementsOf(api, () =>
      gqlOk(api, doc(ProductResults_ProductsQueryDocument), {
        first: 5,
        after,
        withTotal: false,
        locale: 'EN',
      }),
    );
    expect(more.result.data.products.totalCountUpTo).toBeUndefined();
    expect(more.result.data.products.nodes).toHaveLength(5);
    expect(more.statements.filter((st) => /count\(\*\)/.test(st.sql))).toEqual([]);
    withinBudget(more, 2);
  });

  test('product detail: at most 3 statements', async ({ api }) => {
    const shopper = await newShopper(api);
    const [product] = await api.sql<{ handle: string }>(
      `select p.handle from product p join product_variant v on v.product_id = p.id where v.sku = 'HOM-MUG-BLU'`,
    );
    const s = await sqlStatementsOf(api, () =>
      gqlOk(
        api,
        doc(ProductPage_ProductQueryDocument),
        { handle: product!.handle, locale: 'EN' },
        shopper.token,
      ),
    );
    expect(s.result.data.product.variants.length).toBeGreaterThan(1);
    withinBudget(s, 3);
  });
});

describe('SQL budget of the checkout flow', () => {
  test('cart: at most 3 statements with lines of several merchants', async ({ api }) => {
    const shopper = await newShopper(api);
    await cartWithLines(api, shopper.token, CART_SKUS);
    const s = await sqlStatementsOf(api, () =>
      gqlOk(api, doc(CartPage_CartQueryDocument), { token: null, locale: 'EN' }, shopper.token),
    );
    expect(s.result.data.cart.lines).toHaveLength(CART_SKUS.length);
    withinBudget(s, 3);
  });

  test('addToCart: at most 5 statements for a new line and for more of a line', async ({ api }) => {
    const shopper = await newShopper(api);
    await cartWithLines(api, shopper.token, CART_SKUS.slice(0, 4));
    const tee = await variant(api, 'APP-TEE-L', { stock: 500 });
    for (const label of ['new line', 'same line again']) {
      const s = await sqlStatementsOf(api, () =>
        gqlOk(
          api,
          doc(AddToCartForm_AddToCartMutationDocument),
          { input: { variantId: tee.id, quantity: 2 } },
          shopper.token,
        ),
      );
      expect(s.result.data.addToCart.userErrors, label).toEqual([]);
      withinBudget(s, 5);
    }
    const [line] = await api.sql(
      `select l.quantity from cart_line l join cart c on c.id = l.cart_id where c.user_id = $1 and l.variant_id = $2`,
      [shopper.userId, tee.dbId],
    );
    expect(line!.quantity).toBe(4);
  });

  test('submitOrder: at most 8 statements; then payOrder with a card: at most 6', async ({
    api,
    sandbox,
  }) => {
    const shopper = await newShopper(api);
    const variants = await cartWithLines(api, shopper.token, CART_SKUS);
    const merchants = new Set(variants.map((v) => v.merchantId)).size;
    expect(merchants).toBeGreaterThan(2);
    const submitted = await sqlStatementsOf(api, () =>
      gqlOk(
        api,
        doc(CheckoutForm_SubmitOrderMutationDocument),
        { input: submitInput({ paymentMethod: 'UNIONPAY_CARD' }) },
        shopper.token,
      ),
    );
    expect(submitted.result.data.submitOrder.userErrors).toEqual([]);
    withinBudget(submitted, 8);
    const checkoutId = submitted.result.data.submitOrder.checkout.id as string;
    const orders = await api.sql('select status from customer_order where user_id = $1', [shopper.userId]);
    expect(orders.length).toBe(merchants);

    const token = await cardToken(sandbox, CARDS.success);
    const paid = await sqlStatementsOf(api, () =>
      gqlOk(
        api,
        doc(PayStep_PayOrderMutationDocument),
        { input: { checkoutId, method: 'UNIONPAY_CARD', cardToken: token, idempotencyKey: newKey() } },
        shopper.token,
      ),
    );
    expect(paid.result.data.payOrder.userErrors).toEqual([]);
    expect(paid.result.data.payOrder.payment.status).toBe('SUCCEEDED');
    const statuses = await api.sql('select status from customer_order where user_id = $1', [shopper.userId]);
    expect(statuses.map((o) => o.status)).toEqual(Array(merchants).fill('AWAITING_SHIPMENT'));
    // The budget: 6 for three orders and four e-mails (was 59, then 17). payOrder is two
    // transactions by design (the attempt commits before the gateway call): session; checkout lock;
    // the attempt's read and insert in one statement; checkout + payment lock; the capture's read;
    // ONE write for everything the capture changes (db/write-batch.ts). Nothing repeats.
    withinBudget(paid, 6);
  });
});

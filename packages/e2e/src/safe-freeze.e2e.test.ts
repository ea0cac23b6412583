import type { Browser } from 'playwright-core';
import { asUser, DEMO_PASSWORD, queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';
import { placePaidGoodsOrder, signInShopper } from './journeys.js';

/**
 * Safe freeze (issue 6): an admin safe-freezes the store of a shopper's paid order from the merchant
 * detail page → its products vanish from the storefront, the shopper's order shows FAILED and the
 * payment refunded, and the store's staff see the sanction banner on read-only pages. The store is
 * unfrozen and its listings republished afterwards, so the other journeys keep their catalogue.
 */

const SHOPPER = 'shopper@example.com';
const ADMIN = 'admin@example.com';

const PRODUCTS = `query ($m: ID) { products(first: 100, merchantId: $m) { nodes { id handle } } }`;

async function signInAdmin(browser: Browser, adminUrl: string, email: string) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${adminUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('language-switch').selectOption('en');
  return { context, page };
}

describe('safe freeze', () => {
  test('an admin safe-freezes a merchant: products vanish, the paid order fails with its refund, staff see the banner read-only', async ({
    browser,
    page,
    stack,
  }) => {
    await signInShopper(page, stack.storefrontUrl, SHOPPER);
    const number = await placePaidGoodsOrder(page, stack, 'Safe Freeze Journey');
    const merchant = await page.evaluate(async (n) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query ($n: String!) { order(number: $n) { merchant { id handle } } }',
          variables: { n },
        }),
      });
      return ((await res.json()) as { data: { order: { merchant: { id: string; handle: string } } } }).data
        .order.merchant;
    }, number);
    const before = await queryApi<{ products: { nodes: { id: string; handle: string }[] } }>(
      stack.apiUrl,
      PRODUCTS,
      {
        m: merchant.id,
      },
    );
    expect(before.products.nodes.length).toBeGreaterThan(0);

    const admin = await signInAdmin(browser, stack.adminUrl, ADMIN);
    let staff: Awaited<ReturnType<typeof signInAdmin>> | null = null;
    try {
      // The admin freezes the store from its detail page: reason, confirmation, then what it did.
      await admin.page.goto(`${stack.adminUrl}/merchants/${encodeURIComponent(merchant.id)}`);
      const panel = admin.page.getByTestId('safe-freeze-panel');
      await panel.waitFor();
      await admin.page
        .locator('[data-testid="freeze-merchant-form"] textarea[name="reason"]')
        .fill('Counterfeit goods reported by several buyers (journey)');
      await admin.page.getByTestId('freeze-merchant').click();
      await admin.page.getByTestId('confirm-freeze-merchant').click();
      await admin.page.getByTestId('freeze-effects').waitFor();
      await admin.page.locator('[data-testid="safe-freeze-panel"][data-status="SAFE_FROZEN"]').waitFor();
      const failed = Number(
        await admin.page.locator('[data-testid="freeze-effect-failed"] dd').textContent(),
      );
      expect(failed).toBeGreaterThanOrEqual(1);
      const unpublished = Number(
        await admin.page.locator('[data-testid="freeze-effect-unpublished"] dd').textContent(),
      );
      expect(unpublished).toBe(before.products.nodes.length);
      expect(await admin.page.getByTestId('freeze-refunds').textContent()).toContain(number);
      await admin.page.locator('[data-testid="merchant-detail"][data-status="SAFE_FROZEN"]').waitFor();

      // The storefront no longer shows its products.
      const after = await queryApi<{ products: { nodes: unknown[] } }>(stack.apiUrl, PRODUCTS, {
        m: merchant.id,
      });
      expect(after.products.nodes).toEqual([]);
      await page.goto(`${stack.storefrontUrl}/products/${before.products.nodes[0]!.handle}`);
      await page.getByRole('heading', { name: 'Product not found' }).waitFor();

      // The shopper's paid order failed, and the payment was refunded.
      await page.goto(`${stack.storefrontUrl}/account/orders/${number}`);
      await page.locator('[data-testid="order-status"][data-status="FAILED"]').waitFor();
      await page.goto(`${stack.storefrontUrl}/account/payments`);
      const payment = page.getByTestId('payment-row').filter({ hasText: number });
      await payment.waitFor();
      expect(await payment.textContent()).toContain('Refunded');

      // The store's staff: the sanction banner, and the management center still readable.
      staff = await signInAdmin(browser, stack.adminUrl, `staff@${merchant.handle}.example.com`);
      await staff.page.locator('[data-testid="standing-banner"][data-kind="SAFE_FREEZE"]').first().waitFor();
      await staff.page.goto(`${stack.adminUrl}/products`);
      await staff.page.getByTestId('products-table').waitFor();
      expect(await staff.page.getByTestId('products-row').count()).toBeGreaterThan(0);
      // Read-only: no way to create a product while the store is frozen.
      expect(await staff.page.getByTestId('new-product').count()).toBe(0);
      await staff.page.locator('[data-testid="standing-banner"][data-kind="SAFE_FREEZE"]').first().waitFor();
      await staff.page.goto(`${stack.adminUrl}/orders?q=${encodeURIComponent(number)}`);
      await staff.page
        .locator(`[data-testid="orders-row"][data-number="${number}"][data-status="FAILED"]`)
        .waitFor();
    } finally {
      // Put the store back for the other journeys: lift the freeze, republish what it unpublished.
      const asAdmin = await asUser(stack.apiUrl, ADMIN);
      await asAdmin(
        'mutation ($input: UnfreezeMerchantInput!) { unfreezeMerchant(input: $input) { userErrors { code } } }',
        { input: { merchantId: merchant.id, reason: 'Journey finished' } },
      );
      const asStaff = await asUser(stack.apiUrl, `staff@${merchant.handle}.example.com`);
      for (const p of before.products.nodes) {
        await asStaff('mutation ($id: ID!) { publishProduct(productId: $id) { userErrors { code } } }', {
          id: p.id,
        });
      }
      await staff?.context.close();
      await admin.context.close();
    }
    const restored = await queryApi<{ products: { nodes: unknown[] } }>(stack.apiUrl, PRODUCTS, {
      m: merchant.id,
    });
    expect(restored.products.nodes.length).toBe(before.products.nodes.length);
  });
});

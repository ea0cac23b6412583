import type { Browser } from 'playwright-core';
import { asUser, DEMO_PASSWORD, queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';
import { placePaidGoodsOrder, signInShopper } from './journeys.js';

/**
 * Claims (issue 6): an admin files a claim against the store of a shopper's paid order from the
 * claims page (the store is safe-frozen by it, the order fails and is refunded), then decides it
 * with a compensation that is refunded too. The store is unfrozen and republished afterwards.
 */

const SHOPPER = 'shopper2@example.com';
const ADMIN = 'admin@example.com';
const PRODUCTS = `query ($m: ID) { products(first: 100, merchantId: $m) { nodes { id } } }`;

async function signInAdmin(browser: Browser, adminUrl: string) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${adminUrl}/login`);
  await page.locator('input[name="email"]').fill(ADMIN);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('language-switch').selectOption('en');
  return { context, page };
}

describe('claims', () => {
  test('an admin files a claim for a paid order (the store is frozen), an excessive compensation is refused, the claim is decided', async ({
    browser,
    page,
    stack,
  }) => {
    await signInShopper(page, stack.storefrontUrl, SHOPPER);
    const number = await placePaidGoodsOrder(page, stack, 'Claims Journey');
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
    const before = await queryApi<{ products: { nodes: { id: string }[] } }>(stack.apiUrl, PRODUCTS, {
      m: merchant.id,
    });

    const admin = await signInAdmin(browser, stack.adminUrl);
    try {
      // From the store's page to the claim form, with the store chosen already.
      await admin.page.goto(`${stack.adminUrl}/merchants/${encodeURIComponent(merchant.id)}`);
      await admin.page.getByTestId('file-claim-link').click();
      const form = admin.page.getByTestId('file-claim-form');
      await form.waitFor();
      await form
        .locator(`select[name="merchantId"] option[value="${merchant.id}"]`)
        .waitFor({ state: 'attached' });
      expect(await form.locator('select[name="merchantId"]').inputValue()).toBe(merchant.id);
      await form.locator('input[name="title"]').fill('Counterfeit goods (journey)');
      await form.locator('textarea[name="description"]').fill('The goods are not what was advertised.');
      await form.locator('textarea[name="evidence"]').fill('Photos from the buyer.');
      await form.locator('textarea[name="attachments"]').fill('https://evidence.example.com/photo.jpg');
      await form.locator('textarea[name="orders"]').fill(number);
      await form.locator('textarea[name="users"]').fill('shopper@example.com');
      await admin.page.getByTestId('submit-claim').click();
      const detail = admin.page.locator('[data-testid="claim-detail"][data-status="OPEN"]');
      await detail.waitFor();
      expect(await admin.page.getByTestId('claim-orders').textContent()).toContain(number);
      const users = await admin.page.getByTestId('claim-users').textContent();
      expect(users).toContain('shopper2@example.com');
      expect(users).toContain('shopper@example.com');

      // Filing froze the store: the paid order failed with its full refund.
      await page.goto(`${stack.storefrontUrl}/account/orders/${number}`);
      await page.locator('[data-testid="order-status"][data-status="FAILED"]').waitFor();

      // Decide: the store has no frozen money for this order (it was refunded), so a compensation
      // beyond it is refused next to the field; then the claim is rejected.
      const decide = admin.page.getByTestId('decide-claim-form');
      await decide.locator('select[name="outcome"]').selectOption('COMPENSATED');
      await decide.locator(`input[name="amount-${number}"]`).fill('1.00');
      await decide.locator('textarea[name="note"]').fill('Upheld');
      await admin.page.getByTestId('decide-claim').click();
      await admin.page.getByTestId('confirm-decide-claim').click();
      await decide.locator('.platform-field-error').first().waitFor();
      await decide.locator('select[name="outcome"]').selectOption('REJECTED');
      await decide.locator('textarea[name="note"]').fill('Already refunded in full by the freeze');
      await admin.page.getByTestId('decide-claim').click();
      await admin.page.getByTestId('confirm-decide-claim').click();
      await admin.page.locator('[data-testid="claim-detail"][data-status="CLOSED"]').waitFor();

      // The list shows it closed.
      await admin.page.goto(`${stack.adminUrl}/penalties/claims?status=CLOSED`);
      await admin.page.getByTestId('claims-table').waitFor();
      expect(
        await admin.page.getByTestId('claims-row').filter({ hasText: 'Counterfeit goods (journey)' }).count(),
      ).toBe(1);
    } finally {
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
      await admin.context.close();
    }
  });
});

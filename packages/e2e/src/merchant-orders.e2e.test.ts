import { DEMO_PASSWORD } from './api-client.js';
import { describe, expect, test } from './browser.js';
import { placePaidGoodsOrder, signInShopper } from './journeys.js';

/**
 * The management center's orders page: the shopper pays a goods order with a UnionPay test card,
 * the merchant's staff find it in the admin orders table and ship it with a carrier and tracking
 * number, and the shopper's My Orders shows SHIPPED with that tracking number.
 */

const SHOPPER = 'shopper@example.com';

describe('merchant orders', () => {
  test('merchant staff ship a paid order from the admin orders page; the shopper sees SHIPPED with the tracking number', async ({
    browser,
    page,
    stack,
  }) => {
    await signInShopper(page, stack.storefrontUrl, SHOPPER);
    const number = await placePaidGoodsOrder(page, stack, 'Merchant Orders Journey');
    // Which store sold it (asked as the signed-in shopper, through the storefront's /graphql).
    const order = await page.evaluate(async (n) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query ($n: String!) { order(number: $n) { merchant { handle } } }',
          variables: { n },
        }),
      });
      return ((await res.json()) as { data: { order: { merchant: { handle: string } } } }).data.order;
    }, number);

    // The admin runs in its own browser context (cookies are per host, not per port).
    const adminContext = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    try {
      const admin = await adminContext.newPage();
      await admin.goto(`${stack.adminUrl}/login`);
      await admin.locator('input[name="email"]').fill(`staff@${order.merchant.handle}.example.com`);
      await admin.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await admin.locator('button[type="submit"]').click();
      await admin.getByTestId('dashboard').waitFor();
      await admin.getByTestId('language-switch').selectOption('en');

      await admin.goto(`${stack.adminUrl}/orders?q=${encodeURIComponent(number)}`);
      await admin.getByTestId('orders-table').waitFor();
      const row = admin.locator(`[data-testid="orders-row"][data-number="${number}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('AWAITING_SHIPMENT');

      const tracking = `E2E${Date.now()}`;
      await row.locator('input[type="checkbox"]').check();
      await admin.locator('input[name="carrier"]').fill('Chunghwa Post');
      await admin.locator('input[name="trackingNumber"]').fill(tracking);
      await admin.getByTestId('ship-selected').click();
      await admin
        .locator(`[data-testid="orders-row"][data-number="${number}"][data-status="SHIPPED"]`)
        .waitFor();

      // The shopper's My Orders: SHIPPED with the tracking number.
      await page.goto(`${stack.storefrontUrl}/account/orders`);
      const shopperRow = page.getByTestId('order-row').filter({ hasText: number });
      await shopperRow.locator('[data-testid="order-status"][data-status="SHIPPED"]').waitFor();
      await page.goto(`${stack.storefrontUrl}/account/orders/${number}`);
      await page.locator('[data-testid="order-status"][data-status="SHIPPED"]').waitFor();
      const shipment = page.getByTestId('order-shipment');
      await shipment.waitFor();
      expect(await shipment.textContent()).toContain(tracking);
      expect(await shipment.textContent()).toContain('Chunghwa Post');
    } finally {
      await adminContext.close();
    }
  });
});

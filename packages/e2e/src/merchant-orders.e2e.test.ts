import type { Page } from 'playwright-core';
import { queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';

/**
 * The management center's orders page: the shopper pays a goods order with a UnionPay test card,
 * the merchant's staff find it in the admin orders table and ship it with a carrier and tracking
 * number, and the shopper's My Orders shows SHIPPED with that tracking number.
 */

const SHOPPER = 'shopper@example.com';
const PASSWORD = 'demo-pass-2026';
const CARD_OK = '6200000000000005';

type Stack = { apiUrl: string; storefrontUrl: string; adminUrl: string };

/** A goods variant in stock to buy now. */
async function goodsVariant(apiUrl: string): Promise<string> {
  const { products } = await queryApi<{
    products: { nodes: { variants: { id: string; stock: number | null }[] }[] };
  }>(apiUrl, '{ products(first: 100, kind: GOODS) { nodes { variants { id stock } } } }');
  const product = products.nodes.find(
    (p) => p.variants[0] && (p.variants[0].stock === null || p.variants[0].stock >= 5),
  );
  if (!product) throw new Error('no goods product to buy');
  return product.variants[0]!.id;
}

async function signInShopper(page: Page, base: string) {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"]').fill(SHOPPER);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('main button[type="submit"]').click();
  await page.getByTestId('account-name').waitFor();
  await page.getByTestId('language-switch').selectOption('en');
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
}

/** Buy now → checkout → place the order → pay with a test card; returns the order number. */
async function placePaidOrder(page: Page, stack: Stack): Promise<string> {
  const variantId = await goodsVariant(stack.apiUrl);
  await page.goto(`${stack.storefrontUrl}/checkout?variant=${encodeURIComponent(variantId)}&quantity=1`);
  await page.getByTestId('submit-order').waitFor();
  const fill = async (name: string, value: string) => {
    const field = page.locator(`input[name="${name}"]`);
    if ((await field.count()) > 0 && (await field.first().isVisible())) await field.first().fill(value);
  };
  await fill('recipientName', 'Merchant Orders Journey');
  await fill('phone', '+886912345678');
  await fill('countryCode', 'TW');
  await fill('city', 'Zhongzheng District');
  await fill('line1', 'No. 1, Section 1, Zhongshan S. Rd.');
  await page.locator('input[name="paymentMethod"][value="UNIONPAY_CARD"]').check();
  await page.getByTestId('submit-order').click();
  await page.getByTestId('pay-step').waitFor();
  const [number] = (await page.getByTestId('order-number').allTextContents()).map((n) => n.trim());
  await page.getByTestId('payment-method-card').check();
  const field = page.frameLocator('iframe[data-testid="card-field"]');
  await field.locator('input[name="cardnumber"]').fill(CARD_OK);
  await field.locator('input[name="exp-date"]').fill('12/34');
  await field.locator('input[name="cvc"]').fill('123');
  await page.getByTestId('pay-now').click();
  await page.getByTestId('payment-confirmation').waitFor();
  if (!number) throw new Error('no order number on the pay step');
  return number;
}

describe('merchant orders', () => {
  test('merchant staff ship a paid order from the admin orders page; the shopper sees SHIPPED with the tracking number', async ({
    browser,
    page,
    stack,
  }) => {
    await signInShopper(page, stack.storefrontUrl);
    const number = await placePaidOrder(page, stack);
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
      await admin.locator('input[name="password"]').fill(PASSWORD);
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

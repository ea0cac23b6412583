import type { Browser, Page } from 'playwright-core';
import { asUser, queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';

/**
 * Operations in the management center: customer service approves a shopper's cancellation request
 * (the order fails and the card payment is refunded at the gateway), and a consultant delivers a
 * consultation report that the shopper then reads on the storefront with the order key.
 */

const SHOPPER = 'shopper2@example.com';
const PASSWORD = 'demo-pass-2026';
const SUPPORT = 'support@example.com';
const CONSULTANT = 'staff@harbor-bridge-consulting.example.com';
const CARD_OK = '6200000000000005';

type Stack = { apiUrl: string; gatewayUrl: string; storefrontUrl: string; adminUrl: string };

async function shopperOrder(apiUrl: string, number: string) {
  const gql = await asUser(apiUrl, SHOPPER);
  const { order } = await gql<{ order: { id: string; status: string } | null }>(
    'query ($number: String!) { order(number: $number) { id status } }',
    { number },
  );
  if (!order) throw new Error(`order ${number} not found`);
  return order;
}

/** Goods in stock, or a service of Harbor Bridge Consulting, to buy now. */
async function pickVariant(apiUrl: string, kind: 'GOODS' | 'SERVICE'): Promise<string> {
  const { products } = await queryApi<{
    products: {
      nodes: { merchant: { handle: string }; variants: { id: string; stock: number | null }[] }[];
    };
  }>(
    apiUrl,
    `{ products(first: 100, kind: ${kind}) { nodes { merchant { handle } variants { id stock } } } }`,
  );
  const product = products.nodes.find(
    (p) =>
      p.variants[0] &&
      (p.variants[0].stock === null || p.variants[0].stock >= 5) &&
      (kind === 'GOODS' || p.merchant.handle === 'harbor-bridge-consulting'),
  );
  if (!product) throw new Error(`no ${kind} product to buy`);
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

/** Buy now → checkout → place the order → pay with a test card; ends on the confirmation. */
async function placePaidOrder(page: Page, stack: Stack, kind: 'GOODS' | 'SERVICE'): Promise<string> {
  const variantId = await pickVariant(stack.apiUrl, kind);
  await page.goto(`${stack.storefrontUrl}/checkout?variant=${encodeURIComponent(variantId)}&quantity=1`);
  await page.getByTestId('submit-order').waitFor();
  const fill = async (name: string, value: string) => {
    const field = page.locator(`input[name="${name}"]`);
    if ((await field.count()) > 0 && (await field.first().isVisible())) await field.first().fill(value);
  };
  if (kind === 'GOODS') {
    await fill('recipientName', 'Admin Operations Journey');
    await fill('phone', '+886912345678');
    await fill('countryCode', 'TW');
    await fill('city', 'Zhongzheng District');
    await fill('line1', 'No. 1, Section 1, Zhongshan S. Rd.');
  } else {
    await fill('contactName', 'Admin Operations Journey');
    await fill('contactEmail', SHOPPER);
    await fill('contactPhone', '+886912345678');
  }
  await page.locator('input[name="paymentMethod"][value="UNIONPAY_CARD"]').check();
  await page.getByTestId('submit-order').click();
  await page.getByTestId('pay-step').waitFor();
  const numbers = (await page.getByTestId('order-number').allTextContents()).map((n) => n.trim());
  expect(numbers).toHaveLength(1);
  await page.getByTestId('payment-method-card').check();
  const field = page.frameLocator('iframe[data-testid="card-field"]');
  await field.locator('input[name="cardnumber"]').fill(CARD_OK);
  await field.locator('input[name="exp-date"]').fill('12/34');
  await field.locator('input[name="cvc"]').fill('123');
  await page.getByTestId('pay-now').click();
  await page.getByTestId('payment-confirmation').waitFor();
  return numbers[0]!;
}

/** Signs staff into the admin in a browser context of its own, and opens an order from the orders page. */
async function openOrderInAdmin(browser: Browser, stack: Stack, email: string, number: string) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const admin = await context.newPage();
  admin.on('dialog', (d) => void d.accept());
  await admin.goto(`${stack.adminUrl}/login`);
  await admin.locator('input[name="email"]').fill(email);
  await admin.locator('input[name="password"]').fill(PASSWORD);
  await admin.locator('button[type="submit"]').click();
  await admin.getByTestId('dashboard').waitFor();
  await admin.getByTestId('language-switch').selectOption('en');

  await admin.goto(`${stack.adminUrl}/orders?q=${encodeURIComponent(number)}`);
  await admin.getByTestId('orders-table').waitFor();
  const row = admin.locator(`[data-testid="orders-row"][data-number="${number}"]`);
  await row.waitFor();
  await row.getByRole('link', { name: number }).click();
  await admin.locator('[data-testid="order-detail"]').waitFor();
  expect((await admin.locator('[data-testid="order-detail"] h1').textContent())?.trim()).toBe(number);
  return { context, admin };
}

interface SandboxCard {
  card: {
    charges: { id: string; amount: number; amount_refunded: number }[];
    refunds: { id: string; charge: string; amount: number; status: string }[];
  };
}

describe('admin operations', () => {
  test('customer service approves a cancellation in the admin: the order fails and the card is refunded', async ({
    browser,
    page,
    stack,
  }) => {
    await signInShopper(page, stack.storefrontUrl);
    const number = await placePaidOrder(page, stack, 'GOODS');
    // The card charge at the gateway, from the voucher.
    await page.getByTestId('view-voucher').click();
    await page.getByTestId('payment-voucher').waitFor();
    const chargeId = ((await page.getByTestId('voucher-gateway-reference').textContent()) ?? '').trim();
    expect(chargeId).toMatch(/^ch_/);

    // The shopper asks to cancel.
    const order = await shopperOrder(stack.apiUrl, number);
    expect(order.status).toBe('AWAITING_SHIPMENT');
    const shopper = await asUser(stack.apiUrl, SHOPPER);
    const asked = await shopper<{
      requestOrderCancellation: { order: { status: string } | null; userErrors: { code: string }[] };
    }>(
      'mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) { order { status } userErrors { code } } }',
      { input: { orderId: order.id, reason: 'Ordered the wrong colour' } },
    );
    expect(asked.requestOrderCancellation.userErrors).toEqual([]);

    const { context, admin } = await openOrderInAdmin(browser, stack, SUPPORT, number);
    try {
      const request = admin.getByTestId('cancellation-request');
      await request.waitFor();
      expect(await request.textContent()).toContain('Ordered the wrong colour');
      await admin.getByTestId('approve-cancellation').click();
      await admin.locator('[data-testid="order-detail"][data-status="FAILED"]').waitFor();
      // Once refreshed, the request is decided and offers no more actions.
      await admin.getByTestId('approve-cancellation').waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }

    // The shopper's order failed…
    expect((await shopperOrder(stack.apiUrl, number)).status).toBe('FAILED');
    await page.goto(`${stack.storefrontUrl}/account/orders/${number}`);
    await page.locator('[data-testid="order-status"][data-status="FAILED"]').waitFor();

    // …and the gateway refunded the charge.
    const res = await fetch(`${stack.gatewayUrl}/sandbox/state`);
    const state = (await res.json()) as SandboxCard;
    const charge = state.card.charges.find((c) => c.id === chargeId);
    expect(charge).toBeDefined();
    expect(charge!.amount_refunded).toBeGreaterThan(0);
    const refunds = state.card.refunds.filter((r) => r.charge === chargeId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ status: 'succeeded', amount: charge!.amount_refunded });
  });

  test('a consultant delivers the report in the admin; the shopper reads it with the order key', async ({
    browser,
    page,
    stack,
  }) => {
    await signInShopper(page, stack.storefrontUrl);
    const number = await placePaidOrder(page, stack, 'SERVICE');
    // Shown once on the confirmation page.
    const key = ((await page.getByTestId('order-key').textContent()) ?? '').trim();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const title = `Espresso workshop notes ${Date.now()}`;
    const { context, admin } = await openOrderInAdmin(browser, stack, CONSULTANT, number);
    try {
      await admin.locator('input[name="reportTitle"]').fill(title);
      await admin
        .locator('textarea[name="reportBody"]')
        .fill(
          'Summary\nYour espresso is under-extracted.\n\nNext steps:\n1. Grind finer\n2. Weigh every shot',
        );
      await admin.getByTestId('deliver-report').click();
      await admin.locator('[data-testid="order-detail"][data-status="COMPLETED"]').waitFor();
      await admin.getByRole('heading', { name: title }).waitFor();
      await admin.getByTestId('deliver-report').waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }

    expect((await shopperOrder(stack.apiUrl, number)).status).toBe('COMPLETED');

    // The storefront's consultation page, with the order key.
    await page.goto(`${stack.storefrontUrl}/consultation/${number}`);
    await page.locator('input[name="key"]').fill(key);
    await page.getByTestId('open-report').click();
    const report = page.getByTestId('consultation-report');
    await report.waitFor();
    expect(await report.textContent()).toContain(title);
    expect(await report.textContent()).toContain('Grind finer');
  });
});

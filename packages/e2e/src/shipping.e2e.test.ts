import type { Page } from 'playwright-core';
import { asUser, queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';

/**
 * Shipping after payment: the shopper pays a goods order with a UnionPay test card in Chromium,
 * the merchant's staff ship it through the API (the management center comes later), and the
 * shopper sees SHIPPED with the tracking number, gets the tracking email and confirms receipt.
 */

const SHOPPER = 'shopper2@example.com';
const PASSWORD = 'demo-pass-2026';
const CARD_OK = '6200000000000005';

type Stack = { apiUrl: string; storefrontUrl: string };

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

async function signIn(page: Page, base: string) {
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
  await fill('recipientName', 'Shipping Journey');
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

/** The shipping email to the shopper that carries this tracking number (development mailbox, as an admin). */
async function shippedEmail(apiUrl: string, tracking: string): Promise<{ subject: string; text: string }> {
  const admin = await asUser(apiUrl, 'admin@example.com');
  for (let attempt = 0; attempt < 50; attempt++) {
    const { developmentMailbox } = await admin<{
      developmentMailbox: { nodes: { subject: string; text: string; template: string }[] };
    }>('query ($to: String) { developmentMailbox(first: 50, to: $to) { nodes { subject text template } } }', {
      to: SHOPPER,
    });
    const mail = developmentMailbox.nodes.find(
      (m) => m.template === 'orders.shipped' && m.text.includes(tracking),
    );
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no shipping email with ${tracking}`);
}

describe('shipping', () => {
  test('the merchant ships a paid order: the shopper sees SHIPPED with the tracking number, gets the email and confirms receipt', async ({
    page,
    stack,
  }) => {
    await signIn(page, stack.storefrontUrl);
    const number = await placePaidOrder(page, stack);

    const shopper = await asUser(stack.apiUrl, SHOPPER);
    const { order } = await shopper<{ order: { id: string; status: string; merchant: { handle: string } } }>(
      'query ($number: String!) { order(number: $number) { id status merchant { handle } } }',
      { number },
    );
    expect(order.status).toBe('AWAITING_SHIPMENT');

    // The merchant's staff ship it with a carrier and a tracking number.
    const tracking = `E2E-${Date.now()}`;
    const staff = await asUser(stack.apiUrl, `staff@${order.merchant.handle}.example.com`);
    const { shipOrders } = await staff<{
      shipOrders: { orders: { status: string }[]; userErrors: { code: string }[] };
    }>(
      'mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) { orders { status } userErrors { code } } }',
      { input: { orders: [{ orderId: order.id, carrier: 'Chunghwa Post', trackingNumber: tracking }] } },
    );
    expect(shipOrders.userErrors).toEqual([]);
    expect(shipOrders.orders.map((o) => o.status)).toEqual(['SHIPPED']);

    // My Orders → the order page: SHIPPED, carrier and tracking number.
    await page.goto(`${stack.storefrontUrl}/account/orders`);
    const row = page.getByTestId('order-row').filter({ hasText: number });
    await row.locator('[data-testid="order-status"][data-status="SHIPPED"]').waitFor();
    await page.goto(`${stack.storefrontUrl}/account/orders/${number}`);
    await page.locator('[data-testid="order-status"][data-status="SHIPPED"]').waitFor();
    const shipment = page.getByTestId('order-shipment');
    await shipment.waitFor();
    expect(await shipment.textContent()).toContain(tracking);
    expect(await shipment.textContent()).toContain('Chunghwa Post');

    // And in Chinese.
    await page.getByTestId('language-switch').selectOption('zh-TW');
    await shipment.filter({ hasText: '追蹤編號' }).waitFor();
    expect(await shipment.textContent()).toContain(tracking);
    await page.getByTestId('language-switch').selectOption('en');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

    // The tracking email is in the development mailbox.
    const mail = await shippedEmail(stack.apiUrl, tracking);
    expect(mail.text).toContain(number);
    expect(mail.text).toContain('Chunghwa Post');
    expect(mail.text).toContain(`/account/orders/${number}`);

    // The shopper confirms receipt → COMPLETED.
    await page.getByTestId('confirm-receipt').click();
    await page.locator('[data-testid="order-status"][data-status="COMPLETED"]').waitFor();
    expect(await page.getByTestId('confirm-receipt').count()).toBe(0);
    expect(await page.getByTestId('order-shipment').textContent()).toContain(tracking);
    const after = await shopper<{ order: { status: string } }>(
      'query ($number: String!) { order(number: $number) { status } }',
      { number },
    );
    expect(after.order.status).toBe('COMPLETED');
  });
});

import { asUser } from './api-client.js';
import { describe, expect, test } from './browser.js';
import { placePaidGoodsOrder, signInShopper } from './journeys.js';

/**
 * Shipping after payment: the shopper pays a goods order with a UnionPay test card in Chromium,
 * the merchant's staff ship it through the API (the management center comes later), and the
 * shopper sees SHIPPED with the tracking number, gets the tracking email and confirms receipt.
 */

const SHOPPER = 'shopper2@example.com';

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
    await signInShopper(page, stack.storefrontUrl, SHOPPER);
    const number = await placePaidGoodsOrder(page, stack, 'Shipping Journey');

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

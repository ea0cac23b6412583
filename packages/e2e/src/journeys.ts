import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, queryApi } from './api-client.js';

/** The UnionPay test card that pays without a challenge (gateway sandbox). */
export const CARD_OK = '6200000000000005';

/** A goods variant in stock to buy now. */
export async function goodsVariant(apiUrl: string): Promise<string> {
  const { products } = await queryApi<{
    products: { nodes: { variants: { id: string; stock: number | null }[] }[] };
  }>(apiUrl, '{ products(first: 100, kind: GOODS) { nodes { variants { id stock } } } }');
  const product = products.nodes.find(
    (p) => p.variants[0] && (p.variants[0].stock === null || p.variants[0].stock >= 5),
  );
  if (!product) throw new Error('no goods product to buy');
  return product.variants[0]!.id;
}

/** Signs staff into the admin (landing on `next`, the dashboard by default). */
export async function signInAdmin(page: Page, adminUrl: string, email: string, next = '/') {
  await page.goto(`${adminUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').first().click();
  await page.getByTestId('dashboard').waitFor();
}

/** Signs a shopper into the storefront and switches the UI to English. */
export async function signInShopper(page: Page, base: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('main button[type="submit"]').click();
  await page.getByTestId('account-name').waitFor();
  await page.getByTestId('language-switch').selectOption('en');
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
}

/** Buy now → checkout → place the order → pay with a test card; returns the order number. */
export async function placePaidGoodsOrder(
  page: Page,
  stack: { apiUrl: string; storefrontUrl: string },
  recipientName: string,
): Promise<string> {
  const variantId = await goodsVariant(stack.apiUrl);
  await page.goto(`${stack.storefrontUrl}/checkout?variant=${encodeURIComponent(variantId)}&quantity=1`);
  await page.getByTestId('submit-order').waitFor();
  const fill = async (name: string, value: string) => {
    const field = page.locator(`input[name="${name}"]`);
    if ((await field.count()) > 0 && (await field.first().isVisible())) await field.first().fill(value);
  };
  await fill('recipientName', recipientName);
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

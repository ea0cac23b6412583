import { randomUUID } from 'node:crypto';
import { queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';

/** Signs in through the API (not the browser) to read the development mailbox as platform staff. */
async function adminToken(apiUrl: string): Promise<string> {
  const data = await queryApi<{ login: { token: string } }>(
    apiUrl,
    'mutation { login(input: { email: "admin@example.com", password: "demo-pass-2026" }) { token } }',
  );
  return data.login.token;
}

async function latestEmailTo(apiUrl: string, to: string): Promise<{ subject: string; text: string }> {
  const token = await adminToken(apiUrl);
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'query ($to: String) { developmentMailbox(first: 5, to: $to) { nodes { subject text template } } }',
        variables: { to },
      }),
    });
    const body = (await res.json()) as {
      data: { developmentMailbox: { nodes: { subject: string; text: string }[] } };
    };
    const [latest] = body.data.developmentMailbox.nodes;
    if (latest) return latest;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to}`);
}

interface Goods {
  products: {
    nodes: {
      handle: string;
      title: string;
      merchant: { handle: string };
      variants: { stock: number | null }[];
    }[];
  };
}

describe('shopper journey', () => {
  test('register → verify email → cart from two merchants → quantity → batch delete → coupon → checkout → My Orders → cancel', async ({
    page,
    stack,
  }) => {
    const email = `journey-${randomUUID().slice(0, 8)}@example.com`;
    const base = stack.storefrontUrl;

    // Register.
    await page.goto(`${base}/register`);
    await page.locator('input[name="displayName"]').fill('Journey Shopper');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('a-long-journey-password');
    await page.locator('main button[type="submit"]').click();
    await page.getByTestId('account-menu').filter({ hasText: 'Journey Shopper' }).waitFor();

    // Verify the email address with the link from the development mailbox.
    const mail = await latestEmailTo(stack.apiUrl, email);
    const link = /https?:\/\/\S*\/verify-email\?token=[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();
    await page.goto(`${base}${new URL(link!).pathname}${new URL(link!).search}`);
    await page.getByTestId('email-verified').waitFor();

    // Goods from two merchants with enough stock.
    const { products } = await queryApi<Goods>(
      stack.apiUrl,
      '{ products(first: 100, kind: GOODS) { nodes { handle title(locale: EN) merchant { handle } variants { stock } } } }',
    );
    const inStock = products.nodes.filter((p) => (p.variants[0]?.stock ?? 0) >= 10);
    const first = inStock[0]!;
    const second = inStock.find((p) => p.merchant.handle !== first.merchant.handle)!;
    const third = inStock.find((p) => p.handle !== first.handle && p.handle !== second.handle)!;
    for (const product of [first, second, third]) {
      await page.goto(`${base}/products/${product.handle}`);
      await page.getByTestId('add-to-cart').click();
      await page.getByTestId('add-to-cart-success').waitFor();
    }

    // Cart: change a quantity, batch-delete a line.
    await page.getByTestId('cart-link').click();
    await page.getByTestId('cart-line').nth(2).waitFor();
    const firstLine = page.getByTestId('cart-line').filter({ hasText: first.title });
    await firstLine.locator('input[name="quantity"]').fill('3');
    await firstLine.locator('input[name="quantity"]').press('Enter');
    await page.getByTestId('cart-count').filter({ hasText: '5' }).waitFor();

    // Select only the third product's line and delete it as a batch.
    for (const line of await page.getByTestId('cart-line').all()) {
      const box = line.locator('input[type="checkbox"][name="select-line"]');
      const isThird = ((await line.textContent()) ?? '').includes(third.title);
      if ((await box.isChecked()) !== isThird) await box.click();
    }
    await page.getByTestId('delete-selected').click();
    await page.getByTestId('confirm-delete-selected').click();
    await page.getByTestId('cart-line').filter({ hasText: third.title }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('cart-line').count()).toBe(2);

    // Select both remaining lines and check out.
    for (const line of await page.getByTestId('cart-line').all()) {
      const box = line.locator('input[type="checkbox"][name="select-line"]');
      if (!(await box.isChecked())) await box.click();
    }
    await page.getByTestId('go-to-checkout').click();
    await page.waitForURL(/\/checkout/);

    await page.locator('input[name="recipientName"]').fill('Journey Shopper');
    await page.locator('input[name="phone"]').fill('+886912345678');
    await page.locator('input[name="countryCode"]').fill('TW');
    await page.locator('input[name="region"]').fill('Taipei City');
    await page.locator('input[name="city"]').fill('Zhongzheng District');
    // The postal code is optional, as in the address book.
    await page.locator('input[name="postalCode"]').fill('');
    await page.locator('input[name="line1"]').fill('No. 1, Section 1, Zhongshan S. Rd.');

    const totalBefore = (await page.getByTestId('checkout-total').textContent()) ?? '';
    await page.locator('input[name="couponCode"]').fill('WELCOME10');
    await page.getByTestId('apply-coupon').click();
    await page.getByTestId('checkout-discount').waitFor();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="checkout-total"]')?.textContent !== before,
      totalBefore,
    );

    await page.locator('input[name="paymentMethod"][value="PAYPAL"]').check();
    await page.getByTestId('submit-order').click();
    await page.getByTestId('order-number').nth(1).waitFor();
    const numbers = await page.getByTestId('order-number').allTextContents();
    expect(numbers).toHaveLength(2);

    // Both orders await payment in My Orders.
    await page.goto(`${base}/account/orders`);
    for (const number of numbers) {
      const row = page.getByTestId('order-row').filter({ hasText: number.trim() });
      await row.waitFor();
      expect(await row.getByTestId('order-status').getAttribute('data-status')).toBe('AWAITING_PAYMENT');
    }

    // Cancel one → CLOSED.
    await page
      .getByTestId('order-row')
      .filter({ hasText: numbers[0]!.trim() })
      .getByRole('link')
      .first()
      .click();
    // The order keeps the address as entered, region included.
    const shippedTo = page.locator('address').filter({ hasText: 'Journey Shopper' });
    await shippedTo.waitFor();
    expect(await shippedTo.textContent()).toContain('Zhongzheng District, Taipei City, TW');
    await page.getByTestId('cancel-order').click();
    await page.getByTestId('confirm-cancel').click();
    await page.locator('[data-testid="order-status"][data-status="CLOSED"]').first().waitFor();

    await page.goto(`${base}/account/orders`);
    const closed = page.getByTestId('order-row').filter({ hasText: numbers[0]!.trim() });
    await closed.locator('[data-testid="order-status"][data-status="CLOSED"]').waitFor();
    const open = page.getByTestId('order-row').filter({ hasText: numbers[1]!.trim() });
    expect(await open.getByTestId('order-status').getAttribute('data-status')).toBe('AWAITING_PAYMENT');
  });
});

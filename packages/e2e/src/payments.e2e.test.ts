import type { Page } from 'playwright-core';
import { asUser, queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';

/**
 * Paying in Chromium against the payment gateway sandbox: PayPal (redirect to the sandbox's
 * approval page, approve or cancel, come back) and UnionPay cards in the gateway's hosted card
 * field (success, SMS code, declines), then the confirmation, voucher and consultation report.
 */

const SHOPPER = 'shopper2@example.com';
const PASSWORD = 'demo-pass-2026';
const CONSULTANT = 'staff@harbor-bridge-consulting.example.com';
const BUYER = { email: 'buyer@sandbox.paypal.example', password: 'sandbox-buyer-pass' };
const CARDS = {
  ok: '6200000000000005',
  sms: '6200000000000013',
  declined: '6200000000000021',
  insufficientFunds: '6200000000000039',
} as const;

type Stack = { apiUrl: string; gatewayUrl: string; storefrontUrl: string };

async function orderStatus(apiUrl: string, number: string): Promise<string> {
  const gql = await asUser(apiUrl, SHOPPER);
  const data = await gql<{ order: { status: string } | null }>(
    'query ($number: String!) { order(number: $number) { status } }',
    { number },
  );
  return data.order?.status ?? 'NOT_FOUND';
}

interface Products {
  products: {
    nodes: {
      handle: string;
      merchant: { handle: string };
      variants: { id: string; stock: number | null }[];
    }[];
  };
}

/** A variant to buy now: goods in stock, or a consulting service of Harbor Bridge Consulting. */
async function pickVariant(apiUrl: string, kind: 'GOODS' | 'SERVICE'): Promise<string> {
  const { products } = await queryApi<Products>(
    apiUrl,
    `{ products(first: 100, kind: ${kind}) { nodes { handle merchant { handle } variants { id stock } } } }`,
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

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"]').fill(SHOPPER);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('main button[type="submit"]').click();
  await page.getByTestId('account-name').waitFor();
  // The demo account may prefer Chinese; these journeys read English (one switches on purpose).
  await page.getByTestId('language-switch').selectOption('en');
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
}

/** Buy now → checkout → place the order; ends on the pay step. Returns the order number. */
async function placeOrder(
  page: Page,
  stack: Stack,
  args: { kind: 'GOODS' | 'SERVICE'; method: 'PAYPAL' | 'UNIONPAY_CARD' },
): Promise<string> {
  const variantId = await pickVariant(stack.apiUrl, args.kind);
  await page.goto(`${stack.storefrontUrl}/checkout?variant=${encodeURIComponent(variantId)}&quantity=1`);
  await page.getByTestId('submit-order').waitFor();
  const fill = async (name: string, value: string) => {
    const field = page.locator(`input[name="${name}"]`);
    if ((await field.count()) > 0 && (await field.first().isVisible())) await field.first().fill(value);
  };
  if (args.kind === 'GOODS') {
    await fill('recipientName', 'Payment Journey');
    await fill('phone', '+886912345678');
    await fill('countryCode', 'TW');
    await fill('city', 'Zhongzheng District');
    await fill('line1', 'No. 1, Section 1, Zhongshan S. Rd.');
  } else {
    await fill('contactName', 'Payment Journey');
    await fill('contactEmail', SHOPPER);
    await fill('contactPhone', '+886912345678');
  }
  await page.locator(`input[name="paymentMethod"][value="${args.method}"]`).check();
  await page.getByTestId('submit-order').click();
  await page.getByTestId('pay-step').waitFor();
  const numbers = await page.getByTestId('order-number').allTextContents();
  expect(numbers).toHaveLength(1);
  return numbers[0]!.trim();
}

/** Types a card into the gateway's hosted field (an iframe on the gateway's origin). */
async function enterCard(page: Page, number: string) {
  await page.getByTestId('payment-method-card').check();
  const field = page.frameLocator('iframe[data-testid="card-field"]');
  await field.locator('input[name="cardnumber"]').fill(number);
  await field.locator('input[name="exp-date"]').fill('12/34');
  await field.locator('input[name="cvc"]').fill('123');
}

async function payWithPayPal(page: Page, stack: Stack, decision: 'approve' | 'cancel') {
  await page.getByTestId('payment-method-paypal').check();
  await page.getByTestId('pay-now').click();
  await page.waitForURL((url) => url.href.startsWith(`${stack.gatewayUrl}/checkoutnow`));
  await page.locator('input[name="email"]').fill(BUYER.email);
  await page.locator('input[name="password"]').fill(BUYER.password);
  await page.locator('button#login').click();
  if (decision === 'approve') await page.locator('button#approve').click();
  else await page.locator('a#cancel').click();
  await page.waitForURL((url) => url.href.startsWith(`${stack.storefrontUrl}/checkout/complete/`));
}

/** The newest SMS one-time code in the sandbox's test inbox. */
async function latestSmsCode(gatewayUrl: string): Promise<string> {
  const res = await fetch(`${gatewayUrl}/sandbox/sms.json`);
  const { messages } = (await res.json()) as { messages: { code: string; created_at: string }[] };
  const [newest] = [...messages].sort((a, b) => b.created_at.localeCompare(a.created_at));
  if (!newest) throw new Error('no SMS in the sandbox inbox');
  return newest.code;
}

/** The newest email of a template to an address, from the development mailbox (as an admin). */
async function latestEmail(apiUrl: string, to: string, template: string): Promise<string> {
  const { login } = await queryApi<{ login: { token: string } }>(
    apiUrl,
    'mutation { login(input: { email: "admin@example.com", password: "demo-pass-2026" }) { token } }',
  );
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({
        query: 'query ($to: String) { developmentMailbox(first: 20, to: $to) { nodes { text template } } }',
        variables: { to },
      }),
    });
    const body = (await res.json()) as {
      data: { developmentMailbox: { nodes: { text: string; template: string }[] } };
    };
    const mail = body.data.developmentMailbox.nodes.find((m) => m.template === template);
    if (mail) return mail.text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${template} email to ${to}`);
}

describe('payments', () => {
  test('pay with PayPal: redirect to the approval page, sign in, approve, back to the confirmation', async ({
    page,
    stack,
  }) => {
    await signIn(page, stack.storefrontUrl);
    const number = await placeOrder(page, stack, { kind: 'GOODS', method: 'PAYPAL' });
    // The method chosen at checkout is preselected.
    expect(await page.getByTestId('payment-method-paypal').isChecked()).toBe(true);

    await payWithPayPal(page, stack, 'approve');

    await page.getByTestId('payment-confirmation').waitFor();
    expect((await page.getByTestId('paid-order-number').allTextContents()).map((n) => n.trim())).toEqual([
      number,
    ]);
    expect(await page.getByTestId('paid-with').textContent()).toContain(BUYER.email);
    expect(await orderStatus(stack.apiUrl, number)).toBe('AWAITING_SHIPMENT');

    // My Orders shows it paid, without a "Pay now".
    await page.goto(`${stack.storefrontUrl}/account/orders`);
    const row = page.getByTestId('order-row').filter({ hasText: number });
    await row.locator('[data-testid="order-status"][data-status="AWAITING_SHIPMENT"]').waitFor();
    expect(await row.getByTestId('go-to-payment').count()).toBe(0);
  });

  test('cancel on the PayPal page: back on the pay step, still awaiting payment, and payable later', async ({
    page,
    stack,
  }) => {
    await signIn(page, stack.storefrontUrl);
    const number = await placeOrder(page, stack, { kind: 'GOODS', method: 'PAYPAL' });

    await payWithPayPal(page, stack, 'cancel');

    await page.getByTestId('payment-cancelled').waitFor();
    await page.getByTestId('pay-now').waitFor();
    expect(await orderStatus(stack.apiUrl, number)).toBe('AWAITING_PAYMENT');

    // "Pay now" in My Orders leads back to the pay step; this time with a card.
    await page.goto(`${stack.storefrontUrl}/account/orders`);
    const row = page.getByTestId('order-row').filter({ hasText: number });
    await row.locator('[data-testid="order-status"][data-status="AWAITING_PAYMENT"]').waitFor();
    await row.getByTestId('go-to-payment').click();
    await page.getByTestId('pay-step').waitFor();
    expect(await page.getByTestId('payment-cancelled').count()).toBe(0);
    await enterCard(page, CARDS.ok);
    // A double click is one payment attempt.
    await page.getByTestId('pay-now').dblclick();
    await page.getByTestId('payment-confirmation').waitFor();
    expect(await orderStatus(stack.apiUrl, number)).toBe('AWAITING_SHIPMENT');
    await page.goto(`${stack.storefrontUrl}/account/payments`);
    const rows = page.getByTestId('payment-row').filter({ hasText: number });
    await rows.nth(1).waitFor();
    expect(await rows.evaluateAll((list) => list.map((r) => r.getAttribute('data-status')))).toEqual([
      'SUCCEEDED',
      'CANCELLED',
    ]);
  });

  test('pay with a UnionPay test card through the SMS code challenge, then print the voucher', async ({
    page,
    stack,
  }) => {
    await signIn(page, stack.storefrontUrl);
    const number = await placeOrder(page, stack, { kind: 'GOODS', method: 'UNIONPAY_CARD' });
    expect(await page.getByTestId('payment-method-card').isChecked()).toBe(true);

    await enterCard(page, CARDS.sms);
    await page.getByTestId('pay-now').click();
    await page.getByTestId('otp-input').waitFor();
    expect(await orderStatus(stack.apiUrl, number)).toBe('AWAITING_PAYMENT');

    await page.getByTestId('otp-input').fill(await latestSmsCode(stack.gatewayUrl));
    await page.getByTestId('otp-submit').click();

    await page.getByTestId('payment-confirmation').waitFor();
    expect((await page.getByTestId('paid-order-number').allTextContents()).map((n) => n.trim())).toEqual([
      number,
    ]);
    expect(await page.getByTestId('paid-with').textContent()).toContain('•••• 0013');
    expect(await orderStatus(stack.apiUrl, number)).toBe('AWAITING_SHIPMENT');

    // The voucher: reference, masked card, order number, gateway reference; printable.
    await page.getByTestId('view-voucher').click();
    const voucher = page.getByTestId('payment-voucher');
    await voucher.waitFor();
    const text = (await voucher.textContent()) ?? '';
    expect(text).toContain('•••• 0013');
    expect(text).toContain(number);
    expect(text).not.toContain(CARDS.sms);
    expect((await page.getByTestId('voucher-gateway-reference').textContent())?.trim()).toMatch(/^ch_/);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByTestId('print-voucher').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // Payment history, from the account menu.
    await page.getByTestId('account-menu').getByRole('button').first().click();
    await page.getByTestId('payments-link').click();
    const reference = (await page.getByTestId('payment-row').first().getAttribute('data-reference')) ?? '';
    expect(text).toContain(reference);
    expect(await page.getByTestId('payment-row').first().getAttribute('data-status')).toBe('SUCCEEDED');
  });

  test('a declined card and insufficient funds say so, charge nothing, and leave the order awaiting payment', async ({
    page,
    stack,
  }) => {
    await signIn(page, stack.storefrontUrl);
    const number = await placeOrder(page, stack, { kind: 'GOODS', method: 'UNIONPAY_CARD' });

    await enterCard(page, CARDS.declined);
    await page.getByTestId('pay-now').click();
    const error = page.getByTestId('payment-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/declined/i);
    expect(await error.textContent()).toMatch(/still awaits payment/);
    expect(await orderStatus(stack.apiUrl, number)).toBe('AWAITING_PAYMENT');

    await enterCard(page, CARDS.insufficientFunds);
    await page.getByTestId('pay-now').click();
    await page
      .getByTestId('payment-error')
      .filter({ hasText: /insufficient funds/i })
      .waitFor();
    expect(await orderStatus(stack.apiUrl, number)).toBe('AWAITING_PAYMENT');

    // The order page still offers to pay, in Chinese too.
    await page.goto(`${stack.storefrontUrl}/account/orders/${number}`);
    await page.locator('[data-testid="order-status"][data-status="AWAITING_PAYMENT"]').waitFor();
    await page.getByTestId('language-switch').selectOption('zh-TW');
    await page.getByTestId('go-to-payment').filter({ hasText: '立即付款' }).click();
    await enterCard(page, CARDS.declined);
    await page.getByTestId('pay-now').click();
    await page.getByTestId('payment-error').filter({ hasText: '卡片遭拒' }).waitFor();

    // Both failed attempts are in the history; nothing was captured.
    await page.goto(`${stack.storefrontUrl}/account/payments`);
    const rows = page.getByTestId('payment-row').filter({ hasText: number });
    await rows.nth(2).waitFor();
    const statuses = await rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toEqual(['FAILED', 'FAILED', 'FAILED']);
    expect(await orderStatus(stack.apiUrl, number)).toBe('AWAITING_PAYMENT');
  });

  test('a consultation report opens with the emailed order key, without signing in', async ({
    page,
    context,
    stack,
  }) => {
    await signIn(page, stack.storefrontUrl);
    const number = await placeOrder(page, stack, { kind: 'SERVICE', method: 'UNIONPAY_CARD' });
    await enterCard(page, CARDS.ok);
    await page.getByTestId('pay-now').click();
    await page.getByTestId('payment-confirmation').waitFor();
    // Shown once on the confirmation page…
    const shownKey = ((await page.getByTestId('order-key').textContent()) ?? '').trim();
    expect(shownKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // …and emailed, with a link that carries it in the fragment.
    const mail = await latestEmail(stack.apiUrl, SHOPPER, 'payments.order-key');
    expect(mail).toContain(number);
    expect(mail).toContain(shownKey);
    const link = new URL(/https?:\/\/\S+#key=[\w-]+/.exec(mail)?.[0] ?? '');
    // A reload does not show the key again.
    await page.reload();
    await page.getByTestId('payment-confirmation').waitFor();
    expect(await page.getByTestId('order-key').count()).toBe(0);

    // Signed out from here on: a fresh page without the shopper's session.
    await context.clearCookies();
    await page.goto(`${stack.storefrontUrl}/consultation`);
    await page.locator('input[name="orderNumber"]').fill(number);
    await page.locator('input[name="key"]').fill(shownKey);
    await page.getByTestId('open-report').click();
    await page.locator('[data-testid="consultation-message"][data-outcome="notDelivered"]').waitFor();

    // The consultant delivers the report.
    const shopper = await asUser(stack.apiUrl, SHOPPER);
    const { order } = await shopper<{ order: { id: string } }>(
      'query ($number: String!) { order(number: $number) { id } }',
      { number },
    );
    const consultant = await asUser(stack.apiUrl, CONSULTANT);
    const delivered = await consultant<{
      deliverConsultationReport: { order: { status: string } | null; userErrors: { code: string }[] };
    }>(
      'mutation ($input: DeliverConsultationReportInput!) { deliverConsultationReport(input: $input) { order { status } userErrors { code } } }',
      {
        input: {
          orderId: order.id,
          title: 'Brewing workshop notes',
          body: 'Summary\nYour espresso is under-extracted.\n\nNext steps:\n1. Grind finer\n2. Weigh every shot',
        },
      },
    );
    expect(delivered.deliverConsultationReport.userErrors).toEqual([]);
    expect(delivered.deliverConsultationReport.order?.status).toBe('COMPLETED');

    // A wrong key reveals nothing.
    await page.goto(`${stack.storefrontUrl}/consultation/${number}`);
    await page.locator('input[name="key"]').fill('x'.repeat(43));
    await page.getByTestId('open-report').click();
    await page.getByTestId('consultation-key-error').waitFor();
    expect(await page.getByTestId('consultation-report').count()).toBe(0);

    // The emailed link opens the report; the key leaves the address bar.
    await page.goto(`${stack.storefrontUrl}${link.pathname}${link.hash}`);
    const report = page.getByTestId('consultation-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('Brewing workshop notes');
    expect(await report.textContent()).toContain('Grind finer');
    expect(page.url()).not.toContain(shownKey);

    // Signed in, the shopper reads it on the order page too.
    await signIn(page, stack.storefrontUrl);
    await page.goto(`${stack.storefrontUrl}/account/orders/${number}`);
    await page.getByTestId('order-report').filter({ hasText: 'Brewing workshop notes' }).waitFor();
  });
});

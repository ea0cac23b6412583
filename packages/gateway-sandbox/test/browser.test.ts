import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cardClient,
  FUTURE_YEAR,
  orderBody,
  paypalClient,
  paypalToken,
  smsCodeFor,
  startTestSandbox,
  type TestSandbox,
} from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the storefront page collects from the card field. */
interface FieldMessage {
  type: string;
  [key: string]: unknown;
}

declare global {
  interface Window {
    fieldMessages: FieldMessage[];
  }
}

let sb: TestSandbox;
let browser: Browser;
let shop: Server;
let shopUrl: string;
let page: Page;

/** A tiny "storefront" on another loopback origin: return/cancel pages and a checkout page framing the field. */
function shopHandler(sandboxUrl: () => string, pk: () => string) {
  return (req: { url?: string }, res: { setHeader(n: string, v: string): void; end(b: string): void }) => {
    const url = new URL(req.url ?? '/', shopUrl);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (url.pathname === '/checkout') {
      const fieldOrigin = url.searchParams.get('fieldOrigin') ?? shopUrl;
      const src = `${sandboxUrl()}/card/field?pk=${encodeURIComponent(pk())}&origin=${encodeURIComponent(fieldOrigin)}`;
      res.end(`<!doctype html><html><body>
<h1>Checkout</h1>
<iframe id="card" title="Card" src="${src}" style="width:480px;height:300px;border:1px solid #ccc"></iframe>
<button id="pay" type="button">Pay</button>
<script>
  window.fieldMessages = [];
  window.addEventListener('message', function (e) {
    if (e.origin !== ${JSON.stringify(new URL(sandboxUrl()).origin)}) return;
    window.fieldMessages.push(e.data);
  });
  document.getElementById('pay').addEventListener('click', function () {
    document.getElementById('card').contentWindow.postMessage({ type: 'tokenize' }, ${JSON.stringify(new URL(sandboxUrl()).origin)});
  });
</script></body></html>`);
      return;
    }
    res.end(`<!doctype html><html><body><h1 id="where">${url.pathname}</h1></body></html>`);
  };
}

describe.skipIf(!existsSync(CHROMIUM))('in Chromium', () => {
  beforeAll(async () => {
    sb = await startTestSandbox();
    shop = createServer(
      shopHandler(
        () => sb.url,
        () => sb.credentials.cardPublishableKey,
      ) as never,
    );
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (shop ? shop.close(() => resolve()) : resolve()));
    await sb?.stop();
  });

  beforeEach(async (context) => {
    sb.reset();
    const browserContext = await browser.newContext({ locale: 'en-US' });
    page = await browserContext.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    context.onTestFinished(async () => {
      await browserContext.close();
      expect(errors).toEqual([]);
    });
  });

  async function createOrder() {
    const token = await paypalToken(sb);
    const pp = paypalClient(sb, token);
    const body = orderBody({ value: '64.00' });
    Object.assign(
      (body.payment_source as { paypal: { experience_context: object } }).paypal.experience_context,
      {
        return_url: `${shopUrl}/return`,
        cancel_url: `${shopUrl}/cancel`,
      },
    );
    const created = await pp.call('POST', '/v2/checkout/orders', body);
    const approve = created.body.links.find((l: { rel: string }) => l.rel === 'payer-action').href as string;
    return { pp, id: created.body.id as string, approve };
  }

  it('PayPal: wrong password, sign in, Pay Now, back on the return URL, capture', async () => {
    const { pp, id, approve } = await createOrder();
    await page.goto(approve);
    await expect.poll(() => page.locator('#amount').textContent()).toBe('$64.00 USD');
    expect(await page.locator('#merchant').textContent()).toBe('Marketplace Demo');
    await page.fill('input[name=email]', 'buyer@sandbox.paypal.example');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button#login');
    await page.locator('#login-error').waitFor();
    expect(await page.locator('#login-error').textContent()).toContain("Some of your info isn't correct");
    await page.fill('input[name=password]', 'sandbox-buyer-pass');
    await page.click('button#login');
    await page.locator('button#approve').waitFor();
    expect(await page.locator('button#approve').textContent()).toBe('Pay Now');
    await page.click('button#approve');
    await page.waitForURL(`${shopUrl}/return?**`);
    const back = new URL(page.url());
    expect(back.searchParams.get('token')).toBe(id);
    expect(back.searchParams.get('PayerID')).toMatch(/^[A-Z0-9]{13}$/);
    const captured = await pp.capture(id);
    expect(captured.status).toBe(201);
    expect(captured.body.status).toBe('COMPLETED');
  });

  it('PayPal: "Cancel and return" lands on the cancel URL, order still awaiting approval', async () => {
    const { pp, id, approve } = await createOrder();
    await page.goto(approve);
    await page.click('a#cancel');
    await page.waitForURL(`${shopUrl}/cancel?token=${id}`);
    expect((await pp.getOrder(id)).body.status).toBe('PAYER_ACTION_REQUIRED');
  });

  it('card field: inline validation, token through postMessage, SMS code, charge succeeds', async () => {
    await page.goto(`${shopUrl}/checkout`);
    const field = page.frameLocator('iframe#card');
    await expect
      .poll(() => page.evaluate(() => window.fieldMessages.some((m) => m.type === 'ready')))
      .toBe(true);

    await field.locator('input[name=cardnumber]').fill('4111 1111 1111 1111');
    await field.locator('input[name=exp-date]').fill('01/20');
    await field.locator('input[name=cvc]').fill('12');
    await page.click('#pay');
    await expect
      .poll(() => field.locator('#cardnumber-error').textContent())
      .toBe('UnionPay card numbers start with 62 or 81.');
    expect(await field.locator('#exp-date-error').textContent()).toBe('This card has expired.');
    expect(await field.locator('#cvc-error').textContent()).toBe('Enter the 3-digit security code (CVC).');
    expect(await field.locator('input[name=cardnumber]').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => window.fieldMessages.find((m) => m.type === 'error')))
      .toMatchObject({ type: 'error', code: 'validation_error' });

    await field.locator('input[name=cardnumber]').fill('6200000000000012');
    await field.locator('input[name=cardnumber]').blur();
    await expect
      .poll(() => field.locator('#cardnumber-error').textContent())
      .toBe('This card number is not valid.');

    await field.locator('input[name=cardnumber]').fill('');
    await field.locator('input[name=cardnumber]').pressSequentially('6200000000000013');
    expect(await field.locator('input[name=cardnumber]').inputValue()).toBe('6200 0000 0000 0013');
    await field.locator('input[name=exp-date]').fill('');
    await field.locator('input[name=exp-date]').pressSequentially(`12${String(FUTURE_YEAR).slice(2)}`);
    expect(await field.locator('input[name=exp-date]').inputValue()).toBe(
      `12/${String(FUTURE_YEAR).slice(2)}`,
    );
    await field.locator('input[name=cvc]').fill('123');
    await page.click('#pay');
    const findToken = () => page.evaluate(() => window.fieldMessages.find((m) => m.type === 'token'));
    await expect.poll(findToken).toBeTruthy();
    const tokenMessage = (await findToken())!;
    expect(tokenMessage).toEqual({
      type: 'token',
      token: expect.stringMatching(/^tok_/),
      brand: 'UNIONPAY',
      last4: '0013',
      expMonth: 12,
      expYear: FUTURE_YEAR,
    });
    const everything = JSON.stringify(await page.evaluate(() => window.fieldMessages));
    expect(everything).not.toContain('6200000000000013');
    expect(everything).not.toContain('"123"');
    expect(await field.locator('#status').textContent()).toBe('Card ending in 0013 is ready.');

    const card = cardClient(sb);
    const charge = await card.charge({ token: tokenMessage.token, amount: 6400 });
    expect(charge.body.status).toBe('requires_action');
    const confirmed = await card.confirm(charge.body.id, await smsCodeFor(sb, charge.body.id));
    expect(confirmed.body).toMatchObject({ status: 'succeeded', card: { last4: '0013' } });
    expect(sb.logs.join('\n')).not.toContain('6200000000000013');
  });

  it('card field: its own button tokenizes too', async () => {
    await page.goto(`${shopUrl}/checkout`);
    const field = page.frameLocator('iframe#card');
    await field.locator('input[name=cardnumber]').fill('6200 0000 0000 0005');
    await field.locator('input[name=exp-date]').fill(`11/${String(FUTURE_YEAR).slice(2)}`);
    await field.locator('input[name=cvc]').fill('321');
    await field.locator('button#submit').click();
    await expect
      .poll(() => page.evaluate(() => window.fieldMessages.find((m) => m.type === 'token')))
      .toMatchObject({ last4: '0005', expMonth: 11 });
  });

  it('card field: a page of another origin than the one named cannot frame it', async () => {
    // The field is told its parent is http://localhost:<port>, but the page is on 127.0.0.1.
    const other = shopUrl.replace('127.0.0.1', 'localhost');
    await page.goto(`${shopUrl}/checkout?fieldOrigin=${encodeURIComponent(other)}`);
    await page.waitForTimeout(500);
    expect(await page.frameLocator('iframe#card').locator('input[name=cardnumber]').count()).toBe(0);
    expect(await page.evaluate(() => window.fieldMessages)).toEqual([]);
  });
});

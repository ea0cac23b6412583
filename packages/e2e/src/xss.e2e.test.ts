import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './api-client.js';
import { afterAll, beforeAll, inject } from 'vitest';
import { describe, expect, test } from './browser.js';
import { CARD_OK } from './journeys.js';

/**
 * Stored XSS (issue 9 §1): a shopper, a new store's owner and an anonymous visitor store script payloads
 * through the API in every string they can enter, and both SPAs render those strings on the pages that
 * show them. Each page must show the payload as literal text, create no element from it, open no dialog
 * and report no CSP violation (the production builds are served with their CSP by `vite preview`).
 *
 * Planted: the shopper's name, address (recipient, region, city, address lines 1 and 2; the phone and
 * postal code only accept digits and a few separators, so a payload there is refused — asserted), order (service contact and notes), review, messages, cancellation
 * request and correction note of a warning; the store's name, description, owner name, product, variant,
 * promotion name, invited colleague's name, carrier, review reply, message reply, refusal of the cancellation, API key name and
 * correction note; a consultant's report; an anonymous contact request. A `javascript:` webhook URL is
 * refused by the API. The guard test proves the detectors fire when HTML is injected into a page.
 */

/** Every payload calls alert(): a dialog or a CSP violation (the inline handler blocked) fails the page. */
const long = (tag: string) =>
  `<script>alert('${tag}')</script><img src=x onerror="alert('${tag}')"><a href="javascript:alert('${tag}')">${tag}</a>`;
/** For fields of at most ~60 characters (names, address lines). */
const short = (tag: string) => `<img src=x onerror=alert('${tag}')>${tag}`;

const P = {
  shopperName: short('sn'),
  recipient: short('rn'),
  line1: short('l1'),
  line2: long('l2'),
  region: long('rg'),
  city: short('ct'),
  phone: short('ph'),
  postalCode: short('pc'),
  storeName: short('mn'),
  storeDescription: long('md'),
  ownerName: short('on'),
  productTitle: long('pt'),
  productDescription: long('pd'),
  variantTitle: short('vt'),
  carrier: short('ca'),
  review: long('rv'),
  reviewReply: long('rr'),
  subject: short('su'),
  message: long('ms'),
  messageReply: long('mr'),
  contactName: short('cn'),
  contactMessage: long('cm'),
  cancellationReason: long('cr'),
  declineReason: long('dr'),
  shopperAppeal: long('sa'),
  storeAppeal: long('oa'),
  apiKeyName: short('ak'),
  activityName: short('an'),
  teamMember: short('tm'),
  serviceContact: short('sc'),
  serviceNotes: long('sv'),
  reportTitle: short('rt'),
  reportBody: long('rb'),
  couponDescription: long('cd'),
  webhookDescription: long('wd'),
};

type Planted = {
  shopper: { email: string; password: string };
  owner: { email: string; password: string };
  productId: string;
  productHandle: string;
  variantId: string;
  orderNumber: string;
  orderId: string;
  cancelledOrderNumber: string;
  serviceOrderNumber: string;
  consultant: { email: string; password: string };
  shopperViolation: string;
  storeViolation: string;
  conversationId: string;
  merchantId: string;
  contactRequestId: string;
};

/** GraphQL answers here: their shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions, not the compiler, check response shapes
type Gql = any;

async function gql<T = Record<string, Gql>>(
  apiUrl: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: Record<string, Gql>; errors?: unknown[] };
  if (body.errors) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
  for (const [field, payload] of Object.entries(body.data ?? {})) {
    if (payload?.userErrors?.length)
      throw new Error(
        `${field} refused: ${JSON.stringify(payload.userErrors)} (the payload must be accepted)`,
      );
  }
  return body.data as T;
}

async function login(apiUrl: string, email: string, password: string): Promise<string> {
  const { login } = await gql(
    apiUrl,
    null,
    'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
    { input: { email, password } },
  );
  return login.token as string;
}

async function mailboxText(apiUrl: string, admin: string, to: string, template: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { developmentMailbox } = await gql(
      apiUrl,
      admin,
      'query ($to: String) { developmentMailbox(first: 20, to: $to) { nodes { template text } } }',
      { to },
    );
    const mail = developmentMailbox.nodes.find((m: { template: string }) => m.template === template);
    if (mail) return mail.text as string;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${template} email to ${to}`);
}

async function cardToken(gatewayUrl: string): Promise<string> {
  const res = await fetch(`${gatewayUrl}/card/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer pk_sandbox_marketplace' },
    body: JSON.stringify({ number: CARD_OK, exp_month: 12, exp_year: 2034, cvc: '123' }),
  });
  const body = (await res.json()) as { id?: string };
  if (!body.id) throw new Error(`card token: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Stores every payload through the API, as the shopper, the store owner and an anonymous visitor. */
async function plant(apiUrl: string, gatewayUrl: string): Promise<Planted> {
  const suffix = randomUUID().slice(0, 8);
  const admin = await login(apiUrl, 'admin@example.com', DEMO_PASSWORD);

  // A new store whose owner accepts the emailed invitation.
  const owner = { email: `xss-owner-${suffix}@example.com`, password: 'xss owner passphrase 2026' };
  const { createMerchant } = await gql(
    apiUrl,
    admin,
    `mutation ($input: CreateMerchantInput!) { createMerchant(input: $input) { merchant { id } userErrors { code field } } }`,
    {
      input: {
        handle: `xss-${suffix}`,
        nameEn: P.storeName,
        nameZh: P.storeName,
        descriptionEn: P.storeDescription,
        descriptionZh: P.storeDescription,
        ownerEmail: owner.email,
        ownerName: P.ownerName,
      },
    },
  );
  const invitation = await mailboxText(apiUrl, admin, owner.email, 'platform.staff-invitation');
  const invitationToken = /\/set-password\?token=([\w-]+)/.exec(invitation)?.[1];
  await gql(
    apiUrl,
    null,
    'mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { userErrors { code } } }',
    { token: invitationToken, password: owner.password },
  );
  const ownerToken = await login(apiUrl, owner.email, owner.password);

  const { createProduct } = await gql(
    apiUrl,
    ownerToken,
    `mutation ($input: CreateProductInput!) { createProduct(input: $input) {
      product { id handle variants { id } } userErrors { code field message } } }`,
    {
      input: {
        kind: 'GOODS',
        titleEn: P.productTitle,
        titleZh: P.productTitle,
        descriptionEn: P.productDescription,
        descriptionZh: P.productDescription,
        variants: [
          {
            sku: `XSS-${suffix}`,
            price: '12.00',
            // Journeys that look for a well-stocked product to buy (journeys.ts) never pick this one.
            stock: 3,
            titleEn: P.variantTitle,
            titleZh: P.variantTitle,
          },
        ],
      },
    },
  );
  await gql(
    apiUrl,
    ownerToken,
    'mutation ($id: ID!) { publishProduct(productId: $id) { product { status } userErrors { code field message } } }',
    { id: createProduct.product.id },
  );

  // A new shopper: name, address book, an order paid by card, a review, a message to the store.
  const shopper = { email: `xss-shopper-${suffix}@example.com`, password: 'xss shopper passphrase 2026' };
  const { register } = await gql(
    apiUrl,
    null,
    'mutation ($input: RegisterInput!) { register(input: $input) { token userErrors { code field } } }',
    { input: { email: shopper.email, password: shopper.password, displayName: P.shopperName } },
  );
  const shopperToken = register.token as string;
  const address = {
    recipientName: P.recipient,
    phone: '+886912345678',
    countryCode: 'TW',
    region: P.region,
    city: P.city,
    postalCode: '100',
    line1: P.line1,
    line2: P.line2,
  };
  // The phone and postal code have a strict format: markup there is refused (and nothing is saved).
  const refusedAddress = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${shopperToken}` },
    body: JSON.stringify({
      query:
        'mutation ($input: AddressInput!) { createAddress(input: $input) { address { id } userErrors { code field } } }',
      variables: { input: { ...address, phone: P.phone, postalCode: P.postalCode } },
    }),
  }).then((res) => res.json() as Promise<{ data: Gql }>);
  expect(refusedAddress.data.createAddress).toEqual({
    address: null,
    userErrors: expect.arrayContaining([
      { code: 'INVALID_PHONE', field: ['input', 'phone'] },
      { code: 'INVALID_POSTAL_CODE', field: ['input', 'postalCode'] },
    ]),
  });
  await gql(
    apiUrl,
    shopperToken,
    'mutation ($input: AddressInput!) { createAddress(input: $input, setAsDefault: true) { address { id } userErrors { code field } } }',
    { input: address },
  );
  const buy = async (key: string) => {
    const { submitOrder } = await gql(
      apiUrl,
      shopperToken,
      `mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) {
      checkout { id orders { id number } } userErrors { code field message } } }`,
      {
        input: {
          buyNow: { variantId: createProduct.product.variants[0].id, quantity: 1 },
          shippingAddress: address,
          paymentMethod: 'UNIONPAY_CARD',
          idempotencyKey: `xss-${key}-${suffix}`,
        },
      },
    );
    const { payOrder } = await gql(
      apiUrl,
      shopperToken,
      'mutation ($input: PayOrderInput!) { payOrder(input: $input) { payment { status } userErrors { code field message } } }',
      {
        input: {
          checkoutId: submitOrder.checkout.id,
          method: 'UNIONPAY_CARD',
          cardToken: await cardToken(gatewayUrl),
          idempotencyKey: `xss-pay-${key}-${suffix}`,
        },
      },
    );
    expect(payOrder.payment.status).toBe('SUCCEEDED');
    return submitOrder.checkout.orders[0] as { id: string; number: string };
  };
  const order = await buy('reviewed');
  await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: ShipOrdersInput!) { shipOrders(input: $input) { orders { status } userErrors { code field message } } }',
    { input: { orders: [{ orderId: order.id, carrier: P.carrier, trackingNumber: `XSS-${suffix}` }] } },
  );
  await gql(
    apiUrl,
    shopperToken,
    'mutation ($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { userErrors { code field message } } }',
    { input: { orderId: order.id } },
  );
  const { writeReview } = await gql(
    apiUrl,
    shopperToken,
    'mutation ($input: WriteReviewInput!) { writeReview(input: $input) { review { id } userErrors { code field message } } }',
    { input: { orderId: order.id, rating: 4, text: P.review } },
  );
  await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: ReplyToReviewInput!) { replyToReview(input: $input) { userErrors { code field message } } }',
    { input: { reviewId: writeReview.review.id, text: P.reviewReply } },
  );
  const { startConversation } = await gql(
    apiUrl,
    shopperToken,
    `mutation ($input: StartConversationInput!) { startConversation(input: $input) {
      conversation { id } userErrors { code field message } } }`,
    { input: { to: 'MERCHANT', orderId: order.id, subject: P.subject, body: P.message } },
  );
  await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: ReplyToConversationInput!) { replyToConversation(input: $input) { userErrors { code field message } } }',
    { input: { conversationId: startConversation.conversation.id, body: P.messageReply } },
  );

  // A second order: the shopper asks to cancel it, the store declines with a reason.
  const cancelled = await buy('cancelled');
  await gql(
    apiUrl,
    shopperToken,
    'mutation ($input: RequestOrderCancellationInput!) { requestOrderCancellation(input: $input) { userErrors { code field message } } }',
    { input: { orderId: cancelled.id, reason: P.cancellationReason } },
  );
  await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: DeclineCancellationRequestInput!) { declineCancellationRequest(input: $input) { userErrors { code field message } } }',
    { input: { orderId: cancelled.id, reason: P.declineReason } },
  );

  // The owner invites a colleague by name.
  await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: InviteMerchantStaffInput!) { inviteMerchantStaff(input: $input) { userErrors { code field message } } }',
    { input: { displayName: P.teamMember, email: `xss-colleague-${suffix}@example.com` } },
  );

  // The store names an API key; a `javascript:` webhook URL is refused outright.
  await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } userErrors { code field message } } }',
    { input: { name: P.apiKeyName, scopes: ['ORDERS_READ'] } },
  );
  const webhook = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ownerToken}` },
    body: JSON.stringify({
      query:
        'mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } userErrors { code field } } }',
      variables: { input: { url: "javascript:alert('wh')", events: ['ORDER_COMPLETED'] } },
    }),
  });
  const refused = ((await webhook.json()) as Gql).data.createWebhookSubscription;
  expect(refused.subscription).toBeNull();
  expect(refused.userErrors.map((e: { field: string[] }) => e.field.at(-1))).toEqual(['url']);
  // A described webhook endpoint (loopback is allowed outside production) and a described store coupon.
  const { createWebhookSubscription } = await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } userErrors { code field message } } }',
    {
      input: {
        url: 'http://127.0.0.1:9/xss-hook',
        description: P.webhookDescription,
        events: ['ORDER_COMPLETED'],
      },
    },
  );
  expect(createWebhookSubscription.userErrors).toEqual([]);
  const { createCoupon } = await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { coupon { id } userErrors { code field message } } }',
    {
      input: {
        code: `XSS${suffix}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 40),
        kind: 'PERCENTAGE',
        value: 1000,
        descriptionEn: P.couponDescription,
        descriptionZh: P.couponDescription,
      },
    },
  );
  expect(createCoupon.userErrors).toEqual([]);

  // Appeals: platform staff warn the shopper and the store; both answer with a correction note.
  const support = await login(apiUrl, 'support@example.com', DEMO_PASSWORD);
  const { penaltyRules } = await gql(apiUrl, support, 'query { penaltyRules { id code } }');
  const rule = (code: string) => penaltyRules.find((r: { code: string }) => r.code === code).id;
  const warn = async (subjectType: string, subject: string, code: string) => {
    const { recordViolation } = await gql(
      apiUrl,
      support,
      `mutation ($input: RecordViolationInput!) { recordViolation(input: $input) {
        violation { id } userErrors { code field message } } }`,
      { input: { subjectType, subject, ruleId: rule(code), evidence: 'Seen by support.' } },
    );
    return recordViolation.violation.id as string;
  };
  const appeal = (token: string, violationId: string, note: string) =>
    gql(
      apiUrl,
      token,
      'mutation ($input: ViolationCorrectionInput!) { requestViolationCorrection(input: $input) { userErrors { code field message } } }',
      { input: { violationId, note } },
    );
  const shopperViolation = await warn('USER', shopper.email, 'USER_AGREEMENT');
  await appeal(shopperToken, shopperViolation, P.shopperAppeal);
  const storeViolation = await warn('MERCHANT', `xss-${suffix}`, 'MERCHANT_AGREEMENT');
  await appeal(ownerToken, storeViolation, P.storeAppeal);

  // A promotion of the store, named by it (a badge on its product).
  const now = Date.now();
  await gql(
    apiUrl,
    ownerToken,
    'mutation ($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { code field message } } }',
    {
      input: {
        nameEn: P.activityName,
        nameZh: P.activityName,
        kind: 'PERCENTAGE',
        value: 1000,
        allProducts: true,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
      },
    },
  );

  // A consultation: the shopper's contact details and notes go to the consultant, whose report comes back.
  const { products } = await gql(
    apiUrl,
    null,
    '{ products(first: 20, kind: SERVICE) { nodes { merchant { handle } variants { id } } } }',
  );
  const service = products.nodes.find((p: { variants: unknown[] }) => p.variants.length > 0);
  const { submitOrder: serviceCheckout } = await gql(
    apiUrl,
    shopperToken,
    `mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) {
      checkout { id orders { id number } } userErrors { code field message } } }`,
    {
      input: {
        buyNow: { variantId: service.variants[0].id, quantity: 1 },
        serviceContact: {
          name: P.serviceContact,
          email: shopper.email,
          phone: '+886912345678',
          notes: P.serviceNotes,
        },
        paymentMethod: 'UNIONPAY_CARD',
        idempotencyKey: `xss-service-${suffix}`,
      },
    },
  );
  const serviceOrder = serviceCheckout.checkout.orders[0] as { id: string; number: string };
  await gql(
    apiUrl,
    shopperToken,
    'mutation ($input: PayOrderInput!) { payOrder(input: $input) { payment { status } userErrors { code field message } } }',
    {
      input: {
        checkoutId: serviceCheckout.checkout.id,
        method: 'UNIONPAY_CARD',
        cardToken: await cardToken(gatewayUrl),
        idempotencyKey: `xss-pay-service-${suffix}`,
      },
    },
  );
  const consultant = { email: `staff@${service.merchant.handle}.example.com`, password: DEMO_PASSWORD };
  await gql(
    apiUrl,
    await login(apiUrl, consultant.email, consultant.password),
    'mutation ($input: DeliverConsultationReportInput!) { deliverConsultationReport(input: $input) { userErrors { code field message } } }',
    { input: { orderId: serviceOrder.id, title: P.reportTitle, body: P.reportBody } },
  );

  // An anonymous visitor writes to customer service.
  const { submitContactRequest } = await gql(
    apiUrl,
    null,
    'mutation ($input: SubmitContactRequestInput!) { submitContactRequest(input: $input) { contactRequest { reference } userErrors { code field message } } }',
    {
      input: {
        email: `xss-visitor-${suffix}@example.com`,
        name: P.contactName,
        topic: 'OTHER',
        message: P.contactMessage,
      },
    },
  );

  const { staffContactRequests } = await gql(
    apiUrl,
    admin,
    'query { staffContactRequests(first: 100) { nodes { id reference } } }',
  );
  const contactRequest = staffContactRequests.nodes.find(
    (r: { reference: string }) => r.reference === submitContactRequest.contactRequest.reference,
  );

  return {
    shopper,
    owner,
    productId: createProduct.product.id,
    productHandle: createProduct.product.handle,
    variantId: createProduct.product.variants[0].id,
    orderNumber: order.number,
    orderId: order.id,
    cancelledOrderNumber: cancelled.number,
    serviceOrderNumber: serviceOrder.number,
    consultant,
    shopperViolation,
    storeViolation,
    conversationId: startConversation.conversation.id,
    merchantId: createMerchant.merchant.id,
    contactRequestId: contactRequest.id,
  };
}

/** Records dialogs and CSP violations of every page opened in the context. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`);
    });
  });
  return dialogs;
}

/**
 * Opens a page and waits until every expected payload is on it as text; then nothing the payloads carry
 * may exist as an element, no dialog may have opened and no CSP violation may have been reported.
 */
async function expectLiteral(page: Page, dialogs: string[], url: string, payloads: string[]) {
  await page.goto(url);
  await expectShownAsText(page, url, payloads);
  await expectNothingInjected(page, dialogs, url);
}

async function expectShownAsText(page: Page, url: string, payloads: string[]) {
  for (const payload of payloads) {
    // Rendered text, as a user reads it (textContent would also count hidden nodes).
    const shown = await page
      // biome-ignore lint/performance/useDomNodeTextContent: see above
      .waitForFunction((text) => document.body.innerText.includes(text), payload, { timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    // biome-ignore lint/performance/useDomNodeTextContent: the text the user sees
    const text = shown ? '' : await page.evaluate(() => document.body.innerText);
    expect(shown, `${url} shows ${payload} as text; it shows:\n${text.slice(0, 3000)}`).toBe(true);
  }
}

/**
 * Opens a form and waits until the inputs named by their `autocomplete` hold the payloads as their values
 * (prefilled from saved data); then, as above, nothing the payloads carry may have become an element.
 */
async function expectFieldValues(page: Page, dialogs: string[], url: string, fields: Record<string, string>) {
  await page.goto(url);
  for (const [autocomplete, payload] of Object.entries(fields)) {
    const input = page.locator(`input[autocomplete="${autocomplete}"]`);
    await input.waitFor();
    await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toBe(payload);
  }
  await expectNothingInjected(page, dialogs, url);
}

/** No element made from a payload, no dialog opened and no CSP violation reported on the page. */
async function expectNothingInjected(page: Page, dialogs: string[], url: string) {
  // An injected <img onerror> runs (or is blocked and reported) once its load failed: wait for every image.
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"]').length,
    inlineScripts: [...document.querySelectorAll('script:not([src])')].filter((s) =>
      (s.textContent ?? '').includes('alert('),
    ).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    violations: (window as unknown as { __csp: string[] }).__csp,
  }));
  expect({ url, dialogs, ...injected }).toEqual({
    url,
    dialogs: [],
    images: 0,
    inlineScripts: 0,
    jsLinks: 0,
    violations: [],
  });
}

async function signInStorefront(page: Page, base: string, user: { email: string; password: string }) {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('main button[type="submit"]').click();
  await page.getByTestId('account-name').waitFor();
}

async function signInAdmin(browser: Browser, base: string, user: { email: string; password: string }) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const dialogs = await watch(page);
  await page.goto(`${base}/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard').waitFor();
  return { context, page, dialogs, errors };
}

describe('stored XSS', () => {
  let planted: Planted;

  beforeAll(async () => {
    const stack = inject('stack');
    planted = await plant(stack.apiUrl, stack.gatewayUrl);
  }, 120_000);

  // The other journeys pick products from the catalog: take this store's product off it again.
  afterAll(async () => {
    if (!planted) return;
    const { apiUrl } = inject('stack');
    const owner = await login(apiUrl, planted.owner.email, planted.owner.password);
    await gql(
      apiUrl,
      owner,
      'mutation ($id: ID!) { unpublishProduct(productId: $id) { userErrors { code field message } } }',
      { id: planted.productId },
    );
  });

  test('every string a shopper or store enters renders as text in the storefront', async ({
    page,
    stack,
  }) => {
    const dialogs = await watch(page);
    const sf = stack.storefrontUrl;
    // Anonymous: the catalog, search and the product page with its review and the store's reply.
    await expectLiteral(page, dialogs, `${sf}/products/${encodeURIComponent(planted.productHandle)}`, [
      P.productTitle,
      P.productDescription,
      P.storeName,
      P.variantTitle,
      P.review,
      P.reviewReply,
      P.activityName,
    ]);
    await expectLiteral(page, dialogs, `${sf}/search?q=${encodeURIComponent("alert('pt')")}`, [
      P.productTitle,
    ]);

    await signInStorefront(page, sf, planted.shopper);
    await expectLiteral(page, dialogs, `${sf}/account`, [P.shopperName]);
    await expectLiteral(page, dialogs, `${sf}/account/addresses`, [
      P.recipient,
      P.line1,
      P.line2,
      P.region,
      P.city,
    ]);
    // Checkout prefills the shipping form from the saved address: the payloads are input values, and the
    // saved-address picker names it by recipient, city and first line.
    const checkout = `${sf}/checkout?variant=${encodeURIComponent(planted.variantId)}&quantity=1`;
    await expectFieldValues(page, dialogs, checkout, {
      'shipping name': P.recipient,
      'shipping address-level1': P.region,
      'shipping address-level2': P.city,
      'shipping address-line1': P.line1,
      'shipping address-line2': P.line2,
    });
    const options = await page.evaluate(() => [...document.querySelectorAll('option')].map((o) => o.text));
    expect(options).toContain(`${P.recipient} · ${P.city} ${P.line1}`);
    await expectLiteral(page, dialogs, `${sf}/account/orders`, [P.productTitle]);
    await expectLiteral(page, dialogs, `${sf}/account/orders/${encodeURIComponent(planted.orderNumber)}`, [
      P.productTitle,
      P.recipient,
      P.line1,
      P.line2,
      P.region,
      P.carrier,
    ]);
    await expectLiteral(
      page,
      dialogs,
      `${sf}/account/orders/${encodeURIComponent(planted.cancelledOrderNumber)}`,
      [P.cancellationReason],
    );
    await expectLiteral(
      page,
      dialogs,
      `${sf}/account/orders/${encodeURIComponent(planted.serviceOrderNumber)}`,
      [P.serviceContact, P.serviceNotes, P.reportTitle, P.reportBody],
    );
    await expectLiteral(page, dialogs, `${sf}/account/messages`, [P.subject]);
    await expectLiteral(
      page,
      dialogs,
      `${sf}/account/messages/${encodeURIComponent(planted.conversationId)}`,
      [P.subject, P.message, P.messageReply],
    );
  });

  test('the guards work: CSP headers on both SPAs, and HTML injected into a page is caught', async ({
    page,
    stack,
  }) => {
    for (const base of [stack.storefrontUrl, stack.adminUrl]) {
      const res = await fetch(`${base}/`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // A page that did render a payload as HTML: the inline handler is blocked and reported, no dialog opens.
    const dialogs = await watch(page);
    await page.goto(`${stack.storefrontUrl}/`);
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), long('canary'));
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(1);
    expect(dialogs).toEqual([]);
  });

  test('…and in the management center, for the store and for platform staff', async ({ browser, stack }) => {
    const base = stack.adminUrl;
    const store = await signInAdmin(browser, base, planted.owner);
    try {
      // The header shows the owner's name on every page.
      await expectLiteral(store.page, store.dialogs, `${base}/products`, [P.ownerName, P.productTitle]);
      await expectLiteral(
        store.page,
        store.dialogs,
        `${base}/orders/${encodeURIComponent(planted.orderNumber)}`,
        [P.recipient, P.line1, P.line2, P.region, P.city, P.carrier, P.variantTitle],
      );
      await expectLiteral(
        store.page,
        store.dialogs,
        `${base}/orders/${encodeURIComponent(planted.cancelledOrderNumber)}`,
        [P.cancellationReason, P.declineReason],
      );
      await expectLiteral(store.page, store.dialogs, `${base}/reviews`, [P.review, P.shopperName]);
      await expectLiteral(store.page, store.dialogs, `${base}/api-keys`, [P.apiKeyName]);
      await expectLiteral(store.page, store.dialogs, `${base}/webhooks`, [P.webhookDescription]);
      await expectLiteral(store.page, store.dialogs, `${base}/coupons`, [P.couponDescription]);
      await expectLiteral(store.page, store.dialogs, `${base}/team`, [P.ownerName, P.teamMember]);
      await expectLiteral(
        store.page,
        store.dialogs,
        `${base}/messages/${encodeURIComponent(planted.conversationId)}`,
        [P.subject, P.message, P.messageReply],
      );
      expect(store.errors).toEqual([]);
    } finally {
      await store.context.close();
    }

    const consultant = await signInAdmin(browser, base, planted.consultant);
    try {
      await expectLiteral(
        consultant.page,
        consultant.dialogs,
        `${base}/orders/${encodeURIComponent(planted.serviceOrderNumber)}`,
        [P.serviceContact, P.serviceNotes, P.reportTitle, P.reportBody],
      );
      expect(consultant.errors).toEqual([]);
    } finally {
      await consultant.context.close();
    }

    const staff = await signInAdmin(browser, base, { email: 'admin@example.com', password: DEMO_PASSWORD });
    try {
      await expectLiteral(staff.page, staff.dialogs, `${base}/contact-requests`, [P.contactName]);
      await expectLiteral(
        staff.page,
        staff.dialogs,
        `${base}/contact-requests?id=${encodeURIComponent(planted.contactRequestId)}`,
        [P.contactName, P.contactMessage],
      );
      await expectLiteral(staff.page, staff.dialogs, `${base}/merchants`, [P.storeName]);
      await expectLiteral(
        staff.page,
        staff.dialogs,
        `${base}/merchants/${encodeURIComponent(planted.merchantId)}`,
        [P.storeName, P.ownerName],
      );
      // The profile form holds the description as a textarea's value, never as markup.
      expect(await staff.page.locator('textarea[name="descriptionEn"]').inputValue()).toBe(
        P.storeDescription,
      );
      await expectLiteral(staff.page, staff.dialogs, `${base}/users`, [P.shopperName]);
      for (const [violation, note] of [
        [planted.shopperViolation, P.shopperAppeal],
        [planted.storeViolation, P.storeAppeal],
      ] as const) {
        await expectLiteral(
          staff.page,
          staff.dialogs,
          `${base}/penalties?violation=${encodeURIComponent(violation)}`,
          [note],
        );
      }
      expect(staff.errors).toEqual([]);
    } finally {
      await staff.context.close();
    }
  });
});

import type { Browser } from 'playwright-core';
import { asUser, queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';

/**
 * Platform operations in the management center: an admin creates a store; its owner accepts the
 * emailed invitation (sets a password on the admin's /set-password page), signs in and invites a team
 * member; the admin then disables the store and its listings leave the storefront.
 */

const ADMIN = 'admin@example.com';
const PASSWORD = 'demo-pass-2026';

async function signInAdmin(browser: Browser, adminUrl: string, email: string, password: string) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${adminUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('language-switch').selectOption('en');
  return { context, page };
}

/** The token of the newest invitation email to this address, read from the development mailbox. */
async function invitationToken(apiUrl: string, to: string): Promise<string> {
  const admin = await asUser(apiUrl, ADMIN);
  const { developmentMailbox } = await admin<{
    developmentMailbox: { nodes: { template: string; text: string }[] };
  }>('query ($to: String) { developmentMailbox(to: $to) { nodes { template text } } }', { to });
  const mail = developmentMailbox.nodes.find((m) => m.template === 'platform.staff-invitation');
  const token = /\/set-password\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation to ${to}`);
  return token;
}

describe('platform operations', () => {
  test('an admin creates a store; its owner accepts the invitation and invites staff; disabling hides its listings', async ({
    browser,
    stack,
  }) => {
    const suffix = Date.now().toString(36);
    const handle = `journey-${suffix}`;
    const ownerEmail = `owner-${suffix}@journey.example.com`;
    const ownerPassword = 'journey-owner-passphrase';

    // The admin creates the store with its owner.
    const admin = await signInAdmin(browser, stack.adminUrl, ADMIN, PASSWORD);
    await admin.page.goto(`${stack.adminUrl}/merchants`);
    await admin.page.getByTestId('merchants-table').waitFor();
    const form = admin.page.getByTestId('create-merchant-form');
    await form.locator('input[name="handle"]').fill(handle);
    await form.locator('input[name="nameEn"]').fill('Journey Tea');
    await form.locator('input[name="nameZh"]').fill('旅程茶舖');
    await form.locator('input[name="ownerEmail"]').fill(ownerEmail);
    await form.locator('input[name="ownerName"]').fill('Journey Owner');
    await form.locator('button[type="submit"]').click();
    await admin.page.locator(`[data-testid="merchants-row"][data-handle="${handle}"]`).waitFor();

    // The owner sets a password with the emailed link, signs in and sees the Team area.
    const token = await invitationToken(stack.apiUrl, ownerEmail);
    const owner = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const ownerPage = await owner.newPage();
    await ownerPage.goto(`${stack.adminUrl}/set-password?token=${token}`);
    await ownerPage.locator('input[name="password"]').fill(ownerPassword);
    await ownerPage.locator('input[name="confirm"]').fill(ownerPassword);
    await ownerPage.locator('[data-testid="set-password-form"] button[type="submit"]').click();
    await ownerPage.getByTestId('set-password-sign-in').click();
    await ownerPage.locator('input[name="email"]').fill(ownerEmail);
    await ownerPage.locator('input[name="password"]').fill(ownerPassword);
    await ownerPage.locator('button[type="submit"]').click();
    await ownerPage.getByTestId('dashboard').waitFor();
    await ownerPage.goto(`${stack.adminUrl}/team`);
    await ownerPage.getByTestId('team-table').waitFor();
    const invite = ownerPage.getByTestId('invite-staff-form');
    await invite.locator('input[name="email"]').fill(`brewer-${suffix}@journey.example.com`);
    await invite.locator('input[name="displayName"]').fill('Brewer');
    await invite.locator('button[type="submit"]').click();
    await ownerPage
      .locator(`[data-testid="team-row"][data-email="brewer-${suffix}@journey.example.com"]`)
      .waitFor();
    expect(await ownerPage.getByTestId('team-row').count()).toBe(2);
    await invitationToken(stack.apiUrl, `brewer-${suffix}@journey.example.com`);
    await owner.close();

    // The admin disables a demo store that has no open paid orders; its products leave the storefront.
    const { products } = await queryApi<{
      products: { nodes: { handle: string; merchant: { handle: string } }[] };
    }>(stack.apiUrl, '{ products(first: 100) { nodes { handle merchant { handle } } } }');
    const target = (
      await Promise.all(
        ['voltline', 'lane-nine-design', 'formosa-roasters'].map(async (h) => {
          const gql = await asUser(stack.apiUrl, ADMIN);
          const data = await gql<{ staffMerchants: { nodes: { id: string; handle: string }[] } }>(
            'query ($q: String) { staffMerchants(filter: { query: $q }) { nodes { id handle } } }',
            { q: h },
          );
          const store = data.staffMerchants.nodes.find((m) => m.handle === h)!;
          const stats = await gql<{
            staffMerchant: { stats: { ordersByStatus: { status: string; count: number }[] } };
          }>('query ($id: ID!) { staffMerchant(id: $id) { stats { ordersByStatus { status count } } } }', {
            id: store.id,
          });
          const open = stats.staffMerchant.stats.ordersByStatus
            .filter((o) => o.status === 'AWAITING_SHIPMENT' || o.status === 'SHIPPED')
            .reduce((n, o) => n + o.count, 0);
          return open === 0 ? store : null;
        }),
      )
    ).find((s) => s !== null);
    if (!target) throw new Error('every demo store has open paid orders');
    const product = products.nodes.find((p) => p.merchant.handle === target.handle)!;

    await admin.page.goto(`${stack.adminUrl}/merchants/${encodeURIComponent(target.id)}`);
    await admin.page.getByTestId('merchant-stats').waitFor();
    await admin.page
      .locator('[data-testid="merchant-status-form"] input[name="reason"]')
      .fill('Journey: store closed');
    await admin.page.getByTestId('disable-merchant').click();
    await admin.page.getByTestId('confirm-merchant-status').click();
    await admin.page.locator('[data-testid="merchant-detail"][data-status="DISABLED"]').waitFor();
    const hidden = await queryApi<{ product: { handle: string } | null }>(
      stack.apiUrl,
      'query ($h: String) { product(handle: $h) { handle } }',
      { h: product.handle },
    );
    expect(hidden.product).toBeNull();

    // Enabled again, so the other journeys find the store as before.
    await admin.page
      .locator('[data-testid="merchant-status-form"] input[name="reason"]')
      .fill('Journey: reopened');
    await admin.page.getByTestId('enable-merchant').click();
    await admin.page.getByTestId('confirm-merchant-status').click();
    await admin.page.locator('[data-testid="merchant-detail"][data-status="ACTIVE"]').waitFor();
    await admin.context.close();
  });
});

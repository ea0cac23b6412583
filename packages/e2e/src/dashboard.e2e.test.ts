import { asUser, queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';
import { signInAdmin } from './journeys.js';

/**
 * The management center's dashboard (figures and charts, links to the work waiting) and customer
 * service's contact-request inbox, driven in the browser and checked against the API.
 */

describe('dashboard and contact requests', () => {
  test('customer service sees every store’s figures and charts and follows an action card', async ({
    page,
    stack,
  }) => {
    const gql = await asUser(stack.apiUrl, 'support@example.com');
    const { staffDashboard } = await gql<{
      staffDashboard: { pendingShipments: { count: number }; openCancellationRequests: { count: number } };
    }>('{ staffDashboard { pendingShipments { count } openCancellationRequests { count } } }');

    await signInAdmin(page, stack.adminUrl, 'support@example.com');
    for (const id of ['dashboard-sales-chart', 'dashboard-status-chart', 'dashboard-top-products'])
      await page.getByTestId(id).waitFor();
    // Every chart has a title; the sales chart's numbers are in a table for screen readers.
    await expect(page.getByTestId('dashboard-sales-chart').getByRole('heading').textContent()).resolves.toBe(
      'Sales per day',
    );
    expect(await page.getByTestId('dashboard-sales-chart').locator('table tbody tr').count()).toBe(30);
    // The status chart lists all six statuses, each linking to the orders list.
    expect(await page.getByTestId('dashboard-status-chart').locator('a[data-status]').count()).toBe(6);

    const pending = page.getByTestId('dashboard-pending-shipments');
    expect(Number(await pending.getAttribute('data-count'))).toBe(staffDashboard.pendingShipments.count);
    const cancellations = page.getByTestId('dashboard-cancellation-requests');
    expect(Number(await cancellations.getAttribute('data-count'))).toBe(
      staffDashboard.openCancellationRequests.count,
    );

    // Platform staff narrow the dashboard to one store; the choice is kept in the URL.
    const merchant = page.locator('select[name="merchant"]');
    const storeId = await merchant.locator('option').nth(1).getAttribute('value');
    await merchant.selectOption(storeId!);
    await page.waitForURL((url) => url.searchParams.get('merchant') === storeId);
    // The figures of that store replace the previous ones (the links then carry the store).
    const storeCard = page.locator(
      `[data-testid="dashboard-pending-shipments"][href*="merchant=${encodeURIComponent(storeId!)}"]`,
    );
    await storeCard.waitFor();
    await storeCard.click();
    await page.waitForURL(/\/orders\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('AWAITING_SHIPMENT');
    expect(url.searchParams.get('merchant')).toBe(storeId);
  });

  test('merchant staff see their own store only; the charts load on their own', async ({ page, stack }) => {
    await signInAdmin(page, stack.adminUrl, 'staff@formosa-roasters.example.com');
    await page.getByTestId('dashboard-top-products').waitFor();
    expect(await page.locator('select[name="merchant"]').count()).toBe(0);
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    // recharts is in the lazily loaded charts chunk, not in the entry chunk.
    expect(scripts.some((s) => /dashboard-charts-[\w-]+\.js$/.test(s))).toBe(true);
  });

  test('customer service answers a contact request and marks it handled', async ({ page, stack }) => {
    const email = `dashboard-journey-${Date.now()}@example.com`;
    const { submitContactRequest } = await queryApi<{
      submitContactRequest: { contactRequest: { reference: string } | null; userErrors: { code: string }[] };
    }>(
      stack.apiUrl,
      `mutation ($input: SubmitContactRequestInput!) { submitContactRequest(input: $input) {
        contactRequest { reference } userErrors { code } } }`,
      {
        input: {
          name: 'Journey Sender',
          email,
          topic: 'PAYMENT',
          message: 'My refund has not arrived yet. Could you check, please?',
        },
      },
    );
    expect(submitContactRequest.userErrors).toEqual([]);
    const reference = submitContactRequest.contactRequest!.reference;

    await signInAdmin(
      page,
      stack.adminUrl,
      'support@example.com',
      `/contact-requests?q=${encodeURIComponent(email)}`,
    );
    const row = page.locator(`[data-testid="contact-requests-row"][data-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('OPEN');
    await row.getByRole('link', { name: `View ${reference}` }).click();
    const detail = page.getByTestId('contact-request-detail');
    await detail.getByText('My refund has not arrived yet.', { exact: false }).waitFor();
    await detail
      .locator('textarea[name="note"]')
      .fill('Refund confirmed with the gateway; replied by email.');
    await detail.getByTestId('resolve-contact-request').click();
    await detail.getByTestId('contact-request-status').filter({ hasText: 'Handled' }).waitFor();
    // The open list no longer has it.
    await row.waitFor({ state: 'detached' });

    const gql = await asUser(stack.apiUrl, 'support@example.com');
    const { staffContactRequests } = await gql<{
      staffContactRequests: { nodes: { status: string; resolutionNote: string; resolvedByEmail: string }[] };
    }>(
      'query ($q: String) { staffContactRequests(filter: { query: $q }) { nodes { status resolutionNote resolvedByEmail } } }',
      { q: email },
    );
    expect(staffContactRequests.nodes).toEqual([
      {
        status: 'CLOSED',
        resolutionNote: 'Refund confirmed with the gateway; replied by email.',
        resolvedByEmail: 'support@example.com',
      },
    ]);
  });
});

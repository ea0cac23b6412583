import type { Browser, Page } from 'playwright-core';
import { queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';
import { signInAdmin, signInShopper } from './journeys.js';

/**
 * "Sign out of all devices" (issue 9 §5, sessions revoked): the account is signed in on two
 * devices (two browser contexts, each with its own cookie); the button on one of them ends the
 * session of both on the server — the other device finds itself signed out on its next request.
 */

async function secondDevice(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

describe('sign out of all devices', () => {
  test('a shopper signed in on two devices signs out everywhere from the storefront', async ({
    browser,
    page,
    stack,
  }) => {
    // A shopper of its own: ending every session of a shared demo account would disturb nothing
    // here (files run one at a time), but a fresh one keeps the journey independent.
    const shopper = {
      email: `everywhere-${Date.now()}@example.com`,
      password: 'two devices passphrase 2026',
    };
    const { register } = await queryApi<{ register: { userErrors: unknown[] } }>(
      stack.apiUrl,
      'mutation ($input: RegisterInput!) { register(input: $input) { userErrors { code } } }',
      { input: { email: shopper.email, password: shopper.password, displayName: 'Two Devices' } },
    );
    expect(register.userErrors).toEqual([]);

    await signInShopper(page, stack.storefrontUrl, shopper.email, shopper.password);
    const other = await secondDevice(browser);
    try {
      await signInShopper(other, stack.storefrontUrl, shopper.email, shopper.password);

      await page.goto(`${stack.storefrontUrl}/account/password`);
      await page.getByTestId('sign-out-everywhere').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // Cancelling changes nothing.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.reload();
      await page.getByTestId('account-name').waitFor();

      await page.getByTestId('sign-out-everywhere').click();
      await page.getByTestId('confirm-sign-out-everywhere').click();
      // This device: back on the home page, signed out.
      await page.waitForURL(`${stack.storefrontUrl}/`);
      await page.getByTestId('account-name').waitFor({ state: 'detached' });

      // The other device: its cookie no longer opens an account page.
      await other.goto(`${stack.storefrontUrl}/account/password`);
      await other.waitForURL(/\/sign-in/);
      expect(await other.getByTestId('account-name').count()).toBe(0);
    } finally {
      await other.context().close();
    }
  });

  test('store staff signed in on two devices sign out everywhere from the admin', async ({
    browser,
    page,
    stack,
  }) => {
    const staff = 'staff@formosa-roasters.example.com';
    await signInAdmin(page, stack.adminUrl, staff);
    const other = await secondDevice(browser);
    try {
      await signInAdmin(other, stack.adminUrl, staff);

      await page.getByTestId('logout-everywhere').click();
      await page.getByTestId('confirm-logout-everywhere').click();
      await page.waitForURL(/\/login/);

      // The other device is signed out too: its next page load goes to the login page.
      await other.goto(`${stack.adminUrl}/`);
      await other.waitForURL(/\/login/);
      // And signing in again works (the account itself is untouched).
      await signInAdmin(other, stack.adminUrl, staff);
    } finally {
      await other.context().close();
    }
  });
});

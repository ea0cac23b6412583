import { queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';

describe('admin', () => {
  test('staff sign in, see the dashboard shell, and sign out; a wrong password is refused', async ({
    page,
    stack,
  }) => {
    await page.goto(`${stack.adminUrl}/`);
    await page.waitForURL(/\/login/);

    await page.locator('input[name="email"]').fill('admin@example.com');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').waitFor();

    await page.locator('input[name="password"]').fill('demo-pass-2026');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    expect((await page.getByTestId('viewer-name').textContent()) ?? '').toContain('Platform Admin');

    await page.getByTestId('language-switch').selectOption('zh-TW');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-TW');

    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    // The session is gone on the server too: reloading the dashboard goes back to the login page.
    await page.goto(`${stack.adminUrl}/`);
    await page.waitForURL(/\/login/);
  });

  test('an admin reads the development mailbox', async ({ page, stack }) => {
    // Something to read: a password reset request mails the shopper (through the outbox and a job).
    await queryApi(
      stack.apiUrl,
      'mutation { requestPasswordReset(email: "shopper@example.com") { userErrors { code } } }',
    );

    await page.goto(`${stack.adminUrl}/login?next=%2Fmailbox`);
    await page.locator('input[name="email"]').fill('admin@example.com');
    await page.locator('input[name="password"]').fill('demo-pass-2026');
    await page.locator('main button[type="submit"], form button[type="submit"]').first().click();
    await page.waitForURL(/\/mailbox/);
    await page.locator('input[name="to"]').fill('shopper@example.com');
    await page.locator('input[name="to"]').press('Enter');
    const item = page.getByTestId('mailbox-item').first();
    for (let attempt = 0; attempt < 20 && !(await item.isVisible()); attempt++) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    await item.getByRole('button').click();
    expect((await item.textContent()) ?? '').toMatch(/reset-password\?token=/);
  });
});

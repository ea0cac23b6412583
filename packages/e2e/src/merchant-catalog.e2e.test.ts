import { describe, expect, test } from './browser.js';

describe('merchant catalogue', () => {
  test('merchant staff create a product with a variant, publish it, and the storefront search finds it', async ({
    page,
    stack,
  }) => {
    const unique = Date.now().toString(36).toUpperCase();
    const titleEn = `Lantern Festival Tea ${unique}`;
    const titleZh = `元宵節茶禮 ${unique}`;

    await page.goto(`${stack.adminUrl}/login?next=%2Fproducts`);
    await page.locator('input[name="email"]').fill('staff@formosa-roasters.example.com');
    await page.locator('input[name="password"]').fill('demo-pass-2026');
    await page.locator('form button[type="submit"]').first().click();
    await page.waitForURL(/\/products/);
    await page.getByTestId('products-table').waitFor();

    await page.getByTestId('new-product').click();
    // A refused save shows the server's rules next to the field (price out of range).
    await page.locator('input[name="titleEn"]').fill(titleEn);
    await page.locator('input[name="titleZh"]').fill(titleZh);
    await page.locator('textarea[name="descriptionEn"]').fill('A gift box of high-mountain oolong.');
    await page.locator('textarea[name="descriptionZh"]').fill('高山烏龍茶禮盒。');
    await page.locator('input[name="variants.0.sku"]').fill(`LFT-${unique}`);
    await page.locator('input[name="variants.0.titleEn"]').fill('Gift box');
    await page.locator('input[name="variants.0.titleZh"]').fill('禮盒');
    await page.locator('input[name="variants.0.price"]').fill('2000000');
    await page.locator('input[name="variants.0.stock"]').fill('12');
    await page.getByTestId('save-product').click();
    await page.locator('input[name="variants.0.price"][aria-invalid="true"]').waitFor();

    await page.locator('input[name="variants.0.price"]').fill('28.50');
    await page.getByTestId('save-product').click();
    await page.getByTestId('product-status').filter({ hasText: 'Draft' }).waitFor();
    const row = page.getByTestId('products-row').filter({ hasText: titleEn });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('DRAFT');

    await page.getByTestId('publish-product').click();
    await page.getByTestId('product-status').filter({ hasText: 'Published' }).waitFor();
    await row.and(page.locator('[data-status="PUBLISHED"]')).waitFor();

    await page.goto(`${stack.storefrontUrl}/`);
    const search = page.getByRole('search').getByRole('searchbox');
    await search.fill(`元宵節茶禮 ${unique}`.toLowerCase());
    await search.press('Enter');
    await page.waitForURL(/\/search\?/);
    // Only the new product has this title: the results are exactly its card.
    const card = page.getByTestId('product-card').filter({ hasText: titleEn });
    await card.waitFor();
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(1);
  });
});

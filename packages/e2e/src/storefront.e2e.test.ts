import { queryApi } from './api-client.js';
import { describe, expect, test } from './browser.js';

interface Found {
  products: {
    nodes: { handle: string; en: string; zh: string; variants: { price: { amount: string } }[] }[];
  };
}

describe('storefront', () => {
  test('a guest searches, opens a product, adds it to the cart, sees it there and switches to 繁體中文', async ({
    page,
    stack,
  }) => {
    const { products } = await queryApi<Found>(
      stack.apiUrl,
      `{ products(first: 1, query: "精品咖啡豆") { nodes { handle en: title(locale: EN) zh: title(locale: ZH_TW) variants { price { amount } } } } }`,
    );
    const target = products.nodes[0]!;

    await page.goto(`${stack.storefrontUrl}/`);
    await page.getByTestId('product-card').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Search with a Chinese word that only appears inside a longer word of the title.
    const search = page.getByRole('search').getByRole('searchbox');
    await search.fill('咖啡');
    await search.press('Enter');
    const card = page
      .getByTestId('product-card')
      .filter({ has: page.locator(`a[href$="/products/${target.handle}"]`) });
    await card.waitFor();
    expect(await page.getByTestId('product-card').count()).toBeGreaterThan(1);

    await card.locator(`a[href$="/products/${target.handle}"]`).first().click();
    await page.getByRole('heading', { level: 1, name: target.en }).waitFor();

    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('add-to-cart-success').waitFor();
    await page.getByTestId('cart-count').filter({ hasText: '1' }).waitFor();

    await page.getByTestId('cart-link').click();
    await page.waitForURL(/\/cart$/);
    const line = page.getByTestId('cart-line');
    await line.first().waitFor();
    expect(await line.count()).toBe(1);
    expect((await line.first().textContent()) ?? '').toContain(target.en);
    expect((await page.getByTestId('cart-subtotal').textContent()) ?? '').toContain(
      target.variants[0]!.price.amount,
    );

    await page.getByTestId('language-switch').selectOption('zh-TW');
    await page.getByTestId('cart-line').filter({ hasText: target.zh }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-TW');

    // The language and the guest cart survive a reload.
    await page.reload();
    await page.getByTestId('cart-line').filter({ hasText: target.zh }).waitFor();
    expect(await page.getByTestId('language-switch').inputValue()).toBe('zh-TW');
  });

  test('the catalogue pages forward and works on a phone-sized screen', async ({ context, stack }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.storefrontUrl}/`);
    await page.getByTestId('product-card').first().waitFor();
    const firstPage = await page.getByTestId('product-card').count();
    expect(firstPage).toBeGreaterThan(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const more = page.getByRole('button', { name: /load more|more products|next/i });
    if (firstPage >= 20) {
      await more.click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="product-card"]').length > n,
        firstPage,
      );
    }
  });
});

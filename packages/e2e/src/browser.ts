import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject, test as base } from 'vitest';

/** Debian's Chromium, started the way it runs as root in a container without a GPU or network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** `page`: a fresh browser context per test, so storage and cookies never leak between journeys. */
export const test = base.extend<{
  browser: Browser;
  context: BrowserContext;
  page: Page;
  stack: ReturnType<typeof stackUrls>;
}>({
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
  stack: async ({}, use) => use(stackUrls()),
  context: async ({ browser }, use) => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    if (errors.length) throw new Error(`uncaught errors in the page:\n${errors.join('\n')}`);
  },
});

function stackUrls() {
  return inject('stack');
}

export { describe, expect } from 'vitest';

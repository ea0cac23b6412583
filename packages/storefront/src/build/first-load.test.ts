/**
 * Budget (issue 8 §4): the JavaScript a browser downloads and runs to render the home page `/` —
 * the entry chunk, its static imports and the lazily loaded route modules of the home page — stays
 * within 160 KB gzip. Builds the storefront for production into a temporary directory with Vite's
 * JavaScript API (about a second) and measures the chunks named in the build manifest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFirstLoad, formatFirstLoad, type Manifest, readManifest } from './first-load.js';

const BUDGET_GZIP_BYTES = 160_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The lazy route module of `/` (app/router.tsx: the index route); the root layout is in the entry. */
const HOME_ROUTE = 'src/app/routes/product-list.tsx';
/** English text is bundled; a shopper reading Traditional Chinese also loads its shell text first. */
const CHINESE_SHELL_TEXT = 'src/features/i18n/resources/zh-tw.ts';

let outDir: string;
let manifest: Manifest;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'storefront-budget-'));
  // Vitest runs with NODE_ENV=test; Vite picks React's production builds (and replaces
  // process.env.NODE_ENV) only when building for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      mode: 'production',
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  manifest = readManifest(outDir);
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('first-load JavaScript of the home page', () => {
  it('stays within 160 KB gzip', () => {
    const load = computeFirstLoad(manifest, outDir, [HOME_ROUTE]);
    console.log(formatFirstLoad(`first load of / (budget ${BUDGET_GZIP_BYTES / 1000} KB gzip)`, load));
    expect(load.totalGzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('stays within 160 KB gzip for a shopper reading Traditional Chinese', () => {
    const load = computeFirstLoad(manifest, outDir, [HOME_ROUTE, CHINESE_SHELL_TEXT]);
    console.log(formatFirstLoad('first load of / in zh-TW', load));
    expect(load.totalGzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('does not pull every page into the entry', () => {
    // Pages other than home are fetched when visited, so they must stay out of the first load.
    const load = computeFirstLoad(manifest, outDir, [HOME_ROUTE]);
    const files = new Set(load.chunks.map((chunk) => chunk.file));
    for (const page of [
      'src/app/routes/cart.tsx',
      'src/app/routes/checkout.tsx',
      'src/app/routes/product.tsx',
      // The text of other pages, in either language.
      'src/features/i18n/resources/en-pages.ts',
      'src/features/i18n/resources/zh-tw-pages.ts',
    ]) {
      const chunk = manifest[page];
      expect(chunk?.isDynamicEntry, page).toBe(true);
      expect(files.has(chunk?.file ?? ''), page).toBe(false);
    }
  });
});

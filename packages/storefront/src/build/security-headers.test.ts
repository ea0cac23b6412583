/**
 * Security headers of the SPAs (vite.security-headers.ts at the repository root, issue 9 §5): the dev
 * server's policy has no 'unsafe-inline' — every inline tag Vite writes carries the page's own nonce,
 * fresh on each load — and the production policy allows only the SPA's own files (packages/e2e
 * xss.e2e.test.ts checks it on `vite preview` in Chromium).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionCsp, productionHeaders } from '../../../../vite.security-headers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('dev server', () => {
  let server: ViteDevServer;
  let url: string;

  beforeAll(async () => {
    server = await createServer({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'silent',
      server: { port: 0, strictPort: false, hmr: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? '';
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  async function page() {
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    return { csp, html: await res.text(), nonce: /'nonce-([^']+)'/.exec(csp)?.[1] ?? '' };
  }

  it("gives each page a fresh nonce that every inline tag carries; no 'unsafe-inline'", async () => {
    const first = await page();
    const second = await page();
    for (const { csp, html, nonce } of [first, second]) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
      expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      // Vite's client reads it to put the nonce on the <style> elements it adds.
      expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(html).not.toContain('Placeholder');
    }
    expect(second.nonce).not.toBe(first.nonce);
  });
});

describe('production policy', () => {
  it('allows only the SPA’s own scripts and styles, frames only the listed origins, is never framed', () => {
    const csp = productionCsp({ frameSrc: ['https://card.example'] });
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain('frame-src https://card.example;');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)|nonce-/);
    expect(productionCsp()).toContain("frame-src 'none'");
    expect(productionHeaders()).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
  });
});

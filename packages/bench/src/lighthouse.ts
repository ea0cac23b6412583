/**
 * Lighthouse (desktop preset) on storefront pages, run offline with Debian's Chromium. The
 * storefront is expected behind `startStorefrontServer` (production build, same-origin API), so
 * the numbers are those of a deployment, not of the Vite dev server.
 *
 * `prepareShopperSession` signs a demo shopper in and makes sure their cart holds items, so the
 * cart and checkout pages are audited with content rather than as empty or redirecting pages.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';

export type LighthousePage = {
  /** Label in reports, e.g. `home`. */
  name: string;
  /** Path on the storefront, e.g. `/products/some-handle`. */
  path: string;
  /** A `Cookie` header value sent with every request of the page (e.g. from `prepareShopperSession`). */
  cookie?: string;
};

export type FailingAudit = { id: string; title: string; score: number | null; displayValue?: string };

export type LighthouseAudit = {
  name: string;
  url: string;
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Largest Contentful Paint, First Contentful Paint, Total Blocking Time (ms) and Cumulative Layout Shift. */
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  /** Bytes transferred for the page (all requests, compressed). */
  transferBytes: number;
  /** Audits of the performance and accessibility categories that did not pass, worst first. */
  failing: FailingAudit[];
};

export type LighthouseOptions = {
  storefrontUrl: string;
  pages: LighthousePage[];
  /** Defaults to `CHROMIUM_PATH` or /usr/bin/chromium. */
  chromePath?: string;
  /** Runs per page; the median run (by performance score) is reported. Default 1. */
  runs?: number;
  /**
   * Audit the first page once and discard the result before measuring (default true): a freshly
   * started Chromium is still busy with its own start-up, which showed up as 400–600 ms of
   * Total Blocking Time on whichever page came first.
   */
  warmUp?: boolean;
};

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
];

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);
const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

function failingAudits(lhr: Result): FailingAudit[] {
  const ids = new Set(
    ['performance', 'accessibility'].flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 || category === 'accessibility')
        .map((ref) => ref.id),
    ),
  );
  // Diagnostics and insights without weight still explain a slow page: include them when they fail.
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (audit.scoreDisplayMode === 'metricSavings' || audit.scoreDisplayMode === 'numeric') ids.add(id);
  }
  return [...ids]
    .map((id) => lhr.audits[id])
    .filter(
      (audit): audit is NonNullable<typeof audit> =>
        audit !== undefined &&
        audit.score !== null &&
        audit.score < 0.9 &&
        audit.scoreDisplayMode !== 'notApplicable' &&
        audit.scoreDisplayMode !== 'informative' &&
        audit.scoreDisplayMode !== 'manual',
    )
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
    }))
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
}

function summarize(name: string, lhr: Result): LighthouseAudit {
  return {
    name,
    url: lhr.finalDisplayedUrl,
    performance: score(lhr.categories.performance?.score),
    accessibility: score(lhr.categories.accessibility?.score),
    bestPractices: score(lhr.categories['best-practices']?.score),
    lcpMs: Math.round(numeric(lhr, 'largest-contentful-paint')),
    fcpMs: Math.round(numeric(lhr, 'first-contentful-paint')),
    tbtMs: Math.round(numeric(lhr, 'total-blocking-time')),
    cls: Math.round(numeric(lhr, 'cumulative-layout-shift') * 1000) / 1000,
    transferBytes: Math.round(numeric(lhr, 'total-byte-weight')),
    failing: failingAudits(lhr),
  };
}

/** Audits each page with the desktop preset in a fresh Chromium (one browser, one page at a time). */
export async function runLighthouseAudits(opts: LighthouseOptions): Promise<LighthouseAudit[]> {
  const chromePath = opts.chromePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromePath)) throw new Error(`Chromium not found at ${chromePath}`);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'mp-lighthouse-'));
  const chrome = await launch({
    chromePath,
    chromeFlags: CHROME_FLAGS,
    userDataDir,
    logLevel: 'error',
  });
  const audit = async (page: LighthousePage): Promise<LighthouseAudit> => {
    const url = new URL(page.path, opts.storefrontUrl).href;
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
      },
      desktopConfig,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
    return summarize(page.name, lhr);
  };
  const results: LighthouseAudit[] = [];
  try {
    const [first] = opts.pages;
    if (first && opts.warmUp !== false) await audit(first);
    for (const page of opts.pages) {
      const runs: LighthouseAudit[] = [];
      for (let run = 0; run < Math.max(1, opts.runs ?? 1); run++) runs.push(await audit(page));
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(runs.length / 2)];
      if (median) results.push(median);
    }
  } finally {
    chrome.kill();
    await rm(userDataDir, { recursive: true, force: true });
  }
  return results;
}

async function gql<T>(
  apiUrl: string,
  query: string,
  variables: Record<string, unknown>,
  cookie?: string,
): Promise<{ data: T; setCookies: string[] }> {
  const res = await fetch(new URL('/graphql', apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`API error: ${JSON.stringify(body.errors ?? body)}`);
  return { data: body.data, setCookies: res.headers.getSetCookie() };
}

/**
 * Signs a shopper in (a demo account by default) and makes sure their cart holds at least
 * `lines` available products; returns the `Cookie` header value of the session.
 */
export async function prepareShopperSession(
  apiUrl: string,
  opts: { email?: string; password?: string; lines?: number } = {},
): Promise<string> {
  const email = opts.email ?? 'shopper@example.com';
  const password = opts.password ?? 'demo-pass-2026';
  const wanted = opts.lines ?? 2;
  const login = await gql<{ login: { userErrors: { message: string }[] } }>(
    apiUrl,
    'mutation Bench_Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { userErrors { message } } }',
    { email, password },
  );
  const refused = login.data.login.userErrors[0];
  if (refused) throw new Error(`cannot sign in as ${email}: ${refused.message}`);
  const cookie = login.setCookies.map((header) => header.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`login as ${email} set no cookie`);

  const cart = await gql<{ cart: { lines: { variant: { id: string } }[] } | null }>(
    apiUrl,
    'query Bench_Cart { cart { lines { variant { id } } } }',
    {},
    cookie,
  );
  const inCart = new Set(cart.data.cart?.lines.map((line) => line.variant.id) ?? []);
  if (inCart.size >= wanted) return cookie;

  const products = await gql<{
    products: { nodes: { variants: { id: string; availableForSale: boolean }[] }[] };
  }>(
    apiUrl,
    'query Bench_Products { products(first: 20, kind: GOODS) { nodes { variants { id availableForSale } } } }',
    {},
  );
  const candidates = products.data.products.nodes
    .flatMap((product) => product.variants.slice(0, 1))
    .filter((variant) => variant.availableForSale && !inCart.has(variant.id));
  for (const variant of candidates.slice(0, wanted - inCart.size)) {
    const added = await gql<{ addToCart: { userErrors: { message: string }[] } }>(
      apiUrl,
      'mutation Bench_AddToCart($variantId: ID!) { addToCart(input: { variantId: $variantId, quantity: 1 }) { userErrors { message } } }',
      { variantId: variant.id },
      cookie,
    );
    const error = added.data.addToCart.userErrors[0];
    if (error) throw new Error(`cannot add ${variant.id} to the cart: ${error.message}`);
  }
  return cookie;
}

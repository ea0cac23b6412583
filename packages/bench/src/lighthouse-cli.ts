/**
 * Lighthouse only, for storefront work: serves the storefront's production build (build it first:
 * `pnpm --filter @marketplace/storefront build`) in front of an API that is already running, and
 * audits home, product, cart and checkout (desktop preset).
 *
 *   API_URL=http://localhost:4132 pnpm --filter @marketplace/bench run lighthouse [-- --runs 3 --pages home,cart --verbose]
 *
 * Env: API_URL (default http://localhost:4000), STOREFRONT_DIST (default ../storefront/dist),
 * LIGHTHOUSE_PORT (default 0 = any free port), CHROMIUM_PATH.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type LighthousePage, prepareShopperSession, runLighthouseAudits } from './lighthouse.js';
import { startStorefrontServer } from './static-server.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    pages: { type: 'string', default: 'home,product,cart,checkout' },
    verbose: { type: 'boolean', default: false },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
const apiUrl = process.env.API_URL ?? 'http://localhost:4000';
const distDir = path.resolve(process.env.STOREFRONT_DIST ?? path.join(here, '../../storefront/dist'));

async function firstProductHandle(): Promise<string> {
  const res = await fetch(new URL('/graphql', apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ products(first: 1, kind: GOODS) { nodes { handle } } }' }),
  });
  const body = (await res.json()) as { data?: { products: { nodes: { handle: string }[] } } };
  const handle = body.data?.products.nodes[0]?.handle;
  if (!handle) throw new Error(`no product at ${apiUrl}: is the API running with demo data?`);
  return handle;
}

const server = await startStorefrontServer({
  port: Number(process.env.LIGHTHOUSE_PORT ?? 0),
  apiUrl,
  distDir,
});
try {
  const [handle, cookie] = await Promise.all([firstProductHandle(), prepareShopperSession(apiUrl)]);
  const all: LighthousePage[] = [
    { name: 'home', path: '/' },
    { name: 'product', path: `/products/${handle}` },
    { name: 'cart', path: '/cart', cookie },
    { name: 'checkout', path: '/checkout', cookie },
  ];
  const wanted = new Set(values.pages.split(','));
  const results = await runLighthouseAudits({
    storefrontUrl: server.url,
    pages: all.filter((page) => wanted.has(page.name)),
    runs: Number(values.runs),
  });
  console.log(`storefront ${server.url} (build ${distDir}), API ${apiUrl}`);
  console.table(
    results.map(({ failing, ...rest }) => ({ ...rest, transferKB: Math.round(rest.transferBytes / 1024) })),
  );
  for (const result of results) {
    const shown = values.verbose
      ? result.failing
      : result.failing.filter((audit) => (audit.score ?? 0) < 0.5);
    if (shown.length === 0) continue;
    console.log(`\n${result.name} — audits to look at:`);
    for (const audit of shown) {
      console.log(
        `  ${audit.score?.toFixed(2)}  ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
      );
    }
  }
} finally {
  await server.close();
}

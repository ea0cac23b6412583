/**
 * The `sustained` scenario (issue 9 §4): a fresh API process on bench_large under an open-loop mix
 * of traffic for BENCH_SUSTAINED_MINUTES (default 10) — browsing, carts, checkouts paid by card
 * through the gateway sandbox, admin lists — while its memory (RSS, heap; from inside the process
 * through src/memory-reporter.ts) and the database's connections (pg_stat_activity) are sampled.
 * Reported: error count (must be 0), p50/p99 per minute and kind, memory trend in MB/min with a
 * flat/growing verdict, connections against the pools' bound, and the checkout correctness checks
 * of the checkout scenario (no oversold unit, every paid order charged once).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { API_DIR, runWorker, type Service, startService } from './children.js';
import type { BenchDocuments } from './documents.js';
import { fmt } from './report.js';
import type { KindStats, SustainedConfig, SustainedResult } from './workers/protocol.js';

const REPORTER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'memory-reporter.ts');
/** V8 heap sizing flags (`--max-old-space-size=…`, `--max-semi-space-size=…`). */
const HEAP_FLAG = /^--max-(old|semi)-space-size=\d+$/;
const MEMORY_EVERY_MS = 2_000;
const CONNECTIONS_EVERY_MS = 2_000;
/** The API's ORM pool (DB_POOL_MAX, set explicitly below) and graphile-worker's pool (its default `maxPoolSize`). */
const DB_POOL_MAX = 10;
const JOB_POOL_MAX = 10;
/** Minutes at the start left out of the memory trend: compiled documents, prepared statements, JIT. */
const WARMUP_MINUTES = 1;
/**
 * Above these slopes the memory is called "growing". Heap: the live heap after major GCs (or the
 * raw heap when too few major GCs happened), after the warm-up — 0.5 MB/min is ~100 bytes kept per
 * request at 80 req/s. RSS: over the second half of the run, with a looser bound — a fresh process
 * keeps growing its RSS for minutes while V8 sizes its reserve and the allocator its arenas to the
 * working set, a curve that flattens; a leak is a straight line that does not.
 */
const HEAP_SLOPE_LIMIT = 0.5;
const RSS_SLOPE_LIMIT = 2;
/** More requests open at once than this: the API did not keep up with the arrivals (said in the report). */
const BACKLOG_NOTE = 50;

export interface SustainedInputs {
  minutes: number;
  rateFactor: number;
  quick: boolean;
  port: number;
  apiEnv: Record<string, string>;
  databaseUrl: string;
  sandboxUrl: string;
  tmpDir: string;
  documents: BenchDocuments;
  bodies: {
    catalog: string[];
    detail: string[];
    search: string[];
    myOrders: string[];
    adminOrders: string[];
    adminMerchants: string[];
    merchantProducts: string[];
  };
  accounts: {
    password: string;
    adminEmail: string;
    adminPassword: string;
    ownerEmail: string;
    /** Shoppers nobody else uses during the run: the first one's My Orders, the rest for flows. */
    shopperEmails: string[];
  };
  /** Global ids of variants to buy (restocked before the run). */
  variantIds: number[];
  toGlobalId: (type: string, id: number) => string;
  signIn: (apiUrl: string, email: string, password: string) => Promise<string>;
  /** The checkout scenario's correctness check over orders/payments created after `before`. */
  verify: (
    variantIds: number[],
    before: { o: number; p: number },
    stockBefore: Map<number, number>,
  ) => Promise<{
    negative: number;
    mismatched: number[];
    notChargedOnce: number;
    badCharges: number;
    paidOrders: number;
  }>;
  stockOf: (variantIds: number[]) => Promise<Map<number, number>>;
  log: (line?: string) => void;
}

export interface MemorySample {
  /** Minutes since the load started. */
  min: number;
  rssMB: number;
  heapMB: number;
  heapAfterGcMB: number | null;
  /** What V8 reserved for the heap, and memory outside it (Buffers, native). */
  heapTotalMB: number;
  externalMB: number;
}

export interface Trend {
  slopeMBPerMin: number;
  startMB: number;
  endMB: number;
  samples: number;
}

export interface SustainedReport {
  settings: {
    minutes: number;
    rateFactor: number;
    ratesPerSec: Record<string, number>;
    shoppers: { checkout: number; cart: number };
    dbPoolMax: number;
    jobPoolMax: number;
    /** The heap flags the API ran with: those of its production start script. */
    apiHeapFlags: string[];
  };
  result: SustainedResult;
  apiErrorLogLines: number;
  apiErrorLogSamples: string[];
  memory: {
    samples: MemorySample[];
    rss: Trend;
    /** RSS over the second half only: settling (allocator, V8's reserve) flattens, a leak does not. */
    rssLate: Trend;
    heap: Trend;
    heapTotal: Trend;
    external: Trend;
    heapAfterGc: Trend | null;
    majorGcs: number;
    verdict: 'flat' | 'growing';
    reason: string;
  };
  connections: {
    bound: number;
    max: number;
    maxActive: number;
    byApplication: Record<string, number>;
    samples: { min: number; total: number; active: number }[];
  };
  correctness: { paidOrders: number; ok: boolean; note: string };
}

/** Least-squares line through (x, y): slope per unit of x. */
export function linearTrend(points: { x: number; y: number }[]): Trend {
  const n = points.length;
  if (n < 2) return { slopeMBPerMin: 0, startMB: points[0]?.y ?? 0, endMB: points[0]?.y ?? 0, samples: n };
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const at = (x: number) => my + slope * (x - mx);
  return { slopeMBPerMin: slope, startMB: at(points[0]!.x), endMB: at(points[n - 1]!.x), samples: n };
}

/** Requests per second of each stream at rateFactor 1 (see docs/performance.md, "Sustained load"). */
const BASE_RATES = {
  catalog: 30,
  'product detail': 20,
  search: 8,
  'My Orders': 4,
  'admin order list': 3,
  'admin merchant list': 1,
  'merchant product list': 2,
  cartVisits: 4,
  checkouts: 4,
};

/**
 * The V8 heap flags of the API's production start script (`start` in packages/api/package.json):
 * the memory verdict is about the process production runs, whose heap V8 sizes by these flags.
 */
export async function productionHeapFlags(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(path.join(API_DIR, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return (pkg.scripts?.start ?? '').split(/\s+/).filter((arg) => HEAP_FLAG.test(arg));
}

export async function runSustained(inp: SustainedInputs): Promise<SustainedReport> {
  const r = (n: number) => n * inp.rateFactor;
  const memoryFile = path.join(inp.tmpDir, 'sustained-memory.jsonl');
  await rm(memoryFile, { force: true });

  const heapFlags = await productionHeapFlags();
  const api = await startService({
    name: 'API (sustained load)',
    cwd: API_DIR,
    script: 'src/main.ts',
    nodeArgs: [...heapFlags, '--import', REPORTER],
    env: {
      ...inp.apiEnv,
      DATABASE_URL: inp.databaseUrl,
      API_PORT: String(inp.port),
      DB_POOL_MAX: String(DB_POOL_MAX),
      BENCH_MEMORY_FILE: memoryFile,
      BENCH_MEMORY_EVERY_MS: String(MEMORY_EVERY_MS),
    },
    port: inp.port,
    healthPath: '/health',
  });
  // Every error the API logs (pino level ≥ 50) is reported: a masked error is an error.
  let errorLines = 0;
  const errorSamples: string[] = [];
  const countErrors = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!/"level":\s*(50|60)\b/.test(line)) continue;
      errorLines++;
      if (errorSamples.length < 5) errorSamples.push(line.slice(0, 600));
    }
  };
  api.child.stdout?.on('data', countErrors);
  api.child.stderr?.on('data', countErrors);

  try {
    return await drive(inp, api, memoryFile, r, heapFlags, () => ({ errorLines, errorSamples }));
  } finally {
    await api.stop();
  }
}

async function drive(
  inp: SustainedInputs,
  api: Service,
  memoryFile: string,
  r: (n: number) => number,
  heapFlags: string[],
  apiErrors: () => { errorLines: number; errorSamples: string[] },
): Promise<SustainedReport> {
  const { log, accounts } = inp;
  const [myOrdersEmail, ...flowEmails] = accounts.shopperEmails;
  const cookies = {
    shopper: await inp.signIn(api.url, myOrdersEmail!, accounts.password),
    admin: await inp.signIn(api.url, accounts.adminEmail, accounts.adminPassword),
    owner: await inp.signIn(api.url, accounts.ownerEmail, accounts.password),
  };
  // Flows hold a shopper for their duration: enough shoppers that a flow never waits for one at
  // these rates (a checkout takes well under a second), 60% of them checking out.
  const nCheckout = Math.ceil(flowEmails.length * 0.6);
  const shoppers: SustainedConfig['shoppers'] = flowEmails.map((email, i) => ({
    email,
    password: accounts.password,
    variantId: inp.toGlobalId('ProductVariant', inp.variantIds[i % inp.variantIds.length]!),
    role: i < nCheckout ? 'checkout' : 'cart',
  }));
  const b = inp.bodies;
  const requests: SustainedConfig['requests'] = [
    { kind: 'catalog', rate: r(BASE_RATES.catalog), bodies: b.catalog },
    { kind: 'product detail', rate: r(BASE_RATES['product detail']), bodies: b.detail },
    { kind: 'search', rate: r(BASE_RATES.search), bodies: b.search },
    { kind: 'My Orders', rate: r(BASE_RATES['My Orders']), bodies: b.myOrders, cookie: cookies.shopper },
    {
      kind: 'admin order list',
      rate: r(BASE_RATES['admin order list']),
      bodies: b.adminOrders,
      cookie: cookies.admin,
    },
    {
      kind: 'admin merchant list',
      rate: r(BASE_RATES['admin merchant list']),
      bodies: b.adminMerchants,
      cookie: cookies.admin,
    },
    {
      kind: 'merchant product list',
      rate: r(BASE_RATES['merchant product list']),
      bodies: b.merchantProducts,
      cookie: cookies.owner,
    },
  ];
  const d = inp.documents;
  const config: SustainedConfig = {
    apiUrl: api.url,
    sandboxUrl: inp.sandboxUrl,
    cardPublishableKey: 'pk_sandbox_marketplace',
    cardNumber: '6200000000000005',
    durationSec: inp.minutes * 60,
    requests,
    cartVisitsPerSec: r(BASE_RATES.cartVisits),
    checkoutsPerSec: r(BASE_RATES.checkouts),
    shoppers,
    maxInFlight: 500,
    documents: {
      login: d.login,
      addToCart: d.addToCart,
      cart: d.cart,
      removeLines: d.removeCartLines,
      submitOrder: d.submitOrder,
      payOrder: d.payOrder,
    },
  };
  const ratesPerSec: Record<string, number> = Object.fromEntries([
    ...requests.map((q) => [q.kind, q.rate] as const),
    ['cart visit', config.cartVisitsPerSec],
    ['checkout flow', config.checkoutsPerSec],
  ]);
  log(
    `  open-loop arrivals per second: ${Object.entries(ratesPerSec)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(' · ')} (≈ ${fmt(
      requests.reduce((a, q) => a + q.rate, 0) + 3 * config.cartVisitsPerSec + 3 * config.checkoutsPerSec,
      0,
    )} API requests/s) for ${inp.minutes} min; ${nCheckout} checkout + ${shoppers.length - nCheckout} cart shoppers`,
  );

  // Stock for the whole run (a bench setup step, like a merchant restocking).
  const sampler = new pg.Client({ connectionString: inp.databaseUrl, application_name: 'bench sampler' });
  await sampler.connect();
  await sampler.query('update product_variant set stock = 1000000 where id = any($1)', [inp.variantIds]);
  const before = (
    await sampler.query<{ o: number; p: number }>(
      'select coalesce(max(id), 0) as o, (select coalesce(max(id), 0) from payment) as p from customer_order',
    )
  ).rows[0]!;
  const stockBefore = await inp.stockOf(inp.variantIds);

  const database = new URL(inp.databaseUrl).pathname.slice(1);
  const connectionSamples: SustainedReport['connections']['samples'] = [];
  const byApplication: Record<string, number> = {};
  const loadStarted = Date.now();
  let sampling = true;
  const sampleConnections = async () => {
    while (sampling) {
      const rows = (
        await sampler.query<{ app: string; total: number; active: number }>(
          `select coalesce(nullif(application_name, ''), '(none)') as app, count(*)::int as total,
                  count(*) filter (where state <> 'idle')::int as active
             from pg_stat_activity where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()
            group by 1`,
          [database],
        )
      ).rows;
      connectionSamples.push({
        min: (Date.now() - loadStarted) / 60_000,
        total: rows.reduce((a, x) => a + x.total, 0),
        active: rows.reduce((a, x) => a + x.active, 0),
      });
      for (const x of rows) byApplication[x.app] = Math.max(byApplication[x.app] ?? 0, x.total);
      await new Promise((res) => setTimeout(res, CONNECTIONS_EVERY_MS));
    }
  };
  const sampledConnections = sampleConnections();
  let result: SustainedResult;
  try {
    result = await runWorker<SustainedResult>('sustained.ts', config, (inp.minutes * 60 + 180) * 1000);
  } finally {
    sampling = false;
    await sampledConnections;
  }
  const loadEnded = Date.now();
  await sampler.end();

  // ------------------------------------------------------------ memory
  const raw = (await readFile(memoryFile, 'utf8'))
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          t: number;
          rss: number;
          heapUsed: number;
          heapTotal: number;
          external: number;
          heapAfterMajorGc: number | null;
          majorGcs: number;
        },
    );
  const MB = 2 ** 20;
  const during = raw.filter((s) => s.t >= loadStarted && s.t <= loadEnded);
  const samples: MemorySample[] = during.map((s) => ({
    min: (s.t - loadStarted) / 60_000,
    rssMB: s.rss / MB,
    heapMB: s.heapUsed / MB,
    heapAfterGcMB: s.heapAfterMajorGc === null ? null : s.heapAfterMajorGc / MB,
    heapTotalMB: s.heapTotal / MB,
    externalMB: s.external / MB,
  }));
  const steady = samples.filter((s) => s.min >= Math.min(WARMUP_MINUTES, inp.minutes / 2));
  const rss = linearTrend(steady.map((s) => ({ x: s.min, y: s.rssMB })));
  const rssLate = linearTrend(
    samples.filter((s) => s.min >= inp.minutes / 2).map((s) => ({ x: s.min, y: s.rssMB })),
  );
  const heap = linearTrend(steady.map((s) => ({ x: s.min, y: s.heapMB })));
  const heapTotal = linearTrend(steady.map((s) => ({ x: s.min, y: s.heapTotalMB })));
  const external = linearTrend(steady.map((s) => ({ x: s.min, y: s.externalMB })));
  const majorGcs = (during.at(-1)?.majorGcs ?? 0) - (during[0]?.majorGcs ?? 0);
  // The live heap after each major GC: one point per distinct value (a value repeats until the next GC).
  const afterGc = steady.filter(
    (s, i, all) => s.heapAfterGcMB !== null && (i === 0 || all[i - 1]!.heapAfterGcMB !== s.heapAfterGcMB),
  );
  const heapAfterGc =
    afterGc.length >= 5 ? linearTrend(afterGc.map((s) => ({ x: s.min, y: s.heapAfterGcMB! }))) : null;
  const heapJudged = heapAfterGc ?? heap;
  const heapGrowing = heapJudged.slopeMBPerMin > HEAP_SLOPE_LIMIT;
  const rssGrowing = rssLate.slopeMBPerMin > RSS_SLOPE_LIMIT;
  const verdict = heapGrowing || rssGrowing ? 'growing' : 'flat';
  // Open loop: when the API falls behind, the requests waiting for it are memory too.
  const backlog =
    result.maxInFlight > BACKLOG_NOTE
      ? `; the API fell behind the arrivals (up to ${result.maxInFlight} requests open at once): the trend includes that backlog`
      : '';
  const reason =
    `${heapAfterGc ? 'live heap after major GCs' : 'heap used'} ${fmt(heapJudged.slopeMBPerMin, 2)} MB/min ` +
    `after the first ${Math.min(WARMUP_MINUTES, inp.minutes / 2)} min (limit ${HEAP_SLOPE_LIMIT}), ` +
    `RSS ${fmt(rssLate.slopeMBPerMin, 2)} MB/min over the second half (limit ${RSS_SLOPE_LIMIT}; ` +
    `${fmt(rss.slopeMBPerMin, 2)} MB/min after the first minute)${backlog}`;

  // ------------------------------------------------------------ correctness of the checkouts
  const v = await inp.verify(inp.variantIds, before, stockBefore);
  const ok = v.negative === 0 && v.mismatched.length === 0 && v.notChargedOnce + v.badCharges === 0;
  const note =
    `${v.paidOrders} paid orders (${result.checkouts} checkouts completed); stock never negative: ${v.negative === 0 ? 'yes' : `NO (${v.negative})`}; ` +
    `initial − final stock = units held by the new orders: ${v.mismatched.length === 0 ? 'yes' : `NO for ${v.mismatched.join(', ')}`}; ` +
    `every paid order charged exactly once: ${v.notChargedOnce + v.badCharges === 0 ? 'yes' : `NO (${v.notChargedOnce} orders, ${v.badCharges} payments)`}`;

  const { errorLines, errorSamples } = apiErrors();
  return {
    settings: {
      minutes: inp.minutes,
      rateFactor: inp.rateFactor,
      ratesPerSec,
      shoppers: { checkout: nCheckout, cart: shoppers.length - nCheckout },
      dbPoolMax: DB_POOL_MAX,
      jobPoolMax: JOB_POOL_MAX,
      apiHeapFlags: heapFlags,
    },
    result,
    apiErrorLogLines: errorLines,
    apiErrorLogSamples: errorSamples,
    memory: { samples, rss, rssLate, heap, heapTotal, external, heapAfterGc, majorGcs, verdict, reason },
    connections: {
      bound: DB_POOL_MAX + JOB_POOL_MAX,
      max: Math.max(0, ...connectionSamples.map((s) => s.total)),
      maxActive: Math.max(0, ...connectionSamples.map((s) => s.active)),
      byApplication,
      samples: connectionSamples,
    },
    correctness: { paidOrders: v.paidOrders, ok, note },
  };
}

/** Errors of every kind: answers, overload, requests left open at the end, errors the API logged. */
export function sustainedErrors(s: SustainedReport): number {
  return s.result.errors + s.result.unfinished + s.apiErrorLogLines;
}

const STEP_KINDS = ['addToCart', 'cart', 'removeCartLines', 'submitOrder', 'cardToken', 'payOrder'];

export function sustainedMarkdown(s: SustainedReport): string {
  const res = s.result;
  const kinds = Object.keys(res.total).sort(
    (a, b) => Number(STEP_KINDS.includes(a)) - Number(STEP_KINDS.includes(b)) || a.localeCompare(b),
  );
  const row = (st: KindStats | undefined) =>
    st && (st.count || st.errors)
      ? `${st.count ? `${fmt(st.p50)} / ${fmt(st.p99)}` : '–'}${st.errors ? ` (${st.errors} err)` : ''}`
      : '–';
  // One row per kind, one column per minute: a trend reads along a row.
  const head = ['kind', ...res.minutes.map((_, i) => `min ${i + 1}`), 'whole run', 'answered'];
  const rows = kinds.map((k) => [
    k,
    ...res.minutes.map((m) => row(m[k])),
    row(res.total[k]),
    String(res.total[k]?.count ?? 0),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const mem = s.memory;
  const trend = (t: Trend) =>
    `${fmt(t.slopeMBPerMin, 2)} MB/min (fitted ${fmt(t.startMB)} → ${fmt(t.endMB)} MB, ${t.samples} samples)`;
  const c = s.connections;
  const achieved = Object.entries(res.arrivals)
    .map(([k, n]) => `${k} ${fmt(n / res.durationSec)}/s`)
    .join(' · ');
  return [
    `### Sustained load: ${s.settings.minutes} min, open loop`,
    '',
    `Arrivals per second (fixed, whatever the answers): ${achieved}; ${s.settings.shoppers.checkout} checkout and ${s.settings.shoppers.cart} cart shoppers; rate factor ${s.settings.rateFactor}.`,
    '',
    `**Errors: ${sustainedErrors(s)}** — answers ${res.errors} (${
      Object.entries(res.errorsByReason)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }), left open at the end ${res.unfinished}, error lines logged by the API ${s.apiErrorLogLines}; ` +
      `at most ${res.maxInFlight} requests open at once; ${res.checkouts} checkouts paid.`,
    ...res.errorSamples.map((e) => `- error: ${e}`),
    ...s.apiErrorLogSamples.map((e) => `- API log: ${e}`),
    '',
    'p50 / p99 in ms per minute of arrival (single requests and whole flows from the scheduled arrival, the wait for a free shopper included; flow steps from when they were sent):',
    '',
    line(head),
    line(head.map(() => '---')),
    ...rows.map(line),
    '',
    `**Memory of the API process: ${mem.verdict}** — ${mem.reason}. API started with the heap flags of its production start script: ${s.settings.apiHeapFlags.join(' ') || 'none (V8 defaults)'}.`,
    `- RSS ${trend(mem.rss)}; over the second half ${trend(mem.rssLate)}`,
    `- heap used ${trend(mem.heap)}; reserved by V8 (heapTotal) ${trend(mem.heapTotal)}; outside the heap (external, Buffers) ${trend(mem.external)}`,
    `- live heap after major GCs ${mem.heapAfterGc ? trend(mem.heapAfterGc) : `– (${mem.majorGcs} major GCs: too few to fit)`}; ${mem.majorGcs} major GCs during the run`,
    `- per minute (RSS / heap MB): ${perMinute(mem.samples)}`,
    '',
    `**PostgreSQL connections** of bench_large (pg_stat_activity, every ${CONNECTIONS_EVERY_MS / 1000} s): at most ${c.max} open, ${c.maxActive} busy; ` +
      `bound ${c.bound} = ORM pool ${s.settings.dbPoolMax} + job-queue pool ${s.settings.jobPoolMax}: ${c.max <= c.bound ? 'within' : 'EXCEEDED'}. ` +
      `Most per application_name: ${Object.entries(c.byApplication)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    '',
    `**Checkouts:** ${s.correctness.note}.`,
  ].join('\n');
}

function perMinute(samples: MemorySample[]): string {
  const out: string[] = [];
  for (let m = 0; ; m++) {
    const inMinute = samples.filter((s) => s.min >= m && s.min < m + 1);
    if (inMinute.length === 0) break;
    const last = inMinute.at(-1)!;
    out.push(`${m + 1}: ${fmt(last.rssMB, 0)} / ${fmt(last.heapMB, 0)}`);
  }
  return out.join(' · ');
}

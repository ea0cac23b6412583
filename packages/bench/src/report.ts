import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type SustainedReport, sustainedMarkdown } from './sustained.js';
import type { CheckoutResult, LoadResult } from './workers/protocol.js';

export interface Median {
  rps: number;
  p50: number;
  p99: number;
}

export interface TargetRuns {
  label: string;
  runs: LoadResult[];
  median: Median;
}

export interface ScenarioReport {
  name: string;
  description: string;
  targets: TargetRuns[];
  ratios: { label: string; value: number }[];
  notes: string[];
}

export interface Check {
  target: string;
  measured: string;
  pass: boolean;
}

export interface BenchReport {
  startedAt: string;
  durationSec: number;
  machine: Record<string, string | number>;
  settings: Record<string, string | number | boolean>;
  datasets: Record<string, unknown>;
  scenarios: ScenarioReport[];
  checkout: { name: string; runs: CheckoutResult[]; median: Record<string, number>; notes: string[] }[];
  plans: { name: string; statement: string; plan: string; flags: string[] }[];
  lighthouse: unknown[] | string;
  sustained?: SustainedReport;
  checks: Check[];
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function medianOf(runs: LoadResult[]): Median {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => line(r.map(String))),
  ].join('\n');
}

export function scenarioMarkdown(s: ScenarioReport): string {
  const rows = s.targets.map((t) => [
    t.label,
    fmt(t.median.rps, 0),
    fmt(t.median.p50),
    fmt(t.median.p99),
    t.runs.map((r) => fmt(r.rps, 0)).join(' / '),
    t.runs.reduce((a, r) => a + r.errors + r.non2xx, 0),
    `${t.runs.reduce((a, r) => a + r.invalid, 0)}/${t.runs.reduce((a, r) => a + r.checked, 0)}`,
  ]);
  const out = [
    `### ${s.name}`,
    '',
    s.description,
    '',
    table(
      [
        'target',
        'req/s (median)',
        'p50 ms',
        'p99 ms',
        'req/s per run',
        'errors+non-2xx',
        'bad bodies/checked',
      ],
      rows,
    ),
  ];
  if (s.ratios.length) out.push('', ...s.ratios.map((r) => `- ${r.label}: **${fmt(r.value, 2)}**`));
  if (s.notes.length) out.push('', ...s.notes.map((n) => `- ${n}`));
  return out.join('\n');
}

export function checkoutMarkdown(c: BenchReport['checkout'][number]): string {
  const steps = Object.keys(c.runs[0]?.steps ?? {});
  const rows = steps.map((step) => [
    step,
    fmt(median(c.runs.map((r) => r.steps[step]?.count ?? 0)), 0),
    fmt(median(c.runs.map((r) => r.steps[step]?.p50 ?? Number.NaN))),
    fmt(median(c.runs.map((r) => r.steps[step]?.p99 ?? Number.NaN))),
  ]);
  const refusals: Record<string, number> = {};
  for (const r of c.runs)
    for (const [k, v] of Object.entries(r.userErrors)) refusals[k] = (refusals[k] ?? 0) + v;
  return [
    `### ${c.name}`,
    '',
    `flows/s per run: ${c.runs.map((r) => fmt(r.flowsPerSec)).join(' / ')} (median **${fmt(c.median.flowsPerSec ?? Number.NaN)}**); ` +
      `errors: ${c.runs.reduce((a, r) => a + r.errors, 0)}; expected refusals: ${
        Object.entries(refusals)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }`,
    '',
    table(['step', 'count (median)', 'p50 ms', 'p99 ms'], rows),
    ...(c.notes.length ? ['', ...c.notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}

/** Plans are named `<request> #<n>`: how many statements each request sent, and how many were flagged. */
export function statementsPerRequest(
  plans: BenchReport['plans'],
): { name: string; statements: number; flagged: number }[] {
  const out = new Map<string, { statements: number; flagged: number }>();
  for (const p of plans) {
    const name = p.name.replace(/ #\d+$/, '');
    const entry = out.get(name) ?? { statements: 0, flagged: 0 };
    if (p.plan) entry.statements++;
    if (p.flags.length) entry.flagged++;
    out.set(name, entry);
  }
  return [...out].map(([name, v]) => ({ name, ...v }));
}

export function reportMarkdown(r: BenchReport): string {
  const machine = Object.entries(r.machine)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
  const settings = Object.entries(r.settings)
    .map(([k, v]) => `${k}=${v}`)
    .join(' · ');
  const parts = [
    `# pnpm bench — ${r.startedAt}`,
    '',
    `Machine: ${machine}`,
    '',
    `Settings: ${settings}; total ${fmt(r.durationSec / 60)} min`,
    '',
    '## Targets (issue 8 §2)',
    '',
    table(
      ['target', 'measured', ''],
      r.checks.map((c) => [c.target, c.measured, c.pass ? 'PASS' : 'MISS']),
    ),
    '',
    '## Throughput and latency (medians of 3 runs, alternating with baselines)',
    '',
    ...r.scenarios.flatMap((s) => [scenarioMarkdown(s), '']),
    '## Checkout',
    '',
    ...r.checkout.flatMap((c) => [checkoutMarkdown(c), '']),
    ...(r.sustained ? ['## Sustained load (issue 9 §4)', '', sustainedMarkdown(r.sustained), ''] : []),
    '## Query plans (bench_large, EXPLAIN ANALYZE BUFFERS)',
    '',
    'Statements per request (auto_explain logs every planned statement; transaction control is not listed):',
    '',
    table(
      ['request', 'statements', 'flagged'],
      statementsPerRequest(r.plans).map((s) => [s.name, s.statements, s.flagged]),
    ),
    '',
    ...r.plans.flatMap((p) => [
      `### ${p.name}${p.flags.length ? ` — ⚠ ${p.flags.join('; ')}` : ' — no seq scan on a big table, no OFFSET'}`,
      '',
      '```sql',
      p.statement.trim(),
      '```',
      '',
      '```',
      p.plan.trim(),
      '```',
      '',
    ]),
    '## Lighthouse (desktop)',
    '',
    typeof r.lighthouse === 'string'
      ? r.lighthouse
      : table(
          ['page', 'performance', 'accessibility', 'LCP ms', 'TBT ms', 'CLS'],
          (
            r.lighthouse as {
              name: string;
              performance: number;
              accessibility: number;
              lcpMs: number;
              tbtMs: number;
              cls: number;
            }[]
          ).map((a) => [
            a.name,
            a.performance,
            a.accessibility,
            fmt(a.lcpMs, 0),
            fmt(a.tbtMs, 0),
            fmt(a.cls, 3),
          ]),
        ),
    '',
  ];
  return parts.join('\n');
}

export async function writeReport(dir: string, report: BenchReport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const md = reportMarkdown(report);
  await writeFile(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(dir, 'latest.md'), md);
  return md;
}

export { fmt };

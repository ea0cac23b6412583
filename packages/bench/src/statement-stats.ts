/**
 * BENCH_PG_STATS=1: PostgreSQL's `pg_stat_statements` (shipped with the server, preloaded at start)
 * shows where the database's time goes in a scenario — per statement shape: calls, planning and
 * execution time, rows. Reset before a scenario, printed after it; the bench's own setup and
 * checks are excluded by database and role (they connect to the same database, so their few
 * statements may show up at the bottom).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { query } from './database.js';

export const PG_STATS = process.env.BENCH_PG_STATS === '1';

/** Server settings for startBenchPostgres when BENCH_PG_STATS=1. */
export const PG_STATS_SETTINGS: Record<string, string> = PG_STATS
  ? {
      shared_preload_libraries: 'pg_stat_statements',
      'pg_stat_statements.track_planning': 'on',
      'pg_stat_statements.max': '5000',
    }
  : {};

interface StatementRow {
  query: string;
  calls: string;
  plan_ms: number;
  exec_ms: number;
  rows: string;
}

export async function resetStatementStats(adminUrl: string): Promise<void> {
  if (!PG_STATS) return;
  await query(adminUrl, 'create extension if not exists pg_stat_statements');
  await query(adminUrl, 'select pg_stat_statements_reset()');
}

/** The top statements of `database` since the last reset, by planning + execution time. */
export async function statementStatsReport(
  adminUrl: string,
  database: string,
  opts: { top?: number; fullTextFile?: string } = {},
): Promise<string[]> {
  const top = opts.top ?? 20;
  if (!PG_STATS) return [];
  const rows = await query<StatementRow>(
    adminUrl,
    `select s.query, s.calls::text, s.total_plan_time as plan_ms, s.total_exec_time as exec_ms, s.rows::text
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = $1
      order by s.total_plan_time + s.total_exec_time desc`,
    [database],
  );
  const total = rows.reduce((a, r) => a + r.plan_ms + r.exec_ms, 0);
  const planned = rows.reduce((a, r) => a + r.plan_ms, 0);
  const calls = rows.reduce((a, r) => a + Number(r.calls), 0);
  const lines = [
    `  pg_stat_statements (${database}): ${calls} statements, ${(total / 1000).toFixed(2)} s in the server ` +
      `(planning ${(planned / 1000).toFixed(2)} s); top ${top}:`,
    '  |   % | calls | plan ms/call | exec ms/call | rows/call | statement |',
    '  |----:|------:|-------------:|-------------:|----------:|-----------|',
  ];
  for (const r of rows.slice(0, top)) {
    const n = Number(r.calls) || 1;
    const text = r.query.replace(/\s+/g, ' ').slice(0, 160).replace(/\|/g, '\\|');
    lines.push(
      `  | ${((100 * (r.plan_ms + r.exec_ms)) / (total || 1)).toFixed(1)} | ${r.calls} | ${(r.plan_ms / n).toFixed(3)} | ${(r.exec_ms / n).toFixed(3)} | ${(Number(r.rows) / n).toFixed(1)} | ${text} |`,
    );
  }
  if (opts.fullTextFile) {
    await mkdir(path.dirname(opts.fullTextFile), { recursive: true });
    await writeFile(
      opts.fullTextFile,
      rows
        .slice(0, top)
        .map(
          (r, i) =>
            `-- #${i + 1}: ${r.calls} calls, plan ${r.plan_ms.toFixed(0)} ms, exec ${r.exec_ms.toFixed(0)} ms\n${r.query};\n`,
        )
        .join('\n'),
    );
    lines.push(`  (full statements: ${opts.fullTextFile})`);
  }
  return lines;
}

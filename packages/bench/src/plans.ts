/**
 * Query plans of the statements the API really sends: PostgreSQL's `auto_explain` (shipped with
 * the embedded server) is switched on for new connections to the database, a fresh API answers one
 * request per scenario, and the server log (captured from the embedded server's stderr) gives each
 * statement with its EXPLAIN (ANALYZE, BUFFERS) plan, in JSON. Markers (`select 'bench-plan:…'`)
 * sent between requests tell which statements belong to which scenario.
 */

/** Tables that are big in the generated dataset: a sequential scan on them is flagged. */
export const BIG_TABLES = new Set([
  'product',
  'product_variant',
  'product_image',
  'customer_order',
  'order_line',
  'order_history',
  'checkout',
  'payment',
  'ledger_entry',
]);

export interface CapturedPlan {
  statement: string;
  plan: PlanNode;
  executionMs: number | null;
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Filter?: string;
  'Index Cond'?: string;
  'Sort Key'?: string[];
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/** Settings that make every new connection to the database log its statements' plans. */
export function autoExplainSettings(database: string): string[] {
  const q = `"${database}"`;
  return [
    `alter database ${q} set session_preload_libraries = 'auto_explain'`,
    `alter database ${q} set auto_explain.log_min_duration = 0`,
    `alter database ${q} set auto_explain.log_analyze = on`,
    `alter database ${q} set auto_explain.log_buffers = on`,
    `alter database ${q} set auto_explain.log_timing = on`,
    `alter database ${q} set auto_explain.log_format = 'json'`,
    `alter database ${q} set auto_explain.log_nested_statements = on`,
  ];
}

export function resetAutoExplain(database: string): string {
  return `alter database "${database}" reset all`;
}

/** The JSON object starting at `from` (balanced braces, strings skipped). */
function jsonObjectAt(text: string, from: number): { json: string; end: number } | null {
  const start = text.indexOf('{', from);
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return { json: text.slice(start, i + 1), end: i + 1 };
    }
  }
  return null;
}

/** Every auto_explain entry in a server log, in order. */
export function parseAutoExplainLog(log: string): CapturedPlan[] {
  const out: CapturedPlan[] = [];
  const marker = /duration: ([\d.]+) ms\s+plan:/g;
  for (let m = marker.exec(log); m; m = marker.exec(log)) {
    const found = jsonObjectAt(log, m.index + m[0].length);
    if (!found) break;
    marker.lastIndex = found.end;
    try {
      const parsed = JSON.parse(found.json) as { 'Query Text': string; Plan: PlanNode };
      out.push({ statement: parsed['Query Text'], plan: parsed.Plan, executionMs: Number(m[1]) });
    } catch {
      // a log line interleaved inside the JSON; skip this entry
    }
  }
  return out;
}

/** Seq scans on big tables and OFFSET clauses. */
export function planFlags(statement: string, plan: PlanNode): string[] {
  const flags = new Set<string>();
  const walk = (node: PlanNode) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && BIG_TABLES.has(node['Relation Name'])) {
      flags.add(`Seq Scan on ${node['Relation Name']}`);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  if (/\boffset\b/i.test(statement)) flags.add('OFFSET');
  return [...flags];
}

/** A compact text rendering of a JSON plan: node, relation/index, rows × loops, time, buffers. */
export function renderPlan(plan: PlanNode): string {
  const lines: string[] = [];
  const walk = (node: PlanNode, depth: number) => {
    const parts = [node['Node Type']];
    if (node['Relation Name']) parts.push(`on ${node['Relation Name']}`);
    if (node['Index Name']) parts.push(`using ${node['Index Name']}`);
    const stats = [
      node['Actual Rows'] !== undefined ? `rows=${node['Actual Rows']}` : '',
      node['Actual Loops'] !== undefined && node['Actual Loops'] !== 1 ? `loops=${node['Actual Loops']}` : '',
      node['Actual Total Time'] !== undefined ? `time=${node['Actual Total Time']} ms` : '',
      node['Shared Hit Blocks'] || node['Shared Read Blocks']
        ? `buffers hit=${node['Shared Hit Blocks'] ?? 0} read=${node['Shared Read Blocks'] ?? 0}`
        : '',
    ].filter(Boolean);
    const cond = node['Index Cond'] ?? node.Filter;
    lines.push(
      `${'  '.repeat(depth)}${depth ? '-> ' : ''}${parts.join(' ')} (${stats.join(' ')})${cond ? ` [${cond}]` : ''}`,
    );
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(plan, 0);
  return lines.join('\n');
}

/** Splits captured plans at the markers: `{ scenario → plans sent between its markers }`. */
export function plansByMarker(plans: CapturedPlan[]): Map<string, CapturedPlan[]> {
  const out = new Map<string, CapturedPlan[]>();
  let current: string | null = null;
  for (const p of plans) {
    const m = /'bench-plan:(begin|end):([^']+)'/.exec(p.statement);
    if (m) {
      current = m[1] === 'begin' ? m[2]! : null;
      if (current && !out.has(current)) out.set(current, []);
      continue;
    }
    if (current) out.get(current)!.push(p);
  }
  return out;
}

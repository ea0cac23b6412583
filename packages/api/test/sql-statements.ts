import type { TestApi } from './harness.js';
import {
  isTransactionControl,
  onRequestTraced,
  type SqlTrace,
  type TracedStatement,
} from '../src/db/sql-trace.js';

/**
 * What ONE HTTP request to the API sent to PostgreSQL (src/db/sql-trace.ts; tracing is on in the
 * test configuration). `statements` are the ones a SQL budget counts, in order — everything the
 * request issued through the ORM's pool: session lookup, rate budget, queries, `em.execute` raw SQL.
 * Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE) is listed apart in
 * `transactionControl` and NOT counted.
 */
export interface SqlStatements {
  count: number;
  statements: TracedStatement[];
  transactionControl: string[];
  /** Statements sent more than once with the same SQL text AND the same parameters. */
  duplicates: TracedStatement[];
}

/**
 * Runs `request` (which must send exactly one HTTP request to `api`, e.g.
 * `() => api.gql(...)`) and returns its result with the statements that request issued.
 * Requests run by `request` must not overlap with other requests to the API.
 */
export async function sqlStatementsOf<T>(
  api: Pick<TestApi, 'platform'>,
  request: () => Promise<T>,
): Promise<SqlStatements & { result: T }> {
  const traces: SqlTrace[] = [];
  const stop = onRequestTraced((trace) => {
    if (trace.port === api.platform.port) traces.push(trace);
  });
  let result: T;
  try {
    result = await request();
    // `finish` fires when the response is handed to the socket, which may be a moment after the
    // client has read it; then give statements issued after the answer (there should be none) a chance.
    for (let i = 0; i < 50 && traces.length === 0; i++) await new Promise((r) => setTimeout(r, 2));
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    stop();
  }
  if (traces.length !== 1) {
    throw new Error(
      `expected exactly one traced HTTP request, saw ${traces.length}` +
        (traces.length === 0 ? ' (is SQL_TRACE on? tests default to on)' : ''),
    );
  }
  const all = traces[0]!.statements;
  const statements = all.filter((s) => !isTransactionControl(s.sql));
  return {
    result,
    count: statements.length,
    statements,
    transactionControl: all.filter((s) => isTransactionControl(s.sql)).map((s) => s.sql),
    duplicates: duplicatesOf(statements),
  };
}

function duplicatesOf(statements: TracedStatement[]): TracedStatement[] {
  const seen = new Set<string>();
  const dups: TracedStatement[] = [];
  for (const s of statements) {
    const key = JSON.stringify([s.sql, s.params]);
    if (seen.has(key)) dups.push(s);
    seen.add(key);
  }
  return dups;
}

/** One line per statement (for failure messages). */
export function describeStatements(s: Pick<SqlStatements, 'statements'>): string {
  return s.statements
    .map(
      (st, i) =>
        `${i + 1}. ${st.sql.replace(/\s+/g, ' ').slice(0, 300)}  ${JSON.stringify(st.params).slice(0, 120)}`,
    )
    .join('\n');
}

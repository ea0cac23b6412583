import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Pool, PoolClient } from 'pg';

/**
 * Statement tracing (issue 8: SQL budgets). When `config.sqlTrace` is on (`SQL_TRACE`, default: on
 * in tests only), every client of the ORM's `pg` pool reports each statement it is given to the
 * trace of the HTTP request whose async context issued it. That is the lowest layer all of the
 * API's SQL goes through — MikroORM queries, `em.execute` raw SQL, transaction control (BEGIN,
 * COMMIT, ROLLBACK, SAVEPOINT … issued by Kysely) and connection-reservation statements — while
 * graphile-worker's own pool (polling, job runs) is a different pool and is never traced.
 * With tracing off nothing is installed: no wrapper, no AsyncLocalStorage, nothing per statement.
 */

export interface TracedStatement {
  sql: string;
  params: readonly unknown[];
  /** The name it was prepared under, when sent as a named (prepared) statement. */
  name?: string;
}

/** The statements one HTTP request sent to PostgreSQL, in the order they were issued. */
export class SqlTrace {
  readonly statements: TracedStatement[] = [];
  finished = false;
  constructor(
    readonly method: string,
    readonly url: string,
    /** The local port the request came in on (tells apart several servers in one process). */
    readonly port: number | undefined,
  ) {}
}

const storage = new AsyncLocalStorage<SqlTrace>();
const listeners = new Set<(trace: SqlTrace) => void>();

/** Transaction control is listed apart from the statements a budget counts. */
export const TRANSACTION_CONTROL =
  /^\s*(begin|start\s+transaction|commit|end|rollback|savepoint|release(\s+savepoint)?|rollback\s+to)\b/i;

export function isTransactionControl(sql: string): boolean {
  return TRANSACTION_CONTROL.test(sql);
}

/** Wraps `client.query` of every connection the pool opens (pass as MikroORM `driverOptions.onPoolCreated`). */
export function traceSqlOfPool(pool: Pool): void {
  pool.on('connect', (client: PoolClient) => {
    const query = client.query;
    // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; arguments pass through untouched.
    (client as any).query = function tracedQuery(this: PoolClient, ...args: any[]) {
      const trace = storage.getStore();
      if (trace) trace.statements.push(statementOf(args[0], args[1]));
      // biome-ignore lint/suspicious/noExplicitAny: see above
      return (query as any).apply(this, args);
    };
  });
}

function statementOf(first: unknown, second: unknown): TracedStatement {
  if (typeof first === 'string') return { sql: first, params: Array.isArray(second) ? second : [] };
  const config = first as { text?: unknown; values?: unknown; name?: unknown } | null;
  const sql = typeof config?.text === 'string' ? config.text : String(first);
  const values = Array.isArray(config?.values) ? config.values : Array.isArray(second) ? second : [];
  return typeof config?.name === 'string' && config.name
    ? { sql, params: values, name: config.name }
    : { sql, params: values };
}

/**
 * Express middleware: the rest of the request runs inside its own trace. Mount it AFTER the body
 * parser (a stream's `end` event runs in the socket's async context, not the request's).
 */
export function sqlTraceMiddleware() {
  return (req: Request, res: Response, next: NextFunction) => {
    const trace = new SqlTrace(req.method, req.originalUrl, req.socket.localPort);
    res.on('finish', () => finish(trace));
    res.on('close', () => finish(trace));
    storage.run(trace, next);
  };
}

function finish(trace: SqlTrace): void {
  if (trace.finished) return;
  trace.finished = true;
  for (const listener of listeners) listener(trace);
}

/** Calls `listener` with the trace of every request that finishes until the returned function is called. */
export function onRequestTraced(listener: (trace: SqlTrace) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

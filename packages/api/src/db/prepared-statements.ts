import type { Pool, PoolClient } from 'pg';

/**
 * Prepared statements on every connection of the ORM's pool, for the statements the API marks as
 * such (db/lean-query.ts). PostgreSQL then parses and plans a hot statement once per connection
 * instead of on every call — in the checkout flow planning was 44% of the database's time
 * (docs/performance.md). Statements reach the pool as `(text, values)` from Kysely inside a
 * transaction, where no name can be passed; the pool's clients look the text up here and send it
 * as a named statement. Text not registered (MikroORM's own SQL, which carries its values inline)
 * passes untouched.
 *
 * After a schema change a prepared statement whose result columns changed fails once with
 * "cached plan must not change result type" (SQLSTATE 0A000, e.g. `select *` on a table that
 * gained a column while this process ran); its text then gets a new name, so every connection
 * prepares it afresh on its next use instead of failing again.
 */

/** At most this many distinct texts are prepared; beyond it statements run unnamed (bounded memory). */
export const MAX_PREPARED_STATEMENTS = 2_000;

const names = new Map<string, string>();
const taken = new Set<string>();
let renamed = 0;

/**
 * The name `text` is prepared under (registering it under `preferred` the first time), or null when
 * the registry is full. One name per text, one text per name.
 */
export function preparedName(text: string, preferred: string): string | null {
  const known = names.get(text);
  if (known) return known;
  if (names.size >= MAX_PREPARED_STATEMENTS) return null;
  let name = preferred;
  for (let i = 2; taken.has(name); i++) name = `${preferred}_${i}`;
  names.set(text, name);
  taken.add(name);
  return name;
}

/** The name a registered text is prepared under now (tests). */
export function registeredName(text: string): string | undefined {
  return names.get(text);
}

/** A stable name prefix for a statement text (a short hash of it). */
export function statementName(prefix: string, text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return `${prefix}_${(h >>> 0).toString(36)}`;
}

function isStaleResultType(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && /cached plan must not change result type/.test(String(e.message));
}

/** After a failed named statement: a stale result type gives its text a new name (see above). */
export function renameIfStale(text: string, name: string, error: unknown): void {
  if (!isStaleResultType(error) || names.get(text) !== name) return;
  renamed++;
  const fresh = `${name.replace(/_r\d+$/, '')}_r${renamed}`;
  names.set(text, fresh);
  taken.add(fresh);
}

/**
 * Wraps `client.query` of every connection the pool opens (part of MikroORM's
 * `driverOptions.onPoolCreated`): a registered text given as `(text, values)` goes out as
 * `{ name, text, values }`.
 */
export function prepareStatementsOfPool(pool: Pool): void {
  pool.on('connect', (client: PoolClient) => {
    const query = client.query;
    // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; other forms pass through untouched.
    (client as any).query = function preparedQuery(this: PoolClient, ...args: any[]) {
      const [text, values] = args;
      const name =
        typeof text === 'string' && args.length === 2 && Array.isArray(values) ? names.get(text) : undefined;
      // biome-ignore lint/suspicious/noExplicitAny: see above
      if (!name) return (query as any).apply(this, args);
      // biome-ignore lint/suspicious/noExplicitAny: see above
      const result = (query as any).call(this, { name, text, values }) as Promise<unknown>;
      return result.catch((error: unknown) => {
        renameIfStale(text, name, error);
        throw error;
      });
    };
  });
}

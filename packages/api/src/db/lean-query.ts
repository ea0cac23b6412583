import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import { preparedName, renameIfStale, statementName } from './prepared-statements.js';

export { statementName };

/** A SQL statement with `$n` parameters and a name to prepare it under (one name per distinct text). */
export interface Statement {
  name: string;
  text: string;
  values: unknown[];
  /**
   * `false`: sent unnamed, so PostgreSQL plans it with the actual values every time instead of
   * settling on a generic plan after five executions. For statements whose best plan depends on a
   * value: a LIKE pattern matching 90% of the products wants an id-ordered walk, a rare one the
   * trigram index — the generic plan cannot know which (catalog search, docs/performance.md).
   */
  prepare?: boolean;
}

const pools = new WeakMap<object, Pool>();

/** The part of MikroORM's transaction context (a Kysely transaction) used here. */
interface TransactionConnection {
  executeQuery<R>(query: unknown): Promise<{ rows: R[] }>;
}

/**
 * A Kysely raw compiled query (what `CompiledQuery.raw(sql, parameters)` builds): the `$n`
 * parameters go to PostgreSQL as they are, unlike `em.execute`, which inlines `?` values.
 */
function rawQuery(s: Statement) {
  return {
    sql: s.text,
    parameters: s.values,
    query: { kind: 'RawNode', sqlFragments: [s.text], parameters: [] },
    queryId: { queryId: s.name },
  };
}

/**
 * Hot paths: runs a statement as a PREPARED statement (parsed and planned once per connection,
 * db/prepared-statements.ts) and returns plain rows — no entity hydration, no identity map.
 * Inside a transaction it runs on the transaction's connection, so a read after a write in the
 * same mutation sees that write and takes part in its locks; outside, on the ORM's own `pg` pool.
 * `prepare: false` sends it unnamed (planned with the actual values every time).
 */
export async function leanQuery<R extends Record<string, unknown>>(
  em: EntityManager,
  statement: Statement,
): Promise<R[]> {
  const name = statement.prepare === false ? null : preparedName(statement.text, statement.name);
  const trx = em.getTransactionContext<TransactionConnection>();
  // In a transaction the pool's client adds the registered name (Kysely passes only text and values).
  if (trx) return (await trx.executeQuery<R>(rawQuery(statement))).rows;
  const connection = em.getConnection() as PostgreSqlConnection;
  let pool = pools.get(connection);
  if (!pool) {
    pool = (await connection.getNativeClient()) as Pool;
    pools.set(connection, pool);
  }
  if (!name) return (await pool.query<R>({ text: statement.text, values: statement.values })).rows;
  try {
    return (await pool.query<R>({ name, text: statement.text, values: statement.values })).rows;
  } catch (error) {
    renameIfStale(statement.text, name, error);
    throw error;
  }
}

/**
 * `em.execute`'s SQL (`?` placeholders, an array expanding to a list as in `in (?)`) as a prepared
 * [[Statement]] with `$n` parameters: the same text for the same shape of values, so it is planned
 * once per connection. MikroORM's `em.execute` instead writes the values into the text, and
 * PostgreSQL plans every call anew. Values go as `pg` parameters: strings, numbers, booleans,
 * null, Dates (as ISO instants), Buffers; plain objects as JSON.
 */
export function prepared(prefix: string, sql: string, params: readonly unknown[]): Statement {
  let text = '';
  const values: unknown[] = [];
  let from = 0;
  let next = 0;
  const placeholder = (value: unknown) => {
    values.push(
      value instanceof Date ? value.toISOString() : isPlainObject(value) ? JSON.stringify(value) : value,
    );
    return `$${values.length}`;
  };
  for (let at = sql.indexOf('?'); at !== -1; at = sql.indexOf('?', at + 1)) {
    if (sql[at + 1] === '?' || sql[at - 1] === '\\') {
      throw new Error('prepared(): identifiers (??) and escaped placeholders are not supported');
    }
    if (next >= params.length)
      throw new Error(`prepared(): more placeholders than the ${params.length} values`);
    const value = params[next++];
    text +=
      sql.slice(from, at) + (Array.isArray(value) ? value.map(placeholder).join(', ') : placeholder(value));
    from = at + 1;
  }
  if (next !== params.length) throw new Error(`prepared(): ${params.length} values for ${next} placeholders`);
  text += sql.slice(from);
  return { name: statementName(prefix, text), text, values };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `em.execute(sql, params)` as a prepared statement (see [[prepared]]); the rows as PostgreSQL gives them. */
export function executePrepared<R extends Record<string, unknown>>(
  em: EntityManager,
  prefix: string,
  sql: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  return leanQuery<R>(em, prepared(prefix, sql, params));
}

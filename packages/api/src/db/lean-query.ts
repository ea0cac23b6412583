import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';

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

/** A stable name for a statement text: each shape is prepared once per connection. */
export function statementName(prefix: string, text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return `${prefix}_${(h >>> 0).toString(36)}`;
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
 * Hot read paths: runs a statement as a PREPARED statement on the ORM's own `pg` pool (parsed and
 * planned once per connection) and returns plain rows — no entity hydration, no identity map.
 * Inside a transaction it runs on the transaction's connection instead (unprepared), so a read
 * after a write in the same mutation sees that write and takes part in its locks.
 */
export async function leanQuery<R extends Record<string, unknown>>(
  em: EntityManager,
  statement: Statement,
): Promise<R[]> {
  const trx = em.getTransactionContext<TransactionConnection>();
  if (trx) return (await trx.executeQuery<R>(rawQuery(statement))).rows;
  const connection = em.getConnection() as PostgreSqlConnection;
  let pool = pools.get(connection);
  if (!pool) {
    pool = (await connection.getNativeClient()) as Pool;
    pools.set(connection, pool);
  }
  const result = await pool.query<R>(
    statement.prepare === false
      ? { text: statement.text, values: statement.values }
      : { name: statement.name, text: statement.text, values: statement.values },
  );
  return result.rows;
}

import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';

/** A SQL statement with `$n` parameters and a name to prepare it under (one name per distinct text). */
export interface Statement {
  name: string;
  text: string;
  values: unknown[];
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
  const result = await pool.query<R>({
    name: statement.name,
    text: statement.text,
    values: statement.values,
  });
  return result.rows;
}

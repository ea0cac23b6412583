import type { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from './lean-query.js';

/**
 * Several writes sent as ONE statement: each part is a common table expression (an insert, an
 * update, or a select calling a function such as `graphile_worker.add_job`), and the statement
 * runs them all in the caller's transaction — one round trip instead of one per table.
 *
 * PostgreSQL runs every data-modifying CTE whether or not it is referenced, but a plain `select`
 * CTE only when something reads it: parts added with `mustRun` are counted in the final select, so
 * their side effects happen. All parts see the same snapshot — a part cannot see another's rows
 * except through its `returning` output, which later parts may read by the name `add` returned.
 * Parameters are positional `?`, kept in the order the parts were added.
 */
export class WriteBatch {
  private readonly parts: { name: string; sql: string; params: unknown[]; mustRun: boolean }[] = [];

  /** Adds a part; returns the name later parts (and `returning`) refer to it by. */
  add(sql: string, params: unknown[] = [], opts: { mustRun?: boolean } = {}): string {
    const name = `w${this.parts.length}`;
    this.parts.push({ name, sql, params, mustRun: opts.mustRun ?? false });
    return name;
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /**
   * Runs the statement; `returning` maps column names to expressions over the parts (e.g.
   * `(select json_agg(x) from w0 x)`), read from the one row it answers.
   */
  async run<R extends Record<string, unknown>>(
    em: EntityManager,
    returning: Record<string, string> = {},
  ): Promise<R> {
    if (this.parts.length === 0) return {} as R;
    const ctes = this.parts.map((p) => `${p.name} as (${p.sql})`).join(',\n');
    const forced = this.parts.filter((p) => p.mustRun).map((p) => `(select count(*) from ${p.name})`);
    const columns = [
      `${forced.length > 0 ? forced.join(' + ') : '0'} as "batchEffects"`,
      ...Object.entries(returning).map(([column, expression]) => `${expression} as "${column}"`),
    ];
    const [row] = await executePrepared<R>(
      em,
      'batch',
      `with ${ctes}\nselect ${columns.join(', ')}`,
      this.parts.flatMap((p) => p.params),
    );
    return row as R;
  }
}

/** Rows as one `jsonb` parameter, read back in a part with `jsonb_to_recordset(?::jsonb) as x(…)`. */
export const jsonRows = (rows: Record<string, unknown>[]): string => JSON.stringify(rows);

import type { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '../../db/lean-query.js';

/** Size and refill speed of every throttle identity's bucket. */
export interface BudgetSettings {
  /** The most cost points a bucket holds (also its level for a caller seen for the first time). */
  maximumAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

/** The `throttleStatus` of `extensions.cost` (Shopify's shape). */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type SpendResult =
  | { allowed: true; status: ThrottleStatus }
  | { allowed: false; status: ThrottleStatus; retryAfterSeconds: number };

// The level now, leaked up from the stored one; `greatest(0, …)` because a statement whose
// transaction started earlier may get the row lock after a later one updated it.
const LEVEL = `least(?::float8, b.available + greatest(0, extract(epoch from (now() - b.updated_at)))::float8 * ?::float8)`;

/**
 * Takes `cost` points from the bucket of `key` in ONE statement: the row is created full (minus the
 * cost) for a new caller, otherwise its leaked-up level minus the cost is stored, but only when that
 * stays ≥ 0. PostgreSQL's row lock on conflict makes concurrent requests of several API instances
 * queue on the same row, so the budget cannot be overspent. A refusal spends nothing.
 */
export async function spendBudget(
  em: EntityManager,
  key: string,
  cost: number,
  settings: BudgetSettings,
): Promise<SpendResult> {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  if (cost <= max) {
    const rows = await executePrepared<{ available: number }>(
      em,
      'budget',
      `insert into rate_budget as b (key, available, updated_at) values (?, ?::float8 - ?::float8, now())
       on conflict (key) do update
         set available = ${LEVEL} - ?::float8, updated_at = greatest(b.updated_at, now())
         where ${LEVEL} >= ?::float8
       returning available`,
      [key, max, cost, max, rate, cost, max, rate, cost],
    );
    if (rows.length > 0) {
      return { allowed: true, status: statusOf(Number(rows[0]?.available), settings) };
    }
  }
  return refusal(cost, await peekBudget(em, key, settings), settings);
}

/** The level of a bucket now, without spending (a caller never seen has a full bucket). */
export async function peekBudget(
  em: EntityManager,
  key: string,
  settings: BudgetSettings,
): Promise<ThrottleStatus> {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  const [row] = await executePrepared<{ available: number }>(
    em,
    'budget',
    `select ${LEVEL} as available from rate_budget b where key = ?`,
    [max, rate, key],
  );
  return statusOf(row ? Number(row.available) : max, settings);
}

/** A statement giving zero or one row with a `user_id` column: the caller's session, when there is one. */
export interface SessionQuery {
  sql: string;
  params: unknown[];
}

/**
 * The request prelude in ONE statement: finds the caller's session (`session.sql`) and takes `cost`
 * points from the bucket of `user:<its user id>`, or of `fallbackKey` (the client address) when the
 * token has no session — the same upsert as `spendBudget`, as a data-modifying CTE. Returns the
 * session row (or null) and the spend. On a refusal the level reported is the one this statement's
 * snapshot saw; should that disagree with the refusal (a concurrent request changed the row in
 * between), it is read again.
 */
export async function spendBudgetWithSession<R extends object>(
  em: EntityManager,
  session: SessionQuery,
  fallbackKey: string,
  cost: number,
  settings: BudgetSettings,
): Promise<{ session: R | null; spent: SpendResult }> {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  const [row] = await executePrepared<
    Record<string, unknown> & { spent: number | null; level: number | null }
  >(
    em,
    'budget',
    `with v as (${session.sql}),
     k as (select coalesce((select 'user:' || v.user_id from v), ?::text) as key),
     before as (select b.available, b.updated_at from rate_budget b join k on b.key = k.key),
     spend as (
       insert into rate_budget as b (key, available, updated_at)
       select k.key, ?::float8 - ?::float8, now() from k where ?::float8 <= ?::float8
       on conflict (key) do update
         set available = ${LEVEL} - ?::float8, updated_at = greatest(b.updated_at, now())
         where ${LEVEL} >= ?::float8
       returning b.available
     )
     select v.*, (select available from spend) as spent, (select ${LEVEL} from before b) as level
     from (select 1) as one left join v on true`,
    [...session.params, fallbackKey, max, cost, cost, max, max, rate, cost, max, rate, cost, max, rate],
  );
  const { spent, level, ...rest } = row ?? { spent: null, level: null };
  const found = rest.user_id === null || rest.user_id === undefined ? null : (rest as R);
  if (spent !== null && spent !== undefined) {
    return { session: found, spent: { allowed: true, status: statusOf(Number(spent), settings) } };
  }
  const key = found ? `user:${(found as { user_id: unknown }).user_id}` : fallbackKey;
  let status = statusOf(level === null || level === undefined ? max : Number(level), settings);
  if (cost <= max && status.currentlyAvailable >= cost) status = await peekBudget(em, key, settings);
  return { session: found, spent: refusal(cost, status, settings) };
}

/** The caller's session and the level of its bucket, in one statement (nothing spent). */
export async function peekBudgetWithSession<R extends object>(
  em: EntityManager,
  session: SessionQuery,
  fallbackKey: string,
  settings: BudgetSettings,
): Promise<{ session: R | null; status: ThrottleStatus }> {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  const [row] = await executePrepared<Record<string, unknown> & { level: number | null }>(
    em,
    'budget',
    `with v as (${session.sql})
     select v.*, (select ${LEVEL} from rate_budget b
                  where b.key = coalesce((select 'user:' || v2.user_id from v v2), ?::text)) as level
     from (select 1) as one left join v on true`,
    [...session.params, max, rate, fallbackKey],
  );
  const { level, ...rest } = row ?? { level: null };
  const found = rest.user_id === null || rest.user_id === undefined ? null : (rest as R);
  return {
    session: found,
    status: statusOf(level === null || level === undefined ? max : Number(level), settings),
  };
}

function refusal(cost: number, status: ThrottleStatus, settings: BudgetSettings): SpendResult {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  const missing = cost - status.currentlyAvailable;
  const retryAfterSeconds = cost > max ? Number.POSITIVE_INFINITY : Math.max(1, Math.ceil(missing / rate));
  return { allowed: false, status, retryAfterSeconds };
}

function statusOf(available: number, settings: BudgetSettings): ThrottleStatus {
  return {
    maximumAvailable: settings.maximumAvailable,
    currentlyAvailable: Math.max(0, Math.floor(available)),
    restoreRate: settings.restoreRate,
  };
}

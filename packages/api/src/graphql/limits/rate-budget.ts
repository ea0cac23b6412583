import type { EntityManager } from '@mikro-orm/postgresql';

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
    const rows = await em.execute<{ available: number }[]>(
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
  const status = await peekBudget(em, key, settings);
  const missing = cost - status.currentlyAvailable;
  const retryAfterSeconds = cost > max ? Number.POSITIVE_INFINITY : Math.max(1, Math.ceil(missing / rate));
  return { allowed: false, status, retryAfterSeconds };
}

/** The level of a bucket now, without spending (a caller never seen has a full bucket). */
export async function peekBudget(
  em: EntityManager,
  key: string,
  settings: BudgetSettings,
): Promise<ThrottleStatus> {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  const [row] = await em.execute<{ available: number }[]>(
    `select ${LEVEL} as available from rate_budget b where key = ?`,
    [max, rate, key],
  );
  return statusOf(row ? Number(row.available) : max, settings);
}

function statusOf(available: number, settings: BudgetSettings): ThrottleStatus {
  return {
    maximumAvailable: settings.maximumAvailable,
    currentlyAvailable: Math.max(0, Math.floor(available)),
    restoreRate: settings.restoreRate,
  };
}

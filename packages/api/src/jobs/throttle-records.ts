import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobHandler } from './job-queue.js';

/** Recurring clean-up of the guessing and rate-limit records (crontab identifiers allow no dots). */
export const PRUNE_THROTTLE_RECORDS = 'throttles:prune';

/**
 * How long a record is kept: a day, far beyond any window that counts it (15 minutes for coupon
 * and order-key guesses; a query-budget bucket idle that long is full again, the same as no row),
 * so abuse can still be looked into the next morning while the tables stay bounded by a day of
 * traffic instead of growing for ever. Login attempts are pruned with the account records.
 */
const KEEP = '1 day';
const RECORDS = [
  { table: 'coupon_attempt', column: 'created_at' },
  { table: 'order_key_failure', column: 'created_at' },
  { table: 'rate_budget', column: 'updated_at' },
] as const;

/** Deletes the records older than KEEP; returns how many of each table went. */
export async function pruneThrottleRecords(em: EntityManager): Promise<Record<string, number>> {
  const pruned: Record<string, number> = {};
  for (const { table, column } of RECORDS) {
    const result = await em.execute<{ affectedRows: number }>(
      `delete from ${table} where ${column} < now() - interval '${KEEP}'`,
      [],
      'run',
    );
    pruned[table] = result.affectedRows ?? 0;
  }
  return pruned;
}

export const pruneThrottleRecordsJob: JobHandler = async (_payload, { em, logger }) => {
  logger.debug({ pruned: await pruneThrottleRecords(em) }, 'pruned throttle records');
};

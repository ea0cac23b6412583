import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, runMigrations } from 'graphile-worker';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';

/** What a background job gets: its own EntityManager fork per run, configuration and a logger. */
export interface JobDeps {
  orm: Orm;
  config: Config;
  logger: Logger;
}

export type JobHandler = (payload: unknown, deps: JobDeps & { em: EntityManager }) => Promise<void>;

/**
 * Jobs live in PostgreSQL (graphile-worker): they are added in the same transaction as the change
 * that causes them, survive restarts, are retried with exponential backoff, and each runs once
 * however many API instances poll the queue.
 */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: new WorkerLogger(() => () => undefined) });
}

export interface EnqueueOptions {
  runAt?: Date;
  /** A job with the same key replaces the pending one (e.g. one timeout per order). */
  jobKey?: string;
  maxAttempts?: number;
}

/** Adds a job inside the caller's transaction: it exists only if that transaction commits. */
export async function enqueue(
  em: EntityManager,
  task: string,
  payload: object,
  opts: EnqueueOptions = {},
): Promise<void> {
  await em.execute(
    'select graphile_worker.add_job(?, ?::json, run_at => ?::timestamptz, job_key => ?, max_attempts => ?)',
    [
      task,
      JSON.stringify(payload),
      opts.runAt?.toISOString() ?? null,
      opts.jobKey ?? null,
      opts.maxAttempts ?? 10,
    ],
  );
}

export { type JobRunner, startJobRunner } from './job-runner.js';

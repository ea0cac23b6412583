import { EventEmitter } from 'node:events';
import { Logger as WorkerLogger, run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import { APPLICATION_NAMES, type Orm, withApplicationName } from '../db/orm.js';
import type { JobDeps, JobHandler } from './job-queue.js';
import { startWorkerHeartbeat, type WorkerHeartbeat } from './worker-heartbeat.js';

export interface JobRunner {
  /** Stops taking jobs, lets the running ones finish, stops the heartbeat. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  connectionString: string;
  handlers: Record<string, JobHandler>;
  deps: JobDeps;
  crontab?: string;
  concurrency?: number;
}

interface Pool {
  runner: Runner;
  heartbeat: () => WorkerHeartbeat | null;
}

/**
 * Runs the jobs of this process (graphile-worker), and keeps running them through database
 * outages. graphile-worker 0.18 records a job's outcome right after its handler returns; when that
 * write fails (the database went away) its pool shuts itself down ("queue is in an inconsistent
 * state"). So:
 * - a job failing because the database is unreachable waits for it before failing, so the failure
 *   can be recorded and the job retried (`waitForDatabase`);
 * - a pool that stops without being asked is replaced by a new one (with backoff while the database
 *   is away). The dead pool's heartbeat goes stale and the sweep (worker-heartbeat.ts) frees the
 *   jobs it still held, exactly as for a process that died.
 */
export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const log = opts.deps.logger.child({ component: 'jobs' });
  let stopping = false;
  let current = await startPool(opts);
  let restarting: Promise<void> | null = null;
  let wake: () => void = () => undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, ms);
    });

  const replace = async (dead: Pool) => {
    await dead.heartbeat()?.stop({ dead: true });
    for (let attempt = 0; !stopping; attempt++) {
      try {
        const pool = await startPool(opts);
        if (stopping) {
          await stopPool(pool);
          return;
        }
        current = pool;
        log.info('job worker pool restarted');
        supervise(pool);
        return;
      } catch (error) {
        log.warn({ err: error }, 'could not start a job worker pool yet');
        await pause(Math.min(30_000, 1000 * 2 ** attempt));
      }
    }
  };

  const supervise = (pool: Pool) => {
    pool.runner.promise
      .then(
        () => null,
        (error: unknown) => error,
      )
      .then((error) => {
        if (stopping) return;
        log.error({ err: error }, 'the job worker pool stopped by itself: starting a new one');
        restarting = replace(pool).finally(() => {
          restarting = null;
        });
      });
  };
  supervise(current);

  return {
    async stop() {
      stopping = true;
      wake();
      await restarting;
      await stopPool(current);
    },
  };
}

async function stopPool(pool: Pool): Promise<void> {
  // A pool that already stopped by itself has nothing left to stop.
  await pool.runner.stop().catch(() => undefined);
  await pool.heartbeat()?.stop();
}

async function startPool(opts: JobRunnerOptions): Promise<Pool> {
  const { deps } = opts;
  const log = deps.logger.child({ component: 'jobs' });
  const taskList: TaskList = Object.fromEntries(
    Object.entries(opts.handlers).map(([name, handler]) => [
      name,
      async (payload: unknown, helpers) => {
        try {
          await handler(payload, { ...deps, em: deps.orm.em.fork() });
        } catch (error) {
          // Recording the failure needs the database: wait for it, or the pool would give up.
          if (isDatabaseUnavailable(error)) {
            log.warn(
              { task: name, jobId: helpers.job.id },
              'job cut off by the database: waiting for it to return',
            );
            await waitForDatabase(deps.orm, helpers.abortSignal);
          }
          throw error;
        }
      },
    ]),
  );
  // The pool's id is what graphile-worker writes into `locked_by`: the heartbeat is kept under it.
  const events = new EventEmitter() as WorkerEvents;
  let heartbeat: WorkerHeartbeat | null = null;
  events.on('pool:create', ({ workerPool }) => {
    heartbeat ??= startWorkerHeartbeat({
      orm: deps.orm,
      workerId: workerPool.id,
      intervalMs: deps.config.jobWorker.heartbeatSeconds * 1000,
      expiryMs: deps.config.jobWorker.expirySeconds * 1000,
      logger: deps.logger,
    });
  });
  const runner = await run({
    connectionString: withApplicationName(opts.connectionString, APPLICATION_NAMES.jobs),
    taskList,
    concurrency: opts.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 1000,
    crontab: opts.crontab ?? '',
    events,
    // Outcomes are written in batches (of one tick): a failed write then stops the pool (replaced by
    // the supervisor above) instead of being an unhandled rejection that ends the process.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    logger: new WorkerLogger(() => (level, message, meta) => {
      if (level === 'error') log.error({ meta }, message);
      else if (level === 'warning') log.warn({ meta }, message);
      else log.debug({ meta }, message);
    }),
  });
  return { runner, heartbeat: () => heartbeat };
}

/** Resolves once `select 1` succeeds again (or the pool is shutting down, or after 10 minutes). */
async function waitForDatabase(orm: Orm, abort: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (!abort?.aborted && Date.now() < deadline) {
    try {
      await orm.em.getConnection().execute('select 1');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

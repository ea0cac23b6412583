import os from 'node:os';
import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';

/**
 * Recovery of jobs whose worker died. graphile-worker (0.18, open-source edition) locks a job with
 * its pool's id and only gives the job to someone else once the lock is 4 hours old (the interval
 * is fixed in its SQL; heartbeats are a Worker Pro feature). A process killed mid-job would so
 * delay a payment reconciliation or an email by 4 hours.
 *
 * So every pool writes a heartbeat (`job_worker.seen_at`) every `intervalMs`, and every pool sweeps:
 * jobs locked for longer than `expiryMs` by a pool whose heartbeat is older than `expiryMs` (or
 * missing) are unlocked with graphile-worker's own `force_unlock_workers`, and run again at once —
 * by whichever pool polls first. The attempt that died counts as an attempt (graphile-worker
 * counted it when it locked the job), so a job that kills its process every time still ends.
 *
 * A pool only sweeps after its own heartbeats have succeeded for a whole `expiryMs`: after a
 * database outage every live pool gets that long to beat again before anyone judges it dead.
 * Jobs are at-least-once anyway (their handlers are idempotent); this only decides how soon.
 */
export interface WorkerHeartbeatOptions {
  orm: Orm;
  /** graphile-worker's pool id (`locked_by` of the jobs it runs). */
  workerId: string;
  intervalMs: number;
  expiryMs: number;
  logger: Logger;
}

export interface WorkerHeartbeat {
  /**
   * Stops beating. After a clean shutdown (its jobs released) the row is removed; a pool that died
   * (`{ dead: true }`) leaves it to go stale, so the sweep frees whatever the pool still holds.
   */
  stop(opts?: { dead?: boolean }): Promise<void>;
}

const BEAT = `insert into job_worker (id, host, pid, started_at, seen_at) values (?, ?, ?, now(), now())
  on conflict (id) do update set seen_at = now()`;

/** Pools whose jobs are held by a dead owner: locked for longer than the expiry, and no recent heartbeat. */
const STALE_WORKERS = `select distinct j.locked_by as id from graphile_worker.jobs j
  where j.locked_by is not null and j.locked_at < now() - make_interval(secs => ?)
    and not exists (select 1 from job_worker w
      where w.id = j.locked_by and w.seen_at >= now() - make_interval(secs => ?))`;

// `?` with an array expands to `?, ?, …` (one parameter per id).
const UNLOCK = 'select graphile_worker.force_unlock_workers(array[?]::text[])';

/** Rows of pools gone for a day: kept that long to say which process held what. */
const FORGET = `delete from job_worker where seen_at < now() - interval '1 day'`;

export function startWorkerHeartbeat(opts: WorkerHeartbeatOptions): WorkerHeartbeat {
  const { orm, workerId, intervalMs, expiryMs, logger } = opts;
  const log = logger.child({ component: 'jobs', workerId });
  const expirySeconds = expiryMs / 1000;
  let connectedSince: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const execute = (sql: string, params: unknown[] = []) =>
    orm.em.getConnection().execute<{ id: string }[]>(sql, params);

  async function tick(): Promise<void> {
    try {
      await execute(BEAT, [workerId, os.hostname().slice(0, 255), process.pid]);
      connectedSince ??= Date.now();
    } catch (error) {
      if (connectedSince !== null) log.warn({ err: error }, 'job worker heartbeat failed');
      connectedSince = null;
      return;
    }
    if (Date.now() - connectedSince < expiryMs) return;
    try {
      await sweep();
    } catch (error) {
      log.warn({ err: error }, 'sweeping the jobs of stopped workers failed');
    }
  }

  async function sweep(): Promise<void> {
    const stale = (await execute(STALE_WORKERS, [expirySeconds, expirySeconds])).map((r) => r.id);
    if (stale.length > 0) {
      await execute(UNLOCK, [stale]);
      log.warn({ staleWorkers: stale }, 'unlocked the jobs of stopped workers: they run again');
    }
    await execute(FORGET);
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
  };
  running = tick().finally(schedule);

  return {
    async stop({ dead = false } = {}) {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (!dead) await execute('delete from job_worker where id = ?', [workerId]).catch(() => undefined);
    },
  };
}

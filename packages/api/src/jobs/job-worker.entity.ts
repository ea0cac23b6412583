import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The heartbeat of each running job-worker pool (one per API process with JOBS_ENABLED). The job
 * queue locks a job with the pool's id; when a pool's heartbeat goes stale its process is gone, and
 * the sweeper (jobs/worker-heartbeat.ts) unlocks its jobs so another pool retries them.
 */
@Entity({ tableName: 'job_worker' })
export class JobWorkerEntity {
  /** graphile-worker's pool id (`pool-…`), as written to `graphile_worker.jobs.locked_by`. */
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 255 })
  host!: string;

  @Property({ type: 'integer' })
  pid!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  startedAt: Opt<Date> = new Date();

  @Index()
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  seenAt: Opt<Date> = new Date();
}

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiProcess } from '../processes.js';
import {
  crashDatabase,
  holdLock,
  startApi,
  waitForBackendsGone,
  waitUntil,
  waitUntilBlocked,
} from './crash.test-support.js';

/**
 * A job whose process died is retried by another one within the heartbeat expiry, not after the
 * 4 hours graphile-worker waits by itself (jobs/worker-heartbeat.ts) — and a job that is merely
 * slow in a live process is never taken from it.
 */

// Real processes are started, killed and restarted: minutes, not seconds, on a busy 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const HEARTBEAT = { JOB_HEARTBEAT_SECONDS: '1', JOB_WORKER_EXPIRY_SECONDS: '4' };

let db: Awaited<ReturnType<typeof crashDatabase>>;
const procs: ApiProcess[] = [];

beforeAll(async () => {
  db = await crashDatabase();
});

// A process left running would take the next test's jobs.
afterEach(async () => {
  await Promise.all(procs.splice(0).map((p) => p.kill()));
});

afterAll(async () => {
  await db?.close();
});

type JobRow = {
  id: string;
  locked_by: string | null;
  attempts: number;
  locked_for: number | null;
};

const emailJob = async (emailId: number) =>
  (
    await db.sql<JobRow>(
      `select id, locked_by, attempts, extract(epoch from now() - locked_at)::float as locked_for
         from graphile_worker.jobs where task_identifier = 'email.deliver' and key = $1`,
      [`crash-email-${emailId}`],
    )
  )[0];

describe('jobs of a worker that died', () => {
  it('has its job run again by another process once its heartbeat is stale', async () => {
    const [a, b] = await Promise.all([startApi(db, HEARTBEAT), startApi(db, HEARTBEAT)]);
    procs.push(a!, b!);
    const workers = await waitUntil(
      () => db.sql<{ id: string; pid: number }>('select id, pid from job_worker order by pid'),
      (rows) => rows.length === 2,
      30_000,
      'both processes to record a heartbeat',
    );
    expect(workers.map((w) => w.pid).sort()).toEqual([a!.pid, b!.pid].sort());

    const [email] = await db.sql<{ id: number }>(
      `insert into email_message ("to", locale, template, subject, text)
       values ('crash@example.com', 'en', 'test.crash', 'Crash test', 'Delivered once.') returning id`,
    );
    // Delivery marks the row sent: the test holds the row, so the job waits inside its transaction.
    const lock = await holdLock(db.databaseUrl, 'select id from email_message where id = $1 for update', [
      email!.id,
    ]);
    await db.sql(
      `select graphile_worker.add_job('email.deliver', json_build_object('id', $1::int), job_key => $2)`,
      [email!.id, `crash-email-${email!.id}`],
    );
    const blocked = await waitUntilBlocked(db.sql, lock.pid, /email_message/);
    const running = (await emailJob(email!.id))!;
    const owner = workers.find((w) => w.id === running.locked_by)!;
    expect(owner).toBeDefined();
    expect(running.attempts).toBe(1);

    // Slow is not dead: locked for longer than the expiry, its live owner keeps it (the other sweeps).
    const slow = await waitUntil(
      () => emailJob(email!.id),
      (j) => (j?.locked_for ?? 0) > 6,
      30_000,
      'the job to be locked for longer than the expiry',
    );
    expect(slow).toMatchObject({ locked_by: owner.id, attempts: 1 });

    const [victim, survivor] = owner.pid === a!.pid ? [a!, b!] : [b!, a!];
    await victim.kill('SIGKILL');
    const killedAt = Date.now();
    await lock.release();
    await waitForBackendsGone(
      db.sql,
      blocked.map((b) => b.pid),
    );
    // Still locked by the dead pool: graphile-worker alone would leave it so for 4 hours.
    expect((await emailJob(email!.id))?.locked_by).toBe(owner.id);

    const [sent] = await waitUntil(
      () =>
        db.sql<{ status: string; attempts: number; transport: string }>(
          'select status, attempts, transport from email_message where id = $1',
          [email!.id],
        ),
      (rows) => rows[0]?.status === 'SENT',
      60_000,
      'the surviving process to deliver the email',
    );
    const recoveredInMs = Date.now() - killedAt;
    // The dead attempt was rolled back: delivered by exactly one (the second) run.
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, transport: 'dev-mailbox' });
    // graphile-worker records the completion just after the handler's commit.
    await waitUntil(
      () => emailJob(email!.id),
      (j) => j === undefined,
      30_000,
      'the job to be completed',
    );
    expect(recoveredInMs).toBeLessThan(45_000);
    const swept = survivor
      .logs()
      .find((l) => l.msg === 'unlocked the jobs of stopped workers: they run again');
    expect(swept?.staleWorkers).toEqual([owner.id]);
  });

  it('a pool that cannot record an outcome is replaced, and the job it held runs again', async () => {
    const proc = await startApi(db, HEARTBEAT);
    procs.push(proc);
    const [email] = await db.sql<{ id: number }>(
      `insert into email_message ("to", locale, template, subject, text)
       values ('crash@example.com', 'en', 'test.crash', 'Outcome lost', 'Delivered once.') returning id`,
    );
    const emailLock = await holdLock(
      db.databaseUrl,
      'select id from email_message where id = $1 for update',
      [email!.id],
    );
    await db.sql(
      `select graphile_worker.add_job('email.deliver', json_build_object('id', $1::int), job_key => $2)`,
      [email!.id, `crash-email-${email!.id}`],
    );
    await waitUntilBlocked(db.sql, emailLock.pid, /email_message/);
    const job = (await emailJob(email!.id))!;
    // The test holds the job's row too: the delivery commits, then recording its completion waits …
    const jobLock = await holdLock(
      db.databaseUrl,
      'select id from graphile_worker._private_jobs where id = $1 for update',
      [job.id],
    );
    await emailLock.release();
    const [completing] = await waitUntilBlocked(db.sql, jobLock.pid, /_private_jobs/);
    // … and its connection is cut: graphile-worker's pool cannot record the outcome and stops itself.
    await db.sql('select pg_terminate_backend($1)', [completing!.pid]);
    await jobLock.release();

    await waitUntil(
      async () => proc.logs().some((l) => l.msg === 'job worker pool restarted'),
      (restarted) => restarted,
      60_000,
      'the job runner to replace its pool',
    );
    await waitUntil(
      () => emailJob(email!.id),
      (j) => j === undefined,
      60_000,
      'the held job to run again',
    );
    expect(proc.child.exitCode).toBeNull();
    const swept = proc.logs().find((l) => l.msg === 'unlocked the jobs of stopped workers: they run again');
    expect(swept?.staleWorkers).toEqual([job.locked_by]);
    // Delivered by the first run; the second found it sent (handlers are idempotent): one email.
    const [sent] = await db.sql('select status, attempts from email_message where id = $1', [email!.id]);
    expect(sent).toEqual({ status: 'SENT', attempts: 1 });
  });
});

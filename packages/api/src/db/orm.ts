import 'reflect-metadata';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { ENTITIES } from './entities.js';
import { migrateJobQueue } from '../jobs/job-queue.js';
import { MIGRATIONS } from './migrations/index.js';
import { prepareStatementsOfPool } from './prepared-statements.js';
import { traceSqlOfPool } from './sql-trace.js';

export type Orm = MikroORM;

/** What the API's connections are called in pg_stat_activity. */
export const APPLICATION_NAMES = {
  requests: 'marketplace-api',
  jobs: 'marketplace-jobs',
  migrate: 'marketplace-migrate',
} as const;

/** The URL with `application_name` set, unless the operator's URL already names the application. */
export function withApplicationName(url: string, name: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.searchParams.has('application_name')) parsed.searchParams.set('application_name', name);
    return parsed.toString();
  } catch {
    return url;
  }
}

export interface OrmOptions {
  clientUrl: string;
  poolMax?: number;
  logger?: Logger;
  /** Record every statement per HTTP request (db/sql-trace.ts; tests and diagnostics only). */
  sqlTrace?: boolean;
}

export function ormConfig(opts: OrmOptions): Options {
  return defineConfig({
    clientUrl: opts.clientUrl,
    driverOptions: {
      // A database that cannot be reached fails a request within seconds (HTTP 503, db/database-unavailable.ts)
      // instead of leaving it waiting on a connect that never answers; keepalive finds dead sockets. pg-pool
      // applies the same limit to waiting for a free connection: 10 s of queueing is an overload, also a 503.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      // Named in pg_stat_activity (and the server's logs): the request pool apart from the job runner's.
      application_name: APPLICATION_NAMES.requests,
      // The tracer (tests) wraps each client first, so it sees the name a prepared statement goes out under.
      onPoolCreated: (pool: pg.Pool) => {
        if (opts.sqlTrace) traceSqlOfPool(pool);
        prepareStatementsOfPool(pool);
      },
    },
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: opts.poolMax ?? 10 },
    // Entities must be loaded explicitly: a forgotten populate is a bug to see, not an N+1 to hide.
    forceUndefined: false,
    allowGlobalContext: false,
    // graphile_worker owns its schema and migrates it itself.
    schemaGenerator: { ignoreSchema: ['graphile_worker'] },
    debug: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: MIGRATIONS,
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      path: 'src/db/migrations',
      pathTs: 'src/db/migrations',
    },
  });
}

export async function initOrm(opts: OrmOptions): Promise<Orm> {
  return MikroORM.init(ormConfig(opts));
}

/**
 * Key of the session-level advisory lock that serialises schema changes (and the demo seed) of every
 * process on one database: N instances starting at once, or a `migrate` command next to running ones.
 */
export const MIGRATION_LOCK_KEY = 8_240_611_409;

/**
 * Runs `fn` while holding the migration lock on its own connection (`lockUrl`: a direct or
 * session-pooled connection — a transaction-mode pooler cannot keep a session lock). Waits for the
 * process that holds it; the lock goes with the connection, so a process killed mid-migration
 * releases it (and its migration transaction rolls back).
 */
export async function withMigrationLock<T>(
  lockUrl: string,
  logger: Logger | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: lockUrl, application_name: APPLICATION_NAMES.migrate });
  // A dropped connection fails the pending query; without a listener it would also crash the process.
  client.on('error', (error) => logger?.warn({ err: error }, 'migration lock connection lost'));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
      MIGRATION_LOCK_KEY,
    ]);
    if (!rows[0]?.locked) {
      logger?.info('another process is migrating the database: waiting for it');
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    }
    try {
      return await fn();
    } finally {
      // If the connection is gone, so is the lock: the error that broke `fn` is the one to report.
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Schema changes happen only through committed migrations: applied at start (MIGRATE_ON_START,
 * default) or by `pnpm --filter @marketplace/api migrate`, always under the migration lock, so
 * however many processes try at once each migration runs exactly once.
 */
export async function migrate(orm: Orm, logger?: Logger, opts: { lockUrl?: string } = {}): Promise<string[]> {
  const clientUrl = orm.config.get('clientUrl')!;
  const lockUrl = opts.lockUrl ?? clientUrl;
  return withMigrationLock(lockUrl, logger, async () => {
    const done = await orm.migrator.up();
    if (done.length > 0) logger?.info({ migrations: done.map((m) => m.name) }, 'migrations applied');
    // The job queue keeps its own schema (graphile_worker), versioned by the library.
    await migrateJobQueue(lockUrl);
    return done.map((m) => m.name);
  });
}

/** Committed migrations not yet applied to the database (empty when the schema is current). */
export async function pendingMigrations(orm: Orm): Promise<string[]> {
  return (await orm.migrator.getPending()).map((m) => m.name);
}

export class SchemaBehindError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `The database schema is behind this release: ${pending.length} migration(s) pending (${pending.join(', ')}). ` +
        'Run `pnpm --filter @marketplace/api migrate` (or start one instance with MIGRATE_ON_START=true) first.',
    );
  }
}

/** For instances started with MIGRATE_ON_START=false: refuses to serve an older schema than the code's. */
export async function assertSchemaCurrent(orm: Orm): Promise<void> {
  const pending = await pendingMigrations(orm);
  if (pending.length > 0) throw new SchemaBehindError(pending);
}

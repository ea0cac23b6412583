import 'reflect-metadata';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { ENTITIES } from './entities.js';
import { migrateJobQueue } from '../jobs/job-queue.js';
import { MIGRATIONS } from './migrations/index.js';
import { traceSqlOfPool } from './sql-trace.js';

export type Orm = MikroORM;

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
    ...(opts.sqlTrace ? { driverOptions: { onPoolCreated: traceSqlOfPool } } : {}),
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

/** Schema changes happen only through committed migrations, applied at start. */
export async function migrate(orm: Orm, logger?: Logger): Promise<void> {
  const done = await orm.migrator.up();
  if (done.length > 0) logger?.info({ migrations: done.map((m) => m.name) }, 'migrations applied');
  // The job queue keeps its own schema (graphile_worker), versioned by the library.
  await migrateJobQueue(orm.config.get('clientUrl')!);
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded-postgres.js';
import { assertSchemaCurrent, initOrm, migrate, type Orm, withMigrationLock } from './db/orm.js';
import { createApp } from './http/app.js';
import { CRONTAB, JOB_HANDLERS } from './jobs/handlers.js';
import { type JobRunner, startJobRunner } from './jobs/job-queue.js';
import type { Logger } from './logger.js';
import { seedDemoData } from './modules/seed/seeder.js';

export interface RunningPlatform {
  url: string;
  port: number;
  orm: Orm;
  stop(): Promise<void>;
}

const EMBEDDED_DB = 'marketplace';

/** Creates a database on the server when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** The configured database, or the embedded server (started, database created) without DATABASE_URL. */
export async function openDatabase(
  config: Config,
  logger: Logger,
): Promise<{ databaseUrl: string; directUrl: string; embedded: EmbeddedServer | null }> {
  if (config.databaseUrl) {
    return {
      databaseUrl: config.databaseUrl,
      directUrl: config.databaseDirectUrl ?? config.databaseUrl,
      embedded: null,
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    port: config.embeddedPgPort,
    persistent: true,
    logger,
  });
  await ensureDatabase(embedded.url('postgres'), EMBEDDED_DB);
  const url = embedded.url(EMBEDDED_DB);
  return { databaseUrl: url, directUrl: url, embedded };
}

/** Database (embedded unless DATABASE_URL), migrations, demo data, then the HTTP server. */
export async function startPlatform(config: Config, logger: Logger): Promise<RunningPlatform> {
  const { databaseUrl, directUrl, embedded } = await openDatabase(config, logger);
  let orm: Orm | null = null;
  let httpServer: Server | null = null;
  let jobs: JobRunner | null = null;
  try {
    orm = await initOrm({
      clientUrl: databaseUrl,
      poolMax: config.dbPoolMax,
      logger,
      sqlTrace: config.sqlTrace,
    });
    // Several instances may start at once: migrations and the seed run under one advisory lock.
    if (config.migrateOnStart) await migrate(orm, logger, { lockUrl: directUrl });
    else await assertSchemaCurrent(orm);
    if (config.seedDemoData) {
      const em = orm.em.fork();
      await withMigrationLock(directUrl, logger, () => seedDemoData(em, config, logger));
    }
    if (config.jobsEnabled) {
      // graphile-worker LISTENs for new jobs: it needs a session, not a transaction-pooled connection.
      jobs = await startJobRunner({
        connectionString: directUrl,
        handlers: JOB_HANDLERS,
        crontab: CRONTAB,
        deps: { orm, config, logger },
      });
    }

    httpServer = createServer();
    const { app } = await createApp({ config, orm, logger, httpServer });
    httpServer.on('request', app);
    const server = httpServer;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;
    logger.info(
      { url: `${url}/graphql`, embeddedDatabase: Boolean(embedded), jobs: config.jobsEnabled },
      'API ready',
    );

    let stopping: Promise<void> | null = null;
    const ormRef = orm;
    const jobsRef = jobs;
    return {
      url,
      port,
      orm,
      stop: () => {
        stopping ??= (async () => {
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await jobsRef?.stop();
          await ormRef.close();
          await embedded?.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    httpServer?.close();
    await jobs?.stop().catch(() => undefined);
    await orm?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

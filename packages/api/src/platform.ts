import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded-postgres.js';
import { initOrm, migrate, type Orm } from './db/orm.js';
import { createApp } from './http/app.js';
import { CRONTAB, JOB_HANDLERS } from './jobs/handlers.js';
import { startJobRunner } from './jobs/job-queue.js';
import type { Runner } from 'graphile-worker';
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

/** Database (embedded unless DATABASE_URL), migrations, demo data, then the HTTP server. */
export async function startPlatform(config: Config, logger: Logger): Promise<RunningPlatform> {
  let embedded: EmbeddedServer | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.embeddedPgPort,
      persistent: true,
      logger,
    });
    await ensureDatabase(embedded.url('postgres'), EMBEDDED_DB);
    databaseUrl = embedded.url(EMBEDDED_DB);
  }
  let orm: Orm | null = null;
  let httpServer: Server | null = null;
  let jobs: Runner | null = null;
  try {
    orm = await initOrm({
      clientUrl: databaseUrl,
      poolMax: config.dbPoolMax,
      logger,
      sqlTrace: config.sqlTrace,
    });
    await migrate(orm, logger);
    if (config.seedDemoData) await seedDemoData(orm.em.fork(), config, logger);
    if (config.jobsEnabled) {
      jobs = await startJobRunner({
        connectionString: databaseUrl,
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
    logger.info({ url: `${url}/graphql`, embeddedDatabase: Boolean(embedded) }, 'API ready');

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

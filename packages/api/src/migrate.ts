import { type Config, ConfigError, loadConfig } from './config.js';
import { initOrm, migrate, pendingMigrations } from './db/orm.js';
import { createLogger } from './logger.js';
import { openDatabase } from './platform.js';

/**
 * `pnpm --filter @marketplace/api migrate [--status]`: the release step of a deployment
 * (docs/deploy.md). Applies the committed migrations and the job queue's schema once, under the
 * same advisory lock as instances starting with MIGRATE_ON_START, then exits; with `--status` it
 * only lists what is pending and exits with 3 when something is (a gate for deploy scripts).
 * Same environment as the API (DATABASE_URL, DATABASE_DIRECT_URL; the embedded database without).
 */
const USAGE = 'usage: migrate [--status]';
const PENDING_EXIT_CODE = 3;

const args = process.argv.slice(2);
if (args.some((a) => a !== '--status')) {
  console.error(USAGE);
  process.exit(2);
}
const statusOnly = args.includes('--status');

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const logger = createLogger(config.logLevel);

let exitCode = 0;
const { databaseUrl, directUrl, embedded } = await openDatabase(config, logger);
try {
  const orm = await initOrm({ clientUrl: databaseUrl, poolMax: 2, logger });
  try {
    if (statusOnly) {
      const pending = await pendingMigrations(orm);
      logger.info({ pending }, pending.length ? 'migrations pending' : 'database schema is current');
      if (pending.length > 0) exitCode = PENDING_EXIT_CODE;
    } else {
      const applied = await migrate(orm, logger, { lockUrl: directUrl });
      if (applied.length === 0) logger.info('database schema is current: nothing to apply');
    }
  } finally {
    await orm.close();
  }
} catch (error) {
  logger.fatal({ err: error }, 'migration failed');
  exitCode = 1;
} finally {
  await embedded?.stop();
}
process.exit(exitCode);

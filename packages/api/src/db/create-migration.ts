// Developer tool: diff the entities against a scratch database migrated to the latest
// committed migration, and write the difference as a new migration file.
//   pnpm --filter @marketplace/api run migration:create [--name=Something]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../logger.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { initOrm } from './orm.js';

const logger = createLogger('info');
const dir = await mkdtemp(path.join(os.tmpdir(), 'mp-migration-'));
const pg = await startEmbeddedPostgres({
  dataDir: path.join(dir, 'pg'),
  port: 54400 + (process.pid % 500),
  persistent: false,
});
try {
  const orm = await initOrm({ clientUrl: pg.url('postgres') });
  await orm.migrator.up();
  const name = process.argv.find((a) => a.startsWith('--name='))?.slice(7);
  const result = await orm.migrator.create(undefined, false, false, name);
  logger.info({ file: result.fileName, statements: result.diff.up.length }, 'migration created');
  await orm.close();
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}

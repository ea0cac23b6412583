import { type Config, ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startPlatform } from './platform.js';

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

try {
  const platform = await startPlatform(config, logger);
  let signals = 0;
  const shutdown = async (signal: string) => {
    if (++signals > 1) return;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
}

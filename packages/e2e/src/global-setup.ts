import type { TestProject } from 'vitest/node';
import { startStack } from './platform.js';

declare module 'vitest' {
  interface ProvidedContext {
    stack: { apiUrl: string; gatewayUrl: string; storefrontUrl: string; adminUrl: string };
  }
}

export default async function setup(project: TestProject) {
  const stack = await startStack();
  project.provide('stack', {
    apiUrl: stack.apiUrl,
    gatewayUrl: stack.gatewayUrl,
    storefrontUrl: stack.storefrontUrl,
    adminUrl: stack.adminUrl,
  });
  return () => stack.stop();
}

import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.shared.js';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node resolves `graphql` (no "exports" map) to its CommonJS entry for type-graphql and Apollo;
    // Vite would pick the ESM one for our files. One realm only, or schema types clash.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    reporters,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Test files share one PostgreSQL server but each gets its own database.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

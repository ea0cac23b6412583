import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    reporters,
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});

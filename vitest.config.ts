import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Two cores: run files in parallel but keep the browser suite from starving the rest.
    maxWorkers: 2,
  },
});

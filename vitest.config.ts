import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
    // migrate once; each test file then gets its own copy of the migrated database
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // two cores: PGlite workers are heavy, so at most two files at a time
    maxWorkers: 2,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

// Three groups, run one after the other: the bulk of the suite in parallel, then the timing test
// alone (it measures HTTP latency during a heavy query, so nothing else may load the two cores),
// then the browser tests.
const timing = ['test/api/database-off-thread.test.ts', 'test/api/import-off-loop.test.ts'];
const browser = ['test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    // migrate once; each test file then gets its own copy of the migrated database
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...timing, ...browser, '**/node_modules/**'],
          // two cores: PGlite workers are heavy, so at most two files at a time
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'timing', include: timing, fileParallelism: false, sequence: { groupOrder: 1 } } },
      {
        extends: true,
        test: { name: 'browser', include: browser, fileParallelism: false, testTimeout: 120_000, sequence: { groupOrder: 2 } },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Three projects: unit tests need nothing; integration tests need the test Neo4j that
// test/global-setup.ts starts on its own port; end-to-end tests also need the built client and Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['{server,client,graph,scripts}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          // Integration and browser tests share one Neo4j, which some tests stop and wipe: the
          // groups run one after the other, and files within a group one at a time.
          sequence: { groupOrder: 1 },
          include: ['{server,client,graph,scripts}/**/*.int.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

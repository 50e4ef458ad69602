import { defineConfig } from 'vitest/config';

/**
 * Tests live in test/, mirroring the tree; e2e tests drive Debian's Chromium.
 *
 * Two projects, run one after the other: the Node tests two files at a time (much of their
 * time is spent waiting on child processes, sockets and disk, so a second file uses the
 * other core), then the browser tests one file at a time (each already keeps Chromium, the
 * backend and the test busy at once, and their waits are tuned for a machine they have to
 * themselves). The suite must stay under 25 minutes on the 2-core CI machine.
 */
export const config = defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          globalSetup: ['test/support/warm-vite.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/support/build-renderer.ts'], maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});

export default config;

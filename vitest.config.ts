import { defineConfig } from 'vitest/config';

/** Tests live in test/, mirroring the tree; e2e tests drive Debian's Chromium. */
export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/warm-vite.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
  },
});

export default config;

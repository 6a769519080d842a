import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: {
      // The marker package throws outside React Server Components; tests are plain Node.
      'server-only': fileURLToPath(new URL('./tests/support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/domain/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/server/**/*.test.tsx', 'tests/service/**/*.test.ts'],
    environment: 'node',
    // next-auth imports `next/server` without an extension, which Node's own resolver refuses.
    server: { deps: { inline: ['next-auth'] } },
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One PGlite per worker is the expensive part; two workers match the two cores here.
    pool: 'forks',
    maxWorkers: 2,
  },
});

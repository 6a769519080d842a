import { defineConfig } from 'vitest/config';

// Browser journeys: one production server on the embedded database with the demo data, driven by
// Debian's Chromium. Files run one after another because they share that server's data.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/server.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
    reporters: process.env.CI ? ['verbose'] : ['default'],
  },
});

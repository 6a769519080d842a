import type { KnipConfig } from 'knip';

// knip: no unused files, exports or dependencies. Its Next, vitest, drizzle and ESLint plugins find
// the app's routes, the test configs and the config files; the entries below are the programs and
// the files loaded by a path that no import names.
const config: KnipConfig = {
  entry: [
    // Browser journeys (vitest.e2e.config.mts) and a process the lockout test spawns by path.
    'tests/e2e/**/*.e2e.ts',
    'tests/support/sign-in-worker.ts',
    // i18n/request.ts imports the catalogue of the visitor's language by a computed path.
    'messages/*/index.ts',
    // The PDF renderer's worker thread, started by its path (lib/server/briefing-pdf.ts).
    'components/briefing/pdf/render-worker.mjs',
  ],
  // Font files the PDF renderer reads from these packages by path (components/briefing/pdf/render.ts).
  ignoreDependencies: ['@fontsource/noto-sans', '@fontsource/noto-sans-arabic'],
  project: ['**/*.{ts,tsx,mts,mjs}'],
  // `npm run cluster` installs HAProxy with Debian's package manager when it is missing.
  ignoreBinaries: ['apt-get'],
};

export default config;

import type { KnipConfig } from 'knip';

// knip: no unused files, exports or dependencies. Its Next, vitest, drizzle and ESLint plugins find
// the app's routes, the test configs and the config files; the entries below are the programs and
// the files loaded by a path that no import names.
const config: KnipConfig = {
  entry: [
    // Browser journeys (vitest.e2e.config.mts) and the processes the lockout and job-queue tests spawn by path.
    'tests/e2e/**/*.e2e.ts',
    'tests/support/sign-in-worker.ts',
    'tests/support/notify-worker.ts',
    // i18n/request.ts imports the catalogue of the visitor's language by a computed path.
    'messages/*/index.ts',
    // The PDF renderer's worker thread, started by its path (lib/server/briefing-pdf.ts).
    'components/briefing/pdf/render-worker.mjs',
  ],
  project: ['**/*.{ts,tsx,mts,mjs}'],
  // `npm run cluster` installs HAProxy with Debian's package manager when it is missing.
  ignoreBinaries: ['apt-get'],
  // The API reference page serves this package's browser build as a file (app/api/docs/scalar.js);
  // the PDF renderer reads font files from the @fontsource packages by path (components/briefing/pdf/render.ts).
  ignoreDependencies: ['@scalar/api-reference', '@fontsource/noto-sans', '@fontsource/noto-sans-arabic'],
};

export default config;

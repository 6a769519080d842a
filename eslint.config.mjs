// ESLint: Next.js's core-web-vitals rules (React, hooks, accessibility, imports, Next) plus
// typescript-eslint's recommended rules. `npm run lint` allows no warnings, so every rule here either
// holds everywhere or is switched off below with the reason.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose (a signature Next imposes).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unused-expressions': 'error',
      // Written for the Pages Router (there is no pages/ here). Long lists and tables link with plain
      // <a> on purpose: a <Link> per row is a client component to hydrate and a prefetch per link.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  globalIgnores(['.next/**', '.next-*/**', 'data/**', 'artifacts/**', 'test-results/**', 'next-env.d.ts']),
]);

// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from disk: bundling it breaks the paths.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', '@react-pdf/renderer'],
  poweredByHeader: false,
  // The build checks the app's own code; tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  // forbidden() answers 403 with app/forbidden.tsx when a signed-in role may not open a page.
  // A spreadsheet import (10 MB and its form's framing) is the one body larger than 1 MB: the custom
  // server (server/edge-checks.ts) holds every other path to 1 MB before Next reads anything.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '11mb' }, proxyClientMaxBodySize: '11mb' },
  // The build folder can be redirected so a check build never clobbers a running server's.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The proxy adds the nonce-based Content-Security-Policy to pages and API answers; these cover
  // static files too.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);

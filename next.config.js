// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from disk: bundling it breaks the paths.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  // The build folder can be redirected so a check build never clobbers a running server's.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

module.exports = withNextIntl(nextConfig);

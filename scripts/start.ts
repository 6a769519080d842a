import { readEnv, redactUrl } from '@/lib/env';
import { serve } from '../server/serve';
import { CliError, info, run } from './lib/cli';
import { acquireDataDirLock, loadOrCreateAuthSecret } from './lib/data-dir';

// `npm start` (and `npm run dev` with --dev): check the configuration, then serve (server/serve.ts).
run(async () => {
  const dev = process.argv.includes('--dev');
  const env = readEnv();
  const embedded = env.databaseKind === 'pglite';
  if (!embedded && !env.authSecret) {
    throw new CliError(
      'AUTH_SECRET is not set. With DATABASE_URL the tracker needs a fixed secret shared by every instance: set AUTH_SECRET to 32 or more random characters (try: openssl rand -base64 33).',
    );
  }
  const release = embedded ? acquireDataDirLock(env.dataDir) : () => {};
  info(embedded ? `Database: embedded PostgreSQL in ${env.pgliteDir}` : `Database: ${redactUrl(env.databaseUrl!)}`);

  // What the app reads from the environment while it runs in this process.
  (process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';
  process.env.AUTH_SECRET = env.authSecret ?? loadOrCreateAuthSecret(env.dataDir);
  if (!process.env.AUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';
  process.env.DATA_DIR = env.dataDir;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  await serve({ env, dev, release });
});

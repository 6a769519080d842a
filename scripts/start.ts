import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { isDatabaseEmpty, seedDemoData } from '@/db/seed';
import { readEnv } from '@/lib/env';
import { redactUrl } from '@/lib/env';
import { buildIsCurrent } from './lib/start-build';
import { CliError, formatSummary, info, run } from './lib/cli';
import { acquireDataDirLock, loadOrCreateAuthSecret } from './lib/data-dir';
import { migrateForScript, openForScript } from './lib/database';

// `npm start` (and `npm run dev` with --dev): prepare the database, build when the code changed, serve.
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
  const authSecret = env.authSecret ?? loadOrCreateAuthSecret(env.dataDir);
  info(embedded ? `Database: embedded PostgreSQL in ${env.pgliteDir}` : `Database: ${redactUrl(env.databaseUrl!)}`);

  // The script closes its connection before the server opens one: one process per PGlite folder.
  const handle = await openForScript(env);
  try {
    await migrateForScript(handle, env);
    if (embedded && (await isDatabaseEmpty(handle.db))) {
      info('Empty embedded database: loading the Islamabad agenda and the demo accounts…');
      info(`Demo data seeded: ${formatSummary({ ...(await seedDemoData(handle.db)) })}.`);
    }
  } finally {
    await handle.close();
  }

  const nextBin = require.resolve('next/dist/bin/next');
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? (process.env.AUTH_URL ? undefined : 'true'),
    DATA_DIR: env.dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (!dev && !buildIsCurrent()) {
    info('Building the app (first start, or the code changed)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...childEnv, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new CliError('The build failed; see the messages above.');
    buildIsCurrent({ stamp: true });
  }

  info(`Serving on http://localhost:${env.port}`);
  const server = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '--port', String(env.port)], {
    stdio: 'inherit',
    env: childEnv,
    cwd: path.resolve('.'),
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code, signal) => {
    release();
    process.exit(code ?? (signal ? 0 : 1));
  });
});
